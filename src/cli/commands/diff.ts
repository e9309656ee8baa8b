// `pathwarden diff <base> <head>`: read both sides (inventory, saved analysis JSON or Neo4j snapshot), analyse them
// at the same time, render the risk diff, and exit 1 when a new or worsened finding reaches --fail-on.
import { stat } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ANALYSIS_STAGES } from '../../analysis/analyze.js';
import {
  DEFAULT_THRESHOLD, describeThreshold, diffPrepared, parseSideRef, parseThreshold, readSavedAnalysis, regressions,
  type PreparedSide, type Threshold,
} from '../../analysis/diff.js';
import type { Store } from '../../store/driver.js';
import { SEVERITIES } from '../../findings/index.js';
import { NotFoundError } from '../../model/index.js';
import { DIFF_REPORTERS } from '../../report/diff.js';
import { readGraph } from '../../store/read.js';
import { parseSnapshotRef } from '../../store/snapshot.js';
import { examplesHelp } from '../help.js';
import { loadInput } from '../load-input.js';
import {
  atOption, capOption, exceptionsOption, formatOption, limitOption, maxDepthOption, noExceptionsOption, outputOption,
  quietOption, strictOption, tierOption, verboseOption, type FailOn, type OutputFlags,
} from '../options.js';
import type { Finish } from '../outcome.js';
import { emit, printDiagnostics, renderOptions } from '../output.js';
import { withProgress } from '../progress.js';
import { withStore } from '../store.js';

interface DiffFlags extends OutputFlags {
  readonly at?: Date;
  readonly tier?: number;
  readonly maxDepth: number;
  readonly cap: number;
  readonly threshold: Threshold;
  readonly exceptions?: string | false;
  readonly failOn: FailOn;
}

function thresholdArg(raw: string): Threshold {
  const t = parseThreshold(raw);
  if (!t) throw new InvalidArgumentError('expected points, a percentage or both: 5, 10% or 10%,5');
  return t;
}

/** Reads one side; Neo4j sides use `store`, opened once for both. */
async function prepare(raw: string, flags: DiffFlags, store: Store | undefined): Promise<PreparedSide> {
  const ref = parseSideRef(raw);
  if (ref.kind === 'neo4j') {
    if (!store) throw new Error('diff: a Neo4j side needs an open store');
    const stored = await readGraph(store, parseSnapshotRef(ref.snapshot));
    printDiagnostics(stored.diagnostics, flags);
    const loaded = { dir: `neo4j:${stored.snapshot.id}`, graph: stored.graph, files: [], diagnostics: stored.diagnostics };
    return { kind: 'neo4j', ref: raw, loaded, snapshot: stored.snapshot.id };
  }
  const info = await stat(raw).catch(() => undefined);
  if (!info) throw new NotFoundError(`"${raw}" does not exist (a side is an inventory directory, a saved analysis JSON file or neo4j:<snapshot>)`);
  if (info.isDirectory()) return { kind: 'inventory', ref: raw, loaded: await loadInput(raw, flags) };
  return { kind: 'saved', side: await readSavedAnalysis(raw) };
}

async function prepareBoth(base: string, head: string, flags: DiffFlags): Promise<[PreparedSide, PreparedSide]> {
  const both = async (store?: Store): Promise<[PreparedSide, PreparedSide]> => [await prepare(base, flags, store), await prepare(head, flags, store)];
  const needsStore = [base, head].some((raw) => parseSideRef(raw).kind === 'neo4j');
  return needsStore ? withStore((store) => both(store)) : both();
}

async function run(base: string, head: string, flags: DiffFlags, finish: Finish): Promise<void> {
  const [b, h] = await prepareBoth(base, head, flags);
  const stages = [...ANALYSIS_STAGES.map((s) => `base: ${s}`), ...ANALYSIS_STAGES.map((s) => `head: ${s}`)];
  const report = await withProgress(stages, { quiet: flags.quiet }, (progress) => diffPrepared(b, h, {
    maxDepth: flags.maxDepth, cap: flags.cap, threshold: flags.threshold, onStage: (s, side) => progress.stage(`${side}: ${s}`),
    ...(flags.at ? { at: flags.at } : {}), ...(flags.tier !== undefined ? { maxTier: flags.tier } : {}),
    ...(flags.exceptions !== undefined ? { exceptions: flags.exceptions } : {}),
  }));
  await emit(DIFF_REPORTERS[flags.format](report, renderOptions(flags.limit, flags.output !== undefined)), flags.output);
  finish(flags.failOn !== 'none' && regressions(report, flags.failOn).length > 0 ? 'findings' : 'ok');
}

/** Registers the diff command. */
export function registerDiff(program: Command, finish: Finish): void {
  program.command('diff')
    .summary('risk diff between two inventories, saved analyses or Neo4j snapshots (weekly jobs, CI gates)')
    .description('Compare two states of an estate, analysed at the same time: nodes and edges added, removed and changed '
      + '(by kind and source), findings new / resolved / worsened / improved (matched by stable finding id, each with its '
      + 'best path), and principals whose blast radius moved past the threshold. A side is an inventory directory, a saved '
      + 'analysis (`analyze --format json --include-graph -o file`) or a Neo4j snapshot (neo4j:s12, neo4j:latest).')
    .argument('<base>', 'the earlier state: directory, saved analysis JSON, or neo4j:<snapshot>')
    .argument('<head>', 'the later state, same forms')
    .addOption(strictOption()).addOption(exceptionsOption()).addOption(noExceptionsOption())
    .addOption(Object.assign(atOption(), { description: 'analysis time of both sides, so time alone creates no change (default: the time of a saved side, else now)' }))
    .addOption(tierOption().default(undefined, 'that of a saved side, else 1'))
    .addOption(maxDepthOption()).addOption(capOption())
    .addOption(new Option('--threshold <points|%>', `how far a score must move to count (finding worsened/improved, blast-radius mover): 5, 10% or 10%,5 for both`)
      .argParser(thresholdArg).default(DEFAULT_THRESHOLD, describeThreshold(DEFAULT_THRESHOLD)).helpGroup('Analysis options:'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a new or worsened finding at or above this severity appears')
      .choices([...SEVERITIES, 'none']).default('none').helpGroup('Analysis options:'))
    .addOption(formatOption()).addOption(outputOption()).addOption(limitOption(20)).addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden diff inventory-last-week/ inventory/', 'what changed since last week, on the terminal'],
      ['pathwarden diff last-week.json inventory/ --format md -o diff.md', 'against last week\'s saved analysis, for the ticket'],
      ['pathwarden diff neo4j:s11 neo4j:latest --fail-on high', 'two Neo4j snapshots; exit 1 on a new or worsened high or critical finding'],
      ['pathwarden diff base/ head/ --threshold 20%,10 --format json', 'only bigger moves, as JSON'],
      ['pathwarden diff last-week.json inventory/ --format html -o diff.html', 'one page for the weekly job, new and worsened paths drawn'],
    ]))
    .action((base: string, head: string, flags: DiffFlags) => run(base, head, flags, finish));
}
