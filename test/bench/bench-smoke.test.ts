// Benches rot when nothing runs them (STYLE G7): each bench runs here at a tiny size. Figures are not checked
// (timing belongs in `npm run bench`), only that every row is produced, finite and positive, with its baseline.
import { afterAll, describe, expect, it } from 'vitest';
import { benchEngine } from '../../bench/engine.js';
import { benchNeo4jIngest } from '../../bench/neo4j-ingest.js';
import { benchNeo4jReach } from '../../bench/neo4j-reach.js';
import { benchScale, fittedExponent } from '../../bench/scale.js';
import { ratio, renderRows, type BenchRow } from '../../bench/table.js';
import { connectTestNeo4j, resetDatabase } from '../helpers/neo4j.js';

const neo = await connectTestNeo4j();
afterAll(async () => { if (neo.available) await neo.close(); });

describe.skipIf(!neo.available)('bench smoke: neo4j ingest', () => {
  if (!neo.available) return;
  afterAll(async () => { await resetDatabase(neo); });

  it('writes a generated inventory, the plain baseline and an unchanged re-ingest, and reports them', async () => {
    const lines: string[] = [];
    const rows = await benchNeo4jIngest({
      nodes: 600, batchSizes: [250], log: (l) => lines.push(l),
      config: { uri: neo.uri, user: neo.user, password: neo.password, database: neo.database, origin: 'test' },
    });
    expect(rows.map((r) => r.figure)).toEqual(['nodes/s (batch 250)', 'relationships/s (batch 250)', 'unchanged re-ingest s (batch 250)']);
    for (const r of rows) {
      expect(Number.isFinite(r.value) && r.value > 0).toBe(true);
      expect(Number.isFinite(ratio(r) ?? Number.NaN)).toBe(true);
    }
    expect(lines.slice(0, 2).map((l) => l.replace(/\b\d+\b/g, 'N'))).toEqual([
      'neo4j ingest: warmed up on N nodes, N edges', 'neo4j ingest: N nodes, N edges',
    ]);
    expect(renderRows(rows)).toContain('plain CREATE');
  });
});

describe.skipIf(!neo.available)('bench smoke: neo4j reach', () => {
  if (!neo.available) return;
  afterAll(async () => { await resetDatabase(neo); });

  it('loads the estate for Cypher, times the per-principal queries and the per-target pass, and reports the ratio', async () => {
    const lines: string[] = [];
    const rows = await benchNeo4jReach({
      nodes: 600, sample: 4, timeoutMs: 5_000, log: (l) => lines.push(l),
      config: { uri: neo.uri, user: neo.user, password: neo.password, database: neo.database, origin: 'test' },
    });
    expect(rows.map((r) => r.figure)).toEqual(['blast radius of every principal: per-target pass vs Cypher (600 nodes)']);
    expect(Number.isFinite(ratio(rows[0] as BenchRow) ?? Number.NaN)).toBe(true);
    expect(lines.map((l) => l.replace(/\b\d+(\.\d+)?\b/g, 'N'))).toEqual([
      'neo4j reach: N nodes, N steps, N capabilities loaded in N s', 'neo4j reach: N principals queried in N s (N timed out at N s), N targets reached',
    ]);
  });
});

describe('bench smoke: engine', () => {
  it('measures load, the per-target pass and an analysis against baselines measured in the same run', async () => {
    const lines: string[] = [];
    const rows = await benchEngine({ nodes: 800, naiveSample: 10, log: (l) => lines.push(l) });
    expect(rows.map((r) => r.figure)).toEqual([
      'load inventory into compact form (800 nodes)', 'per-target pass: blast radius + findings (800 nodes)',
      'per-target pass vs per-source reach() (800 nodes)', 'per-target pass vs per-principal pass (800 nodes)',
      'paths query between two nodes, median (800 nodes)',
      'analysis, best 1,000 findings enumerated (800 nodes)',
    ]);
    for (const r of rows) expect(Number.isFinite(r.value) && r.value > 0).toBe(true);
    for (const r of rows.slice(0, 4)) expect(Number.isFinite(ratio(r) ?? Number.NaN)).toBe(true);
    expect(lines[0]).toMatch(/^engine: 800 nodes, \d+ edges, \d+ principals$/);
  });
});

describe('bench smoke: scale', () => {
  it('times load, pass and analysis at three sizes and fits their exponents in edges', async () => {
    const lines: string[] = [];
    const rows = await benchScale({ sizes: [500, 1_000, 2_000], log: (l) => lines.push(l) });
    expect(rows).toHaveLength(3 * 3 + 3);
    expect(rows.slice(9).map((r) => r.figure)).toEqual([
      'fitted exponent of load time in edges', 'fitted exponent of pass time in edges', 'fitted exponent of analysis time in edges',
    ]);
    for (const r of rows) expect(Number.isFinite(r.value)).toBe(true);
    expect(lines.map((l) => l.replace(/\d+(\.\d+)?/g, 'N'))).toEqual(Array(3).fill('scale: N nodes, N edges: load N s, pass N s, analysis N s, N findings'));
  });

  it('fits the exponent of a power law exactly', () => {
    expect(fittedExponent([10, 100, 1000], [3, 300, 30_000])).toBeCloseTo(2, 10);
    expect(fittedExponent([1e4, 1e5, 1e6], [0.1, 1, 10])).toBeCloseTo(1, 10);
  });
});
