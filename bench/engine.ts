// Engine: loading, the per-target pass (blast radius of every principal, every SoD break and sensitive reach with
// its shortest path) and a whole analysis on a generated estate, each against a baseline measured in the same run:
// the graphology load + compile, the naive approach (graphology-traversal BFS per source, timed on a sample and
// extrapolated), the per-source search (reach() per source, sampled and extrapolated) and the per-principal pass.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bfsFromNode } from 'graphology-traversal';
import { analyzeCompiled } from '../src/analysis/analyze.js';
import { loadCompact, loadGraph } from '../src/analysis/load.js';
import { forEachSourceReach } from '../src/engine/all-sources.js';
import { blastRadius, enumeratePaths, findingSources, reach, toCompact } from '../src/engine/index.js';
import { PAIR, targetPass } from '../src/engine/target-pass.js';
import { generate } from './gen/generate.js';
import type { BenchRow } from './table.js';

export interface EngineBenchOptions {
  readonly nodes: number;
  /** Sources timed for the sampled baselines (their totals are extrapolated from them). */
  readonly naiveSample: number;
  readonly log: (line: string) => void;
}

const AT = new Date('2026-11-25T12:00:00Z');

function sampleOf<T>(items: readonly T[], n: number): T[] {
  const step = Math.max(1, Math.floor(items.length / n));
  return items.filter((_, i) => i % step === 0).slice(0, n);
}

/** Runs the engine bench on a generated estate of `nodes` nodes. */
export async function benchEngine(options: EngineBenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-engine-'));
  try {
    generate({ nodes: options.nodes, seed: 5, out: dir, refDate: new Date('2026-11-25T00:00:00Z') });
    let t = performance.now();
    const input = await loadCompact(dir, { at: AT });
    const loadMs = performance.now() - t;
    const { cg } = input;
    t = performance.now();
    const { graph } = await loadGraph(dir);
    const graphCg = toCompact(graph, { at: AT });
    const graphLoadMs = performance.now() - t;
    const sources = findingSources(cg);
    options.log(`engine: ${cg.order} nodes, ${input.lookup.edgeCount} edges, ${sources.length} principals`);
    t = performance.now();
    const pass = targetPass(cg);
    const passMs = performance.now() - t;
    let checksum = 0;
    for (const s of sources) checksum += pass.blast[s] as number;
    const findings = pass.rows.length;
    const pairs: [number, number][] = [];
    for (let r = 0; r < pass.rows.length; r++) {
      if (pass.rows.rule.data[r] === PAIR.SENSITIVE) pairs.push([pass.rows.source.data[r] as number, pass.rows.target.data[r] as number]);
    }
    // NOTE: the per-principal pass it replaced, on the same graph.
    t = performance.now();
    let forwardFindings = 0;
    forEachSourceReach(cg, (r) => { forwardFindings += r.sod.length + r.sensitive.length; });
    const forwardMs = performance.now() - t;
    const sample = sampleOf(sources, options.naiveSample);
    t = performance.now();
    let visited = 0;
    for (const s of sample) bfsFromNode(graph, cg.ids[s] as string, () => { visited++; }, { mode: 'outbound' });
    const naiveMs = ((performance.now() - t) / sample.length) * sources.length;
    t = performance.now();
    let sampledBlast = 0;
    for (const s of sample) sampledBlast += blastRadius(graphCg, s, reach(graphCg, s)).score;
    const perSourceMs = ((performance.now() - t) / sample.length) * sources.length;
    // NOTE: a paths query between two nodes that a finding connects: every simple path within depth 8, cap 1000.
    const queryMs: number[] = [];
    let found = 0;
    for (const [source, target] of sampleOf(pairs, 51)) {
      t = performance.now();
      found += enumeratePaths(cg, { source, target, maxDepth: 8, cap: 1000 }).paths.length;
      queryMs.push(performance.now() - t);
    }
    queryMs.sort((a, b) => a - b);
    const medianMs = queryMs[Math.floor(queryMs.length / 2)] ?? 0;
    t = performance.now();
    const analysis = await analyzeCompiled(input, { exceptions: false }, 1000);
    const analyzeMs = performance.now() - t;
    options.log(`engine: blast checksum ${checksum.toFixed(1)}, ${findings} findings; naive visited ${visited} nodes and reach() scored ${sampledBlast.toFixed(1)} over ${sample.length} sampled sources`);
    const size = `${cg.order.toLocaleString('en-US')} nodes`;
    const sampled = `${sample.length} sources timed, extrapolated`;
    return [
      {
        bench: 'engine', figure: `load inventory into compact form (${size})`, value: loadMs / 1000, unit: 's', higherIsBetter: false,
        baseline: graphLoadMs / 1000, baselineName: 'graphology graph + compile', note: `${input.lookup.edgeCount.toLocaleString('en-US')} edges`,
      },
      {
        bench: 'engine', figure: `per-target pass: blast radius + findings (${size})`, value: passMs / 1000, unit: 's', higherIsBetter: false,
        baseline: naiveMs / 1000, baselineName: `graphology BFS per source, ${sampled}`,
        note: `${sources.length.toLocaleString('en-US')} principals, ${findings.toLocaleString('en-US')} findings`,
      },
      {
        bench: 'engine', figure: `per-target pass vs per-source reach() (${size})`, value: passMs / 1000, unit: 's', higherIsBetter: false,
        baseline: perSourceMs / 1000, baselineName: `reach() + blastRadius() per source, ${sampled}`,
      },
      {
        bench: 'engine', figure: `per-target pass vs per-principal pass (${size})`, value: passMs / 1000, unit: 's', higherIsBetter: false,
        baseline: forwardMs / 1000, baselineName: 'one allocation-free BFS per principal (all-sources.ts)',
        note: `${forwardFindings.toLocaleString('en-US')} findings, the same pairs (tested)`,
      },
      {
        bench: 'engine', figure: `paths query between two nodes, median (${size})`, value: medianMs, unit: 'ms', higherIsBetter: false,
        note: `${queryMs.length} finding pairs, ${found.toLocaleString('en-US')} paths (depth 8, cap 1000)`,
      },
      {
        bench: 'engine', figure: `analysis, best 1,000 findings enumerated (${size})`, value: analyzeMs / 1000, unit: 's', higherIsBetter: false,
        note: `${(analysis.findings.length + analysis.rest.count).toLocaleString('en-US')} findings ranked`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
