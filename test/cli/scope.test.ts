// `pathwarden scope` on examples/acme: the leaked AWS key of a DBA in each format, --tier, and bad selectors.
import { describe, expect, it } from 'vitest';
import { pathwarden, STACK_FRAME } from '../helpers/exec.js';

const DIR = 'examples/acme';
const AT = ['--at', '2026-11-25T12:00:00Z'];

interface JsonScope {
  tool: { name: string };
  maxTier: number;
  matched: number;
  nodes: { source: { id: string }; reached: { tier: number; atThreshold: boolean; target: { id: string } }[] }[];
  plan: { cost: number; exact: boolean; items: { type: string; cost: number; node?: { id: string }; why: string }[]; exposed: { id: string }[]; targets: { id: string }[] };
  residual: { clear: boolean; atThreshold: unknown[]; remaining: unknown[] };
}

describe('pathwarden scope', () => {
  it('prints the four sections of the terminal report', async () => {
    const r = await pathwarden(['scope', DIR, 'key:aws-key-ivan', ...AT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('3 targets at tier <= 1 reachable; plan: 2 actions, cost 12 (minimum); residual at tier <= 1: none');
    for (const section of ['Reach by tier', 'Holders/users', 'Revocation plan: cost 12 (minimum)', 'Residual reach: none at tier <= 1 ✓']) {
      expect(lines).toContain(section);
    }
    expect(r.stdout).toContain('  1. revoke key:aws-key-ivan  [cost 1]\n');
    expect(r.stdout).toContain('  2. revoke and rotate secret:payments-db-migrator  [cost 11]\n');
    expect(r.stdout).toContain('   ! access read/write/admin res:payments-db  3 paths\n');
    expect(r.stdout).toContain('  human:Ivan Horvat -[HAS_CREDENTIAL]-> key:aws-key-ivan  examples/acme/credentials.csv:51\n');
  });

  it('--format md is an incident ticket with a checklist', async () => {
    const r = await pathwarden(['scope', DIR, 'key:aws-key-ivan', ...AT, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Incident scope: `key:aws-key-ivan`\n')).toBe(true);
    expect(r.stdout).toContain('## Revocation plan (cost 12, minimum)\n\n- [ ] revoke key:aws-key-ivan — cost 1\n');
    expect(r.stdout).toContain('- [ ] revoke and rotate secret:payments-db-migrator — cost 11\n');
    expect(r.stdout).toContain('## Residual reach: none at tier <= 1 ✓\n');
  });

  it('--format json is complete and deterministic', async () => {
    const a = await pathwarden(['scope', DIR, 'key:aws-key-ivan', ...AT, '--format', 'json']);
    const b = await pathwarden(['scope', DIR, 'key:aws-key-ivan', ...AT, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as JsonScope;
    expect(report.tool.name).toBe('pathwarden');
    expect([report.matched, report.maxTier, report.plan.cost, report.plan.exact]).toEqual([1, 1, 12, true]);
    expect(report.plan.items.map((x) => [x.type, x.node?.id, x.cost])).toEqual([
      ['leaked', 'acme/key/aws-key-ivan', 1], ['credential', 'acme/secret/payments-db-migrator', 11],
    ]);
    expect(report.plan.targets.map((t) => t.id)).toEqual(['acme/res/orders-db', 'acme/res/payments-db', 'acme/res/prod-k8s']);
    expect(report.residual).toEqual({ clear: true, atThreshold: [], remaining: [] });
    expect(report.nodes[0]?.reached.length).toBe(16);
  });

  it('--tier 0 narrows the targets the plan must cut', async () => {
    const r = await pathwarden(['scope', DIR, 'agent:oncall-triage', ...AT, '--tier', '0', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonScope;
    expect([report.maxTier, report.plan.cost, report.plan.targets.map((t) => t.id)]).toEqual([0, 11, ['acme/res/prod-k8s']]);
    expect(report.residual.clear).toBe(true);
    expect(report.residual.remaining.length).toBe(6);
  });

  it('a selector that matches nothing exits 2 with one line and a hint', async () => {
    const r = await pathwarden(['scope', DIR, 'key:no-such-key']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('error: "key:no-such-key" matches no node');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('a malformed selector or tier exits 2 without a stack trace', async () => {
    const bad = await pathwarden(['scope', DIR, 'kind:NoSuchKind']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toMatch(/^error: selector "kind:NoSuchKind": unknown kind "NoSuchKind"/);
    expect(bad.stderr).not.toMatch(STACK_FRAME);
    const tier = await pathwarden(['scope', DIR, 'key:aws-key-ivan', '--tier', '7']);
    expect(tier.code).toBe(2);
    expect(tier.stderr).toMatch(/tier must be 0 \(crown jewel\) … 4 \(low\)/);
  });

  it('--help lists the options and examples', async () => {
    const r = await pathwarden(['scope', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['--tier <n>', '--at <time>', '--max-depth <n>', '--cap <n>', '--format <format>', 'pathwarden scope examples/acme key:openai-prod']) {
      expect(r.stdout).toContain(s);
    }
  });
});
