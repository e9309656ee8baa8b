// `pathwarden ingest <dir> [--neo4j]`: load and check an inventory; with --neo4j write it to the store as a new
// snapshot (batched, idempotent, per-source cleanup of what a clean source no longer reports).
import type { Command } from 'commander';
import { NODE_KINDS, EDGE_KINDS, type EdgeKind, type NodeKind } from '../../model/index.js';
import { DEFAULT_BATCH_SIZE, writeGraph, type WriteSummary } from '../../store/write.js';
import { examplesHelp } from '../help.js';
import { loadInput } from '../load-input.js';
import { batchSizeOption, neo4jOption, quietOption, strictOption, verboseOption, type InputFlags } from '../options.js';
import type { Finish } from '../outcome.js';
import { emit } from '../output.js';
import { createCountProgress } from '../progress.js';
import { withStore } from '../store.js';

interface IngestFlags extends InputFlags {
  readonly neo4j?: boolean;
  readonly batchSize: number;
  readonly json?: boolean;
}

function kindCounts<K extends string>(kinds: readonly K[], each: (visit: (kind: K) => void) => void): Record<string, number> {
  const counts = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<string, number>;
  each((kind) => { counts[kind] = (counts[kind] ?? 0) + 1; });
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

function summaryText(dir: string, nodes: Record<string, number>, edges: Record<string, number>, written?: WriteSummary): string {
  const list = (c: Record<string, number>): string => Object.entries(c).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const lines = [`${dir}: nodes: ${list(nodes)}`, `${dir}: edges: ${list(edges)}`];
  if (written) {
    const w = written;
    lines.push(
      `neo4j: snapshot ${w.snapshot} complete (batch size ${w.batchSize})`,
      `  nodes: ${w.nodes.created} new, ${w.nodes.changed} changed, ${w.nodes.unchanged} unchanged, ${w.nodes.retired} retired`,
      `  edges: ${w.edges.created} new, ${w.edges.changed} changed, ${w.edges.unchanged} unchanged, ${w.edges.retired} retired`,
      w.skippedCleanup.length
        ? `  cleanup skipped for ${w.skippedCleanup.join(', ')}: rows were rejected, so items they no longer report are kept`
        : `  cleanup: ${w.cleaned.join(', ') || 'none'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function run(dir: string, flags: IngestFlags, finish: Finish): Promise<void> {
  const loaded = await loadInput(dir, flags);
  const nodes = kindCounts<NodeKind>(NODE_KINDS, (visit) => loaded.graph.forEachNode((_id, n) => visit(n.kind)));
  const edges = kindCounts<EdgeKind>(EDGE_KINDS, (visit) => loaded.graph.forEachEdge((_k, e) => visit(e.kind)));
  let written: WriteSummary | undefined;
  if (flags.neo4j) {
    const partial = [...new Set(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.source ?? 'unknown'))];
    const bar = createCountProgress('nodes and edges written', flags);
    try {
      written = await withStore((store) => writeGraph(store, loaded.graph, {
        input: dir, batchSize: flags.batchSize, partialSources: partial,
        onProgress: (done, total) => bar.update(done, total),
      }));
    } finally {
      bar.stop();
    }
  }
  await emit(flags.json ? `${JSON.stringify({ input: dir, nodes, edges, files: loaded.files, written: written ?? null }, null, 2)}\n`
    : summaryText(dir, nodes, edges, written), undefined);
  finish('ok');
}

/** Registers the ingest command. */
export function registerIngest(program: Command, finish: Finish): void {
  program.command('ingest')
    .summary('check an inventory, and with --neo4j write it to Neo4j as a new snapshot')
    .description('Load every inventory file under the directory and report what it holds. With --neo4j, write the graph to '
      + 'the Neo4j store as a new snapshot: new items are created, changed ones get a new version, and items a cleanly '
      + `loaded source no longer reports are retired. Batches of --batch-size rows (default ${DEFAULT_BATCH_SIZE}).`)
    .argument('<dir>', 'inventory directory')
    .addOption(neo4jOption()).addOption(batchSizeOption()).addOption(strictOption())
    .option('--json', 'print the summary as JSON')
    .addOption(quietOption()).addOption(verboseOption())
    .addHelpText('after', examplesHelp([
      ['pathwarden ingest examples/acme', 'check the sample and count what it holds'],
      ['pathwarden ingest inventory/ --neo4j', 'write it to Neo4j (NEO4J_URI/USER/PASSWORD, or npm run neo4j:start)'],
      ['pathwarden ingest inventory/ --neo4j --strict --batch-size 20000', 'refuse partial input; bigger batches'],
    ]))
    .action((dir: string, flags: IngestFlags) => run(dir, flags, finish));
}
