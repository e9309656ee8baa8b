// Enumeration of simple paths from a source to one target, shortest first, bounded by depth and a cap
// (truncation reported). Branches that cannot reach the target within the depth left are pruned by a
// reverse breadth-first distance computed once per target.
import { EngineError } from '../model/index.js';
import type { CompactGraph } from './compact.js';
import { capabilitiesOf, contextAfter, isStep } from './hops.js';
import { IS_CAPABILITY, K } from './kinds.js';
import { checkNode } from './reach.js';
import { DelegationScopes, UNRESTRICTED } from './scope.js';
import type { Capability, EnginePath } from './types.js';

export interface PathsOptions {
  readonly source: number;
  readonly target: number;
  /** Longest path, in edges (default 8). */
  readonly maxDepth?: number;
  /** Most paths returned (default 1000). */
  readonly cap?: number;
  /**
   * When given, only paths ending with a capability on the target that passes it. Otherwise paths end by an
   * act-as step into the target or by any capability on it (or a capability edge straight into it).
   */
  readonly filter?: (c: Capability) => boolean;
  /** Wall-clock limit (`Date.now()` ms): enumeration stops there, keeping the paths found (timedOut, truncated). */
  readonly deadline?: number;
}

export interface PathsResult {
  /** Simple paths, shortest first; equal lengths in depth-first order of the sorted CSR slots. */
  readonly paths: readonly EnginePath[];
  /** True when more paths exist within maxDepth than `cap`, or the deadline stopped the enumeration. */
  readonly truncated: boolean;
  /** True when the deadline stopped the enumeration. */
  readonly timedOut?: boolean;
}

export const DEFAULT_MAX_DEPTH = 8;
export const DEFAULT_CAP = 1000;
/** Largest maxDepth accepted on graphs of fewer nodes than this. */
export const MAX_DEPTH_LIMIT = 1024;
const FAR = 0x7fffffff;

/** Reverse adjacency (slot indices grouped by target), built once per compact graph. */
interface Reverse {
  readonly starts: Uint32Array;
  readonly slots: Uint32Array;
  readonly from: Uint32Array;
}
const REVERSE = new WeakMap<CompactGraph, Reverse>();

function reverseOf(cg: CompactGraph): Reverse {
  let rev = REVERSE.get(cg);
  if (rev) return rev;
  const starts = new Uint32Array(cg.order + 1);
  const from = new Uint32Array(cg.size);
  for (let u = 0; u < cg.order; u++) {
    for (let s = cg.starts[u] as number; s < (cg.starts[u + 1] as number); s++) {
      from[s] = u;
      const t = cg.targets[s] as number;
      starts[t + 1] = (starts[t + 1] as number) + 1;
    }
  }
  for (let i = 0; i < cg.order; i++) starts[i + 1] = (starts[i + 1] as number) + (starts[i] as number);
  const fill = starts.slice(0, cg.order);
  const slots = new Uint32Array(cg.size);
  for (let s = 0; s < cg.size; s++) {
    const t = cg.targets[s] as number;
    slots[fill[t] as number] = s;
    fill[t] = (fill[t] as number) + 1;
  }
  rev = { starts, slots, from };
  REVERSE.set(cg, rev);
  return rev;
}

const NO_ENDINGS: number[][] = [];

/**
 * The edge lists by which `slot` (out of `holder`) ends a path at `target`: its capabilities on the target that
 * pass `filter`; without a filter also the slot itself when it is an act-as step or a capability edge straight
 * into the target (e.g. CAN_ALTER into a dataset).
 */
function endings(cg: CompactGraph, holder: number, slot: number, target: number, filter?: (c: Capability) => boolean): number[][] {
  // NOTE: only a slot into the target, or a CAN_ALTER into a dataset or pipeline, can end a path there.
  const v = cg.targets[slot] as number;
  if (v !== target && (cg.edgeKind[slot] !== K.CAN_ALTER || (cg.nodeKind[v] !== K.Dataset && cg.nodeKind[v] !== K.Pipeline))) return NO_ENDINGS;
  const out = capabilitiesOf(cg, holder, slot).filter((c) => c.target === target && (filter ? filter(c) : true)).map((c) => c.edges as number[]);
  if (filter === undefined && cg.targets[slot] === target && !out.some((e) => e.length === 1)
    && (isStep(cg, slot) || IS_CAPABILITY[cg.edgeKind[slot] as number] === 1)) out.unshift([slot]);
  return out;
}

/**
 * Lower bound on the edges from each node to the target, ignoring delegation (which only removes edges),
 * FAR when the target cannot be reached. Indirect hops count 2.
 */
