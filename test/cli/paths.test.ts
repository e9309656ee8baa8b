// `pathwarden paths` on test/fixtures/cli/basic: exact path sets, selector errors exit 2 with one error line.
import { describe, expect, it } from 'vitest';
import { cliFixture, pathwarden, STACK_FRAME } from '../helpers/exec.js';

const DIR = cliFixture('basic');
const AT = ['--at', '2026-03-01T00:00:00Z'];
const VIA_KEY = 'agent:support-bot -[HAS_CREDENTIAL]-> key:deploy-key -[AUTHENTICATES_AS]-> sa:deployer';

interface JsonPaths {
  sources: number; targets: number; total: number; truncated: boolean;
  pairs: { source: { id: string }; target: { id: string }; paths: { nodes: { label: string }[]; edges: { kind: string; qualifier?: string }[] }[] }[];
}

function drawn(p: JsonPaths['pairs'][number]['paths'][number]): string {
  return p.nodes.map((n, i) => (i === 0 ? n.label : ` -[${[p.edges[i - 1]?.kind, p.edges[i - 1]?.qualifier].filter(Boolean).join(' ')}]-> ${n.label}`)).join('');
}

describe('pathwarden paths', () => {
  it('lists the alter and invoke paths from the agent to the model', async () => {
    const r = await pathwarden(['paths', DIR, '--from', 'agent:support-bot', '--to', 'kind:Model', ...AT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${VIA_KEY} -[CAN_ALTER deploy]-> model:support-llm`);
    expect(r.stdout).toContain(`${VIA_KEY} -[CAN_INVOKE prod]-> model:support-llm`);
  });

  it('--format json has exactly the expected pair and paths', async () => {
    const r = await pathwarden(['paths', DIR, '--from', 'agent:support-bot', '--to', 'kind:Model', ...AT, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonPaths;
    expect(report).toMatchObject({ sources: 1, targets: 1, total: 2, truncated: false });
    expect(report.pairs.map((p) => [p.source.id, p.target.id, p.paths.map(drawn).sort()])).toEqual([
      ['t/agent/support-bot', 't/model/support-llm', [`${VIA_KEY} -[CAN_ALTER deploy]-> model:support-llm`, `${VIA_KEY} -[CAN_INVOKE prod]-> model:support-llm`]],
    ]);
  });

  it('every source matched by a selector gets its own pair', async () => {
    const r = await pathwarden(['paths', DIR, '--from', 'name:*', '--to', 'model:support-llm', ...AT, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonPaths;
    const got = report.pairs.map((p) => [p.source.id, p.paths.map(drawn).sort()]).sort();
    expect(got).toEqual([
      ['t/agent/support-bot', [`${VIA_KEY} -[CAN_ALTER deploy]-> model:support-llm`, `${VIA_KEY} -[CAN_INVOKE prod]-> model:support-llm`]],
      ['t/human/alice', ['human:alice -[CAN_ALTER train]-> model:support-llm']],
      ['t/key/deploy-key', [
        'key:deploy-key -[AUTHENTICATES_AS]-> sa:deployer -[CAN_ALTER deploy]-> model:support-llm',
        'key:deploy-key -[AUTHENTICATES_AS]-> sa:deployer -[CAN_INVOKE prod]-> model:support-llm',
      ]],
      ['t/sa/deployer', ['sa:deployer -[CAN_ALTER deploy]-> model:support-llm', 'sa:deployer -[CAN_INVOKE prod]-> model:support-llm']],
    ]);
    expect(report.total).toBe(7);
    expect(report.truncated).toBe(false);
  });

  it('an unknown kind in a selector exits 2 with one error line before loading', async () => {
    const r = await pathwarden(['paths', DIR, '--from', 'kind:Robot', '--to', 'kind:Model']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: selector "kind:Robot": unknown kind "Robot"/);
    expect(lines[1]).toBe('hint: see "pathwarden paths --help" for options and selector syntax');
  });

  it('a selector that matches nothing exits 2 with one error line', async () => {
    const r = await pathwarden(['paths', DIR, '--from', 'agent:nobody', '--to', 'kind:Model']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')[0]).toBe('error: --from "agent:nobody" matches no node');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('a missing --to exits 2', async () => {
    const r = await pathwarden(['paths', DIR, '--from', 'kind:AIAgent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/required option '--to <selector>' not specified/);
  });

  it('a missing directory exits 2 with one error line', async () => {
    const r = await pathwarden(['paths', 'no/such/inventory', '--from', 'kind:AIAgent', '--to', 'kind:Model']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')[0]).toBe('error: inventory "no/such/inventory" does not exist');
  });
});
