// revocationPlan on hand-built graphs whose minimum cut is known: the leaked key alone, a shared binding that is
// cheaper than rotating several exposed keys (and the switch back when outsiders rely on it), two disjoint
// routes, delegation scopes, expiry, minted credentials and pipeline takeover.
import { describe, expect, it } from 'vitest';
import { toCompact } from '../../src/engine/compact.js';
import { revocationPlan, type RevocationPlanResult } from '../../src/engine/revocation.js';
import type { PathwardenGraph } from '../../src/graph/types.js';
import { EngineError, type EdgeRecord, type NodeRecord } from '../../src/model/index.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');

interface Plan {
  readonly cost: number;
  readonly items: string[];
  readonly exposed: string[];
  readonly targets: string[];
  readonly cuts: string[][];
}

function planOf(graph: PathwardenGraph, sources: readonly string[], maxTier = 1, at = AT): Plan {
  const cg = toCompact(graph, { at });
  const r: RevocationPlanResult = revocationPlan(cg, sources.map((id) => cg.indexOf.get(id) as number), { maxTier });
  const id = (v: number): string => cg.ids[v] as string;
  return {
    cost: r.cost,
    items: r.items.map((x) => `${x.type} ${x.type === 'edge' ? cg.edgeKey(x.slot) : id(x.node)} ${x.cost}`),
    exposed: r.exposed.map(id),
    targets: r.targets.map(id),
    cuts: r.items.map((x) => x.cuts.map(id)),
  };
}

/** L logs in as `reader`, which can read three keys that log in as `ops`; ops assumes `admin`, which administers db. */
function sharedBinding(outsiders: number): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
  const keys = ['k2', 'k3', 'k4'];
  const pipes = Array.from({ length: outsiders }, (_, i) => `p${i + 1}`);
  return {
    nodes: [
      n('APIKey', 'L'), n('ServiceAccount', 'reader'), ...keys.map((k) => n('Secret', k)), n('ServiceAccount', 'ops'),
      n('Role', 'admin'), n('Resource', 'db', { tier: 0 }), ...pipes.map((p) => n('Pipeline', p)),
    ],
    edges: [
      e('AUTHENTICATES_AS', 'L', 'reader'),
      ...keys.flatMap((k) => [e('CAN_READ_SECRET', 'reader', k), e('AUTHENTICATES_AS', k, 'ops')]),
      e('CAN_ASSUME', 'ops', 'admin'), e('CAN_ACCESS', 'admin', 'db', { action: 'admin' }),
      ...pipes.map((p) => e('RUNS_AS', p, 'ops')),
    ],
  };
}

