// Minimum s–t cut of a flow network by maximum flow (Dinic: breadth-first level graph, then blocking flows
// found by an iterative depth-first search with current-arc pointers), all in typed arrays.
import { EngineError } from '../model/index.js';

/** A directed network: arc `i` goes from `from[i]` to `to[i]` with capacity `capacity[i]` (finite, >= 0). */
export interface FlowNetwork {
  readonly nodes: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly capacity: Float64Array;
}

export interface MinCutResult {
  /** The maximum flow, equal to the capacity of the minimum cut. */
  readonly value: number;
  /** Arcs of the cut (tail on the source side, head on the sink side, capacity > 0), ascending. */
  readonly arcs: Int32Array;
  /** 1 for nodes on the source side: those still reachable from the source in the residual network. */
  readonly sourceSide: Uint8Array;
}

function checkNetwork(net: FlowNetwork, source: number, sink: number): void {
  const n = net.nodes;
  if (!Number.isInteger(n) || n < 2) throw new EngineError(`engine/min-cut: network needs at least 2 nodes, got ${String(n)}`);
  const m = net.from.length;
  if (net.to.length !== m || net.capacity.length !== m) {
    throw new EngineError(`engine/min-cut: from, to and capacity differ in length (${m}, ${net.to.length}, ${net.capacity.length})`);
  }
  for (const [role, v] of [['source', source], ['sink', sink]] as const) {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new EngineError(`engine/min-cut: ${role} node ${String(v)} does not exist (network has ${n} nodes)`);
  }
  if (source === sink) throw new EngineError(`engine/min-cut: source and sink are the same node ${source}`);
  for (let i = 0; i < m; i++) {
    const a = net.from[i] as number;
    const b = net.to[i] as number;
    const c = net.capacity[i] as number;
    if (a < 0 || a >= n || b < 0 || b >= n) throw new EngineError(`engine/min-cut: arc ${i} (${a} -> ${b}) has an endpoint outside 0..${n - 1}`);
    if (!Number.isFinite(c) || c < 0) throw new EngineError(`engine/min-cut: arc ${i} has capacity ${String(c)} (need a finite number >= 0)`);
  }
}

/** Residual network: arc 2i is arc i forward, 2i+1 its reverse; CSR adjacency of residual arcs by tail. */
interface Residual {
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly res: Float64Array;
  readonly starts: Int32Array;
  readonly adj: Int32Array;
}

function residualOf(net: FlowNetwork): Residual {
  const m = net.from.length;
  const n = net.nodes;
  const head = new Int32Array(2 * m);
  const tail = new Int32Array(2 * m);
  const res = new Float64Array(2 * m);
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const a = net.from[i] as number;
    const b = net.to[i] as number;
    head[2 * i] = b; tail[2 * i] = a; res[2 * i] = net.capacity[i] as number;
    head[2 * i + 1] = a; tail[2 * i + 1] = b;
    starts[a + 1] = (starts[a + 1] as number) + 1;
    starts[b + 1] = (starts[b + 1] as number) + 1;
  }
  for (let v = 0; v < n; v++) starts[v + 1] = (starts[v + 1] as number) + (starts[v] as number);
  const fill = starts.slice(0, n);
  const adj = new Int32Array(2 * m);
  // NOTE: residual arcs of a node keep input order, so the flow (and the cut chosen among equal ones) is deterministic.
  for (let r = 0; r < 2 * m; r++) {
    const t = tail[r] as number;
    adj[fill[t] as number] = r;
    fill[t] = (fill[t] as number) + 1;
  }
  return { head, tail, res, starts, adj };
}

/** Breadth-first levels from `source` over arcs with residual capacity; -1 = unreached. */
function levels(g: Residual, source: number, level: Int32Array, queue: Int32Array): void {
  level.fill(-1);
  level[source] = 0;
  queue[0] = source;
  for (let qh = 0, qt = 1; qh < qt; qh++) {
    const u = queue[qh] as number;
    for (let i = g.starts[u] as number; i < (g.starts[u + 1] as number); i++) {
      const r = g.adj[i] as number;
      const v = g.head[r] as number;
      if ((g.res[r] as number) > 0 && level[v] === -1) {
        level[v] = (level[u] as number) + 1;
        queue[qt++] = v;
      }
    }
  }
}

/**
 * One blocking flow on the level graph; returns the flow added.
 * NOTE: invariant: path[0..depth) are residual arcs s -> … -> u along increasing levels; `it[u]` only moves
 * forward, so every arc is skipped at most once per phase (O(V·E) per phase).
 */
function blockingFlow(g: Residual, n: number, source: number, sink: number, level: Int32Array): number {
  const it = g.starts.slice(0, n);
  const path = new Int32Array(n);
  let depth = 0;
  let u = source;
  let added = 0;
  for (;;) {
    if (u === sink) {
      let push = Infinity;
      for (let k = 0; k < depth; k++) push = Math.min(push, g.res[path[k] as number] as number);
      let firstFull = -1;
      for (let k = 0; k < depth; k++) {
        const r = path[k] as number;
        g.res[r] = (g.res[r] as number) - push;
        g.res[r ^ 1] = (g.res[r ^ 1] as number) + push;
        if (firstFull < 0 && g.res[r] === 0) firstFull = k;
      }
      added += push;
      depth = firstFull;
      u = g.tail[path[depth] as number] as number;
      continue;
    }
    const end = g.starts[u + 1] as number;
    let i = it[u] as number;
    for (; i < end; i++) {
      const r = g.adj[i] as number;
      if ((g.res[r] as number) > 0 && level[g.head[r] as number] === (level[u] as number) + 1) break;
    }
    it[u] = i;
    if (i < end) {
      const r = g.adj[i] as number;
      path[depth++] = r;
      u = g.head[r] as number;
      continue;
    }
    if (u === source) return added;
    // Dead end: retreat one arc and never try the arc into u again this phase.
    const back = path[--depth] as number;
    u = g.tail[back] as number;
    it[u] = (it[u] as number) + 1;
  }
}

/**
 * A minimum `source`–`sink` cut. Among minimum cuts it returns the one closest to the source (the source side
 * is exactly what the source still reaches in the final residual network), so results are deterministic.
 */
export function minCut(net: FlowNetwork, source: number, sink: number): MinCutResult {
  checkNetwork(net, source, sink);
  const n = net.nodes;
  const g = residualOf(net);
  const level = new Int32Array(n);
  const queue = new Int32Array(n);
  let value = 0;
  for (;;) {
    levels(g, source, level, queue);
    if (level[sink] === -1) break;
    value += blockingFlow(g, n, source, sink, level);
  }
  const sourceSide = new Uint8Array(n);
  for (let v = 0; v < n; v++) sourceSide[v] = level[v] === -1 ? 0 : 1;
  const arcs: number[] = [];
  for (let i = 0; i < net.from.length; i++) {
    if (sourceSide[net.from[i] as number] === 1 && sourceSide[net.to[i] as number] === 0 && (net.capacity[i] as number) > 0) arcs.push(i);
  }
  return { value, arcs: Int32Array.from(arcs), sourceSide };
}
