// `pathwarden paths [dir] --from <selector> --to <selector>`: every path between two sets of nodes, at a time.
import type { Command } from 'commander';
import { findPaths } from '../../analysis/paths.js';
import { parseSelector } from '../../graph/select.js';
import { REPORTERS } from '../../report/index.js';
import { examplesHelp, selectorHelp } from '../help.js';
import { loadInput } from '../load-input.js';
import {
  atOption, capOption, formatOption, fromOption, limitOption, maxDepthOption, outputOption, quietOption, strictOption,
  toOption, verboseOption, type OutputFlags,
} from '../options.js';
import type { Finish } from '../outcome.js';
import { emit, renderOptions } from '../output.js';

interface PathsFlags extends OutputFlags {
  readonly from: string;
  readonly to: string;
  readonly at?: Date;
  readonly maxDepth: number;
  readonly cap: number;
}

async function run(dir: string, flags: PathsFlags, finish: Finish): Promise<void> {
  // NOTE: selectors are checked before loading so a typo fails fast.
  parseSelector(flags.from);
  parseSelector(flags.to);
  const loaded = await loadInput(dir, flags);
  const report = findPaths(loaded, flags.from, flags.to, { maxDepth: flags.maxDepth, cap: flags.cap, ...(flags.at ? { at: flags.at } : {}) });
  await emit(REPORTERS[flags.format].paths(report, renderOptions(flags.limit, flags.output !== undefined)), flags.output);
  finish('ok');
}

/** Registers the paths command. */
export function registerPaths(program: Command, finish: Finish): void {
  program.command('paths')
    .summary('list every path from the nodes one selector matches to those another matches')
    .description('List the attack paths (act-as chains ending in a capability) from every node --from matches to every '
      + 'node --to matches, at a time, bounded by --max-depth and --cap per pair.')
    .argument('[dir]', 'inventory directory', '.')
    .addOption(fromOption()).addOption(toOption()).addOption(strictOption())
    .addOption(atOption()).addOption(maxDepthOption()).addOption(capOption())
    .addOption(formatOption()).addOption(outputOption()).addOption(limitOption(20)).addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden paths examples/acme --from agent:support-* --to kind:Model', 'how support agents reach any model'],
      ['pathwarden paths inventory/ --from kind:AIAgent --to tag:pci --max-depth 5', 'agents to PCI-tagged systems, at most 5 hops'],
      ['pathwarden paths inventory/ --from acme/sa/ci-deployer --to "kind:Resource,env:prod" --format md', 'one service account to prod resources, as Markdown'],
    ]) + selectorHelp())
    .action((dir: string, flags: PathsFlags) => run(dir, flags, finish));
}
