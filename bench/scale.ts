// Scaling: the same generated estate at three sizes (10k, 100k, 1M nodes by default), timed stage by stage —
// load into compact form, the per-target pass (every finding and blast radius), the whole analysis (ranking, best
// 1,000 enumerated) — and the exponent of a least-squares fit of log(time) on log(edges): 1 is linear.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeCompiled } from '../src/analysis/analyze.js';
import { loadCompact } from '../src/analysis/load.js';
import { targetPass } from '../src/engine/target-pass.js';
import { generate } from './gen/generate.js';
import type { BenchRow } from './table.js';

export interface ScaleBenchOptions {
  /** Estate sizes in nodes, ascending. */
  readonly sizes: readonly number[];
  readonly log: (line: string) => void;
}

const AT = new Date('2026-11-25T12:00:00Z');

interface Point {
  readonly nodes: number;
  readonly edges: number;
  readonly loadS: number;
  readonly passS: number;
  readonly analyzeS: number;
  readonly findings: number;
}

/** Slope of the least-squares line through (log x, log y): the exponent of y ~ x^k. */
export function fittedExponent(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += ((lx[i] as number) - mx) * ((ly[i] as number) - my);
    den += ((lx[i] as number) - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

async function measure(nodes: number, log: (line: string) => void): Promise<Point> {
  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-scale-'));
  try {
    generate({ nodes, seed: 7, out: dir, refDate: new Date('2026-11-25T00:00:00Z') });
    let t = performance.now();
    const input = await loadCompact(dir, { at: AT });
    const loadS = (performance.now() - t) / 1000;
    t = performance.now();
    const pass = targetPass(input.cg);
    const passS = (performance.now() - t) / 1000;
    t = performance.now();
    const analysis = await analyzeCompiled(input, { exceptions: false }, 1000);
    const analyzeS = (performance.now() - t) / 1000;
    const findings = analysis.findings.length + analysis.rest.count;
    if (findings !== pass.rows.length) throw new Error(`bench scale: the analysis ranked ${findings} findings, the pass found ${pass.rows.length}`);
    log(`scale: ${nodes} nodes, ${input.lookup.edgeCount} edges: load ${loadS.toFixed(2)} s, pass ${passS.toFixed(2)} s, analysis ${analyzeS.toFixed(2)} s, ${findings} findings`);
    return { nodes: input.cg.order, edges: input.lookup.edgeCount, loadS, passS, analyzeS, findings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the scaling bench. */
export async function benchScale(options: ScaleBenchOptions): Promise<BenchRow[]> {
  const points: Point[] = [];
  for (const nodes of options.sizes) points.push(await measure(nodes, options.log));
  const rows: BenchRow[] = [];
  for (const p of points) {
    const size = `${p.nodes.toLocaleString('en-US')} nodes / ${p.edges.toLocaleString('en-US')} edges`;
    rows.push(
      { bench: 'scale', figure: `load into compact form (${size})`, value: p.loadS, unit: 's', higherIsBetter: false },
      { bench: 'scale', figure: `per-target pass: every finding + blast radius (${size})`, value: p.passS, unit: 's', higherIsBetter: false, note: `${p.findings.toLocaleString('en-US')} findings` },
      { bench: 'scale', figure: `analysis: pass, rank, best 1,000 enumerated (${size})`, value: p.analyzeS, unit: 's', higherIsBetter: false },
    );
  }
  const edges = points.map((p) => p.edges);
  const fit = (figure: string, ys: readonly number[], note: string): BenchRow => ({
    bench: 'scale', figure: `fitted exponent of ${figure} in edges`, value: fittedExponent(edges, ys), unit: '', higherIsBetter: false, note,
  });
  rows.push(
    fit('load time', points.map((p) => p.loadS), '1 = linear'),
    fit('pass time', points.map((p) => p.passS), `findings grow with exponent ${fittedExponent(edges, points.map((p) => p.findings)).toFixed(2)}`),
    fit('analysis time', points.map((p) => p.analyzeS), '1 = linear'),
  );
  return rows;
}
