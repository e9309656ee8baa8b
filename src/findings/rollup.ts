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

/** How to read one finding (a Finding, or a compact row) for a roll-up. */
export interface RollupFields<T, K> {
  /** The node the finding is grouped under. */
  key(item: T): K;
  /** Its reference (asked once per group). */
  node(key: K): NodeRef;
  /** Id of the node on the other end. */
  other(item: T): string;
  severity(item: T): Severity;
  score(item: T): number;
}

/** Findings grouped by `fields.key`, best group first (max score, then node id). */
export function rollupOf<T, K>(items: Iterable<T>, fields: RollupFields<T, K>): Rollup[] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = fields.key(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const out: Rollup[] = [];
  for (const [key, list] of groups) {
    let maxSeverity: Severity = fields.severity(list[0] as T);
    let maxScore = 0;
    for (const item of list) {
      const severity = fields.severity(item);
      if (severityRank(severity) > severityRank(maxSeverity)) maxSeverity = severity;
      maxScore = Math.max(maxScore, fields.score(item));
    }
    out.push({
      node: fields.node(key), findings: list.length, maxSeverity, maxScore,
      counterparts: [...new Set(list.map((item) => fields.other(item)))].sort(),
    });
  }
  return out.sort((a, b) => b.maxScore - a.maxScore || a.node.id.localeCompare(b.node.id));
}

function rollupBy(findings: readonly Finding[], side: 'source' | 'target'): Rollup[] {
  const other = side === 'source' ? 'target' : 'source';
  const refs = new Map(findings.map((f) => [f[side].id, f[side]]));
  return rollupOf(findings, {
    key: (f) => f[side].id, node: (id) => refs.get(id) as NodeRef, other: (f) => f[other].id,
    severity: (f) => f.severity, score: (f) => f.score,
  });
}

/** Findings grouped per source (identity or credential). */
export function rollupBySource(findings: readonly Finding[]): Rollup[] {
  return rollupBy(findings, 'source');
}

/** Findings grouped per target (model or resource). */
export function rollupByTarget(findings: readonly Finding[]): Rollup[] {
  return rollupBy(findings, 'target');
}
