// The flow network of a revocation plan, built on the (node, delegation context) states the roots reach, so
// delegation scopes and time validity hold exactly as in reach.ts: the compact graph holds only edges valid at
// its instant, and a state only has the transitions its context allows.
import type { CompactGraph } from './compact.js';
import { capabilitiesOf, contextAfter, isStep } from './hops.js';
import { IS_CAPABILITY } from './kinds.js';
import { DelegationScopes, UNRESTRICTED } from './scope.js';
import type { Capability } from './types.js';

/** States reached from the roots (each starting unrestricted) and the slots taken out of each. */
export interface StateGraph {
  readonly stateNode: readonly number[];
  /** Transitions: state, slot, and the state it leads to (-1 when the slot only ends a path). */
  readonly from: readonly number[];
  readonly slot: readonly number[];
  readonly to: readonly number[];
  /** 1 for nodes with at least one state. */
  readonly node: Uint8Array;
}

/**
 * Breadth-first over (node, context) states, one state per distinct pair. NOTE: no dominance pruning (unlike
 * reach.ts): merging a restricted arrival into a less restricted state would let the network route a scoped
 * prefix into edges its scopes forbid, and the cut would then pay for paths that do not exist.
 */
export function stateGraph(cg: CompactGraph, roots: readonly number[]): StateGraph {
  const scopes = new DelegationScopes(cg);
  const ids = new Map<string, number>();
  const stateNode: number[] = [];
  const stateCtx: number[] = [];
  const g = { stateNode, from: [] as number[], slot: [] as number[], to: [] as number[], node: new Uint8Array(cg.order) };
  const state = (v: number, ctx: number): number => {
    const key = `${v}|${ctx}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = stateNode.length;
      ids.set(key, id);
      stateNode.push(v);
      stateCtx.push(ctx);
      g.node[v] = 1;
    }
    return id;
  };
  for (const r of roots) if (cg.active[r] === 1) state(r, UNRESTRICTED);
  for (let st = 0; st < stateNode.length; st++) {
    const u = stateNode[st] as number;
    const ctx = stateCtx[st] as number;
    for (let s = cg.starts[u] as number; s < (cg.starts[u + 1] as number); s++) {
      if (!scopes.allowed(ctx, s)) continue;
      const step = isStep(cg, s);
      if (!step && IS_CAPABILITY[cg.edgeKind[s] as number] !== 1) continue;
      g.from.push(st);
      g.slot.push(s);
      g.to.push(step ? state(cg.targets[s] as number, contextAfter(cg, scopes, ctx, s)) : -1);
    }
  }
  return g;
}

/** Costs the network is built with: null = uncuttable. */
export interface NetworkCosts {
  node(v: number): number | null;
  slot(s: number): number | null;
}

/** A flow network with what each arc stands for. */
export interface RevocationNetwork {
  readonly nodes: number;
  readonly source: number;
  readonly sink: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Finite cost per arc, or -1 for an uncuttable arc. */
  readonly cost: Float64Array;
  /** Per arc: the slot its cut removes, else -1. */
  readonly arcSlot: Int32Array;
  /** Per arc: the credential its cut revokes, else -1. */
  readonly arcNode: Int32Array;
  /** Threshold targets per network node of a transition that ends at one. */
  readonly hits: ReadonlyMap<number, readonly number[]>;
  /** Every threshold target, ascending. */
  readonly targets: readonly number[];
  /** True when some route of the network must visit a graph node twice (see `revisits`). */
  readonly revisits: boolean;
}

/**
 * Each state st is split into in = 2·st and out = 2·st + 1 (the node's cost: a credential's revocation, else
 * uncuttable); transition i becomes out(from) -> x_i (the slot's cost) -> in(to), plus x_i -> sink when the
 * slot gives a capability passing `counts`; the source feeds in(st) of every state of a `fed` node.
 */
export function revocationNetwork(
  cg: CompactGraph, g: StateGraph, fed: ReadonlySet<number>, costs: NetworkCosts, counts: (c: Capability) => boolean,
): RevocationNetwork {
  const states = g.stateNode.length;
  const trans = g.slot.length;
  const source = 2 * states + trans;
  const sink = source + 1;
  const from: number[] = [];
  const to: number[] = [];
  const cost: number[] = [];
  const arcSlot: number[] = [];
  const arcNode: number[] = [];
  const add = (a: number, b: number, c: number | null, slot: number, node: number): void => {
    from.push(a); to.push(b); cost.push(c ?? -1); arcSlot.push(c === null ? -1 : slot); arcNode.push(c === null ? -1 : node);
  };
  for (let st = 0; st < states; st++) {
    const v = g.stateNode[st] as number;
    add(2 * st, 2 * st + 1, costs.node(v), -1, v);
    if (fed.has(v)) add(source, 2 * st, null, -1, -1);
  }
  const hits = new Map<number, number[]>();
  const targets = new Set<number>();
  const via = new Int32Array(trans).fill(-1);
  for (let i = 0; i < trans; i++) {
    const st = g.from[i] as number;
    const s = g.slot[i] as number;
    const x = 2 * states + i;
    const caps = capabilitiesOf(cg, g.stateNode[st] as number, s).filter(counts);
    const found = [...new Set(caps.map((c) => c.target))].sort((a, b) => a - b);
    const next = g.to[i] as number;
    if (next < 0 && found.length === 0) continue;
    add(2 * st + 1, x, costs.slot(s), s, -1);
    if (next >= 0) add(x, 2 * next, null, -1, -1);
    if (found.length) {
      if (caps.some((c) => c.edges.length > 1)) via[i] = cg.targets[s] as number;
      add(x, sink, null, -1, -1);
      hits.set(x, found);
      for (const t of found) targets.add(t);
    }
  }
  return {
    nodes: sink + 1, source, sink, from: Int32Array.from(from), to: Int32Array.from(to), cost: Float64Array.from(cost),
    arcSlot: Int32Array.from(arcSlot), arcNode: Int32Array.from(arcNode), hits, targets: [...targets].sort((a, b) => a - b),
    revisits: revisits(g, via, fed),
  };
}

/**
 * True when a route of the network may only exist as a walk that alters a pipeline already on it (paths are
 * simple, docs/edges.md, so the cut may pay for a route that does not exist). Only walks that entered the
 * pipeline without altering it count: a CAN_ALTER into it already ends at the sink (same models), so every
 * cut covers the walks through it. No other walk matters: every credential on a route is a root, so a route can
 * start at its last credential, after which contexts only grow; then from the first visit of a node the edges
 * after its last visit are allowed too, and the route shortcuts to a simple path over a subset of its edges.
 */
function revisits(g: StateGraph, via: Int32Array, fed: ReadonlySet<number>): boolean {
  const states = g.stateNode.length;
  const starts = new Int32Array(states + 1);
  for (const st of g.from) starts[st + 1] = (starts[st + 1] as number) + 1;
  for (let st = 0; st < states; st++) starts[st + 1] = (starts[st + 1] as number) + (starts[st] as number);
  const order = Int32Array.from(g.from.keys()).sort((a, b) => (g.from[a] as number) - (g.from[b] as number));
  // Hazard starts: states of a via pipeline that are roots or entered by a transition that does not alter it.
  const viaNodes = new Set<number>();
  for (const v of via) if (v >= 0) viaNodes.add(v);
  const seen = new Uint8Array(states);
  const stack: number[] = [];
  g.stateNode.forEach((v, st) => { if (viaNodes.has(v) && fed.has(v)) { seen[st] = 1; stack.push(st); } });
  g.to.forEach((st, i) => {
    if (st >= 0 && seen[st] === 0 && viaNodes.has(g.stateNode[st] as number) && (via[i] as number) < 0) { seen[st] = 1; stack.push(st); }
  });
  const origin = new Int32Array(states).fill(-1);
  for (const st of stack) origin[st] = g.stateNode[st] as number;
  // NOTE: one search per pipeline keeps this exact; pipelines that are via nodes are few.
  for (const x of viaNodes) {
    const queue = stack.filter((st) => origin[st] === x);
    const mark = new Uint8Array(states);
    for (const st of queue) mark[st] = 1;
    while (queue.length) {
      const st = queue.pop() as number;
      for (let k = starts[st] as number; k < (starts[st + 1] as number); k++) {
        const i = order[k] as number;
        if (via[i] === x) return true;
        const next = g.to[i] as number;
        if (next >= 0 && mark[next] === 0) { mark[next] = 1; queue.push(next); }
      }
    }
  }
  return false;
}
