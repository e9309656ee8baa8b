// Revocation plan: the cheapest set of credentials to revoke and edges to cut so that a compromise no longer
// reaches any target at or above a tier threshold: a minimum s–t cut (min-cut.ts) of the state network of
// revocation-network.ts, with the costs of revocation-costs.ts.
import { EDGE_KINDS, EngineError } from '../model/index.js';
import { DEFAULT_MODEL_TIER } from './blast-radius.js';
import type { CompactGraph } from './compact.js';
import { isStep } from './hops.js';
import { edgeKindIndex, IS_CREDENTIAL, IS_SOURCE } from './kinds.js';
import { minCut } from './min-cut.js';
import { checkNode, reach } from './reach.js';
import { CREDENTIAL_REVOKE_COSTS, EDGE_CUT_COSTS, type CutCostSpec } from './revocation-costs.js';
import { revocationNetwork, stateGraph, type RevocationNetwork, type StateGraph } from './revocation-network.js';
import type { Capability } from './types.js';

export interface RevocationOptions {
  /** Targets at or above this sensitivity must become unreachable: tier <= maxTier (default 1). */
  readonly maxTier?: number;
}

/**
 * One item of the plan. `leaked`: a compromised credential itself (revoked whatever the cut); `credential`: an
 * exposed credential revoked (rotated) by the cut; `edge`: one edge (slot) removed by the cut.
 */
export interface RevocationItem {
  readonly type: 'leaked' | 'credential' | 'edge';
  /** The credential revoked, or the edge's tail. */
  readonly node: number;
  /** The slot removed; -1 for a credential. */
  readonly slot: number;
  readonly cost: number;
  /** Principals outside the compromise that rely on it (reach it by act-as), ascending. */
  readonly relying: readonly number[];
  /** Threshold targets on routes through it, ascending. */
  readonly cuts: readonly number[];
}

export interface RevocationPlanResult {
  readonly sources: readonly number[];
  readonly maxTier: number;
  /** Sum of the items' costs: the leaked credentials plus the minimum cut. */
  readonly cost: number;
  /** Leaked credentials, then exposed credentials, then edges, each by node then slot. */
  readonly items: readonly RevocationItem[];
  /**
   * What the attacker may already hold besides the sources: every credential the compromise reaches (its value
   * could have been copied) and every identity it could mint a credential for. The cut must stop these too.
   */
  readonly exposed: readonly number[];
  /** Models and resources at the threshold the compromise reaches before the plan, ascending. */
  readonly targets: readonly number[];
  /** Every node the sources and exposed nodes can act as: the compromise, ascending. */
  readonly compromised: readonly number[];
  /**
   * True when the cost is proven minimal. False when a route of the network alters a pipeline already on it
   * (revocation-network.ts `revisits`), or when more than MAX_SHARED_SLOTS edges are taken under several
   * delegation contexts: the plan still disconnects, but may cost more than the minimum.
   */
  readonly exact: boolean;
  /** Size of the flow network the cut was computed on. */
  readonly network: { readonly nodes: number; readonly arcs: number };
}



/** True when a capability reaches a target at or above the threshold (models: alter, or invoke in prod). */
export function atThreshold(cg: CompactGraph, cap: Capability, maxTier: number): boolean {
  const tier = cg.nodeTier[cap.target] as number;
  if (cap.effect === 'access') return tier >= 0 && tier <= maxTier;
  const modelTier = tier >= 0 ? tier : DEFAULT_MODEL_TIER;
  return modelTier <= maxTier && (cap.effect === 'alter' || cap.action === 'prod');
}

const KIND_COSTS: readonly CutCostSpec[] = EDGE_KINDS.map((k) => EDGE_CUT_COSTS[k]);
const MINT = edgeKindIndex('CAN_MINT_CREDENTIAL');
/** Most edges taken under several delegation contexts whose cut-or-keep choices are enumerated exactly. */
export const MAX_SHARED_SLOTS = 10;

