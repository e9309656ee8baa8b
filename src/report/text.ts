// Shared text pieces for the terminal and Markdown reporters: path drawing, rank explanations, severity counts.
import { drawPath, SEVERITIES, type Finding, type PathSet, type RankedPath, type Severity } from '../findings/index.js';

/** `agent:x -[HAS_CREDENTIAL]-> key:y …` for a ranked path. */
export function draw(path: RankedPath): string {
  return drawPath(path.nodes, path.edges);
}

/** One line explaining a path's rank ("why this rank"). */
export function whyRank(path: RankedPath): string {
  const r = path.rank;
  const risks = r.factors.filter((f) => !['blast_radius', 'principal', 'target', 'path_length'].includes(f.name));
  const parts = [
    `10 × blast ${r.blastFactor.toFixed(2)} (radius ${r.blastRadius})`,
    `× ${r.principalWeight} (${r.factors.find((f) => f.name === 'principal')?.detail ?? ''})`,
    `× exploitability ${r.exploitability}${risks.length ? ` (${risks.map((f) => f.detail).join('; ')})` : ''}`,
    `× target ${r.targetWeight.toFixed(2)} (${r.factors.find((f) => f.name === 'target')?.detail ?? ''})`,
    `× length ${r.lengthFactor.toFixed(2)} (${path.edges.length} hops)`,
  ];
  return `${r.score} = ${parts.join(' ')}`;
}

/** The best-ranked path of a path set. */
export function bestPath(set: PathSet): RankedPath {
  return set.paths[0] ?? set.shortest;
}

/** `3 paths` / `1000+ paths (capped)` for a path set. */
export function pathCount(set: PathSet): string {
  if (set.enumerated === false) return 'shortest path only (ranked below --detail)';
  const n = set.total;
  return `${n}${set.truncated ? '+' : ''} path${n === 1 ? '' : 's'}${set.truncated ? ' (cap reached)' : ''}`;
}

/** Counts per severity, most severe first, zeros left out: `2 critical, 5 high`. */
export function severityCounts(counts: Readonly<Record<Severity, number>>): string {
  const parts = [...SEVERITIES].reverse().filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'none';
}
