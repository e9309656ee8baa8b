// What every reporter takes and returns: a result in, a string out. Only cli/ writes the string somewhere.
import type { AnalysisResult } from '../analysis/analyze.js';
import type { BlastReport } from '../analysis/blast.js';
import type { PathsReport } from '../analysis/paths.js';

export interface RenderOptions {
  /** Findings shown in full (table/md). */
  readonly limit: number;
  /** json: findings listed, best first (default: all); `summary.listed` and `summary.omitted` say how many. */
  readonly maxFindings?: number;
  readonly color: boolean;
  readonly version: string;
  /** json: also include the whole graph document (for diffs of saved analyses). */
  readonly includeGraph?: boolean;
  /** sarif: absolute URL the repository-relative doc paths resolve against (rule `helpUri`); absent: none. */
  readonly docsBase?: string;
}

/** A report format: one function per view. */
export interface Reporter {
  readonly summary: string;
  /** The report, or its chunks in order when it is too big to build as one string (json of a large estate). */
  analysis(result: AnalysisResult, options: RenderOptions): string | Iterable<string>;
  paths(report: PathsReport, options: RenderOptions): string;
  blast(report: BlastReport, options: RenderOptions): string;
}
