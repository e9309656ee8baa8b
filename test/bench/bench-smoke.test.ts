// Benches rot when nothing runs them (STYLE G7): each bench runs here at a tiny size. Figures are not checked
// (timing belongs in `npm run bench`), only that every row is produced, finite and positive, with its baseline.
import { afterAll, describe, expect, it } from 'vitest';
import { benchEngine } from '../../bench/engine.js';
import { benchNeo4jIngest } from '../../bench/neo4j-ingest.js';
import { ratio, renderRows } from '../../bench/table.js';
import { connectTestNeo4j, resetDatabase } from '../helpers/neo4j.js';

const neo = await connectTestNeo4j();

describe.skipIf(!neo.available)('bench smoke: neo4j ingest', () => {
  if (!neo.available) return;
  afterAll(async () => { await resetDatabase(neo); await neo.close(); });

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