/**
 * Principals outside the compromise that can act as each node (reach.ts: delegation scopes respected), found by
 * a reverse search that does not pass a leaked credential: who reaches a node only through the leaked credential
 * loses it with that credential anyway.
 */
function relyingOn(cg: CompactGraph, compromised: Uint8Array, revoked: ReadonlySet<number>): (v: number) => number[] {
  const starts = new Uint32Array(cg.order + 1);
  for (let s = 0; s < cg.size; s++) {
    if (isStep(cg, s)) starts[(cg.targets[s] as number) + 1] = (starts[(cg.targets[s] as number) + 1] as number) + 1;
  }
  for (let v = 0; v < cg.order; v++) starts[v + 1] = (starts[v + 1] as number) + (starts[v] as number);
  const from = new Uint32Array(starts[cg.order] as number);
  const fill = starts.slice(0, cg.order);
  for (let u = 0; u < cg.order; u++) {
    for (let s = cg.starts[u] as number; s < (cg.starts[u + 1] as number); s++) {
      if (!isStep(cg, s)) continue;
      const t = cg.targets[s] as number;
      from[fill[t] as number] = u;
      fill[t] = (fill[t] as number) + 1;
    }
  }
  const memo = new Map<number, number[]>();
  const actsAs = new Map<number, Set<number>>();
  const canActAs = (p: number, v: number): boolean => {
    let set = actsAs.get(p);
    if (!set) { set = new Set(reach(cg, p).actAs); actsAs.set(p, set); }
    return set.has(v);
  };
  return (v) => {
    let out = memo.get(v);
    if (out) return out;
    const seen = new Uint8Array(cg.order);
    const stack = [v];
    seen[v] = 1;
    out = [];
    while (stack.length) {
      const x = stack.pop() as number;
      if (compromised[x] === 0 && IS_SOURCE[cg.nodeKind[x] as number] === 1 && canActAs(x, v)) out.push(x);
      if (x !== v && revoked.has(x)) continue;
      for (let i = starts[x] as number; i < (starts[x + 1] as number); i++) {
        const u = from[i] as number;
        if (seen[u] === 0) { seen[u] = 1; stack.push(u); }
      }
    }
    out.sort((a, b) => a - b);
    memo.set(v, out);
    return out;
  };
}

/**
 * The exposure closure: starting from the sources, every credential reached (the attacker may have copied its
 * value) and every identity a CAN_MINT_CREDENTIAL slot reaches (the attacker may have minted a key for it)
 * become roots too, each unrestricted, until nothing new is added.
 */
function exposure(cg: CompactGraph, sources: readonly number[]): { roots: number[]; graph: StateGraph } {
  const roots = new Set(sources.filter((s) => cg.active[s] === 1));
  for (;;) {
    const graph = stateGraph(cg, [...roots].sort((a, b) => a - b));
    const before = roots.size;
    for (let v = 0; v < cg.order; v++) if (graph.node[v] === 1 && IS_CREDENTIAL[cg.nodeKind[v] as number] === 1) roots.add(v);
    for (const s of graph.slot) if (cg.edgeKind[s] === MINT) roots.add(cg.targets[s] as number);
    if (roots.size === before) return { roots: [...roots].sort((a, b) => a - b), graph };
  }
}

/**
 * The minimum-cost revocation plan for `sources` (one compromise). Leaked source credentials are revoked
 * whatever the cost; a minimum cut then separates every other root (source identities and everything exposed)
 * from the targets at the threshold, in the network of revocation-network.ts.
 */
