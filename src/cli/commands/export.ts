// `pathwarden export [dir]`: the merged graph as a JSON graph document (src/graph/export.ts), for diffs and tools, or
// as a BloodHound OpenGraph payload with findings as properties (src/graph/opengraph.ts, docs/opengraph.md).
import { Option, type Command } from 'commander';
import { analyzeLoaded } from '../../analysis/analyze.js';
import { toJsonGraph } from '../../graph/export.js';
import { toOpenGraph, toOpenGraphExtension } from '../../graph/opengraph.js';
import { examplesHelp } from '../help.js';
import { loadInput } from '../load-input.js';
import { atOption, outputOption, quietOption, strictOption, verboseOption, type InputFlags } from '../options.js';
import type { Finish } from '../outcome.js';
import { emit } from '../output.js';
import { VERSION } from '../version.js';

/** What `export --format` writes. */
export const EXPORT_FORMATS = ['json', 'opengraph', 'opengraph-extension'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface ExportFlags extends InputFlags {
  readonly format: ExportFormat;
  readonly output?: string;
  readonly at?: Date;
}

async function run(dir: string, flags: ExportFlags, finish: Finish): Promise<void> {
  if (flags.format === 'opengraph-extension') {
    await emit(`${JSON.stringify(toOpenGraphExtension(VERSION), null, 2)}\n`, flags.output);
    finish('ok');
    return;
  }
  const loaded = await loadInput(dir, flags);
  const doc = flags.format === 'opengraph'
    ? toOpenGraph(loaded.graph, await analyzeLoaded(loaded, { ...(flags.at ? { at: flags.at } : {}) }))
    : toJsonGraph(loaded.graph);
  await emit(`${JSON.stringify(doc, null, 2)}\n`, flags.output);
  finish('ok');
}

/** Registers the export command. */
export function registerExport(program: Command, finish: Finish): void {
  program.command('export')
    .summary('write the merged graph as a JSON graph document or a BloodHound OpenGraph payload')
    .description('Load every inventory file under the directory and write the merged graph (nodes and edges sorted, secret '
      + 'values never included): as a "pathwarden-graph" JSON document (json, read back as <name>.graph.json), or as a '
      + 'BloodHound OpenGraph payload with each node\'s findings and blast radius as properties (opengraph, read back as '
      + '<name>.opengraph.json). opengraph-extension writes the extension definition that declares the PW_ kinds, their '
      + 'icons and which edges are traversable (it reads no inventory). See docs/opengraph.md.')
    .argument('[dir]', 'inventory directory', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).default('json' satisfies ExportFormat).helpGroup('Output options:'))
    .addOption(strictOption()).addOption(atOption()).addOption(outputOption()).addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden export examples/acme -o acme.graph.json', 'the sample as one JSON graph file'],
      ['pathwarden export inventory/ --strict | jq ".nodes | length"', 'count nodes, failing on any rejected row'],
      ['pathwarden export examples/acme -f opengraph -o acme.opengraph.json', 'for BloodHound CE: File Ingest → Upload'],
      ['pathwarden export -f opengraph-extension -o pathwarden-extension.json', 'the extension definition to install once'],
    ]))
    .action((dir: string, flags: ExportFlags) => run(dir, flags, finish));
}
