// Neo4j ingest throughput: a generated inventory written as a snapshot (batched UNWIND, versions, cleanup),
// against a plain UNWIND CREATE of the same nodes (with their properties) and relationship pairs measured in the
// same run, and the same inventory ingested again unchanged (a second snapshot, nothing to write). Both are warmed
// up first on a graph a tenth the size (a fresh server's first statements run in a cold JVM, which would favour
// whichever of the two runs second).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGraph } from '../src/analysis/load.js';
import { storeConfig, type StoreConfig } from '../src/store/config.js';
import { openStore, type Store } from '../src/store/driver.js';
import { nodeRow, type Flat } from '../src/store/records.js';
import { DEFAULT_BATCH_SIZE, writeGraph } from '../src/store/write.js';
import { generate } from './gen/generate.js';
import { MIN_NODES } from './gen/population.js';
import type { BenchRow } from './table.js';

export interface IngestBenchOptions {
  readonly nodes: number;
  readonly batchSizes: readonly number[];
  readonly log: (line: string) => void;
  /** The server (default: NEO4J_* variables or the local server's connection file). */
  readonly config?: StoreConfig;
}

/** True when the server is on this machine (benches wipe the database). */
export function loopback(uri: string): boolean {
  try {
    const host = new URL(uri).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** Deletes every node and relationship, in batches. */
export async function wipe(store: Store): Promise<void> {
  // NOTE: CALL … IN TRANSACTIONS needs an auto-commit transaction, so this uses a plain session.
  const session = store.driver.session(store.config.database ? { database: store.config.database } : {});
  try {
    // NOTE: relationships first: a hub's DETACH DELETE in one transaction can exceed the transaction memory pool.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS');
  } finally {
    await session.close();
  }
}

/**
 * Plain load of the same nodes, with the same stored properties, and the same relationship pairs without
 * properties, one statement at a time and no bookkeeping: what Neo4j does with this data here. NOTE: the nodes
 * carry their properties because storing those is most of a node's cost (an id alone is several times faster,
 * and says nothing about this data).
 */
async function plainLoad(store: Store, nodes: readonly Flat[], pairs: readonly [string, string][], batch: number): Promise<{ nodeMs: number; relMs: number }> {
  await store.run('CREATE CONSTRAINT bench_plain_id IF NOT EXISTS FOR (n:BenchPlain) REQUIRE n.id IS UNIQUE');
  let t = performance.now();
  for (let i = 0; i < nodes.length; i += batch) await store.run('UNWIND $rows AS row CREATE (n:BenchPlain) SET n = row', { rows: nodes.slice(i, i + batch) });
  const nodeMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < pairs.length; i += batch) {
    await store.run('UNWIND $rows AS row MATCH (a:BenchPlain {id: row[0]}) MATCH (b:BenchPlain {id: row[1]}) CREATE (a)-[:BENCH_PLAIN]->(b)', { rows: pairs.slice(i, i + batch) });
  }
  const relMs = performance.now() - t;
  await store.run('DROP CONSTRAINT bench_plain_id IF EXISTS');
  return { nodeMs, relMs };
}

/** Runs the bench; the database must be on loopback (it is wiped). Returns no rows, with a note, when there is no server. */
export async function benchNeo4jIngest(options: IngestBenchOptions): Promise<BenchRow[]> {
  let store: Store;
  try {
    store = await openStore(options.config ?? storeConfig());
  } catch (err) {
    options.log(`neo4j ingest: skipped (${(err as Error).message})`);
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-ingest-'));
  const rows: BenchRow[] = [];
  try {
    if (!loopback(store.config.uri)) throw new Error(`bench wipes the database: refusing ${store.config.uri} (not loopback)`);
    const refDate = new Date('2026-11-25T00:00:00Z');
    const warmDir = join(dir, 'warm-up');
    generate({ nodes: Math.max(MIN_NODES, Math.round(options.nodes / 10)), seed: 12, out: warmDir, refDate });
    const warm = (await loadGraph(warmDir)).graph;
    await wipe(store);
    await writeGraph(store, warm, { input: warmDir });
    await wipe(store);
    await plainLoad(store, warm.mapNodes((_id, n) => nodeRow(n).props), warm.mapEdges((_k, _a, s, t) => [s, t] as [string, string]), DEFAULT_BATCH_SIZE);
    options.log(`neo4j ingest: warmed up on ${warm.order} nodes, ${warm.size} edges`);
    const graphDir = join(dir, 'graph');
    generate({ nodes: options.nodes, seed: 11, out: graphDir, refDate });
    const { graph } = await loadGraph(graphDir);
    const flat = graph.mapNodes((_id, n) => nodeRow(n).props);
    const pairs = graph.mapEdges((_k, _a, s, t) => [s, t] as [string, string]);
    options.log(`neo4j ingest: ${graph.order} nodes, ${graph.size} edges`);
    for (const batchSize of options.batchSizes) {
      await wipe(store);
      const t0 = performance.now();
      let nodesDone = 0;
      const summary = await writeGraph(store, graph, {
        input: graphDir, batchSize, onProgress: (done) => { if (done <= graph.order) nodesDone = performance.now(); },
      });
      const total = performance.now() - t0;
      const nodeMs = nodesDone - t0;
      const relMs = total - nodeMs;
      const t1 = performance.now();
      const again = await writeGraph(store, graph, { input: graphDir, batchSize });
      const reMs = performance.now() - t1;
      if (again.nodes.unchanged !== graph.order || again.edges.unchanged !== graph.size) throw new Error('bench neo4j-ingest: the unchanged re-ingest changed something');
      await wipe(store);
      const plain = await plainLoad(store, flat, pairs, batchSize);
      await wipe(store);
      const note = `batch ${batchSize}; snapshot ${summary.snapshot}, total ${(total / 1000).toFixed(1)} s incl. cleanup`;
      options.log(`neo4j ingest: batch ${batchSize}: nodes ${(nodeMs / 1000).toFixed(1)} s, relationships ${(relMs / 1000).toFixed(1)} s; plain ${(plain.nodeMs / 1000).toFixed(1)} s / ${(plain.relMs / 1000).toFixed(1)} s; unchanged re-ingest ${(reMs / 1000).toFixed(1)} s`);
      rows.push(
        { bench: 'neo4j ingest', figure: `nodes/s (batch ${batchSize})`, value: graph.order / (nodeMs / 1000), unit: 'nodes/s', baseline: flat.length / (plain.nodeMs / 1000), baselineName: 'plain CREATE, same properties', higherIsBetter: true, note },
        { bench: 'neo4j ingest', figure: `relationships/s (batch ${batchSize})`, value: graph.size / (relMs / 1000), unit: 'rels/s', baseline: pairs.length / (plain.relMs / 1000), baselineName: 'plain CREATE', higherIsBetter: true, note: 'target ≥ 50,000 rels/s' },
        { bench: 'neo4j ingest', figure: `unchanged re-ingest s (batch ${batchSize})`, value: reMs / 1000, unit: 's', baseline: total / 1000, baselineName: 'first ingest', higherIsBetter: false, note: `${graph.order + graph.size} items, none written` },
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await store.close();
  }
  return rows;
}
