// Shared state for turning engine results into findings: the graph, its compact form, the time, and a
// memoised blast radius per source. Also the one place that ranks a set of paths.
import { hash } from 'node:crypto';
import { blastRadius, type CompactGraph, type EnginePath, type PathsResult, type ReachResult } from '../engine/index.js';
import type { GraphLookup } from '../graph/lookup.js';
import { pathRefs } from './refs.js';
import { credentialRisks, exploitabilityOf, pathScore, rankPath, sourceWeight } from './rank.js';
import { IS_CREDENTIAL } from '../engine/kinds.js';
import { edgeSpec } from '../model/index.js';
import type { EdgeRef, PathSet, RankedPath } from './types.js';

export interface FindingContext {
  readonly lookup: GraphLookup;
  readonly cg: CompactGraph;
  /** Analysis time, epoch ms. */
  readonly at: number;
  /** Blast radius score of a source node index (memoised). */
  blast(source: number): number;
  /** Exploitability of a path whose entry credential is node `entry` (-1: none), memoised. */
  exploitability(entry: number): number;
  /** True when node `entry` (-1: none) is a credential a secret scanner found leaked (`exposed`). */
  exposed(entry: number): boolean;
  /** Ranked paths kept per path set (every enumerated path is still counted). */
  readonly pathsShown: number;
}

/** Ranked paths kept per path set unless told otherwise. */
export const DEFAULT_PATHS_SHOWN = 10;

/**
 * A finding context with a memoised blast radius (reusing `reached` results and `known` scores where given).
 * A `known` Map is used as the memo itself, so scores added to it later are seen.
 */
export function findingContext(
  lookup: GraphLookup, cg: CompactGraph, reached?: ReadonlyMap<number, ReachResult>, known?: ReadonlyMap<number, number>,
  pathsShown = DEFAULT_PATHS_SHOWN,
): FindingContext {
  const memo = known instanceof Map ? (known as Map<number, number>) : new Map<number, number>(known);
  const risk = new Map<number, number>();
  // NOTE: asked once per witness path of every finding row (millions in a large estate); a node record is made on
  // each lookup, so the answer is kept per entry: 0 unknown, 1 no, 2 yes.
  const exposed = new Uint8Array(cg.order);
  return {
    lookup, cg, at: cg.at, pathsShown,
    exposed(entry) {
      if (entry < 0) return false;
      if (exposed[entry] === 0) exposed[entry] = lookup.node(cg.ids[entry] as string).properties['exposed'] === true ? 2 : 1;
      return exposed[entry] === 2;
    },
    exploitability(entry) {
      if (entry < 0) return 1;
      let v = risk.get(entry);
      if (v === undefined) {
        v = exploitabilityOf(credentialRisks(lookup, cg.ids[entry] as string, cg.at));
        risk.set(entry, v);
      }
      return v;
    },
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
  // NOTE: the one-shot hash() is three times faster than createHash() for millions of ids.
  return `pw-${hash('sha256', `${rule}\u0000${source}\u0000${target}`, 'hex').slice(0, 16)}`;
}

/** Ranks one engine path. */
export function rankEnginePath(
  ctx: FindingContext, source: number, path: EnginePath, targetWeight: number, targetDetail: string,
): RankedPath {
  const { nodes, edges } = pathRefs(ctx.lookup, ctx.cg, path);
  return { nodes, edges, rank: rankPath(ctx.lookup, nodes, edges.length, ctx.blast(source), targetWeight, targetDetail, ctx.at) };
}

/** The first credential on an engine path (its source included), or -1. */
function entryOf(cg: CompactGraph, path: EnginePath): number {
  return path.nodes.find((n) => IS_CREDENTIAL[cg.nodeKind[n] as number] === 1) ?? -1;
}

/**
 * A ranked path set: every enumerated path scored (cheaply, from memoised parts), the best `ctx.pathsShown`
 * drawn in full, best first (ties: shorter, then enumeration order); `total` counts them all.
 */
export function makePathSet(
  ctx: FindingContext, label: PathSet['label'], actions: readonly string[], source: number,
  shortest: EnginePath, all: PathsResult, targetWeight: number, targetDetail: string,
): PathSet {
  const blast = ctx.blast(source);
  const principal = sourceWeight(ctx.lookup.node(ctx.cg.ids[source] as string)).weight;
  const scores = all.paths.map((p) => pathScore(blast, principal, ctx.exploitability(entryOf(ctx.cg, p)), targetWeight, p.edges.length));
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number)
    || (all.paths[a] as EnginePath).edges.length - (all.paths[b] as EnginePath).edges.length || a - b);
  return {
    label, actions, shortest: rankEnginePath(ctx, source, shortest, targetWeight, targetDetail),
    paths: order.slice(0, ctx.pathsShown).map((i) => rankEnginePath(ctx, source, all.paths[i] as EnginePath, targetWeight, targetDetail)),
    total: all.paths.length, truncated: all.truncated,
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
