// Findings list queries over a cached analysis: filter (rule, minimum severity, source kind, environment, tag,
// text), sort (score or severity) and paginate; findings become summaries (leading path drawn as text).
import { drawPath, severityRank, type Finding, type Severity } from '../../src/findings/index.js';
import type { PathwardenGraph } from '../../src/graph/types.js';
import type { FindingSummary, FindingsQuery } from '../schemas/findings.js';

function nodeHas(graph: PathwardenGraph, id: string, test: (n: { environment?: string; tags: readonly string[] }) => boolean): boolean {
  return graph.hasNode(id) && test(graph.getNodeAttributes(id));
}

/** True when a finding passes every filter of the query. */
function matches(graph: PathwardenGraph, f: Finding, q: FindingsQuery): boolean {
  if (q.rule !== undefined && f.rule !== q.rule) return false;
  if (q.severity !== undefined && severityRank(f.severity) < severityRank(q.severity as Severity)) return false;
  if (q.sourceKind !== undefined && f.source.kind !== q.sourceKind) return false;
  const ends = [f.source.id, f.target.id];
  if (q.environment !== undefined && !ends.some((id) => nodeHas(graph, id, (n) => n.environment === q.environment))) return false;
  const tag = q.tag?.toLowerCase();
  if (tag !== undefined && !ends.some((id) => nodeHas(graph, id, (n) => n.tags.some((t) => t.toLowerCase() === tag)))) return false;
  const text = q.q?.toLowerCase();
  if (text !== undefined && ![f.title, f.source.label, f.target.label, f.source.id, f.target.id].some((s) => s.toLowerCase().includes(text))) return false;
  return true;
}

/** The summary form of a finding (lists): path sets keep their leading path as text and a count. */
export function summarize(f: Finding): FindingSummary {
  return {
    id: f.id, rule: f.rule, severity: f.severity, score: f.score, title: f.title, source: f.source, target: f.target,
    pathSets: f.pathSets.map((s) => ({
      label: s.label, actions: [...s.actions], shortest: drawPath(s.shortest.nodes, s.shortest.edges),
      // NOTE: `total` counts every path enumerated when the analysis keeps only the best ones in `paths`.
      paths: (s as { total?: number }).total ?? s.paths.length, truncated: s.truncated,
    })),
    frameworks: [...f.frameworks],
  };
}

/** Filters and sorts findings (already ranked by score); severity sort keeps score order within a severity. */
export function queryFindings(graph: PathwardenGraph, findings: readonly Finding[], q: FindingsQuery): Finding[] {
  const out = findings.filter((f) => matches(graph, f, q));
  if (q.sort === 'severity') out.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.score - a.score || a.id.localeCompare(b.id));
  return out;
}
