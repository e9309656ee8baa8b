// `pathwarden analyze [dir]`: load → analyse at a time → render the findings with the chosen reporter.
import type { Command } from 'commander';
import { ANALYSIS_STAGES, analyzeLoaded } from '../../analysis/analyze.js';
import { severityRank, type Finding } from '../../findings/index.js';
import { REPORTERS } from '../../report/index.js';
import { examplesHelp } from '../help.js';
import { loadInput } from '../load-input.js';
import {
  atOption, capOption, exceptionsOption, failOnOption, formatOption, limitOption, maxDepthOption, noExceptionsOption,
  outputOption, quietOption, strictOption, tierOption, verboseOption, type FailOn, type OutputFlags,
} from '../options.js';
import type { Finish } from '../outcome.js';
import { emit, renderOptions } from '../output.js';
import { withProgress } from '../progress.js';

interface AnalyzeFlags extends OutputFlags {
  readonly at?: Date;
  readonly maxDepth: number;
  readonly cap: number;
  readonly tier: number;
  readonly exceptions?: string | false;
  readonly failOn: FailOn;
}


/** True when a finding at or above `failOn` remains. */
function failsOn(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
}

async function run(dir: string, flags: AnalyzeFlags, finish: Finish): Promise<void> {
  const loaded = await loadInput(dir, flags);
  const result = await withProgress(ANALYSIS_STAGES, { quiet: flags.quiet }, (progress) => analyzeLoaded(loaded, {
    maxDepth: flags.maxDepth, cap: flags.cap, maxTier: flags.tier, onStage: (s) => progress.stage(s),
    ...(flags.at ? { at: flags.at } : {}), ...(flags.exceptions !== undefined ? { exceptions: flags.exceptions } : {}),
  }));
  await emit(REPORTERS[flags.format].analysis(result, renderOptions(flags.limit, flags.output !== undefined)), flags.output);
  finish(failsOn(result.findings, flags.failOn) ? 'findings' : 'ok');
}

/** Registers the analyze command. */
export function registerAnalyze(program: Command, finish: Finish): void {
  program.command('analyze')
    .summary('find separation-of-duties breaks on models and sensitive reach, ranked by blast radius')
    .description('Analyse an inventory: who can each agent and non-human identity act as, which models can one identity '
      + 'both alter and invoke in production, and which sensitive systems it reaches, each with its paths and rank.')
    .argument('[dir]', 'inventory directory', '.')
    .addOption(strictOption()).addOption(exceptionsOption()).addOption(noExceptionsOption())
    .addOption(atOption()).addOption(maxDepthOption()).addOption(capOption()).addOption(tierOption()).addOption(failOnOption())
    .addOption(formatOption()).addOption(outputOption()).addOption(limitOption(10)).addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden analyze examples/acme', 'analyse the bundled sample, ranked table on the terminal'],
      ['pathwarden analyze inventory/ --at 2026-12-01', 'as it will stand on 1 December (expired keys and grants drop out)'],
      ['pathwarden analyze inventory/ --format json -o report.json', 'complete result as JSON'],
      ['pathwarden analyze inventory/ --fail-on high --strict', 'CI gate: exit 1 on high or critical findings, 2 on bad input'],
      ['pathwarden analyze inventory/ --tier 2 --no-exceptions', 'also tier-2 systems, ignoring accepted exceptions'],
    ]))
    .action((dir: string, flags: AnalyzeFlags) => run(dir, flags, finish));
}
