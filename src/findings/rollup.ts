// Roll-ups of findings per source identity and per model/resource, for the summary views.
import { severityRank, type Finding, type NodeRef, type Severity } from './types.js';

export interface Rollup {
  readonly node: NodeRef;
  readonly findings: number;
  readonly maxSeverity: Severity;
  readonly maxScore: number;
  /** Ids of the nodes on the other end (targets for a source rollup, sources for a target rollup). */
  readonly counterparts: readonly string[];
}

function rollupBy(findings: readonly Finding[], side: 'source' | 'target'): Rollup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f[side].id;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const other = side === 'source' ? 'target' : 'source';
  const out: Rollup[] = [];
  for (const list of groups.values()) {
    const first = list[0] as Finding;
    let maxSeverity: Severity = first.severity;
    let maxScore = 0;
    for (const f of list) {
      if (severityRank(f.severity) > severityRank(maxSeverity)) maxSeverity = f.severity;
      maxScore = Math.max(maxScore, f.score);
    }
    out.push({
      node: first[side], findings: list.length, maxSeverity, maxScore,
      counterparts: [...new Set(list.map((f) => f[other].id))].sort(),
    });
  }
  return out.sort((a, b) => b.maxScore - a.maxScore || a.node.id.localeCompare(b.node.id));
}

/** Findings grouped per source (identity or credential). */
export function rollupBySource(findings: readonly Finding[]): Rollup[] {
  return rollupBy(findings, 'source');
}

/** Findings grouped per target (model or resource). */
export function rollupByTarget(findings: readonly Finding[]): Rollup[] {
  return rollupBy(findings, 'target');
}
