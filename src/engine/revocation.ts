// Revocation plan: the cheapest set of credentials to revoke and edges to cut so that compromised sources no
// longer reach any target at or above a tier threshold. A minimum s–t cut (min-cut.ts) on a network built from
// the act-as graph the sources actually reach, with costs from revocation-costs.ts.
import { EDGE_KINDS, EngineError } from '../model/index.js';
import { DEFAULT_MODEL_TIER } from './blast-radius.js';
import type { CompactGraph } from './compact.js';
import { capabilitiesOf, contextAfter, isStep } from './hops.js';
import { edgeKindIndex, IS_CREDENTIAL, IS_SOURCE } from './kinds.js';
import { minCut } from './min-cut.js';
import { checkNode } from './reach.js';
import { CREDENTIAL_REVOKE_COSTS, EDGE_CUT_COSTS, type CutCostSpec } from './revocation-costs.js';
import { DelegationScopes, UNRESTRICTED } from './scope.js';
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
  /** Size of the flow network the cut was computed on. */
  readonly network: { readonly nodes: number; readonly arcs: number };
}

const KIND_COSTS: readonly CutCostSpec[] = EDGE_KINDS.map((k) => EDGE_CUT_COSTS[k]);
const MINT = edgeKindIndex('CAN_MINT_CREDENTIAL');

/** True when a capability reaches a target at or above the threshold (models: alter, or invoke in prod). */
export function atThreshold(cg: CompactGraph, cap: Capability, maxTier: number): boolean {
  const tier = cg.nodeTier[cap.target] as number;
  if (cap.effect === 'access') return tier >= 0 && tier <= maxTier;
  const modelTier = tier >= 0 ? tier : DEFAULT_MODEL_TIER;
  return modelTier <= maxTier && (cap.effect === 'alter' || cap.action === 'prod');
}

/**
 * Slots taken from at least one reached (node, delegation context) state, and the nodes reached. Building
 * the network from these slots respects time validity (the compact graph holds only valid edges) and
 * delegation (a slot no reached context allows is absent). NOTE: the projection onto nodes can join a prefix
 * under one context to a slot allowed only under another, so it over-approximates the real paths: a cut of
 * it cuts every real path (sound), and at worst cuts more than needed when scoped grants interleave.
 */
interface Reached {
  readonly node: Uint8Array;
  readonly slot: Uint8Array;
}

function reachedSlots(cg: CompactGraph, sources: readonly number[]): Reached {
  const scopes = new DelegationScopes(cg);
  const node = new Uint8Array(cg.order);
  const slot = new Uint8Array(cg.size);
  const contexts = new Map<number, number[]>();
  const queue: number[] = [];
  const add = (v: number, ctx: number): void => {
    const seen = contexts.get(v) ?? [];
    if (seen.some((c) => scopes.subset(c, ctx))) return;
    seen.push(ctx);
    contexts.set(v, seen);
    node[v] = 1;
    queue.push(v, ctx);
  };
  for (const s of sources) if (cg.active[s] === 1) add(s, UNRESTRICTED);
  for (let q = 0; q < queue.length; q += 2) {
    const u = queue[q] as number;
    const ctx = queue[q + 1] as number;
    for (let s = cg.starts[u] as number; s < (cg.starts[u + 1] as number); s++) {
      if (!scopes.allowed(ctx, s)) continue;
      slot[s] = 1;
      if (isStep(cg, s)) add(cg.targets[s] as number, contextAfter(cg, scopes, ctx, s));
    }
  }
  return { node, slot };
}