describe('revocationPlan: known minimum cuts', () => {
  it('a leaked key that reaches a crown jewel directly: revoke it, cost 1', () => {
    const g = graphOf(
      [n('APIKey', 'L'), n('ServiceAccount', 'sa'), n('Resource', 'db', { tier: 0 }), n('Resource', 'wiki', { tier: 3 })],
      [e('AUTHENTICATES_AS', 'L', 'sa'), e('CAN_ACCESS', 'sa', 'db', { action: 'admin' }), e('CAN_ACCESS', 'sa', 'wiki', { action: 'read' })],
    );
    expect(planOf(g, ['L'])).toEqual({ cost: 1, items: ['leaked L 1'], exposed: [], targets: ['db'], cuts: [['db']] });
  });

  it('a shared binding is cheaper than rotating the three keys the leaked key exposes', () => {
    const { nodes, edges } = sharedBinding(0);
    // Rotating k2, k3, k4 costs 3 × 2 = 6; removing ops' trust on admin costs 5; admin's permission 8.
    expect(planOf(graphOf(nodes, edges), ['L'])).toEqual({
      cost: 6, items: ['leaked L 1', 'edge ops-[CAN_ASSUME]->admin 5'], exposed: ['k2', 'k3', 'k4'], targets: ['db'],
      cuts: [['db'], ['db']],
    });
  });

  it('when four pipelines outside the compromise rely on that binding, rotating the keys is cheaper', () => {
    const { nodes, edges } = sharedBinding(4);
    // binding 5 + 4 = 9, permission 8 + 4 = 12, keys 3 × 2 = 6 (the pipelines do not reach the keys).
    expect(planOf(graphOf(nodes, edges), ['L']).items).toEqual(['leaked L 1', 'credential k2 2', 'credential k3 2', 'credential k4 2']);
  });

  it('two disjoint routes from a compromised agent need two cuts', () => {
    const g = graphOf(
      [n('AIAgent', 'a'), n('Group', 'g'), n('Role', 'r'), n('Resource', 'db', { tier: 0 }), n('Model', 'm', { tier: 1 })],
      [
        e('MEMBER_OF', 'a', 'g'), e('CAN_ACCESS', 'g', 'db', { action: 'write' }),
        e('CAN_ASSUME', 'a', 'r'), e('CAN_ALTER', 'r', 'm', { action: 'fine_tune' }),
      ],
    );
    const p = planOf(g, ['a']);
    expect(p.items).toEqual(['edge a-[CAN_ASSUME]->r 5', 'edge a-[MEMBER_OF]->g 5']);
    expect(p.cost).toBe(10);
    expect(p.cuts).toEqual([['m'], ['db']]);
  });

  it('a model counts when altered or invoked in prod, not when invoked in dev; --tier widens the targets', () => {
    const g = graphOf(
      [n('AIAgent', 'a'), n('Model', 'prod-llm'), n('Model', 'dev-llm', { tier: 0 }), n('Resource', 'logs', { tier: 2 })],
      [e('CAN_INVOKE', 'a', 'prod-llm', { environment: 'prod' }), e('CAN_INVOKE', 'a', 'dev-llm', { environment: 'dev' }), e('CAN_ACCESS', 'a', 'logs', { action: 'read' })],
    );
    expect(planOf(g, ['a'])).toMatchObject({ cost: 8, targets: ['prod-llm'], items: ['edge a-[CAN_INVOKE]->prod-llm#environment=prod 8'] });
    expect(planOf(g, ['a'], 2)).toMatchObject({ cost: 16, targets: ['logs', 'prod-llm'] });
  });

  it('delegation scopes are respected: only edges the granted scopes allow need cutting', () => {
    const g = graphOf(
      [n('OAuthApp', 'app'), n('Human', 'dana'), n('Role', 'dba'), n('Resource', 'payments', { tier: 0 }), n('Resource', 'drive', { tier: 1 })],
      [
        e('DELEGATED', 'app', 'dana', { scopes: ['files.read'] }),
        e('CAN_ACCESS', 'dana', 'payments', { action: 'admin' }), e('CAN_ASSUME', 'dana', 'dba'),
        e('CAN_ACCESS', 'dba', 'payments', { action: 'admin' }), e('CAN_ACCESS', 'dana', 'drive', { action: 'read', scope: 'files.read' }),
      ],
    );
    expect(planOf(g, ['app'])).toEqual({ cost: 3, items: ['edge app-[DELEGATED]->dana 3'], exposed: [], targets: ['drive'], cuts: [['drive']] });
    // Dana herself (not bound by the grant) needs both routes to payments cut, and her drive access; the app,
    // outside this compromise, relies on Dana, so each of her edges costs one more.
    expect(planOf(g, ['dana']).items).toEqual([
      'edge dana-[CAN_ASSUME]->dba 6', 'edge dana-[CAN_ACCESS]->drive#action=read 9', 'edge dana-[CAN_ACCESS]->payments#action=admin 9',
    ]);
  });

  it('expired credentials and bindings need no cut; before they expired they did', () => {
    const g = graphOf(
      [n('AIAgent', 'a'), n('APIKey', 'k', { expires_at: '2025-06-30T00:00:00Z' }), n('ServiceAccount', 'sa'), n('Group', 'g'), n('Resource', 'db', { tier: 0 })],
      [
        e('HAS_CREDENTIAL', 'a', 'k'), e('AUTHENTICATES_AS', 'k', 'sa'), e('CAN_ACCESS', 'sa', 'db', { action: 'admin' }),
        e('MEMBER_OF', 'a', 'g', { expires_at: '2025-05-01T00:00:00Z' }), e('CAN_ACCESS', 'g', 'db', { action: 'read' }),
      ],
    );
    expect(planOf(g, ['a'])).toEqual({ cost: 0, items: [], exposed: [], targets: [], cuts: [] });
    expect(planOf(g, ['a'], 1, new Date('2025-01-01T00:00:00Z'))).toMatchObject({
      cost: 7, items: ['credential k 2', 'edge a-[MEMBER_OF]->g 5'], exposed: ['k'],
    });
  });

  it('an identity the compromise can mint credentials for is exposed: the cut goes past it', () => {
    const g = graphOf(
      [n('AIAgent', 'a'), n('ServiceAccount', 'sa'), n('Resource', 'db', { tier: 0 })],
      [e('CAN_MINT_CREDENTIAL', 'a', 'sa'), e('CAN_ACCESS', 'sa', 'db', { action: 'write' })],
    );
    expect(planOf(g, ['a'])).toMatchObject({ cost: 8, exposed: ['sa'], items: ['edge sa-[CAN_ACCESS]->db#action=write 8'] });
  });

  it('a pipeline takeover is cut once, at the CAN_ALTER that both deploys the model and enters the pipeline', () => {
    const g = graphOf(
      [n('AIAgent', 'a'), n('Pipeline', 'p'), n('Model', 'm', { tier: 0 }), n('ServiceAccount', 'deployer'), n('Resource', 'db', { tier: 0 })],
      [
        e('CAN_ALTER', 'a', 'p', { action: 'configure' }), e('DEPLOYS', 'p', 'm'),
        e('RUNS_AS', 'p', 'deployer'), e('CAN_ACCESS', 'deployer', 'db', { action: 'write' }),
      ],
    );
    expect(planOf(g, ['a'])).toMatchObject({ cost: 8, items: ['edge a-[CAN_ALTER]->p#action=configure 8'], targets: ['db', 'm'], cuts: [['db', 'm']] });
  });

  it('a route that alters a pipeline it entered by logging in is flagged: the plan may not be minimal', () => {
    // Only the walk k -> p -> sa -CAN_ALTER-> p -DEPLOYS-> m reaches m, and it visits p twice: no simple path.
    const g = graphOf(
      [n('AIAgent', 'a'), n('APIKey', 'k'), n('Pipeline', 'p'), n('ServiceAccount', 'sa'), n('Model', 'm', { tier: 0 })],
      [
        e('HAS_CREDENTIAL', 'a', 'k'), e('AUTHENTICATES_AS', 'k', 'p'), e('DEPLOYS', 'p', 'm'), e('RUNS_AS', 'p', 'sa'),
        e('CAN_ALTER', 'sa', 'p', { action: 'configure' }),
      ],
    );
    const cg = toCompact(g, { at: AT });
    const plan = revocationPlan(cg, [cg.indexOf.get('a') as number]);
    expect([plan.cost, plan.exact, plan.items.map((x) => cg.ids[x.node])]).toEqual([2, false, ['k']]);
    // Entered by altering it, the same loop is harmless: that CAN_ALTER already deploys m, and the cut covers it.
    const altered = graphOf(
      [n('AIAgent', 'a'), n('Pipeline', 'p'), n('ServiceAccount', 'sa'), n('Model', 'm', { tier: 0 })],
      [e('CAN_ALTER', 'a', 'p', { action: 'configure' }), e('DEPLOYS', 'p', 'm'), e('RUNS_AS', 'p', 'sa'), e('CAN_ALTER', 'sa', 'p', { action: 'configure' })],
    );
    const cg2 = toCompact(altered, { at: AT });
    expect(revocationPlan(cg2, [cg2.indexOf.get('a') as number])).toMatchObject({ cost: 8, exact: true });
  });

  it('several sources are one compromise: each leaked key is revoked', () => {
    const g = graphOf(
      [n('APIKey', 'k1'), n('Token', 't2'), n('ServiceAccount', 'sa'), n('Resource', 'db', { tier: 1 })],
      [e('AUTHENTICATES_AS', 'k1', 'sa'), e('AUTHENTICATES_AS', 't2', 'sa'), e('CAN_ACCESS', 'sa', 'db', { action: 'read' })],
    );
    expect(planOf(g, ['k1', 't2'])).toMatchObject({ cost: 2, items: ['leaked k1 1', 'leaked t2 1'] });
  });

  it('rejects bad options with EngineError', () => {
    const cg = toCompact(graphOf([n('AIAgent', 'a')], []), { at: AT });
    expect(() => revocationPlan(cg, [], {})).toThrow(EngineError);
    expect(() => revocationPlan(cg, [5], {})).toThrow(EngineError);
    expect(() => revocationPlan(cg, [0], { maxTier: 7 })).toThrow(EngineError);
  });
});
