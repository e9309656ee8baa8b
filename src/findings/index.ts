// Findings: engine results → ranked, explained, framework-mapped findings with stable ids.
import type { CompactGraph } from '../engine/index.js';
import type { GraphLookup } from '../graph/lookup.js';
import { estateFindings } from './estate.js';
import { severityRank, type Finding } from './types.js';

export * from './types.js';
export { RULES, type RuleId, type RuleSpec } from './rules/index.js';
export { estateFindings, DEFAULT_DETAIL, type EstateFindings, type EstateOptions, type FindingStream } from './estate.js';
export { applyExceptions, readExceptions, type AcceptedException, type AppliedExceptions, type ExceptionOutcome } from './exceptions.js';
export { rollupBySource, rollupByTarget, type Rollup } from './rollup.js';
export { drawPath, nodeLabel, nodeRef } from './refs.js';
export { DEFAULT_PATHS_SHOWN } from './context.js';
export { sortFindings } from './sort.js';
export { credentialRisks, ENTRY_POINT_TAG, ENTRY_POINT_WEIGHT, EXPLOITABILITY_WEIGHTS, isExposedFinding, isExposedRank, sourceWeight, STALE_AFTER_DAYS } from './rank.js';

export interface FindingOptions {
  /** Report resources with tier <= maxTier (default 1). */
  readonly maxTier?: number;
  readonly maxDepth?: number;
  readonly cap?: number;
  /** Ranked paths kept per path set (default 10); every enumerated path is still counted. */
  readonly pathsShown?: number;
  /** Called with the name of each stage as it starts. */
  readonly onProgress?: (stage: string) => void;
}


/** Every active finding of every rule on a compiled graph, ranked, every path enumerated (small graphs, tests). */
export function buildFindings(lookup: GraphLookup, cg: CompactGraph, options: FindingOptions = {}): Finding[] {
  const { onProgress: _ignored, ...rest } = options;
  return estateFindings(lookup, cg, { ...rest, detail: Infinity }).findings;
}