/** Principals outside the compromise that reach each node by act-as steps (delegation ignored: an upper bound). */
function relyingOn(cg: CompactGraph, compromised: Uint8Array): (v: number) => number[] {
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
  return (v) => {
    let out = memo.get(v);
    if (out) return out;
    const seen = new Uint8Array(cg.order);
    const stack = [v];
    seen[v] = 1;
    out = [];
    while (stack.length) {
      const x = stack.pop() as number;
      if (compromised[x] === 0 && IS_SOURCE[cg.nodeKind[x] as number] === 1) out.push(x);
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

/** Arcs under construction, with what each finite arc stands for (-1 = an uncuttable arc). */
class ArcList {
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly cost: number[] = [];
  /** Item per arc: node index for a credential arc, cg.order + slot for an edge arc, -1 otherwise. */
  readonly item: number[] = [];
  add(a: number, b: number, cost: number | null, item: number): void {
    this.from.push(a); this.to.push(b); this.cost.push(cost ?? -1); this.item.push(cost === null ? -1 : item);
  }
}

/**
 * The exposure closure: starting from the sources, every credential reached (the attacker may have copied its
 * value) and every identity a CAN_MINT_CREDENTIAL slot reaches (the attacker may have minted a key for it)
 * become roots too, each unrestricted, until nothing new is added.
 */
function exposure(cg: CompactGraph, sources: readonly number[]): { roots: number[]; reached: Reached } {
  const roots = new Set(sources.filter((s) => cg.active[s] === 1));
  for (;;) {
    const reached = reachedSlots(cg, [...roots].sort((a, b) => a - b));
    const before = roots.size;
    for (let v = 0; v < cg.order; v++) if (reached.node[v] === 1 && IS_CREDENTIAL[cg.nodeKind[v] as number] === 1) roots.add(v);
    for (let s = 0; s < cg.size; s++) if (reached.slot[s] === 1 && cg.edgeKind[s] === MINT) roots.add(cg.targets[s] as number);
    if (roots.size === before) return { roots: [...roots].sort((a, b) => a - b), reached };
  }
}

/**
 * The minimum-cost revocation plan for `sources` (one compromise). Leaked source credentials are revoked
 * whatever the cost; then a minimum cut separates the other roots (source identities and everything exposed)
 * from the threshold targets. Network: each reached node v is split into v_in -> v_out (an exposed
 * credential's revocation cost; uncuttable for identities; 0 for a leaked credential, already revoked); each
 * usable slot u -> v becomes u_out -> x (the slot's cut cost) -> v_in, plus x -> sink when the slot yields a
 * capability at the threshold; a super-source feeds every root's v_in. Uncuttable arcs get a capacity above
 * the sum of all costs.
 */
export function revocationPlan(cg: CompactGraph, sources: readonly number[], options: RevocationOptions = {}): RevocationPlanResult {
  const maxTier = options.maxTier ?? 1;
  if (!Number.isInteger(maxTier) || maxTier < 0 || maxTier > 4) throw new EngineError(`engine/revocation: option maxTier must be 0 to 4, got ${String(maxTier)}`);
  if (sources.length === 0) throw new EngineError('engine/revocation: no source given');
  for (const s of sources) checkNode(cg, s, 'source');
  const leaked = new Set(sources.filter((s) => cg.active[s] === 1 && IS_CREDENTIAL[cg.nodeKind[s] as number] === 1));
  const { roots, reached } = exposure(cg, sources);
  const relying = relyingOn(cg, reached.node);
  const arcs = new ArcList();
  const slotTargets = new Map<number, number[]>();
  const superSource = 2 * cg.order + cg.size;
  const sink = superSource + 1;
  const rootSet = new Set(roots);
  for (let v = 0; v < cg.order; v++) {
    if (reached.node[v] === 0) continue;
    let cost: number | null = null;
    if (leaked.has(v)) cost = 0;
    else if (IS_CREDENTIAL[cg.nodeKind[v] as number] === 1) cost = CREDENTIAL_REVOKE_COSTS.base + CREDENTIAL_REVOKE_COSTS.perRelying * relying(v).length;
    arcs.add(2 * v, 2 * v + 1, cost, v);
    if (rootSet.has(v) && !leaked.has(v)) arcs.add(superSource, 2 * v, null, -1);
  }
  const targets = new Set<number>();
  for (let u = 0; u < cg.order; u++) {
    for (let s = cg.starts[u] as number; s < (cg.starts[u + 1] as number); s++) {
      if (reached.slot[s] === 0) continue;
      const step = isStep(cg, s);
      const hits = [...new Set(capabilitiesOf(cg, u, s).filter((c) => atThreshold(cg, c, maxTier)).map((c) => c.target))];
      if (!step && hits.length === 0) continue;
      const spec = KIND_COSTS[cg.edgeKind[s] as number] as CutCostSpec;
      const x = 2 * cg.order + s;
      arcs.add(2 * u + 1, x, spec.base === null ? null : spec.base + spec.perRelying * relying(u).length, cg.order + s);
      if (step) arcs.add(x, 2 * (cg.targets[s] as number), null, -1);
      if (hits.length) { arcs.add(x, sink, null, -1); slotTargets.set(x, hits); }
      for (const t of hits) targets.add(t);
    }
  }
  return solve(cg, arcs, {
    superSource, sink, slotTargets, relying, reached: reached.node, sources, leaked, maxTier,
    exposed: roots.filter((v) => !sources.includes(v)), targets: [...targets].sort((a, b) => a - b),
  });
}

interface Solve {
  readonly superSource: number;
  readonly sink: number;
  readonly slotTargets: ReadonlyMap<number, readonly number[]>;
  readonly relying: (v: number) => number[];
  readonly reached: Uint8Array;
  readonly sources: readonly number[];
  readonly leaked: ReadonlySet<number>;
  readonly exposed: readonly number[];
  readonly maxTier: number;
  readonly targets: readonly number[];
}

const TYPE_ORDER = { leaked: 0, credential: 1, edge: 2 } as const;

function solve(cg: CompactGraph, arcs: ArcList, p: Solve): RevocationPlanResult {
  const finite = arcs.cost.reduce((sum, c) => sum + Math.max(0, c), 0);
  const uncut = finite + 1;
  const nodes = p.sink + 1;
  const net = {
    nodes, from: Int32Array.from(arcs.from), to: Int32Array.from(arcs.to),
    capacity: Float64Array.from(arcs.cost, (c) => (c < 0 ? uncut : c)),
  };
  const cut = minCut(net, p.superSource, p.sink);
  if (cut.value >= uncut) throw new EngineError('engine/revocation: no finite cut (a target is reachable through uncuttable edges only)');
  const routes = forward(net, p.slotTargets);
  const items: RevocationItem[] = [...p.leaked].map((v) => ({
    type: 'leaked', node: v, slot: -1, cost: CREDENTIAL_REVOKE_COSTS.source, relying: p.relying(v), cuts: routes(2 * v + 1),
  }));
  for (const a of cut.arcs) {
    const item = arcs.item[a] as number;
    const cost = arcs.cost[a] as number;
    const cuts = routes(net.to[a] as number);
    if (item < cg.order) items.push({ type: 'credential', node: item, slot: -1, cost, relying: p.relying(item), cuts });
    else {
      const tail = (arcs.from[a] as number) >> 1;
      items.push({ type: 'edge', node: tail, slot: item - cg.order, cost, relying: p.relying(tail), cuts });
    }
  }
  items.sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.node - b.node || a.slot - b.slot);
  const compromised: number[] = [];
  for (let v = 0; v < cg.order; v++) if (p.reached[v] === 1) compromised.push(v);
  return {
    sources: [...p.sources], maxTier: p.maxTier, cost: cut.value + p.leaked.size * CREDENTIAL_REVOKE_COSTS.source,
    items, exposed: p.exposed, targets: p.targets, compromised, network: { nodes, arcs: net.from.length },
  };
}

/** Threshold targets on routes from a network node (breadth-first over arcs of the uncut network). */
function forward(net: { nodes: number; from: Int32Array; to: Int32Array }, slotTargets: ReadonlyMap<number, readonly number[]>): (start: number) => number[] {
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
  return (start) => {
    const seen = new Uint8Array(net.nodes);
    const found = new Set<number>();
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const v = stack.pop() as number;
      for (const t of slotTargets.get(v) ?? []) found.add(t);
      for (let i = starts[v] as number; i < (starts[v + 1] as number); i++) {
        const w = heads[i] as number;
        if (seen[w] === 0) { seen[w] = 1; stack.push(w); }
      }
    }
    return [...found].sort((a, b) => a - b);
  };
}
