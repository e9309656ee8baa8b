// The scope view: reach by tier, holders/users, the revocation plan and the residual reach recomputed on the graph
// without the cut; on a hand-built leak and on real leaked-credential scenarios of examples/acme.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraph, type LoadedGraph } from '../../src/analysis/load.js';
import { scopeOf, type ScopeReport } from '../../src/analysis/scope.js';
import { drawPath } from '../../src/findings/index.js';
import { NotFoundError } from '../../src/model/index.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T12:00:00Z');
const ids = (refs: readonly { id: string }[]): string[] => refs.map((r) => r.id);
const items = (r: ScopeReport): [string, number, string[]][] => r.plan.items.map((x) => [x.action, x.cost, ids(x.cuts)]);

// A key held by a bot logs in as `reader`, which reads three keys that log in as `ops`; ops assumes `admin`
// (tier-0 db) and reads the tier-3 wiki itself.
const leak = graphOf(
  [
    n('AIAgent', 'bot'), n('APIKey', 'L'), n('ServiceAccount', 'reader'), n('Secret', 'k2'), n('Secret', 'k3'), n('Secret', 'k4'),
    n('ServiceAccount', 'ops'), n('Role', 'admin'), n('Resource', 'db', { tier: 0 }), n('Resource', 'wiki', { tier: 3 }),
  ],
  [
    e('HAS_CREDENTIAL', 'bot', 'L'), e('AUTHENTICATES_AS', 'L', 'reader'),
    ...['k2', 'k3', 'k4'].flatMap((k) => [e('CAN_READ_SECRET', 'reader', k), e('AUTHENTICATES_AS', k, 'ops')]),
    e('CAN_ASSUME', 'ops', 'admin'), e('CAN_ACCESS', 'admin', 'db', { action: 'admin' }), e('CAN_ACCESS', 'ops', 'wiki', { action: 'read' }),
  ],
);
const loadedLeak: LoadedGraph = { dir: 'test', graph: leak, files: [], diagnostics: [] };

describe('scopeOf on a hand-built leak', () => {
  const r = scopeOf(loadedLeak, 'L', { at: AT });

  it('reach by tier, with a path and the number of paths to each target', () => {
    const [node] = r.nodes;
    expect(node?.reached.map((t) => [t.tier, t.effect, t.actions, t.target.id, t.atThreshold, t.paths.count])).toEqual([
      [0, 'access', ['admin'], 'db', true, 3],
      [3, 'access', ['read'], 'wiki', false, 3],
    ]);
    expect(drawPath(node?.reached[0]?.path.nodes ?? [], node?.reached[0]?.path.edges ?? [])).toBe(
      'key:L -[AUTHENTICATES_AS]-> sa:reader -[CAN_READ_SECRET]-> secret:k2 -[AUTHENTICATES_AS]-> sa:ops -[CAN_ASSUME]-> role:admin -[CAN_ACCESS admin]-> res:db',
    );
    expect(ids(node?.actsAs.map((a) => a.node) ?? [])).toEqual(['admin', 'k2', 'k3', 'k4', 'ops', 'reader']);
    expect(node?.risks.map((f) => f.name)).toEqual(['no_expiry', 'never_rotated', 'unused']);
  });

  it('holders and users', () => {
    const h = r.nodes[0]?.holders;
    expect(h?.direct.map((d) => [d.node.id, d.edge.kind])).toEqual([['bot', 'HAS_CREDENTIAL']]);
    expect([h?.userCount, ids(h?.users.map((u) => u.node) ?? [])]).toEqual([1, ['bot']]);
  });

  it('plan: revoke the key, then the shared binding beats rotating the three exposed keys', () => {
    expect(items(r)).toEqual([
      ['revoke key:L', 1, ['db']],
      ['remove the principal from the trust policy: sa:ops -[CAN_ASSUME]-> role:admin', 5, ['db']],
    ]);
    expect([r.plan.cost, r.plan.exact, ids(r.plan.exposed), ids(r.plan.targets)]).toEqual([6, true, ['k2', 'k3', 'k4'], ['db']]);
    expect(r.plan.items[0]?.relying.map((x) => x.id)).toEqual(['bot']);
  });

  it('residual: nothing at the threshold; the exposed keys still read the wiki', () => {
    expect(r.residual.clear).toBe(true);
    expect(r.residual.atThreshold).toEqual([]);
    expect(r.residual.remaining.map((x) => [x.from.id, x.effect, x.target.id, x.actions])).toEqual([
      ['k2', 'access', 'wiki', ['read']], ['k3', 'access', 'wiki', ['read']], ['k4', 'access', 'wiki', ['read']],
    ]);
  });

  it('--tier 3 puts the wiki in scope: ops loses it too', () => {
    const wide = scopeOf(loadedLeak, 'L', { at: AT, maxTier: 3 });
    expect(ids(wide.plan.targets)).toEqual(['db', 'wiki']);
    expect(wide.residual).toEqual({ clear: true, atThreshold: [], remaining: [] });
    expect(wide.plan.cost).toBe(7);
  });

  it('a selector that matches nothing is NotFoundError', () => {
    expect(() => scopeOf(loadedLeak, 'kind:Human', { at: AT })).toThrow(NotFoundError);
  });
});