function distancesTo(cg: CompactGraph, target: number, filter?: (c: Capability) => boolean): Int32Array {
  const rev = reverseOf(cg);
  const dist = new Int32Array(cg.order).fill(FAR);
  const relaxEnding = (slot: number): void => {
    const holder = rev.from[slot] as number;
    for (const e of endings(cg, holder, slot, target, filter)) dist[holder] = Math.min(dist[holder] as number, e.length);
  };
  for (let i = rev.starts[target] as number; i < (rev.starts[target + 1] as number); i++) {
    const slot = rev.slots[i] as number;
    relaxEnding(slot);
    const via = rev.from[slot] as number;
    // Indirect hops: a CAN_ALTER into the dataset/pipeline `via` whose TRAINS/DEPLOYS slot is `slot`.
    for (let j = rev.starts[via] as number; j < (rev.starts[via + 1] as number); j++) relaxEnding(rev.slots[j] as number);
  }
  // NOTE: bucket queue over distances (1 and 2 seeds, unit steps), so each node settles once at its minimum.
  const buckets: number[][] = [];
  for (let u = 0; u < cg.order; u++) if ((dist[u] as number) < FAR) (buckets[dist[u] as number] ??= []).push(u);
  for (let d = 1; d < buckets.length; d++) {
    for (const v of buckets[d] ?? []) {
      if (dist[v] !== d) continue;
      for (let i = rev.starts[v] as number; i < (rev.starts[v + 1] as number); i++) {
        const slot = rev.slots[i] as number;
        const u = rev.from[slot] as number;
        if (!isStep(cg, slot) || (dist[u] as number) <= d + 1) continue;
        dist[u] = d + 1;
        (buckets[d + 1] ??= []).push(u);
      }
    }
  }
  return dist;
}

/** Longest maxDepth for which path lengths are tracked exactly (one bit per length in a Uint32Array). */
const MASK_DEPTH = 31;

/**
 * For each node, bit k set when a walk of exactly k edges (k <= maxDepth <= MASK_DEPTH) ends at the target,
 * ignoring delegation and repeated nodes (which only remove walks): the enumeration descends only where a path of
 * the exact length still left can exist, which the minimum distance alone cannot tell in a graph full of cycles.
 */
function lengthsTo(cg: CompactGraph, target: number, maxDepth: number, filter?: (c: Capability) => boolean): Uint32Array {
  const rev = reverseOf(cg);
  const mask = new Uint32Array(cg.order);
  const levels: number[][] = Array.from({ length: maxDepth + 1 }, () => []);
  const mark = (u: number, k: number): void => {
    if (k > maxDepth || ((mask[u] as number) & (1 << k)) !== 0) return;
    mask[u] = (mask[u] as number) | (1 << k);
    (levels[k] as number[]).push(u);
  };
  const relaxEnding = (slot: number): void => {
    const holder = rev.from[slot] as number;
    for (const e of endings(cg, holder, slot, target, filter)) mark(holder, e.length);
  };
  for (let i = rev.starts[target] as number; i < (rev.starts[target + 1] as number); i++) {
    const slot = rev.slots[i] as number;
    relaxEnding(slot);
    const via = rev.from[slot] as number;
    for (let j = rev.starts[via] as number; j < (rev.starts[via + 1] as number); j++) relaxEnding(rev.slots[j] as number);
  }
  for (let k = 1; k < maxDepth; k++) {
    for (const v of levels[k] as number[]) {
      if (v === target) continue;
      for (let i = rev.starts[v] as number; i < (rev.starts[v + 1] as number); i++) {
        const slot = rev.slots[i] as number;
        if (isStep(cg, slot)) mark(rev.from[slot] as number, k + 1);
      }
    }
  }
  return mask;
}

/** Memory the distance cache may hold per compact graph (each entry is one typed array of the graph's order). */
const DISTANCE_CACHE_BYTES = 256 * 1024 * 1024;
const DISTANCES = new WeakMap<CompactGraph, Map<string, Int32Array | Uint32Array>>();
const FILTER_IDS = new WeakMap<(c: Capability) => boolean, number>();

/**
 * distancesTo, memoised per (target, filter) for the callers that ask about the same targets for many sources
 * (SoD and sensitive reach): least recently used entries go once the cache holds DISTANCE_CACHE_BYTES.
 */
