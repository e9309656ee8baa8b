// `pathwarden scope <dir> <selector>`: incident scoping of a compromised credential or identity, with the
// minimum-cost revocation plan and the residual reach after it.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_SCOPE_TIER, scopeOf } from '../../analysis/scope.js';
import { parseSelector } from '../../graph/select.js';
import { SCOPE_REPORTERS } from '../../report/scope.js';
import { examplesHelp, selectorHelp } from '../help.js';
import { loadInput } from '../load-input.js';
import {
  atOption, capOption, formatOption, limitOption, maxDepthOption, outputOption, quietOption, strictOption, verboseOption,
  type OutputFlags,
} from '../options.js';
import type { Finish } from '../outcome.js';
import { emit, renderOptions } from '../output.js';

interface ScopeFlags extends OutputFlags {
  readonly at?: Date;
  readonly tier: number;
  readonly maxDepth: number;
  readonly cap: number;
}

function parseTier(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 4) throw new InvalidArgumentError('tier must be 0 (crown jewel) … 4 (low)');
  return n;
}

const tierOption = () => new Option('--tier <n>', 'the plan cuts every target of this tier or more sensitive (0 = crown jewel)')
  .argParser(parseTier).default(DEFAULT_SCOPE_TIER).helpGroup('Analysis options:');

async function run(dir: string, selector: string, flags: ScopeFlags, finish: Finish): Promise<void> {
  parseSelector(selector);
  const loaded = await loadInput(dir, flags);
  const report = scopeOf(loaded, selector, { ...(flags.at ? { at: flags.at } : {}), maxTier: flags.tier, maxDepth: flags.maxDepth, cap: flags.cap });
  await emit(SCOPE_REPORTERS[flags.format](report, renderOptions(flags.limit, flags.output !== undefined)), flags.output);
  finish('ok');
}

/** Registers the scope command. */
export function registerScope(program: Command, finish: Finish): void {
  program.command('scope')
    .summary('incident response: what a compromised credential or identity reaches, who uses it, what to revoke')
    .description('Scope a compromised credential or identity (every node the selector matches, as one compromise): '
      + 'everything it can act as and reach by tier with a path each, who holds or uses it, the minimum-cost '
      + 'revocation plan that leaves it no path to any target at the --tier threshold (docs/scope.md), and the '
      + 'reach that remains once the plan is applied.')
    .argument('<dir>', 'inventory directory')
    .argument('<selector>', 'the compromised credential(s) or identity(ies) (see Selectors below)')
    .addOption(strictOption()).addOption(atOption()).addOption(tierOption()).addOption(maxDepthOption()).addOption(capOption())
    .addOption(formatOption()).addOption(outputOption()).addOption(limitOption(20)).addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden scope examples/acme key:openai-prod', 'a leaked API key: reach, holders, revocation plan'],
      ['pathwarden scope examples/acme agent:oncall-triage --tier 0 --format md -o ticket.md', 'a prompt-injected agent, crown jewels only, for the incident ticket'],
      ['pathwarden scope inventory/ "kind:Token,owner:ci@acme.example" --format json', 'every CI token at once, as JSON'],
    ]) + selectorHelp())
    .action((dir: string, selector: string, flags: ScopeFlags) => run(dir, selector, flags, finish));
}