describe('scopeOf on examples/acme', () => {
  let acme: LoadedGraph;
  beforeAll(async () => { acme = await loadGraph('examples/acme'); });

  it('leaked AWS user key of a DBA (2020, never rotated): revoke it and rotate the migrator secret it exposes', () => {
    const r = scopeOf(acme, 'key:aws-key-ivan', { at: AT });
    const [node] = r.nodes;
    expect(node?.reached.filter((t) => t.atThreshold).map((t) => [t.tier, t.actions, t.target.id])).toEqual([
      [0, ['read', 'write', 'admin'], 'acme/res/payments-db'],
      [0, ['write'], 'acme/res/prod-k8s'],
      [1, ['read', 'write', 'admin'], 'acme/res/orders-db'],
    ]);
    expect(node?.holders.direct.map((d) => d.node.id)).toEqual(['acme/human/ivan.horvat']);
    expect(items(r)).toEqual([
      ['revoke key:aws-key-ivan', 1, ['acme/res/orders-db', 'acme/res/payments-db', 'acme/res/prod-k8s']],
      ['revoke and rotate secret:payments-db-migrator', 11, ['acme/res/payments-db']],
    ]);
    expect([r.plan.cost, r.plan.exact, ids(r.plan.exposed)]).toEqual([12, true, ['acme/secret/payments-db-migrator']]);
    expect(r.residual).toEqual({ clear: true, atThreshold: [], remaining: [] });
  });

  it('the OpenAI key copied into four places: revoking it breaks its four holders and whoever controls them', () => {
    const r = scopeOf(acme, 'key:openai-prod', { at: AT });
    expect(r.nodes[0]?.holders.direct.map((d) => d.node.id)).toEqual([
      'acme/agent/oncall-triage', 'acme/agent/sales-copilot', 'acme/human/raj.patel', 'acme/pipeline/ml-eval-nightly',
    ]);
    expect(r.nodes[0]?.holders.userCount).toBe(8);
    expect([r.plan.cost, items(r)]).toEqual([1, [['revoke key:openai-prod', 1, ['acme/model/support-llm']]]]);
  });

  it('a prompt-injected agent, crown jewels only: rotate what it holds or cut its runtime identity', () => {
    const r = scopeOf(acme, 'agent:oncall-triage', { at: AT, maxTier: 0 });
    expect(items(r).map(([action, cost]) => [action, cost])).toEqual([
      ['revoke and rotate key:bedrock-triage', 4],
      ['revoke and rotate token:triage-k8s', 2],
      ['run the workload as another identity: agent:oncall-triage -[RUNS_AS]-> workload:k8s-triage-agent', 5],
    ]);
    expect(ids(r.plan.targets)).toEqual(['acme/res/prod-k8s']);
    expect(r.residual.clear).toBe(true);
    expect(r.residual.remaining.map((x) => `${x.from.id} ${x.effect} ${x.target.id}`)).toEqual([
      'acme/agent/oncall-triage alter acme/model/support-llm', 'acme/key/openai-prod alter acme/model/support-llm',
      'acme/agent/oncall-triage invoke acme/model/support-llm', 'acme/key/openai-prod invoke acme/model/support-llm',
      'acme/agent/oncall-triage access acme/res/pagerduty', 'acme/secret/pagerduty-routing access acme/res/pagerduty',
    ]);
  });

  it('a credential that expired before --at reaches nothing and needs no plan', () => {
    const r = scopeOf(acme, 'key:payments-legacy-admin', { at: AT });
    expect([r.nodes[0]?.active, r.nodes[0]?.reached.length, r.plan.items.length, r.plan.cost]).toEqual([false, 0, 0, 0]);
    const before = scopeOf(acme, 'key:payments-legacy-admin', { at: new Date('2025-01-01T00:00:00Z') });
    expect(before.plan.items[0]?.action).toBe('revoke key:payments-legacy-admin');
    expect(ids(before.plan.targets)).toContain('acme/res/payments-db');
  });
});