function cachedDistances(cg: CompactGraph, target: number, filter?: (c: Capability) => boolean, maxDepth?: number): Int32Array | Uint32Array {
  let cache = DISTANCES.get(cg);
  if (!cache) {
    cache = new Map();
    DISTANCES.set(cg, cache);
  }
  let filterId = 0;
  if (filter) {
    filterId = FILTER_IDS.get(filter) ?? 0;
    if (filterId === 0) {
      filterId = FILTER_IDS_NEXT.value++;
      FILTER_IDS.set(filter, filterId);
    }
  }
  const key = `${target}:${filterId}:${maxDepth ?? ''}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const dist = maxDepth === undefined ? distancesTo(cg, target, filter) : lengthsTo(cg, target, maxDepth, filter);
  const entries = Math.max(8, Math.floor(DISTANCE_CACHE_BYTES / Math.max(4, dist.byteLength)));
  if (cache.size >= entries) cache.delete(cache.keys().next().value as string);
  cache.set(key, dist);
  return dist;
}
const FILTER_IDS_NEXT = { value: 1 };

function checkLimit(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new EngineError(`engine/paths: option ${name} must be an integer from 1 to ${max}, got ${String(value)}`);
  }
}

/** Every simple path from `source` to `target` within `maxDepth`, shortest first, at most `cap`. */
export function enumeratePaths(cg: CompactGraph, options: PathsOptions): PathsResult {
  const { source, target, filter } = options;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const cap = options.cap ?? DEFAULT_CAP;
  checkNode(cg, source, 'source');
  checkNode(cg, target, 'target');
  // NOTE: no simple path is longer than the graph has nodes; the floor keeps the bound meaningful on small graphs.
  checkLimit('maxDepth', maxDepth, Math.max(MAX_DEPTH_LIMIT, cg.order));
  checkLimit('cap', cap, 10_000_000);
  const paths: EnginePath[] = [];
  if (cg.active[source] === 0 || source === target) return { paths, truncated: false };
  let walk: Walk;
  if (maxDepth <= MASK_DEPTH) {
    const lengths = cachedDistances(cg, target, filter, maxDepth) as Uint32Array;
    walk = new Walk(cg, target, (v, left) => (((lengths[v] as number) >>> left) & 1) === 1, filter, options.deadline);
    for (let length = 1; length <= maxDepth; length++) {
      if ((((lengths[source] as number) >>> length) & 1) === 1 && walk.run(source, length, paths, cap + 1)) break;
    }
  } else {
    const dist = cachedDistances(cg, target, filter) as Int32Array;
    if ((dist[source] as number) > maxDepth) return { paths, truncated: false };
    walk = new Walk(cg, target, (v, left) => (dist[v] as number) <= left, filter, options.deadline);
    for (let length = dist[source] as number; length <= maxDepth; length++) {
      if (walk.run(source, length, paths, cap + 1)) break;
    }
  }
  const truncated = paths.length > cap || walk.timedOut;
  if (paths.length > cap) paths.length = cap;
  return { paths, truncated, ...(walk.timedOut ? { timedOut: true } : {}) };
}

/** A shortest simple path (any length), or undefined when none exists. */
export function shortestSimplePath(cg: CompactGraph, source: number, target: number, filter?: (c: Capability) => boolean): EnginePath | undefined {
  return enumeratePaths(cg, { source, target, maxDepth: Math.max(1, cg.order), cap: 1, ...(filter ? { filter } : {}) }).paths[0];
}

/** Depth-first enumeration of the paths of exactly one length, reusing its buffers across lengths. */
class Walk {
  private readonly onPath: Uint8Array;
  private readonly nodes: number[] = [];
  private readonly edges: number[] = [];
  private readonly scopes: DelegationScopes;
  private visits = 0;
  /** Set once the deadline has passed; every open call then unwinds. */
  timedOut = false;

  constructor(
    private readonly cg: CompactGraph, private readonly target: number,
    /** False when no walk of exactly `left` edges leads from `v` to the target (so no path does). */
    private readonly can: (v: number, left: number) => boolean,
    private readonly filter: ((c: Capability) => boolean) | undefined, private readonly deadline: number | undefined,
  ) {
    this.onPath = new Uint8Array(cg.order);
    this.scopes = new DelegationScopes(cg);
  }

  /** True when the deadline has passed (the clock is read every 1,024 visits). */
  private expired(): boolean {
    if (this.timedOut) return true;
    if (this.deadline === undefined || (++this.visits & 1023) !== 0) return false;
    this.timedOut = Date.now() > this.deadline;
    return this.timedOut;
  }

  /** Appends the paths of exactly `length` edges; true once `limit` paths are collected. */
  run(source: number, length: number, out: EnginePath[], limit: number): boolean {
    this.nodes.length = 0;
    this.edges.length = 0;
    return this.visit(source, UNRESTRICTED, length, out, limit);
  }

  // NOTE: invariant: nodes/edges hold the current prefix and onPath marks exactly its nodes.
  private visit(u: number, ctx: number, left: number, out: EnginePath[], limit: number): boolean {
    if (this.expired()) return true;
    const cg = this.cg;
    this.nodes.push(u);
    this.onPath[u] = 1;
    let full = false;
    const end = cg.starts[u + 1] as number;
    for (let slot = cg.starts[u] as number; slot < end && !full; slot++) {
      if (!this.scopes.allowed(ctx, slot)) continue;
      // NOTE: an ending is one or two edges long, so only the last two levels look for one.
      if (left <= 2) for (const ending of endings(cg, u, slot, this.target, this.filter)) {
        if (ending.length !== left) continue;
        const via = ending.length > 1 ? (cg.targets[ending[0] as number] as number) : undefined;
        if (via !== undefined && this.onPath[via] === 1) continue;
        out.push({ nodes: [...this.nodes, ...(via !== undefined ? [via] : []), this.target], edges: [...this.edges, ...ending] });
        if (out.length >= limit) { full = true; break; }
      }
      const v = cg.targets[slot] as number;
      if (full || left < 2 || v === this.target || this.onPath[v] === 1 || !isStep(cg, slot)) continue;
      if (!this.can(v, left - 1)) continue;
      this.edges.push(slot);
      full = this.visit(v, contextAfter(cg, this.scopes, ctx, slot), left - 1, out, limit);
      this.edges.pop();
    }
    this.onPath[u] = 0;
    this.nodes.pop();
    return full;
  }
}
