// `pathwarden scope <dir> --exposed`: every credential a secret scanner found leaked, one combined plan, in each
// format; a selector and --exposed together, neither, or nothing exposed are usage/input errors (exit 2).
import { describe, expect, it } from 'vitest';
import { pathwarden, STACK_FRAME } from '../helpers/exec.js';

const DIR = 'test/fixtures/secret-scanners/join';
const AT = ['--at', '2026-11-25T12:00:00Z'];

describe('pathwarden scope --exposed', () => {
  it('terminal: every exposed credential scoped, one plan revoking all four', async () => {
    const r = await pathwarden(['scope', DIR, '--exposed', ...AT]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'scope of "--exposed" (4 matched) at 2026-11-25T12:00:00.000Z, tier threshold <= 1',
      '2 targets at tier <= 1 reachable; plan: 4 actions, cost 4 (minimum); residual at tier <= 1: none',
    ]);
    expect(r.stdout).toContain('  risks: was found leaked at deploy/settings.py:14 (commit 3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39); has no expiry date;');
    expect(lines.filter((l) => /^ {2}\d\. /.test(l))).toEqual([
      '  1. revoke key:aws-ci  [cost 1]', '  2. revoke token:gh-release  [cost 1]',
      '  3. revoke key:leaked Google API key sha256:f9cebe22015dde27  [cost 1]', '  4. revoke token:GitHub token sha256:77abdeb0cde9dcf1  [cost 1]',
    ]);
    expect(r.stderr).toContain('matched no credential of the inventory; it is kept as leak/sha256:f9cebe22015dde27, exposed');
  });

  it('--format json: the same plan, deterministic', async () => {
    const a = await pathwarden(['scope', DIR, '--exposed', ...AT, '--format', 'json']);
    const b = await pathwarden(['scope', DIR, '--exposed', ...AT, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as { selector: string; matched: number; plan: { cost: number; items: { type: string; node?: { id: string } }[] }; residual: { clear: boolean } };
    expect([report.selector, report.matched, report.plan.cost, report.residual.clear]).toEqual(['--exposed', 4, 4, true]);
    expect(report.plan.items.map((x) => [x.type, x.node?.id])).toEqual([
      ['leaked', 'acme/key/aws-ci'], ['leaked', 'acme/token/gh-release'], ['leaked', 'leak/sha256:f9cebe22015dde27'], ['leaked', 'mcp/secret/sha256:77abdeb0cde9dcf1'],
    ]);
  });

  it('--format md is one incident ticket for every leak', async () => {
    const r = await pathwarden(['scope', DIR, '--exposed', ...AT, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Incident scope: `--exposed`\n')).toBe(true);
    expect(r.stdout).toContain('## Revocation plan (cost 4, minimum)\n\n- [ ] revoke key:aws-ci — cost 1\n');
  });

  it.each([
    [['key:aws-ci', '--exposed'], 'error: give a selector or --exposed, not both'],
    [[], 'error: missing selector (or --exposed for every leaked credential)'],
  ])('%j is a usage error', async (args, message) => {
    const r = await pathwarden(['scope', DIR, ...args]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('an inventory with nothing exposed exits 2 with one line', async () => {
    const r = await pathwarden(['scope', 'test/fixtures/mcp/cases/env-ref', '--exposed', ...AT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: no credential is exposed (load gitleaks or trufflehog reports with the inventory; docs/sources.md)\n');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
