// Findings: engine results → ranked, explained, framework-mapped findings with stable ids.
import {
  blastRadius, findingSources, reach, separationOfDuties, sensitiveReach, type CompactGraph, type ReachResult, type SensitiveResult, type SodResult,
} from '../engine/index.js';
import type { PathwardenGraph } from '../graph/types.js';
import { findingContext } from './context.js';
import { sensitiveFindings, sodFindings } from './rules/index.js';
import { severityRank, type Finding } from './types.js';

export * from './types.js';
export { RULES, type RuleId, type RuleSpec } from './rules/index.js';
export { applyExceptions, readExceptions, type AcceptedException, type AppliedExceptions, type ExceptionOutcome } from './exceptions.js';
export { rollupBySource, rollupByTarget, type Rollup } from './rollup.js';
export { drawPath, nodeLabel, nodeRef } from './refs.js';
export { DEFAULT_PATHS_SHOWN } from './context.js';
export { credentialRisks, EXPLOITABILITY_WEIGHTS, STALE_AFTER_DAYS } from './rank.js';

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
  const limits = { ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}), ...(options.cap !== undefined ? { cap: options.cap } : {}) };
  const sod: SodResult[] = [];
  const sensitive: SensitiveResult[] = [];
  const blastScores = new Map<number, number>();
  options.onProgress?.('reachability');
  // NOTE: one source at a time: its reach result is dropped as soon as its findings and blast radius are taken,
  // so memory follows the findings, not sources × reach.
  for (const source of findingSources(cg)) {
    const reached = new Map<number, ReachResult>([[source, reach(cg, source)]]);
    blastScores.set(source, blastRadius(cg, source, reached.get(source)).score);
    sod.push(...separationOfDuties(cg, { ...limits, sources: [source], reached }));
    sensitive.push(...sensitiveReach(cg, { ...limits, sources: [source], reached, maxTier: options.maxTier ?? 1 }));
  }
  const ctx = findingContext(graph, cg, undefined, blastScores, options.pathsShown);
  options.onProgress?.('separation of duties');
  const sodFound = sodFindings(ctx, sod);
  options.onProgress?.('sensitive reach');
  const sensitiveFound = sensitiveFindings(ctx, sensitive);
  const blast = new Map<string, number>([...blastScores].map(([s, v]) => [cg.ids[s] as string, v]));
  return { findings: sortFindings([...sodFound, ...sensitiveFound]), blast };
}

/** Every finding of every rule on a compiled graph, ranked. */
export function buildFindings(graph: PathwardenGraph, cg: CompactGraph, options: FindingOptions = {}): Finding[] {
  return analyzeCompact(graph, cg, options).findings;
}