export function revocationPlan(cg: CompactGraph, sources: readonly number[], options: RevocationOptions = {}): RevocationPlanResult {
  const maxTier = options.maxTier ?? 1;
  if (!Number.isInteger(maxTier) || maxTier < 0 || maxTier > 4) throw new EngineError(`engine/revocation: option maxTier must be 0 to 4, got ${String(maxTier)}`);
  if (sources.length === 0) throw new EngineError('engine/revocation: no source given');
  for (const s of sources) checkNode(cg, s, 'source');
  const leaked = new Set(sources.filter((s) => cg.active[s] === 1 && IS_CREDENTIAL[cg.nodeKind[s] as number] === 1));
  const { roots, graph } = exposure(cg, sources);
  const relying = relyingOn(cg, graph.node, leaked);
  const tail = tailsOf(cg);
  const slotCost = (s: number): number | null => {
    const spec = KIND_COSTS[cg.edgeKind[s] as number] as CutCostSpec;
    return spec.base === null ? null : spec.base + spec.perRelying * relying(tail[s] as number).length;
  };
  const nodeCost = (v: number): number | null => {
    if (leaked.has(v)) return 0;
    if (IS_CREDENTIAL[cg.nodeKind[v] as number] !== 1) return null;
    return CREDENTIAL_REVOKE_COSTS.base + CREDENTIAL_REVOKE_COSTS.perRelying * relying(v).length;
  };
  const fed = new Set(roots.filter((v) => !leaked.has(v)));
  const net = revocationNetwork(cg, graph, fed, { node: nodeCost, slot: slotCost }, (c) => atThreshold(cg, c, maxTier));
  const best = cheapestCut(net);
  const routes = forward(net);
  const items: RevocationItem[] = [...leaked].map((v) => ({
    type: 'leaked', node: v, slot: -1, cost: CREDENTIAL_REVOKE_COSTS.source, relying: relying(v), cuts: routes.node(v),
  }));
  for (const v of best.nodes) items.push({ type: 'credential', node: v, slot: -1, cost: nodeCost(v) as number, relying: relying(v), cuts: routes.node(v) });
  for (const s of best.slots) {
    items.push({ type: 'edge', node: tail[s] as number, slot: s, cost: slotCost(s) as number, relying: relying(tail[s] as number), cuts: routes.slot(s) });
  }
  items.sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.node - b.node || a.slot - b.slot);
  const compromised: number[] = [];
  for (let v = 0; v < cg.order; v++) if (graph.node[v] === 1) compromised.push(v);
  return {
    sources: [...sources], maxTier, cost: items.reduce((sum, x) => sum + x.cost, 0), items,
    exposed: roots.filter((v) => !sources.includes(v)), targets: net.targets, compromised, exact: best.exact,
    network: { nodes: net.nodes, arcs: net.from.length },
  };
}

const TYPE_ORDER = { leaked: 0, credential: 1, edge: 2 } as const;

/** The tail node of every slot. */
function tailsOf(cg: CompactGraph): Uint32Array {
  const tail = new Uint32Array(cg.size);
  for (let u = 0; u < cg.order; u++) for (let s = cg.starts[u] as number; s < (cg.starts[u + 1] as number); s++) tail[s] = u;
  return tail;
}

interface Cut {
  readonly nodes: readonly number[];
  readonly slots: readonly number[];
  readonly exact: boolean;
}

/**
 * The cheapest real cut. A slot taken under k delegation contexts has k arcs in the network, but removing the
 * edge costs once. So for every subset F of such shared slots (up to MAX_SHARED_SLOTS of them), remove F up
 * front and min-cut the rest; the optimum's own F is among them, so the best real cost found is the minimum.
 */
