// The analyze workflow shared by CLI and API: load → compile at a time → findings → exceptions → roll-ups.
// Two ways in: a graphology graph (API, Neo4j, --include-graph) compiled with toCompact, or an inventory
// directory streamed straight into compact form (the CLI; the only way that fits a million-node estate).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CAP, DEFAULT_MAX_DEPTH, toCompact, type CompactGraph } from '../engine/index.js';
import { targetPassParallel } from '../engine/target-pass-parallel.js';
import { estateFindings, DEFAULT_DETAIL, type FindingStream } from '../findings/estate.js';
import { readExceptions, type ExceptionOutcome, type Finding, type Rollup, type Severity } from '../findings/index.js';
import { graphLookup, type GraphLookup } from '../graph/lookup.js';
import type { PathwardenGraph } from '../graph/types.js';
import type { Diagnostic } from '../model/index.js';
import type { FileSummary } from '../../ingest/index.js';
import { loadCompact, loadGraph, type LoadedGraph } from './load.js';

export interface AnalyzeOptions {
  /** Analysis time (default now). */
  readonly at?: Date;
  readonly maxDepth?: number;
  readonly cap?: number;
  /** Sensitive-reach tier threshold (default 1: tiers 0 and 1). */
  readonly maxTier?: number;
  /** Exceptions file; default `<dir>/exceptions.csv` when present; `false` disables. */
  readonly exceptions?: string | false;
  /** Ranked paths kept per finding path set (default 10); all are counted. */
  readonly pathsShown?: number;
  /**
   * Best findings that get every path enumerated and ranked; the rest show their shortest paths
   * (default: all for a loaded graph, 1000 for an inventory streamed in with analyzeInventory).
   */
  readonly detail?: number;
  readonly onStage?: (stage: string) => void;
  /** Targets searched / total during the reachability stage. */
  readonly onTargets?: (done: number, total: number) => void;
}

/** The input of an analysis: where it came from, its compiled graph and a lookup for drawing findings. */
export interface CompiledInput {
  readonly dir: string;
  readonly files: readonly FileSummary[];
  readonly diagnostics: readonly Diagnostic[];
  readonly cg: CompactGraph;
  readonly lookup: GraphLookup;
  /** The graphology graph, when the input was loaded as one. */
  readonly graph?: PathwardenGraph;
}

export interface AnalysisResult extends CompiledInput {
  readonly at: string;
  readonly options: { readonly maxDepth: number; readonly cap: number; readonly maxTier: number };
  /** Active findings with every path enumerated, best first. */
  readonly findings: readonly Finding[];
  /** Active findings ranked below --detail, drawn on demand with their shortest paths (empty for small graphs). */
  readonly rest: FindingStream;
  readonly suppressed: readonly Finding[];
  readonly exceptions: readonly ExceptionOutcome[];
  readonly exceptionsFile?: string;
  /** Active findings (findings and rest) by severity and by rule. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byRule: Readonly<Record<string, number>>;
  readonly bySource: readonly Rollup[];
  readonly byTarget: readonly Rollup[];
  /** Blast radius of every principal (active node that can start a finding), by id. */
  readonly blast: ReadonlyMap<string, number>;
}

/** An analysis made from a graphology graph (it keeps the graph). */
export type GraphAnalysis = AnalysisResult & { readonly graph: PathwardenGraph };

/** The stages an analysis reports through `onStage`, in order (progress bars count them). */
export const ANALYSIS_STAGES = ['load', 'compile', 'reachability', 'ranking'] as const;

export { DEFAULT_CAP, DEFAULT_MAX_DEPTH, DEFAULT_DETAIL };
export const DEFAULT_MAX_TIER = 1;

/** Resolves which exceptions file applies. */
function exceptionsFileFor(dir: string, option: string | false | undefined): string | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return option;
  const implicit = join(dir, 'exceptions.csv');
  return existsSync(implicit) ? implicit : undefined;
}

/** Total active findings of an analysis (detailed and rest). */
export function activeCount(r: Pick<AnalysisResult, 'findings' | 'rest'>): number {
  return r.findings.length + r.rest.count;
}

/** The best `n` active findings: the detailed ones first, then drawn from the rest. */
export function topFindings(r: Pick<AnalysisResult, 'findings' | 'rest'>, n: number): Finding[] {
  const out = r.findings.slice(0, n);
  if (out.length < n) {
    for (const f of r.rest) {
      if (out.length >= n) break;
      out.push(f);
    }
  }
  return out;
}

/** Analyses a compiled input (`dir` locates the implicit exceptions file). */
export async function analyzeCompiled(input: CompiledInput, options: AnalyzeOptions = {}, defaultDetail = Infinity): Promise<AnalysisResult> {
  const settings = {
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, cap: options.cap ?? DEFAULT_CAP, maxTier: options.maxTier ?? DEFAULT_MAX_TIER,
  };
  const exceptionsFile = exceptionsFileFor(input.dir, options.exceptions);
  const list = exceptionsFile ? await readExceptions(exceptionsFile) : [];
  options.onStage?.('reachability');
  const pass = await targetPassParallel(input.cg, { maxTier: settings.maxTier, ...(options.onTargets ? { onProgress: options.onTargets } : {}) });
  const found = estateFindings(input.lookup, input.cg, {
    ...settings, detail: options.detail ?? defaultDetail, exceptions: list, pass,
    ...(options.pathsShown !== undefined ? { pathsShown: options.pathsShown } : {}),
  });
  options.onStage?.('ranking');
  return {
    ...input, at: new Date(input.cg.at).toISOString(), options: settings,
    findings: found.findings, rest: found.rest, suppressed: found.suppressed, exceptions: found.outcomes,
    ...(exceptionsFile ? { exceptionsFile } : {}),
    bySeverity: found.bySeverity, byRule: found.byRule, bySource: found.bySource, byTarget: found.byTarget, blast: found.blast,
  };
}

/** Analyses an already loaded graph; every finding is detailed unless `options.detail` says otherwise. */
export async function analyzeLoaded(loaded: LoadedGraph, options: AnalyzeOptions = {}): Promise<GraphAnalysis> {
  options.onStage?.('compile');
  const cg = toCompact(loaded.graph, { at: options.at ?? new Date() });
  const result = await analyzeCompiled({ ...loaded, cg, lookup: graphLookup(loaded.graph, cg) }, options);
  return { ...result, graph: loaded.graph };
}

/** Loads and analyses an inventory directory as a graph (every workflow that needs the graph itself). */
export async function analyzeDirectory(dir: string, options: AnalyzeOptions = {}): Promise<GraphAnalysis> {
  options.onStage?.('load');
  return analyzeLoaded(await loadGraph(dir), options);
}

/** Streams an inventory directory straight into compact form and analyses it (large estates; the CLI). */
export async function analyzeInventory(dir: string, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  options.onStage?.('load');
  return analyzeCompiled(await loadCompact(dir, { at: options.at ?? new Date() }), options, DEFAULT_DETAIL);
}
