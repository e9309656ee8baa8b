// Loading: an inventory directory → records (all ingestors, tiers.csv applied) → the merged graph, with every
// diagnostic kept.
import { loadDirectory, type FileSummary } from '../../ingest/index.js';
import type { CompactGraph } from '../engine/compact.js';
import { buildGraph } from '../graph/build.js';
import { CompactBuilder } from '../graph/compact-build.js';
import type { GraphLookup } from '../graph/lookup.js';
import type { PathwardenGraph } from '../graph/types.js';
import type { Diagnostic, EdgeRecord, NodeRecord } from '../model/index.js';
import { tierOverridesOf } from './tiers.js';

export interface LoadedGraph {
  readonly dir: string;
  readonly graph: PathwardenGraph;
  readonly files: readonly FileSummary[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads every inventory file under `dir` into one graph. Rejected rows become diagnostics; nothing is thrown for them. */
export async function loadGraph(dir: string, options: { onRow?: (n: number) => void } = {}): Promise<LoadedGraph> {
  const tiers = await tierOverridesOf(dir);
  const records = await loadDirectory(dir, options.onRow ? { onRow: options.onRow } : {});
  const { graph, diagnostics } = buildGraph({ ...records, nodes: records.nodes.map((n) => tiers.apply(n)) });
  return { dir, graph, files: records.files, diagnostics: [...records.diagnostics, ...tiers.unmatched(), ...diagnostics] };
}

/** Counts of error and warning diagnostics. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** Loads every inventory file under `dir` straight into compact form evaluated at `at` (no graphology graph), big files on every core. */
export async function loadCompact(dir: string, options: { at: Date; onRow?: (n: number) => void }): Promise<{
  dir: string; files: readonly FileSummary[]; diagnostics: readonly Diagnostic[]; cg: CompactGraph; lookup: GraphLookup;
}> {
  const builder = new CompactBuilder({ at: options.at });
  const tiers = await tierOverridesOf(dir);
  const sink = tiers.rules.length === 0 ? builder : { node: (n: NodeRecord) => builder.node(tiers.apply(n)), edge: (e: EdgeRecord) => builder.edge(e) };
  // NOTE: big CSV files are read on every core (ingest/parallel), records reach the builder in file order.
  const records = await loadDirectory(dir, { sink, parallel: true, ...(options.onRow ? { onRow: options.onRow } : {}) });
  const { cg, lookup, diagnostics } = builder.finish();
  return { dir, files: records.files, diagnostics: [...records.diagnostics, ...tiers.unmatched(), ...diagnostics], cg, lookup };
}
