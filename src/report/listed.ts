// The findings a machine-readable report lists: the best `maxFindings` active ones, detailed first, then drawn
// one at a time from the rest (large estates), so memory stays flat.
import { activeCount, type AnalysisResult } from '../analysis/analyze.js';
import type { Finding } from '../findings/index.js';
import type { RenderOptions } from './types.js';

/** How many findings a report lists: the best `maxFindings` active ones (all by default). */
export function listedCount(r: Pick<AnalysisResult, 'findings' | 'rest'>, o: Pick<RenderOptions, 'maxFindings'>): number {
  return Math.min(activeCount(r), o.maxFindings ?? Infinity);
}

/** The listed findings, best first. */
export function* listedFindings(r: Pick<AnalysisResult, 'findings' | 'rest'>, o: Pick<RenderOptions, 'maxFindings'>): Generator<Finding> {
  const max = listedCount(r, o);
  let n = 0;
  for (const list of [r.findings, r.rest]) {
    for (const f of list) {
      if (n === max) return;
      yield f;
      n++;
    }
  }
}
