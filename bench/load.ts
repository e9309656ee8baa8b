// `node dist/bench/load.js <dir> [--graphology | --parallel]`: time and peak RSS of loading an inventory straight into
// the compact form (streaming sink + CompactBuilder), with --parallel on worker threads (ingest/parallel), or with
// --graphology the old way (all records, buildGraph, toCompact).
import { loadDirectory } from '../ingest/index.js';
import { toCompact } from '../src/engine/compact.js';
import { buildGraph } from '../src/graph/build.js';
import { CompactBuilder } from '../src/graph/compact-build.js';

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);
const peakMb = (): string => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function main(argv: readonly string[]): Promise<void> {
  const dir = argv.find((a) => !a.startsWith('--'));
  if (dir === undefined) throw new Error('usage: node dist/bench/load.js <inventory dir> [--graphology | --parallel]');
  const at = new Date();
  const t0 = performance.now();
  if (argv.includes('--graphology')) {
    const records = await loadDirectory(dir);
    const loaded = seconds(t0);
    const t1 = performance.now();
    const { graph, diagnostics } = buildGraph(records);
    const cg = toCompact(graph, { at });
    report('graphology', { loaded, built: seconds(t1), total: seconds(t0), order: cg.order, size: cg.size, diagnostics: diagnostics.length + records.diagnostics.length });
    return;
  }
  const builder = new CompactBuilder({ at });
  const parallel = argv.includes('--parallel');
  const loaded = await loadDirectory(dir, { sink: builder, parallel });
  const parsed = seconds(t0);
  const t1 = performance.now();
  const { cg, lookup, diagnostics } = builder.finish();
  report(parallel ? 'compact-build parallel' : 'compact-build', {
    loaded: parsed, built: seconds(t1), total: seconds(t0), order: cg.order, size: cg.size,
    edges: lookup.edgeCount, diagnostics: diagnostics.length + loaded.diagnostics.length,
  });
}

function report(mode: string, figures: Record<string, string | number>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k} ${v}`);
  process.stdout.write(`${mode}: ${parts.join(', ')}, peak RSS ${peakMb()} MB\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
