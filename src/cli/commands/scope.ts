// `pathwarden scope <dir> <selector>`: incident scoping of a compromised credential or identity, with the
// minimum-cost revocation plan and the residual reach after it; `scope <dir> --exposed`: every credential a secret
// scanner found leaked, at once, with one combined plan.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_SCOPE_TIER, scopeExposed, scopeOf } from '../../analysis/scope.js';
import { parseSelector } from '../../graph/select.js';
import { UsageError } from '../../model/index.js';
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
  readonly exposed?: boolean;
}

function parseTier(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 4) throw new InvalidArgumentError('tier must be 0 (crown jewel) … 4 (low)');
  return n;
}

const tierOption = () => new Option('--tier <n>', 'the plan cuts every target of this tier or more sensitive (0 = crown jewel)')
  .argParser(parseTier).default(DEFAULT_SCOPE_TIER).helpGroup('Analysis options:');

const exposedOption = () => new Option('--exposed', 'scope every credential a secret scanner found leaked, with one combined plan (instead of a selector)')
  .helpGroup('Analysis options:');

async function run(dir: string, selector: string | undefined, flags: ScopeFlags, finish: Finish): Promise<void> {
  if (flags.exposed === true && selector !== undefined) throw new UsageError('give a selector or --exposed, not both');
  if (flags.exposed !== true && selector === undefined) throw new UsageError('missing selector (or --exposed for every leaked credential)');
  if (selector !== undefined) parseSelector(selector);
  const loaded = await loadInput(dir, flags);
  const options = { ...(flags.at ? { at: flags.at } : {}), maxTier: flags.tier, maxDepth: flags.maxDepth, cap: flags.cap };
  const report = selector !== undefined ? scopeOf(loaded, selector, options) : scopeExposed(loaded, options);
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
      + 'reach that remains once the plan is applied. --exposed scopes every credential a secret scanner found leaked '
      + '(gitleaks, trufflehog reports in the inventory) at once.')
    .argument('<dir>', 'inventory directory')
    .argument('[selector]', 'the compromised credential(s) or identity(ies) (see Selectors below); not with --exposed')
    .addOption(exposedOption()).addOption(strictOption()).addOption(atOption()).addOption(tierOption()).addOption(maxDepthOption()).addOption(capOption())
    .addOption(formatOption()).addOption(outputOption()).addOption(limitOption(20)).addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden scope examples/acme key:openai-prod', 'a leaked API key: reach, holders, revocation plan'],
      ['pathwarden scope examples/acme agent:oncall-triage --tier 0 --format md -o ticket.md', 'a prompt-injected agent, crown jewels only, for the incident ticket'],
      ['pathwarden scope inventory/ "kind:Token,owner:ci@acme.example" --format json', 'every CI token at once, as JSON'],
      ['pathwarden scope inventory/ --exposed --format md -o leaks.md', 'every leaked credential gitleaks/trufflehog found: one plan'],
      ['pathwarden scope examples/acme key:openai-prod --format html -o scope.html', 'one page: reach drawn with the plan\'s cuts dashed red'],
    ]) + selectorHelp())
    .action((dir: string, selector: string | undefined, flags: ScopeFlags) => run(dir, selector, flags, finish));
}
