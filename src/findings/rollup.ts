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

/** Best roll-up first: max score, then node id (code-unit order). */
function byScoreThenId(a: Rollup, b: Rollup): number {
  return b.maxScore - a.maxScore || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0);
}

/**
 * Findings grouped by `fields.key`, best group first (max score, then node id). Each group's counterparts are
 * listed when first read: an estate of millions of findings has hundreds of thousands of groups, and a report
 * shows a few.
 */
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
    let counterparts: string[] | undefined;
    const rollup = { node: fields.node(key), findings: list.length, maxSeverity, maxScore } as Rollup;
    Object.defineProperty(rollup, 'counterparts', {
      enumerable: true,
      get: () => (counterparts ??= [...new Set(list.map((item) => fields.other(item)))].sort()),
    });
    out.push(rollup);
  }
  return out.sort(byScoreThenId);
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
