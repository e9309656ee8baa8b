// Registry of report formats: `--format` choices are its keys. Adding a format = one file + one line here.
// REPORTERS render every view (analysis, paths, blast; scope and diff have the same three); ANALYSIS_REPORTERS
// add the formats that only make sense for findings (spreadsheets, code scanning).
import type { AnalysisResult } from '../analysis/analyze.js';
import { csvFindings, csvPaths } from './csv.js';
import { html } from './html.js';
import { json } from './json.js';
import { md } from './md.js';
import { sarifAnalysis } from './sarif.js';
import { table } from './table.js';
import type { RenderOptions, Reporter } from './types.js';

export type { RenderOptions, Reporter } from './types.js';

export const REPORTERS = { table, json, md, html } as const satisfies Record<string, Reporter>;
export type FormatId = keyof typeof REPORTERS;
export const FORMATS = Object.keys(REPORTERS) as FormatId[];

/** Renders an analysis (findings) in one format. */
export type AnalysisRenderer = (result: AnalysisResult, options: RenderOptions) => string | Iterable<string>;

/** Formats of `analyze`: every view's formats, then csv (findings), csv-paths (paths) and sarif. */
export const ANALYSIS_REPORTERS = {
  table: table.analysis, json: json.analysis, md: md.analysis, html: html.analysis,
  csv: csvFindings, 'csv-paths': csvPaths, sarif: sarifAnalysis,
} as const satisfies Record<FormatId, AnalysisRenderer> & Record<string, AnalysisRenderer>;
export type AnalysisFormatId = keyof typeof ANALYSIS_REPORTERS;
export const ANALYSIS_FORMATS = Object.keys(ANALYSIS_REPORTERS) as AnalysisFormatId[];

/** A rendered report as one string (reporters may return big reports in chunks). */
export function reportText(out: string | Iterable<string>): string {
  return typeof out === 'string' ? out : [...out].join('');
}
