// Engine: blast radius for every principal on a generated estate, against the naive approach measured in the same
// run (graphology-traversal BFS per source over the graphology graph, timed on a sample and extrapolated).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bfsFromNode } from 'graphology-traversal';
import { loadGraph } from '../src/analysis/load.js';
import { blastRadius, findingSources, reach, toCompact } from '../src/engine/index.js';
import { generate } from './gen/generate.js';
import type { BenchRow } from './table.js';

export interface EngineBenchOptions {
  readonly nodes: number;
  /** Sources timed for the naive baseline (its total is extrapolated from them). */
  readonly naiveSample: number;
  readonly log: (line: string) => void;
}

/** Runs the engine bench on a generated estate of `nodes` nodes. */
export async function benchEngine(options: EngineBenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-engine-'));
  try {
    generate({ nodes: options.nodes, seed: 5, out: dir, refDate: new Date('2026-11-25T00:00:00Z') });
    let t = performance.now();
    const { graph } = await loadGraph(dir);
    const loadMs = performance.now() - t;
    t = performance.now();
    const cg = toCompact(graph, { at: new Date('2026-11-25T12:00:00Z') });
    const compileMs = performance.now() - t;
    const sources = findingSources(cg);
    options.log(`engine: ${graph.order} nodes, ${graph.size} edges, ${sources.length} principals`);
    t = performance.now();
    let checksum = 0;
    for (const s of sources) checksum += blastRadius(cg, s, reach(cg, s)).score;
    const oursMs = performance.now() - t;
    const step = Math.max(1, Math.floor(sources.length / options.naiveSample));
    const sample = sources.filter((_, i) => i % step === 0).slice(0, options.naiveSample);
    t = performance.now();
    let visited = 0;
    for (const s of sample) bfsFromNode(graph, cg.ids[s] as string, () => { visited++; }, { mode: 'outbound' });
    const naiveMs = ((performance.now() - t) / sample.length) * sources.length;
    options.log(`engine: blast checksum ${checksum.toFixed(1)}; naive visited ${visited} nodes from ${sample.length} sampled sources`);
    const size = `${graph.order.toLocaleString('en-US')} nodes`;
    return [
      { bench: 'engine', figure: `load + build graph (${size})`, value: loadMs / 1000, unit: 's', higherIsBetter: false },
      { bench: 'engine', figure: `compile to CSR (${size})`, value: compileMs / 1000, unit: 's', higherIsBetter: false },
      {
        bench: 'engine', figure: `blast radius, every principal (${size})`, value: oursMs / 1000, unit: 's', higherIsBetter: false,
        baseline: naiveMs / 1000, baselineName: `graphology BFS per source, ${sample.length} timed, extrapolated`,
        note: `${sources.length.toLocaleString('en-US')} principals; per-source reach (SCC/bitsets: #5)`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
