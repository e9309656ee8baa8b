// Help and version: every command's --help exits 0 and shows its Examples; top-level help has the exit codes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pathwarden, ROOT } from '../helpers/exec.js';

const COMMANDS = ['analyze', 'paths', 'blast', 'export'] as const;

describe('pathwarden --help', () => {
  it.each(COMMANDS)('%s --help exits 0 with an Examples block', async (cmd) => {
    const r = await pathwarden([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^Usage: pathwarden ${cmd} `));
    expect(r.stdout).toContain('\nExamples:\n');
    expect(r.stdout).toContain(`  $ pathwarden ${cmd} `);
  });

  it.each(['paths', 'blast'])('%s --help explains selectors', async (cmd) => {
    const r = await pathwarden([cmd, '--help']);
    expect(r.stdout).toContain('Selectors');
    for (const field of ['kind:', 'name:', 'tag:', 'env:', 'owner:', 'agent:']) expect(r.stdout).toContain(field);
  });

  it('analyze --help lists the formats of the report registry and groups options', async () => {
    const r = await pathwarden(['analyze', '--help']);
    expect(r.stdout).toMatch(/choices: "table", "json", "md"/);
    for (const group of ['Input options:', 'Analysis options:', 'Output options:']) expect(r.stdout).toContain(group);
  });

  it('top-level --help lists the commands and the exit codes', async () => {
    const r = await pathwarden(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*--fail-on.*\n {2}2 /);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
    const r = await pathwarden(['--version']);
    expect([r.code, r.stdout.trim()]).toEqual([0, version]);
  });

  it('no command is a usage error (exit 2)', async () => {
    const r = await pathwarden([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: pathwarden');
  });

  it('an unknown command exits 2', async () => {
    const r = await pathwarden(['analyse']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'analyse'/);
  });
});
