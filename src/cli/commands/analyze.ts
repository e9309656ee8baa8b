// `pathwarden analyze [dir]`: load → analyse at a time → render the findings with the chosen reporter.
import type { Command } from 'commander';
import { ANALYSIS_STAGES, analyzeCompiled, analyzeLoaded, type AnalysisResult, type AnalyzeOptions } from '../../analysis/analyze.js';
import type { LoadedGraph } from '../../analysis/load.js';
import { UsageError } from '../../model/index.js';
import { writeResults } from '../../store/findings.js';
import { readGraph } from '../../store/read.js';
import { parseSnapshotRef } from '../../store/snapshot.js';
import { SEVERITIES, severityRank, type Severity } from '../../findings/index.js';
import { ANALYSIS_FORMATS, ANALYSIS_REPORTERS, type AnalysisFormatId } from '../../report/index.js';
import { examplesHelp } from '../help.js';
import { loadCompactInput, loadInput } from '../load-input.js';
import {
  atOption, capOption, detailOption, maxFindingsOption, DEFAULT_MAX_FINDINGS, exceptionsOption, failOnOption, formatOption, limitOption, maxDepthOption, neo4jOption, noExceptionsOption,
  outputOption, pathsOption, snapshotOption, quietOption, strictOption, tierOption, verboseOption, type FailOn, type OutputFlags,
} from '../options.js';
import type { Finish } from '../outcome.js';
import { emit, printDiagnostics, renderOptions } from '../output.js';
import { createCountProgress, withProgress } from '../progress.js';
import { withStore } from '../store.js';

interface AnalyzeFlags extends Omit<OutputFlags, 'format'> {
  readonly format: AnalysisFormatId;
  readonly at?: Date;
  readonly maxDepth: number;
  readonly cap: number;
  readonly paths: number;
  readonly detail: number;
  readonly tier: number;
  readonly exceptions?: string | false;
  readonly failOn: FailOn;
  readonly neo4j?: boolean;
  readonly snapshot: string;
  readonly writeBack: boolean;
  readonly includeGraph?: boolean;
  readonly maxFindings?: number;
}


/** True when an active finding at or above `failOn` remains. */
function failsOn(bySeverity: Readonly<Record<Severity, number>>, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return SEVERITIES.some((s) => severityRank(s) >= severityRank(failOn) && bySeverity[s] > 0);
}

function analysisOptions(flags: AnalyzeFlags): AnalyzeOptions {
  return {
    maxDepth: flags.maxDepth, cap: flags.cap, maxTier: flags.tier, pathsShown: flags.paths, detail: flags.detail,
    ...(flags.at ? { at: flags.at } : {}), ...(flags.exceptions !== undefined ? { exceptions: flags.exceptions } : {}),
  };
}

function analyze(loaded: LoadedGraph, flags: AnalyzeFlags): Promise<AnalysisResult> {
  return withProgress(ANALYSIS_STAGES, { quiet: flags.quiet }, (progress) => analyzeLoaded(loaded, {
    ...analysisOptions(flags), onStage: (s) => progress.stage(s),
  }));
}

/** An inventory directory streamed straight into compact form (no graph kept): what scales to a million nodes. */
async function analyzeDir(dir: string, flags: AnalyzeFlags): Promise<AnalysisResult> {
  const input = await loadCompactInput(dir, flags.at ?? new Date(), flags);
  const progress = createCountProgress('targets searched', { quiet: flags.quiet });
  try {
    return await analyzeCompiled(input, { ...analysisOptions(flags), onTargets: (done, total) => { if ((done & 1023) === 0 || done === total) progress.update(done, total); } });
  } finally {
    progress.stop();
  }
}

