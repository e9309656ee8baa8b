// `pathwarden blast <dir> <selector>`: blast radius of each matched principal, with what it reaches and how.
import type { Command } from 'commander';
import { blastOf } from '../../analysis/blast.js';
import { parseSelector } from '../../graph/select.js';
import { REPORTERS } from '../../report/index.js';
import { examplesHelp, selectorHelp } from '../help.js';
import { loadInput } from '../load-input.js';
import { atOption, formatOption, limitOption, outputOption, quietOption, strictOption, verboseOption, type OutputFlags } from '../options.js';
import type { Finish } from '../outcome.js';
import { emit, renderOptions } from '../output.js';

interface BlastFlags extends OutputFlags {
  readonly at?: Date;
}

async function run(dir: string, selector: string, flags: BlastFlags, finish: Finish): Promise<void> {
  parseSelector(selector);
  const loaded = await loadInput(dir, flags);
  const report = blastOf(loaded, selector, flags.at ? { at: flags.at } : {});
  await emit(REPORTERS[flags.format].blast(report, renderOptions(flags.limit, flags.output !== undefined)), flags.output);
  finish('ok');
}

/** Registers the blast command. */
export function registerBlast(program: Command, finish: Finish): void {
  program.command('blast')
    .summary('blast radius of an identity or credential: score, what it acts as, what it reaches')
    .description('Score the blast radius of every principal the selector matches (highest first), with the score '
      + 'breakdown, the identities and credentials it can act as, and each model or system it reaches with a path.')
    .argument('<dir>', 'inventory directory')
    .argument('<selector>', 'the principals to score (see Selectors below)')
    .addOption(strictOption()).addOption(atOption())
    .addOption(formatOption()).addOption(outputOption()).addOption(limitOption(10)).addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden blast examples/acme agent:support-bot', 'one agent by prefix and name'],
      ['pathwarden blast inventory/ kind:APIKey --limit 5', 'the five API keys with the largest blast radius'],
      ['pathwarden blast inventory/ "kind:ServiceAccount,env:prod" --format json', 'prod service accounts, as JSON'],
    ]) + selectorHelp())
    .action((dir: string, selector: string, flags: BlastFlags) => run(dir, selector, flags, finish));
}
