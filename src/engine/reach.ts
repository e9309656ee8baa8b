// Reachability from one source: every node it can act as and every capability it thereby holds, with a
// shortest witness path for each. Breadth-first over (node, delegation context) states of the compact graph.
import { EngineError } from '../model/index.js';
import type { CompactGraph } from './compact.js';
import { capabilitiesOf, capabilityVia, contextAfter, isStep } from './hops.js';
import { shortestSimplePath } from './paths.js';
import { DelegationScopes, UNRESTRICTED } from './scope.js';
import type { Capability, EnginePath } from './types.js';

/** What one source reaches at the graph's instant. */
export interface ReachResult {
  readonly source: number;
  /** Nodes the source can act as, itself included, ascending. Empty when the source is inactive. */
  readonly actAs: readonly number[];
  /** Every distinct capability (holder, slots), in breadth-first discovery order. */
  readonly capabilities: readonly Capability[];
  /** Edges on the shortest act-as path to a node, or -1 when it is not reached. */
  distance(node: number): number;
  /**
   * A shortest simple path from the source to `target`: ending with a capability that passes `filter` when
   * one is given; else ending by act-as arrival or any capability into the target. Undefined when none.
   */
  shortest(target: number, filter?: (c: Capability) => boolean): EnginePath | undefined;
  /** Every capability with a simple path, with that path, in discovery order (what `shortest` chooses from). */
  capabilityPaths(): ReadonlyMap<Capability, EnginePath>;
}

interface Found {
  readonly cap: Capability;
  readonly state: number;
}

/** Throws EngineError unless `node` is a node index of `cg`. */
export function checkNode(cg: CompactGraph, node: number, role: string): void {
  if (!Number.isInteger(node) || node < 0 || node >= cg.order) {
    throw new EngineError(`engine: ${role} node ${String(node)} does not exist (graph has ${cg.order} nodes)`);
  }
}

/** Everything `source` can act as and every capability it holds. */
export function reach(cg: CompactGraph, source: number): ReachResult {
  checkNode(cg, source, 'source');
  const scopes = new DelegationScopes(cg);
  const stateNode: number[] = [];
  const stateCtx: number[] = [];
  const parent: number[] = [];
  const parentSlot: number[] = [];
  const depth: number[] = [];
  // NOTE: first state per node (-1 = none); further states of a node (other contexts) in `extra`.
  const firstState = new Int32Array(cg.order).fill(-1);
  const extra = new Map<number, number[]>();
  const found: Found[] = [];
  const capSeen = new Set<string>();

  const addState = (node: number, ctx: number, from: number, slot: number): void => {
    const first = firstState[node] as number;
    if (first >= 0) {
      // A state whose context is no more restrictive than ctx already covers everything ctx could do.
      if (scopes.subset(stateCtx[first] as number, ctx)) return;
      const more = extra.get(node) ?? [];
      if (more.some((s) => scopes.subset(stateCtx[s] as number, ctx))) return;
      more.push(stateNode.length);
      extra.set(node, more);
    } else firstState[node] = stateNode.length;
    stateNode.push(node);
    stateCtx.push(ctx);
    parent.push(from);
    parentSlot.push(slot);
    depth.push(from < 0 ? 0 : (depth[from] as number) + 1);
  };

  if (cg.active[source] === 1) addState(source, UNRESTRICTED, -1, -1);
  for (let i = 0; i < stateNode.length; i++) {
    const u = stateNode[i] as number;
    const ctx = stateCtx[i] as number;
    const end = cg.starts[u + 1] as number;
    for (let slot = cg.starts[u] as number; slot < end; slot++) {
      if (!scopes.allowed(ctx, slot)) continue;
      if (isStep(cg, slot)) addState(cg.targets[slot] as number, contextAfter(cg, scopes, ctx, slot), i, slot);
      for (const cap of capabilitiesOf(cg, u, slot)) {
        const key = `${u}|${cap.edges.join(',')}`;
        if (capSeen.has(key)) continue;
        capSeen.add(key);
        found.push({ cap, state: i });
      }
    }
  }

  const witness = (state: number): EnginePath => {
    const nodes: number[] = [];
    const edges: number[] = [];
    for (let s = state; s >= 0; s = parent[s] as number) {
      nodes.push(stateNode[s] as number);
      if ((parent[s] as number) >= 0) edges.push(parentSlot[s] as number);
    }
    return { nodes: nodes.reverse(), edges: edges.reverse() };
  };
  // NOTE: with no restricting grant there is one state per node, so every witness is a simple path.
  return verifiedResult(cg, source, { stateNode, firstState, extra, depth, found, witness, restricted: scopes.count > 1 });
}

