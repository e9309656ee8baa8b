// Shared state for turning engine results into findings: the graph, its compact form, the time, and a
// memoised blast radius per source. Also the one place that ranks a set of paths.
import { createHash } from 'node:crypto';
import { blastRadius, type CompactGraph, type EnginePath, type PathsResult, type ReachResult } from '../engine/index.js';
import type { PathwardenGraph } from '../graph/types.js';
import { pathRefs } from './refs.js';
import { rankPath } from './rank.js';
import { edgeSpec } from '../model/index.js';
import type { EdgeRef, PathSet, RankedPath } from './types.js';

export interface FindingContext {
  readonly graph: PathwardenGraph;
  readonly cg: CompactGraph;
  /** Analysis time, epoch ms. */
  readonly at: number;
  /** Blast radius score of a source node index (memoised). */
  blast(source: number): number;
}

/** A finding context with a memoised blast radius (reusing `reached` results where given). */
export function findingContext(graph: PathwardenGraph, cg: CompactGraph, reached?: ReadonlyMap<number, ReachResult>): FindingContext {
  const memo = new Map<number, number>();
  return {
    graph, cg, at: cg.at,
    blast(source) {
      let v = memo.get(source);
      if (v === undefined) {
        const r = reached?.get(source);
        v = (r ? blastRadius(cg, source, r) : blastRadius(cg, source)).score;
        memo.set(source, v);
      }
      return v;
    },
  };
}

/** Stable finding id: `pw-` + 16 hex of sha256(rule, source id, target id). */
export function findingId(rule: string, source: string, target: string): string {
  return `pw-${createHash('sha256').update(`${rule}\u0000${source}\u0000${target}`).digest('hex').slice(0, 16)}`;
}

/** Ranks one engine path. */
export function rankEnginePath(
  ctx: FindingContext, source: number, path: EnginePath, targetWeight: number, targetDetail: string,
): RankedPath {
  const { nodes, edges } = pathRefs(ctx.graph, ctx.cg, path);
  return { nodes, edges, rank: rankPath(ctx.graph, nodes, edges.length, ctx.blast(source), targetWeight, targetDetail, ctx.at) };
}

/** A ranked path set: every enumerated path ranked, best first (ties: shorter, then enumeration order). */
export function makePathSet(
  ctx: FindingContext, label: PathSet['label'], actions: readonly string[], source: number,
  shortest: EnginePath, all: PathsResult, targetWeight: number, targetDetail: string,
): PathSet {
  const ranked = all.paths.map((p) => rankEnginePath(ctx, source, p, targetWeight, targetDetail));
  const order = ranked.map((_, i) => i).sort((a, b) => {
    const ra = ranked[a] as RankedPath;
    const rb = ranked[b] as RankedPath;
    return rb.rank.score - ra.rank.score || ra.edges.length - rb.edges.length || a - b;
  });
  return {
    label, actions, shortest: rankEnginePath(ctx, source, shortest, targetWeight, targetDetail),
    paths: order.map((i) => ranked[i] as RankedPath), truncated: all.truncated,
  };
}

/** Best rank score over the path sets of a finding. */
export function bestScore(sets: readonly PathSet[]): number {
  let best = 0;
  for (const s of sets) {
    best = Math.max(best, s.shortest.rank.score);
    for (const p of s.paths) best = Math.max(best, p.rank.score);
  }
  return best;
}

/** The first act-as edge of a path: where revoking one grant or credential breaks it closest to the source. */
export function firstActAs(path: RankedPath): EdgeRef | undefined {
  return path.edges.find((e) => edgeSpec(e.kind).family === 'act-as');
}
