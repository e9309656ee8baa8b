// Engine: loading, the all-sources pass (blast radius of every principal, every SoD break and sensitive reach with
// its shortest path) and a whole analysis on a generated estate, each against a baseline measured in the same run:
// the graphology load + compile, the naive approach (graphology-traversal BFS per source, timed on a sample and
// extrapolated), and the previous per-source search (reach() per source, sampled and extrapolated).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bfsFromNode } from 'graphology-traversal';
import { analyzeCompiled } from '../src/analysis/analyze.js';
import { loadCompact, loadGraph } from '../src/analysis/load.js';
import { forEachSourceReach } from '../src/engine/all-sources.js';
import { blastRadius, enumeratePaths, findingSources, isAccess, isAlter, isProdInvoke, reach, toCompact } from '../src/engine/index.js';
import { K, IS_SOURCE } from '../src/engine/kinds.js';
import { capabilityIndex, reverseSteps, ReverseSearch } from '../src/engine/reverse-reach.js';
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
    let checksum = 0;
    let findings = 0;
    const pairs: [number, number][] = [];
    forEachSourceReach(cg, (r) => {
      checksum += r.blast;
      findings += r.sod.length + r.sensitive.length;
      for (const w of r.sensitive) pairs.push([r.source, w.resource]);
    });
    const passMs = performance.now() - t;
    // NOTE: the same finding pairs counted target by target, searching backwards (the groundwork for 1M nodes).
    t = performance.now();
    const rev = reverseSteps(cg);
    const search = new ReverseSearch(cg, rev, capabilityIndex(cg, rev));
    const alterer = new Int32Array(cg.order).fill(-1);
    let reversePairs = 0;
    const principal = (u: number): boolean => IS_SOURCE[cg.nodeKind[u] as number] === 1 && cg.active[u] === 1;
    for (let v = 0; v < cg.order; v++) {
      if (cg.nodeKind[v] === K.Model) {
        search.forEachSource(v, isAlter, (u) => { alterer[u] = v; });
        search.forEachSource(v, isProdInvoke, (u) => { if (alterer[u] === v && u !== v && principal(u)) reversePairs++; });
      } else if (cg.nodeKind[v] === K.Resource && (cg.nodeTier[v] as number) >= 0 && (cg.nodeTier[v] as number) <= 1) {
        search.forEachSource(v, isAccess, (u) => { if (principal(u)) reversePairs++; });
      }
    }
    const reverseMs = performance.now() - t;
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
        bench: 'engine', figure: `all-sources pass: blast radius + findings (${size})`, value: passMs / 1000, unit: 's', higherIsBetter: false,
        baseline: naiveMs / 1000, baselineName: `graphology BFS per source, ${sampled}`,
        note: `${sources.length.toLocaleString('en-US')} principals, ${findings.toLocaleString('en-US')} findings`,
      },
      {
        bench: 'engine', figure: `all-sources pass vs per-source reach() (${size})`, value: passMs / 1000, unit: 's', higherIsBetter: false,
        baseline: perSourceMs / 1000, baselineName: `reach() + blastRadius() per source, ${sampled}`,
      },
      {
        bench: 'engine', figure: `finding pairs by per-target reverse search (${size})`, value: reverseMs / 1000, unit: 's', higherIsBetter: false,
        baseline: passMs / 1000, baselineName: 'all-sources pass (also blast radius and witnesses)',
        note: `${reversePairs.toLocaleString('en-US')} pairs (the pass found ${findings.toLocaleString('en-US')}); not wired into analyze yet`,
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
