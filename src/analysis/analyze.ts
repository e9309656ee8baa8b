// The analyze workflow shared by CLI and API: load → compile at a time → findings → exceptions → roll-ups.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CAP, DEFAULT_MAX_DEPTH, toCompact, type CompactGraph } from '../engine/index.js';
import {
  analyzeCompact, applyExceptions, readExceptions, rollupBySource, rollupByTarget,
  type ExceptionOutcome, type Finding, type Rollup,
} from '../findings/index.js';
import { loadGraph, type LoadedGraph } from './load.js';

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
  readonly onStage?: (stage: string) => void;
}

export interface AnalysisResult extends LoadedGraph {
  readonly at: string;
  readonly cg: CompactGraph;
  readonly options: { readonly maxDepth: number; readonly cap: number; readonly maxTier: number };
  readonly findings: readonly Finding[];
  readonly suppressed: readonly Finding[];
  readonly exceptions: readonly ExceptionOutcome[];
  readonly exceptionsFile?: string;
  readonly bySource: readonly Rollup[];
  readonly byTarget: readonly Rollup[];
  /** Blast radius of every principal (active node that can start a finding), by id. */
  readonly blast: ReadonlyMap<string, number>;
}

/** The stages an analysis reports through `onStage`, in order (progress bars count them). */
export const ANALYSIS_STAGES = ['compile', 'reachability', 'separation of duties', 'sensitive reach'] as const;

export { DEFAULT_CAP, DEFAULT_MAX_DEPTH };
export const DEFAULT_MAX_TIER = 1;

/** Resolves which exceptions file applies. */
function exceptionsFileFor(dir: string, option: string | false | undefined): string | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return option;
  const implicit = join(dir, 'exceptions.csv');
  return existsSync(implicit) ? implicit : undefined;
}

/** Analyses an already loaded graph. */
export async function analyzeLoaded(loaded: LoadedGraph, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const at = options.at ?? new Date();
  const settings = {
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, cap: options.cap ?? DEFAULT_CAP, maxTier: options.maxTier ?? DEFAULT_MAX_TIER,
  };
  options.onStage?.('compile');
  const cg = toCompact(loaded.graph, { at });
  const { findings: all, blast } = analyzeCompact(loaded.graph, cg, {
    ...settings, ...(options.pathsShown !== undefined ? { pathsShown: options.pathsShown } : {}),
    ...(options.onStage ? { onProgress: options.onStage } : {}),
  });
  const exceptionsFile = exceptionsFileFor(loaded.dir, options.exceptions);
  const list = exceptionsFile ? await readExceptions(exceptionsFile) : [];
  const applied = applyExceptions(loaded.graph, all, list, at.getTime());
  return {
    ...loaded, at: at.toISOString(), cg, options: settings,
    findings: applied.findings, suppressed: applied.suppressed, exceptions: applied.outcomes,
    ...(exceptionsFile ? { exceptionsFile } : {}),
    bySource: rollupBySource(applied.findings), byTarget: rollupByTarget(applied.findings), blast,
  };
}

/** Loads and analyses an inventory directory. */
export async function analyzeDirectory(dir: string, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  options.onStage?.('load');
  return analyzeLoaded(await loadGraph(dir), options);
}