interface Search {
  readonly stateNode: readonly number[];
  readonly firstState: Int32Array;
  readonly depth: readonly number[];
  readonly found: readonly Found[];
  witness(state: number): EnginePath;
}

function withCapability(path: EnginePath, cg: CompactGraph, cap: Capability): EnginePath {
  const via = capabilityVia(cg, cap);
  return {
    nodes: [...path.nodes, ...(via !== undefined ? [via] : []), cap.target],
    edges: [...path.edges, ...cap.edges],
  };
}

function isSimple(path: EnginePath): boolean {
  return new Set(path.nodes).size === path.nodes.length;
}

interface RestrictedSearch extends Search {
  readonly extra: ReadonlyMap<number, readonly number[]>;
  /** False when no restricting grant was met: one state per node, so node witnesses are simple. */
  readonly restricted: boolean;
}

/**
 * Maps the search to simple paths. A witness may revisit a node when delegation contexts split a node into
 * several states (it left a restricted context through a credential), and an indirect capability may pass
 * through a pipeline already on the witness. Keep what has a simple witness; for the rest ask the exact
 * simple-path search, and drop what has no simple path at all.
 */
function verifiedResult(cg: CompactGraph, source: number, s: RestrictedSearch): ReachResult {
  // NOTE: without restricting grants every node witness is simple, so node paths are built only when asked for
  // (keeping them all would cost O(nodes × depth) per source).
  const nodePath = new Map<number, EnginePath | undefined>();
  const actAs: number[] = [];
  for (let node = 0; node < cg.order; node++) {
    const first = s.firstState[node] as number;
    if (first < 0) continue;
    if (!s.restricted) {
      actAs.push(node);
      continue;
    }
    const candidates = [first, ...(s.extra.get(node) ?? [])].sort((a, b) => (s.depth[a] as number) - (s.depth[b] as number));
    let path = candidates.map((st) => s.witness(st)).find(isSimple);
    if (!path && node !== source) path = shortestSimplePath(cg, source, node);
    if (path) {
      nodePath.set(node, path);
      actAs.push(node);
    }
  }
  const pathTo = (node: number): EnginePath | undefined => {
    if (s.restricted) return nodePath.get(node);
    const first = s.firstState[node] as number;
    return first >= 0 ? s.witness(first) : undefined;
  };
  const capPath = new Map<Capability, EnginePath>();
  const pending = new Map<string, Capability>();
  for (const f of s.found) {
    const path = withCapability(s.witness(f.state), cg, f.cap);
    if (isSimple(path)) capPath.set(f.cap, path);
    else pending.set(`${f.cap.effect}|${f.cap.target}|${f.cap.action}`, f.cap);
  }
  for (const cap of pending.values()) {
    const same = (c: Capability): boolean => c.effect === cap.effect && c.target === cap.target && c.action === cap.action;
    if ([...capPath.keys()].some(same)) continue;
    const path = shortestSimplePath(cg, source, cap.target, same);
    if (path) capPath.set(cap, path);
  }
  const capabilities = s.found.map((f) => f.cap).filter((c) => capPath.has(c));
  const length = (p: EnginePath): number => p.edges.length;
  return {
    source, actAs, capabilities, capabilityPaths: () => capPath,
    distance: (node) => {
      if (!s.restricted) return (s.firstState[node] ?? -1) >= 0 ? (s.depth[s.firstState[node] as number] as number) : -1;
      const p = nodePath.get(node);
      return p ? length(p) : -1;
    },
    shortest(target, filter) {
      let best: EnginePath | undefined;
      for (const [cap, path] of capPath) {
        if (cap.target === target && (filter ?? (() => true))(cap) && (!best || length(path) < length(best))) best = path;
      }
      const arrival = filter === undefined && target !== source ? pathTo(target) : undefined;
      return arrival && (!best || length(arrival) <= length(best)) ? arrival : best;
    },
  };
}