/** Analyses a snapshot read from Neo4j and writes the findings and blast radius back (unless --no-write-back). */
async function analyzeStored(dir: string, flags: AnalyzeFlags): Promise<AnalysisResult> {
  if (dir !== '.') throw new UsageError(`analyze --neo4j reads the graph from Neo4j: leave out the directory "${dir}"`);
  return withStore(async (store) => {
    const stored = await readGraph(store, parseSnapshotRef(flags.snapshot));
    printDiagnostics(stored.diagnostics, flags);
    const loaded: LoadedGraph = { dir: `neo4j:${stored.snapshot.id}`, graph: stored.graph, files: [], diagnostics: stored.diagnostics };
    const result = await analyze(loaded, flags);
    if (flags.writeBack) {
      // NOTE: every active finding is stored, the ones ranked below --detail with their shortest paths.
      const findings = [...result.findings, ...result.rest];
      await writeResults(store, { at: result.at, snapshot: stored.snapshot.id, findings, suppressed: result.suppressed, blast: result.blast });
    }
    return result;
  });
}

async function run(dir: string, flags: AnalyzeFlags, finish: Finish): Promise<void> {
  // NOTE: --include-graph needs the graph itself; otherwise the directory goes straight to compact form.
  const result = flags.neo4j ? await analyzeStored(dir, flags)
    : flags.includeGraph ? await analyze(await loadInput(dir, flags), flags) : await analyzeDir(dir, flags);
  // NOTE: a saved analysis with its graph is a diff side, and a diff needs every finding.
  const maxFindings = flags.maxFindings ?? (flags.includeGraph ? Infinity : DEFAULT_MAX_FINDINGS);
  await emit(ANALYSIS_REPORTERS[flags.format](result, { ...renderOptions(flags.limit, flags.output !== undefined, flags.includeGraph), maxFindings }), flags.output);
  finish(failsOn(result.bySeverity, flags.failOn) ? 'findings' : 'ok');
}

/** Registers the analyze command. */
export function registerAnalyze(program: Command, finish: Finish): void {
  program.command('analyze')
    .summary('find separation-of-duties breaks on models and sensitive reach, ranked by blast radius')
    .description('Analyse an inventory: who can each agent and non-human identity act as, which models can one identity '
      + 'both alter and invoke in production, and which sensitive systems it reaches, each with its paths and rank.')
    .argument('[dir]', 'inventory directory', '.')
    .addOption(strictOption()).addOption(exceptionsOption()).addOption(noExceptionsOption())
    .addOption(neo4jOption()).addOption(snapshotOption())
    .option('--no-write-back', 'with --neo4j: do not write findings and blast radius back to Neo4j')
    .option('--include-graph', 'with --format json: also write the whole graph (so `pathwarden diff` can compare nodes and edges)')
    .addOption(atOption()).addOption(maxDepthOption()).addOption(capOption()).addOption(pathsOption()).addOption(detailOption()).addOption(tierOption()).addOption(failOnOption())
    .addOption(formatOption(ANALYSIS_FORMATS)).addOption(outputOption()).addOption(limitOption(10)).addOption(maxFindingsOption()).addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden analyze examples/acme', 'analyse the bundled sample, ranked table on the terminal'],
      ['pathwarden analyze inventory/ --at 2026-12-01', 'as it will stand on 1 December (expired keys and grants drop out)'],
      ['pathwarden analyze inventory/ --format json -o report.json', 'complete result as JSON'],
      ['pathwarden analyze inventory/ --format sarif -o pathwarden.sarif', 'SARIF 2.1.0 for code scanning (docs/reports.md)'],
      ['pathwarden analyze inventory/ --format html -o report.html', 'one self-contained page with every path drawn, to attach or publish'],
      ['pathwarden analyze inventory/ --format csv -o findings.csv', 'one row per finding for a spreadsheet; csv-paths: one row per path'],
      ['pathwarden analyze inventory/ --fail-on high --strict', 'CI gate: exit 1 on high or critical findings, 2 on bad input'],
      ['pathwarden analyze inventory/ --tier 2 --no-exceptions', 'also tier-2 systems, ignoring accepted exceptions'],
      ['pathwarden analyze --neo4j --exceptions exceptions.csv', 'the newest Neo4j snapshot; findings written back as :Finding nodes'],
      ['pathwarden analyze --neo4j --snapshot s3 --no-write-back', 'an older snapshot, read only'],
    ]))
    .action((dir: string, flags: AnalyzeFlags) => run(dir, flags, finish));
}
