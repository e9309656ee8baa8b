// JSON reporter: the complete result, deterministic (sorted, stable ids), for files and other tools.
import { countDiagnostics } from '../analysis/load.js';
import { RULES, SEVERITIES, type Finding } from '../findings/index.js';
import { toJsonGraph } from '../graph/export.js';
import type { Reporter } from './types.js';

function countBy(findings: readonly Finding[], key: (f: Finding) => string, keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const f of findings) out[key(f)] = (out[key(f)] ?? 0) + 1;
  return out;
}

/** Non-zero blast radius per principal, keys sorted (deterministic output). */
function blastObject(blast: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...blast].filter(([, v]) => v > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Indentation of the analysis document: readable for small results, compact (a third smaller) for big ones. */
const COMPACT_ABOVE = 1000;
function findingsIndent(findings: number): number | undefined {
  return findings > COMPACT_ABOVE ? undefined : 2;
}

export const json: Reporter = {
  summary: 'complete machine-readable result',
  analysis(r, o) {
    return `${JSON.stringify({
      tool: { name: 'pathwarden', version: o.version },
      at: r.at,
      input: { dir: r.dir, files: r.files, exceptionsFile: r.exceptionsFile ?? null },
      graph: { nodes: r.graph.order, edges: r.graph.size, compiledEdges: r.cg.size },
      options: r.options,
      summary: {
        findings: r.findings.length, suppressed: r.suppressed.length,
        bySeverity: countBy(r.findings, (f) => f.severity, [...SEVERITIES].reverse()),
        byRule: countBy(r.findings, (f) => f.rule, RULES.map((x) => x.id)),
        diagnostics: countDiagnostics(r.diagnostics),
      },
      findings: r.findings,
      suppressed: r.suppressed,
      exceptions: r.exceptions,
      rollups: { bySource: r.bySource, byTarget: r.byTarget },
      blastRadius: blastObject(r.blast),
      diagnostics: r.diagnostics,
      ...(o.includeGraph ? { graphDocument: toJsonGraph(r.graph) } : {}),
    }, null, findingsIndent(r.findings.length))}\n`;
  },
  paths(p) {
    return `${JSON.stringify(p, null, 2)}\n`;
  },
  blast(b) {
    return `${JSON.stringify(b, null, 2)}\n`;
  },
};
