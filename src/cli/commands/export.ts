// `pathwarden export [dir]`: the merged graph as a JSON graph document (src/graph/export.ts), for diffs and tools.
import type { Command } from 'commander';
import { toJsonGraph } from '../../graph/export.js';
import { examplesHelp } from '../help.js';
import { loadInput } from '../load-input.js';
import { outputOption, quietOption, strictOption, verboseOption, type InputFlags } from '../options.js';
import type { Finish } from '../outcome.js';
import { emit } from '../output.js';

interface ExportFlags extends InputFlags {
  readonly output?: string;
}

async function run(dir: string, flags: ExportFlags, finish: Finish): Promise<void> {
  const loaded = await loadInput(dir, flags);
  await emit(`${JSON.stringify(toJsonGraph(loaded.graph), null, 2)}\n`, flags.output);
  finish('ok');
}

/** Registers the export command. */
export function registerExport(program: Command, finish: Finish): void {
  program.command('export')
    .summary('write the merged graph as a JSON graph document')
    .description('Load every inventory file under the directory and write the merged graph as a "pathwarden-graph" JSON '
      + 'document (nodes and edges sorted, secret values never included). pathwarden reads it back as <name>.graph.json.')
    .argument('[dir]', 'inventory directory', '.')
    .addOption(strictOption()).addOption(outputOption()).addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden export examples/acme -o acme.graph.json', 'the sample as one JSON graph file'],
      ['pathwarden export inventory/ --strict | jq ".nodes | length"', 'count nodes, failing on any rejected row'],
    ]))
    .action((dir: string, flags: ExportFlags) => run(dir, flags, finish));
}
