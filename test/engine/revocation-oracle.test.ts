// Oracle for revocationPlan on seeded random graphs: costs recomputed independently from the cost table on the
// graphology graph; the plan really disconnects (reach recomputed on a copy of the graph with the plan applied);
// and brute force over every subset of cut options finds nothing cheaper, so the plan's cost is the minimum.
import { describe, expect, it } from 'vitest';
import { reach, toCompact, type CompactGraph } from '../../src/engine/index.js';
import { atThreshold, revocationPlan, type RevocationPlanResult } from '../../src/engine/revocation.js';
import { CREDENTIAL_REVOKE_COSTS, EDGE_CUT_COSTS } from '../../src/engine/revocation-costs.js';
import type { PathwardenGraph } from '../../src/graph/types.js';
import { edgeSpec, nodeSpec, type PropValue } from '../../src/model/index.js';
import { randomGraph } from '../helpers/random-graph.js';
import { oracleActive } from './oracle.js';

const AT = new Date('2026-11-25T00:00:00Z');
const MAX_TIER = 2;
const MAX_OPTIONS = 14;
/** Cut values of the plans checked by brute force (so the suite can tell it was not vacuous). */
const bruteForced: number[] = [];
let inexact = 0;

interface CutOption {
  readonly node?: string;
  readonly edge?: string;
  readonly cost: number;
}

const date = (v: PropValue | undefined): number | undefined => (typeof v === 'string' ? Date.parse(v) : undefined);

/** Edge keys usable at AT that continue a path (act-as, or CAN_ALTER into a pipeline). */
function stepEdges(graph: PathwardenGraph): { key: string; from: string; to: string }[] {
  const at = AT.getTime();
  const out: { key: string; from: string; to: string }[] = [];
  graph.forEachEdge((key, edge, from, to, fromAttrs, toAttrs) => {
    const exp = date(edge.properties['expires_at']);
    const created = date(edge.properties['created_at']);
    if ((exp !== undefined && exp <= at) || (created !== undefined && created > at)) return;
    if (!oracleActive(fromAttrs, at) || !oracleActive(toAttrs, at)) return;
    if (edgeSpec(edge.kind).family === 'act-as' || (edge.kind === 'CAN_ALTER' && toAttrs.kind === 'Pipeline')) out.push({ key, from, to });
  });
  return out;
}

/** Principals outside `compromised` that can act as `v` (reach.ts, oracle-tested) and reach it by steps not through a leaked credential. */
let actsAs = new Map<string, Set<string>>();
let cgNow: CompactGraph | undefined;
function canActAs(p: string, v: string): boolean {
  const cg = cgNow as CompactGraph;
  let set = actsAs.get(p);
  if (!set) { set = new Set(reach(cg, cg.indexOf.get(p) as number).actAs.map((i) => cg.ids[i] as string)); actsAs.set(p, set); }
  return set.has(v);
}

function relying(graph: PathwardenGraph, steps: ReturnType<typeof stepEdges>, compromised: ReadonlySet<string>, leaked: ReadonlySet<string>, v: string): number {
  const seen = new Set([v]);
  const stack = [v];
  while (stack.length) {
    const x = stack.pop() as string;
    if (x !== v && leaked.has(x)) continue;
    for (const s of steps) if (s.to === x && !seen.has(s.from)) { seen.add(s.from); stack.push(s.from); }
  }
  return [...seen].filter((x) => !compromised.has(x) && nodeSpec(graph.getNodeAttributes(x).kind).isSource && canActAs(x, v)).length;
}

function cutOptions(graph: PathwardenGraph, plan: RevocationPlanResult, cg: CompactGraph): CutOption[] {
  const steps = stepEdges(graph);
  const compromised = new Set(plan.compromised.map((v) => cg.ids[v] as string));
  const sources = new Set(plan.sources.map((v) => cg.ids[v] as string));
  const leaked = new Set([...sources].filter((id) => nodeSpec(graph.getNodeAttributes(id).kind).category === 'credential'));
  const options: CutOption[] = [];
  for (const id of compromised) {
    if (sources.has(id) || nodeSpec(graph.getNodeAttributes(id).kind).category !== 'credential') continue;
    options.push({ node: id, cost: CREDENTIAL_REVOKE_COSTS.base + CREDENTIAL_REVOKE_COSTS.perRelying * relying(graph, steps, compromised, leaked, id) });
  }
  for (let slot = 0; slot < cg.size; slot++) {
    const edge = graph.getEdgeAttributes(cg.edgeKey(slot));
    const spec = EDGE_CUT_COSTS[edge.kind];
    if (spec.base === null || !compromised.has(edge.from)) continue;
    options.push({ edge: cg.edgeKey(slot), cost: spec.base + spec.perRelying * relying(graph, steps, compromised, leaked, edge.from) });
  }
  return options;
}

