// Findings: engine results → ranked, explained, framework-mapped findings with stable ids.
import { findingSources, reach, separationOfDuties, sensitiveReach, type CompactGraph, type ReachResult } from '../engine/index.js';
import type { PathwardenGraph } from '../graph/types.js';
import { findingContext } from './context.js';
import { sensitiveFindings, sodFindings } from './rules/index.js';
import { severityRank, type Finding } from './types.js';

export * from './types.js';
export { RULES, type RuleId, type RuleSpec } from './rules/index.js';
export { applyExceptions, readExceptions, type AcceptedException, type AppliedExceptions, type ExceptionOutcome } from './exceptions.js';
export { rollupBySource, rollupByTarget, type Rollup } from './rollup.js';
export { drawPath, nodeLabel, nodeRef } from './refs.js';
export { credentialRisks, EXPLOITABILITY_WEIGHTS, STALE_AFTER_DAYS } from './rank.js';

export interface FindingOptions {
  /** Report resources with tier <= maxTier (default 1). */
  readonly maxTier?: number;
  readonly maxDepth?: number;
  readonly cap?: number;
  /** Called with the name of each stage as it starts. */
  readonly onProgress?: (stage: string) => void;
}

/** Sorts findings best first: score, then severity, then id (deterministic). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => b.score - a.score || severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
}

/** Findings plus the blast radius of every principal, by node id. */
export interface FindingsResult {
  readonly findings: Finding[];
  readonly blast: ReadonlyMap<string, number>;
}

/** Every finding of every rule on a compiled graph, ranked, with the blast radius of every principal. */
export function analyzeCompact(graph: PathwardenGraph, cg: CompactGraph, options: FindingOptions = {}): FindingsResult {
  options.onProgress?.('reachability');
  const reached = new Map<number, ReachResult>(findingSources(cg).map((s) => [s, reach(cg, s)]));
  const ctx = findingContext(graph, cg, reached);
  const limits = {
    reached,
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}), ...(options.cap !== undefined ? { cap: options.cap } : {}),
  };
  options.onProgress?.('separation of duties');
  const sod = sodFindings(ctx, separationOfDuties(cg, limits));
  options.onProgress?.('sensitive reach');
  const sensitive = sensitiveFindings(ctx, sensitiveReach(cg, { ...limits, maxTier: options.maxTier ?? 1 }));
  const blast = new Map<string, number>([...reached.keys()].map((s) => [cg.ids[s] as string, ctx.blast(s)]));
  return { findings: sortFindings([...sod, ...sensitive]), blast };
}

/** Every finding of every rule on a compiled graph, ranked. */
export function buildFindings(graph: PathwardenGraph, cg: CompactGraph, options: FindingOptions = {}): Finding[] {
  return analyzeCompact(graph, cg, options).findings;
}
