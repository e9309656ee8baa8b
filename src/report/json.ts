// JSON reporter: the complete result (findings listed up to --max-findings, every one counted), deterministic
// (sorted, stable ids), for files and other tools.
import { activeCount, type AnalysisResult } from '../analysis/analyze.js';
import { countDiagnostics } from '../analysis/load.js';
import { toJsonGraph } from '../graph/export.js';
import type { Rollup } from '../findings/index.js';
import { listedCount } from './listed.js';
import type { RenderOptions, Reporter } from './types.js';

/** Non-zero blast radius per principal, keys sorted (deterministic output). */
function blastObject(blast: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...blast].filter(([, v]) => v > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Indentation of the analysis document: readable for small results, compact (a third smaller) for big ones. */
const COMPACT_ABOVE = 1000;
function findingsIndent(findings: number): number | undefined {
  return findings > COMPACT_ABOVE ? undefined : 2;
}

/** The analysis document with `findings` left as a placeholder, and the placeholder's text. */
const FINDINGS_SLOT = '"__pathwarden_findings__"';

/** Counterparts listed per roll-up entry once the listing is capped (the entry's `findings` counts them all). */
const MAX_COUNTERPARTS = 100;

/**
 * The roll-ups as listed: every entry when every finding is listed; otherwise the best `maxFindings` entries of
 * each side, each with at most MAX_COUNTERPARTS counterparts (`counterpartsOmitted` says how many more).
 */
function listedRollups(r: AnalysisResult, o: RenderOptions): Record<string, unknown> {
  const max = o.maxFindings ?? Infinity;
  if (listedCount(r, o) === activeCount(r)) return { bySource: r.bySource, byTarget: r.byTarget };
  const cap = (list: readonly Rollup[]): unknown[] => list.slice(0, max).map((x) => (x.counterparts.length <= MAX_COUNTERPARTS ? x
    : { ...x, counterparts: x.counterparts.slice(0, MAX_COUNTERPARTS), counterpartsOmitted: x.counterparts.length - MAX_COUNTERPARTS }));
  return {
    bySource: cap(r.bySource), byTarget: cap(r.byTarget),
    omitted: { bySource: Math.max(0, r.bySource.length - max), byTarget: Math.max(0, r.byTarget.length - max) },
  };
}

function document(r: AnalysisResult, o: RenderOptions, findings: unknown): Record<string, unknown> {
  const listed = listedCount(r, o);
  return {
    tool: { name: 'pathwarden', version: o.version },
    at: r.at,
    input: { dir: r.dir, files: r.files, exceptionsFile: r.exceptionsFile ?? null },
    graph: { nodes: r.lookup.nodeCount, edges: r.lookup.edgeCount, compiledEdges: r.cg.size },
    options: r.options,
    summary: {
      findings: activeCount(r), listed, omitted: activeCount(r) - listed, suppressed: r.suppressed.length,
      bySeverity: r.bySeverity,
      byRule: r.byRule,
      diagnostics: countDiagnostics(r.diagnostics),
    },
    findings,
    suppressed: r.suppressed,
    exceptions: r.exceptions,
    rollups: listedRollups(r, o),
    blastRadius: blastObject(r.blast),
    diagnostics: r.diagnostics,
    ...(o.includeGraph && r.graph ? { graphDocument: toJsonGraph(r.graph) } : {}),
  };
}

/** The document in chunks, findings one at a time (drawn from `rest` as they are written): memory stays flat. */
function* streamed(r: AnalysisResult, o: RenderOptions): Iterable<string> {
  const text = JSON.stringify(document(r, o, JSON.parse(FINDINGS_SLOT)));
  const at = text.indexOf(FINDINGS_SLOT);
  yield `${text.slice(0, at)}[`;
  const listed = listedCount(r, o);
  let written = 0;
  const batch: string[] = [];
  for (const list of [r.findings, r.rest]) {
    for (const f of list) {
      if (written === listed) break;
      batch.push(`${written === 0 ? '' : ','}${JSON.stringify(f)}`);
      written++;
      if (batch.length >= 256) {
        yield batch.join('');
        batch.length = 0;
      }
    }
  }
  if (batch.length) yield batch.join('');
  yield `]${text.slice(at + FINDINGS_SLOT.length)}\n`;
}

export const json: Reporter = {
  summary: 'complete machine-readable result',
  analysis(r, o) {
    if (r.rest.count > 0 && listedCount(r, o) > r.findings.length) return streamed(r, o);
    const findings = r.findings.slice(0, listedCount(r, o));
    return `${JSON.stringify(document(r, o, findings), null, findingsIndent(findings.length))}\n`;
  },
  paths(p) {
    return `${JSON.stringify(p, null, 2)}\n`;
  },
  blast(b) {
    return `${JSON.stringify(b, null, 2)}\n`;
  },
};
