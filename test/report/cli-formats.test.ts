// `pathwarden analyze --format md|csv|csv-paths|sarif` end to end (built CLI, as a user runs it): each writes its
// format, no secret value appears in any, and commands without these formats refuse them as bad usage (exit 2).
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { cliFixture, pathwarden, STACK_FRAME } from '../helpers/exec.js';

const AT = ['--at', '2026-03-01T00:00:00Z'];
const BASIC = cliFixture('basic');

describe('analyze report formats (CLI)', () => {
  it('md: one Mermaid flowchart per finding', async () => {
    const r = await pathwarden(['analyze', BASIC, ...AT, '--format', 'md']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.match(/^```mermaid\nflowchart LR$/gm)).toHaveLength(6);
  });

  it('csv and csv-paths: RFC 4180 with a header, one row per finding / per path', async () => {
    const findings = await pathwarden(['analyze', BASIC, ...AT, '--format', 'csv']);
    const paths = await pathwarden(['analyze', BASIC, ...AT, '--format', 'csv-paths']);
    expect([findings.code, findings.stderr, paths.code, paths.stderr]).toEqual([0, '', 0, '']);
    const f = parse(findings.stdout) as string[][];
    const p = parse(paths.stdout) as string[][];
    expect([f.length, f[0]?.[1], p.length, p[0]?.[1]]).toEqual([7, 'id', 10, 'finding_id']);
    expect(new Set(p.slice(1).map((row) => row[1]))).toEqual(new Set(f.slice(1).map((row) => row[1])));
    expect(findings.stdout.endsWith('\r\n')).toBe(true);
  });

  it('sarif: a SARIF 2.1.0 log with a rule per finding rule and a fingerprinted, located result per finding', async () => {
    const r = await pathwarden(['analyze', BASIC, ...AT, '--format', 'sarif', '--fail-on', 'high']);
    expect([r.code, r.stderr]).toEqual([1, '']);
    const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run?.tool.driver.rules.map((x) => x.id)).toEqual(['sod-alter-invoke', 'sensitive-reach', 'leaked-alter']);
    expect(run?.results.map((x) => x.level).sort()).toEqual(['error', 'error', 'error', 'warning', 'warning', 'warning']);
    expect(run?.results.every((x) => /^pw-[0-9a-f]{16}$/.test(x.partialFingerprints['pathwardenFindingId/v1'] ?? ''))).toBe(true);
    expect(new Set(run?.results.map((x) => x.locations[0]?.physicalLocation.artifactLocation.uri))).toEqual(new Set(['credentials.csv', 'permissions.csv']));
  });

  it('never writes a secret value in any format', async () => {
    for (const format of ['md', 'csv', 'csv-paths', 'sarif']) {
      const r = await pathwarden(['analyze', cliFixture('secret'), ...AT, '--format', format]);
      expect([format, r.code]).toEqual([format, 0]);
      expect(r.stdout).not.toContain('hunter2');
    }
  });

  it('scope, diff and blast refuse the analyze-only formats as bad usage', async () => {
    for (const args of [['scope', BASIC, 'key:deploy-key'], ['diff', BASIC, BASIC], ['blast', BASIC, 'agent:support-bot']]) {
      const r = await pathwarden([...args, '--format', 'sarif']);
      expect([args[0], r.code]).toEqual([args[0], 2]);
      expect(r.stderr).toMatch(/argument 'sarif' is invalid\. Allowed choices are table, json, md/);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