function cheapestCut(net: RevocationNetwork): Cut {
  const arcsOf = new Map<number, number[]>();
  net.arcSlot.forEach((s, a) => { if (s >= 0) arcsOf.set(s, [...(arcsOf.get(s) ?? []), a]); });
  const shared = [...arcsOf].filter(([, arcs]) => arcs.length > 1).map(([s]) => s).sort((a, b) => a - b);
  const exact = shared.length <= MAX_SHARED_SLOTS && !net.revisits;
  const enumerate = shared.length <= MAX_SHARED_SLOTS;
  const uncut = net.cost.reduce((sum, c) => sum + Math.max(0, c), 0) + 1;
  const base = Float64Array.from(net.cost, (c) => (c < 0 ? uncut : c));
  const costOfSlot = (s: number): number => net.cost[(arcsOf.get(s) as number[])[0] as number] as number;
  let best: { cost: number; nodes: number[]; slots: number[] } | undefined;
  for (let mask = 0; mask < (enumerate ? 1 << shared.length : 1); mask++) {
    const forced = shared.filter((_, i) => (mask & (1 << i)) !== 0);
    const forcedCost = forced.reduce((sum, s) => sum + costOfSlot(s), 0);
    if (best && forcedCost >= best.cost) continue;
    const capacity = base.slice();
    for (const s of forced) for (const a of arcsOf.get(s) as number[]) capacity[a] = 0;
    const cut = minCut({ nodes: net.nodes, from: net.from, to: net.to, capacity }, net.source, net.sink);
    if (cut.value >= uncut) throw new EngineError('engine/revocation: no finite cut (a target is reachable through uncuttable edges only)');
    const slots = new Set(forced);
    const nodes = new Set<number>();
    for (const a of cut.arcs) {
      if ((net.arcSlot[a] as number) >= 0) slots.add(net.arcSlot[a] as number);
      else if ((net.arcNode[a] as number) >= 0) nodes.add(net.arcNode[a] as number);
    }
    const cost = [...slots].reduce((sum, s) => sum + costOfSlot(s), 0) + [...nodes].reduce((sum, v) => sum + nodeArcCost(net, v), 0);
    if (!best || cost < best.cost) best = { cost, nodes: [...nodes].sort((a, b) => a - b), slots: [...slots].sort((a, b) => a - b) };
  }
  const found = best as { nodes: number[]; slots: number[] };
  return { nodes: found.nodes, slots: found.slots, exact };
}

function nodeArcCost(net: RevocationNetwork, v: number): number {
  return net.cost[net.arcNode.indexOf(v)] as number;
}

/** Threshold targets on routes through a credential or a slot (over every arc of the uncut network). */
function forward(net: RevocationNetwork): { node(v: number): number[]; slot(s: number): number[] } {
  const starts = new Int32Array(net.nodes + 1);
  for (const a of net.from) starts[a + 1] = (starts[a + 1] as number) + 1;
  for (let v = 0; v < net.nodes; v++) starts[v + 1] = (starts[v + 1] as number) + (starts[v] as number);
  const heads = new Int32Array(net.from.length);
  const fill = starts.slice(0, net.nodes);
  for (let i = 0; i < net.from.length; i++) {
    const a = net.from[i] as number;
    heads[fill[a] as number] = net.to[i] as number;
    fill[a] = (fill[a] as number) + 1;
  }
  const from = (entries: number[]): number[] => {
    const seen = new Uint8Array(net.nodes);
    const found = new Set<number>();
    const stack = entries.filter((x) => { const fresh = seen[x] === 0; seen[x] = 1; return fresh; });
    while (stack.length) {
      const v = stack.pop() as number;
      for (const t of net.hits.get(v) ?? []) found.add(t);
      for (let i = starts[v] as number; i < (starts[v + 1] as number); i++) {
        const w = heads[i] as number;
        if (seen[w] === 0) { seen[w] = 1; stack.push(w); }
      }
    }
    return [...found].sort((a, b) => a - b);
  };
  const heads0 = (pick: (a: number) => boolean): number[] => {
    const out: number[] = [];
    for (let a = 0; a < net.from.length; a++) if (pick(a)) out.push(net.to[a] as number);
    return out;
  };
  return {
    node: (v) => from(heads0((a) => net.arcNode[a] === v)),
    slot: (s) => from(heads0((a) => net.arcSlot[a] === s)),
  };
}
