// Threat-modeler path queries: every path between the nodes two selectors match, at a time.
import { graphLookup } from '../graph/lookup.js';
import { enumeratePaths, toCompact, type CompactGraph } from '../engine/index.js';
import { rankEnginePath, findingContext } from '../findings/context.js';
import { nodeRef, type NodeRef, type RankedPath } from '../findings/index.js';
import { parseSelector, selectNodes } from '../graph/select.js';
import { NotFoundError, UsageError } from '../model/index.js';
import { DEFAULT_CAP, DEFAULT_MAX_DEPTH } from './analyze.js';
import type { LoadedGraph } from './load.js';

/** Most source × target pairs one query may expand, to keep a broad selector from running away. */
export const MAX_PAIRS = 10_000;

export interface PathsQueryOptions {
  readonly at?: Date;
  readonly maxDepth?: number;
  readonly cap?: number;
  /** Wall-clock limit (`Date.now()` ms): pairs not reached by then are left out and the report says timedOut. */
  readonly deadline?: number;
}

export interface PairPaths {
  readonly source: NodeRef;
  readonly target: NodeRef;
  readonly paths: readonly RankedPath[];
  readonly truncated: boolean;
}

export interface PathsReport {
  readonly at: string;
  readonly from: string;
  readonly to: string;
  readonly maxDepth: number;
  readonly cap: number;
  readonly sources: number;
  readonly targets: number;
  readonly pairs: readonly PairPaths[];
  readonly total: number;
  readonly truncated: boolean;
  /** True when the deadline stopped the search: the pairs listed are those found by then. */
  readonly timedOut?: boolean;
}

function resolve(loaded: LoadedGraph, cg: CompactGraph, raw: string, role: string): number[] {
  const ids = selectNodes(loaded.graph, parseSelector(raw));
  if (ids.length === 0) throw new NotFoundError(`--${role} "${raw}" matches no node`);
  return ids.map((id) => cg.indexOf.get(id) as number);
}

/** All simple paths (bounded by depth and cap per pair) from every `from` node to every `to` node. */
export function findPaths(loaded: LoadedGraph, from: string, to: string, options: PathsQueryOptions = {}): PathsReport {
  const at = options.at ?? new Date();
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const cap = options.cap ?? DEFAULT_CAP;
  const cg = toCompact(loaded.graph, { at });
  const sources = resolve(loaded, cg, from, 'from');
  const targets = resolve(loaded, cg, to, 'to');
  if (sources.length * targets.length > MAX_PAIRS) {
    throw new UsageError(`--from matches ${sources.length} and --to ${targets.length} nodes: more than ${MAX_PAIRS} pairs; narrow a selector`);
  }
  const lookup = graphLookup(loaded.graph, cg);
  const ctx = findingContext(lookup, cg);
  const pairs: PairPaths[] = [];
  let total = 0;
  let truncated = false;
  let timedOut = false;
  const limits = { maxDepth, cap, ...(options.deadline !== undefined ? { deadline: options.deadline } : {}) };
  for (const s of sources) {
    for (const t of targets) {
      if (s === t || timedOut) continue;
      const res = enumeratePaths(cg, { source: s, target: t, ...limits });
      timedOut ||= res.timedOut === true;
      if (res.paths.length === 0) continue;
      const tier = cg.nodeTier[t] ?? -1;
      const detail = tier >= 0 ? `tier ${tier} target` : 'target';
      pairs.push({
        source: nodeRef(lookup, cg.ids[s] as string), target: nodeRef(lookup, cg.ids[t] as string),
        paths: res.paths.map((p) => rankEnginePath(ctx, s, p, 1, detail)), truncated: res.truncated,
      });
      total += res.paths.length;
      truncated ||= res.truncated;
    }
  }
  return {
    at: at.toISOString(), from, to, maxDepth, cap, sources: sources.length, targets: targets.length, pairs, total,
    truncated: truncated || timedOut, ...(timedOut ? { timedOut } : {}),
  };
}