/** True when, with the leaked sources revoked and `cut` applied, no root reaches a target at the threshold. */
function disconnects(graph: PathwardenGraph, plan: RevocationPlanResult, cg: CompactGraph, cut: readonly CutOption[]): boolean {
  const copy = graph.copy();
  const revoke = (id: string): void => {
    const attrs = copy.getNodeAttributes(id);
    copy.replaceNodeAttributes(id, { ...attrs, properties: { ...attrs.properties, status: 'revoked' } });
  };
  for (const s of plan.sources) if (nodeSpec(copy.getNodeAttributes(cg.ids[s] as string).kind).category === 'credential') revoke(cg.ids[s] as string);
  for (const c of cut) {
    if (c.node) revoke(c.node);
    if (c.edge) copy.dropEdge(c.edge);
  }
  const after = toCompact(copy, { at: AT });
  return [...plan.sources, ...plan.exposed].every((v) => {
    const r = reach(after, after.indexOf.get(cg.ids[v] as string) as number);
    return !r.capabilities.some((c) => atThreshold(after, c, MAX_TIER));
  });
}

describe.each(Array.from({ length: 200 }, (_, i) => i + 1))('random graph seed %i', (seed) => {
  const graph = randomGraph(seed, { nodes: 10, edges: 18 });
  const cg = toCompact(graph, { at: AT });

  it('each plan disconnects, its costs follow the table, and no cheaper cut exists', () => {
    let checked = 0;
    cgNow = cg;
    actsAs = new Map();
    for (let s = 0; s < cg.order && checked < 3; s++) {
      if (cg.active[s] === 0 || !nodeSpec(graph.getNodeAttributes(cg.ids[s] as string).kind).isSource) continue;
      const plan = revocationPlan(cg, [s], { maxTier: MAX_TIER });
      if (plan.targets.length === 0) continue;
      const options = cutOptions(graph, plan, cg);
      const chosen = plan.items.filter((x) => x.type !== 'leaked').map((x) => {
        const found = options.find((o) => (x.type === 'edge' ? o.edge === cg.edgeKey(x.slot) : o.node === cg.ids[x.node]));
        expect(found, `plan item ${x.type} ${x.node}/${x.slot} is a cut option`).toBeDefined();
        expect(found?.cost).toBe(x.cost);
        return found as CutOption;
      });
      expect(disconnects(graph, plan, cg, chosen)).toBe(true);
      const cutValue = chosen.reduce((sum, o) => sum + o.cost, 0);
      if (options.length > MAX_OPTIONS || !plan.exact) { inexact += plan.exact ? 0 : 1; continue; }
      bruteForced.push(cutValue);
      for (let mask = 0; mask < 1 << options.length; mask++) {
        let cost = 0;
        const subset: CutOption[] = [];
        for (let i = 0; i < options.length; i++) if (mask & (1 << i)) { cost += (options[i] as CutOption).cost; subset.push(options[i] as CutOption); }
        if (cost < cutValue) expect(disconnects(graph, plan, cg, subset), `cheaper cut of cost ${cost} < ${cutValue}`).toBe(false);
      }
      checked++;
    }
  });
});

describe('oracle coverage', () => {
  it('brute force ran on enough plans, most of them needing a real cut', () => {
    expect(bruteForced.length).toBeGreaterThanOrEqual(200);
    expect(bruteForced.filter((v) => v >= 5).length).toBeGreaterThanOrEqual(100);
    // Plans not proven minimal (a route alters a pipeline it entered otherwise) are under 10% even in these
    // pipeline-dense random graphs; they are still checked to disconnect above.
    expect(inexact).toBeLessThanOrEqual(0.1 * (bruteForced.length + inexact));
  });
});
