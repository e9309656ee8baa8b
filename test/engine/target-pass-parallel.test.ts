// The per-target pass on two threads against the single-thread pass: exactly the same rows (order, masks,
// witness slots), blast radii and doubtful-source counts on random graphs, with the compiled worker
// (dist/, built by `npm test`'s pretest); and the single-thread pass when the worker is missing or fails.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { toCompact } from '../../src/engine/index.js';
import { targetPassParallel } from '../../src/engine/target-pass-parallel.js';
import { targetPass, type TargetPassResult } from '../../src/engine/target-pass.js';
import { randomGraph } from '../helpers/random-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');
const WORKER = new URL('../../dist/src/engine/target-pass-worker.js', import.meta.url);
const built = existsSync(fileURLToPath(WORKER));
if (!built) console.warn(`target-pass-parallel: ${fileURLToPath(WORKER)} is missing (run npm run build); the two-thread cases are skipped`);

function plain(r: TargetPassResult): unknown {
  return { rows: r.rows.columns(), blast: Array.from(r.blast), forward: r.forward, exact: r.exact };
}

describe.skipIf(!built)('targetPassParallel', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('equals the single-thread pass on random graph %i', async (seed) => {
    const cg = toCompact(randomGraph(seed, { nodes: 40, edges: 150 }), { at: AT });
    const maxTier = seed % 3;
    const got = await targetPassParallel(cg, { maxTier, workerUrl: WORKER, minSlots: 0 });
    expect(got.threads).toBe(2);
    expect(plain(got)).toEqual(plain(targetPass(cg, { maxTier })));
  });

  it('reports progress up to every target', async () => {
    const cg = toCompact(randomGraph(3, { nodes: 40, edges: 150 }), { at: AT });
    const seen: [number, number][] = [];
    await targetPassParallel(cg, { workerUrl: WORKER, minSlots: 0, onProgress: (d, t) => seen.push([d, t]) });
    const total = seen[0]?.[1] as number;
    expect(total).toBeGreaterThan(1);
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen[seen.length - 1]).toEqual([total, total]);
  });
});

describe('targetPassParallel without a working worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-pass-worker-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the single-thread pass below the size threshold or without the worker entry, with the same result', async () => {
    const cg = toCompact(randomGraph(5, { nodes: 40, edges: 150 }), { at: AT });
    const want = plain(targetPass(cg));
    const small = await targetPassParallel(cg, { workerUrl: WORKER });
    expect([small.threads, plain(small)]).toEqual([1, want]);
    const missing = await targetPassParallel(cg, { workerUrl: pathToFileURL(join(dir, 'no-such-worker.js')), minSlots: 0 });
    expect([missing.threads, plain(missing)]).toEqual([1, want]);
  });

  it('searches the worker\'s targets itself when the worker fails', async () => {
    const failing = join(dir, 'failing-worker.mjs');
    writeFileSync(failing, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom'); });\n");
    const cg = toCompact(randomGraph(6, { nodes: 40, edges: 150 }), { at: AT });
    const got = await targetPassParallel(cg, { workerUrl: pathToFileURL(failing), minSlots: 0 });
    expect([got.threads, plain(got)]).toEqual([1, plain(targetPass(cg))]);
  });
});
