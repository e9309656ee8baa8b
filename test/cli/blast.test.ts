// `pathwarden blast` on test/fixtures/cli/basic. Scores follow docs/scoring.md: credential acted as 2, identity 1,
// tier-2 model altered 15 × 2, tier-1 resource read 40 × 1, tier-3 resource written 5 × 2.
import { describe, expect, it } from 'vitest';
import { cliFixture, pathwarden } from '../helpers/exec.js';

const DIR = cliFixture('basic');
const AT = ['--at', '2026-03-01T00:00:00Z'];

interface JsonBlast {
  matched: number;
  principals: { source: { id: string }; score: number; breakdown: { label: string; count: number; weight: number; points: number }[]; actsAs: { id: string }[] }[];
}

describe('pathwarden blast', () => {
  it('prints the score of the agent', async () => {
    const r = await pathwarden(['blast', DIR, 'agent:support-bot', ...AT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('agent:support-bot score 70;');
    expect(r.stdout).toContain('sa:deployer -[CAN_ACCESS read]-> res:customer-db');
  });

  it('--format json has the breakdown and ranks several principals highest first', async () => {
    const r = await pathwarden(['blast', DIR, 'name:*de*', ...AT, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonBlast;
    // the key acts as the service account, so both reach the same scored targets (the tier-3 resource is not scored)
    expect(report.principals.map((p) => [p.source.id, p.score])).toEqual([['t/key/deploy-key', 70], ['t/sa/deployer', 70]]);
    expect(report.principals[1]?.breakdown.map((b) => [b.label, b.count, b.weight, b.points]).sort()).toEqual([
      ['tier 1 resource, read', 1, 40, 40],
      ['tier 2 model, alter', 1, 30, 30],
    ]);
    expect(report.principals[0]?.actsAs.map((n) => n.id)).toEqual(['t/sa/deployer']);
  });

  it('a selector that matches nothing exits 2', async () => {
    const r = await pathwarden(['blast', DIR, 'kind:Token']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')[0]).toBe('error: "kind:Token" matches no node');
  });

  it('a missing selector argument exits 2', async () => {
    const r = await pathwarden(['blast', DIR]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'selector'/);
  });
});
