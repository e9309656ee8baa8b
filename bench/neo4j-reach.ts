// Baseline (b) of issue #5: the blast radius of every principal asked of the real Neo4j in Cypher, against the
// per-target pass on the same generated estate. The graph goes in as plain nodes and relationships made for the
// query (act-as steps as :STEP, every capability flattened to one :CAP to its model or resource, delegation scopes
// left out): everything that makes the Cypher's job easier. Each sampled principal's query is a variable-length
// match over up to 8 steps, as a user would write it; a query that runs out of time counts as its time limit, so
// the ratio is a lower bound. The totals are extrapolated from the sample, and the bench says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCompact } from '../src/analysis/load.js';
import { findingSources } from '../src/engine/index.js';
import { isStep } from '../src/engine/hops.js';
import { capabilityIndex, reverseSteps, EFFECT } from '../src/engine/reverse-reach.js';
import { targetPass } from '../src/engine/target-pass.js';
import { K } from '../src/engine/kinds.js';
import { ENVIRONMENTS } from '../src/model/index.js';
import { storeConfig, type StoreConfig } from '../src/store/config.js';
import { openStore, type Store } from '../src/store/driver.js';
import { generate } from './gen/generate.js';
import { loopback, wipe } from './neo4j-ingest.js';
import type { BenchRow } from './table.js';

export interface ReachBenchOptions {
  readonly nodes: number;
  /** Principals whose query is timed. */
  readonly sample: number;
  /** Time limit of one query, ms. */
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
  readonly config?: StoreConfig;
}

const BATCH = 10_000;
const PROD = ENVIRONMENTS.indexOf('prod');
const AT = new Date('2026-11-25T12:00:00Z');

/** What one principal reaches that its blast radius counts: models, and resources of tier 0 or 1. */
const QUERY = `MATCH (s:PwReach {i: $source})-[:STEP*0..8]->(h)-[c:CAP]->(t)
WHERE t.model OR (t.tier >= 0 AND t.tier <= 1)
RETURN count(DISTINCT [t.i, c.effect]) AS reached`;

async function load(store: Store, rows: { nodes: unknown[]; steps: number[][]; caps: unknown[][] }): Promise<void> {
  await store.run('CREATE CONSTRAINT pw_reach_i IF NOT EXISTS FOR (n:PwReach) REQUIRE n.i IS UNIQUE');
  for (let i = 0; i < rows.nodes.length; i += BATCH) await store.run('UNWIND $rows AS row CREATE (:PwReach {i: row.i, model: row.model, tier: row.tier})', { rows: rows.nodes.slice(i, i + BATCH) });
  for (let i = 0; i < rows.steps.length; i += BATCH) {
    await store.run('UNWIND $rows AS row MATCH (a:PwReach {i: row[0]}) MATCH (b:PwReach {i: row[1]}) CREATE (a)-[:STEP]->(b)', { rows: rows.steps.slice(i, i + BATCH) });
  }
  for (let i = 0; i < rows.caps.length; i += BATCH) {
    await store.run('UNWIND $rows AS row MATCH (a:PwReach {i: row[0]}) MATCH (b:PwReach {i: row[1]}) CREATE (a)-[:CAP {effect: row[2]}]->(b)', { rows: rows.caps.slice(i, i + BATCH) });
  }
}

/** Runs the bench; the database must be on loopback (it is wiped). Returns no rows, with a note, when there is no server. */
export async function benchNeo4jReach(options: ReachBenchOptions): Promise<BenchRow[]> {
  let store: Store;
  try {
    store = await openStore(options.config ?? storeConfig());
  } catch (err) {
    options.log(`neo4j reach: skipped (${(err as Error).message})`);
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-reach-'));
  try {
    if (!loopback(store.config.uri)) throw new Error(`bench wipes the database: refusing ${store.config.uri} (not loopback)`);
    generate({ nodes: options.nodes, seed: 5, out: dir, refDate: new Date('2026-11-25T00:00:00Z') });
    const { cg } = await loadCompact(dir, { at: AT });
    const rev = reverseSteps(cg);
    const index = capabilityIndex(cg, rev);
    const nodes = Array.from({ length: cg.order }, (_, i) => ({ i, model: cg.nodeKind[i] === K.Model, tier: cg.nodeTier[i] as number }));
    const steps: number[][] = [];
    for (let s = 0; s < cg.size; s++) if (isStep(cg, s)) steps.push([rev.from[s] as number, cg.targets[s] as number]);
    const caps: unknown[][] = [];
    const effects = ['alter', 'invoke', 'access'];
    for (let t = 0; t < cg.order; t++) {
      for (let e = index.starts[t] as number; e < (index.starts[t + 1] as number); e++) {
        // NOTE: only invoke in production counts (an invoke entry's action is its environment).
        if (index.effect[e] === EFFECT.invoke && index.action[e] !== PROD) continue;
        caps.push([rev.from[index.slot[e] as number] as number, t, effects[index.effect[e] as number]]);
      }
    }
    await wipe(store);
    let t0 = performance.now();
    await load(store, { nodes, steps, caps });
    const loadMs = performance.now() - t0;
    options.log(`neo4j reach: ${nodes.length} nodes, ${steps.length} steps, ${caps.length} capabilities loaded in ${(loadMs / 1000).toFixed(1)} s`);
    const sources = findingSources(cg);
    const step = Math.max(1, Math.floor(sources.length / options.sample));
    const sample = sources.filter((_, i) => i % step === 0).slice(0, options.sample);
    const session = store.driver.session(store.config.database ? { database: store.config.database, defaultAccessMode: 'READ' } : { defaultAccessMode: 'READ' });
    let cypherMs = 0;
    let timedOut = 0;
    let reached = 0;
    try {
      // NOTE: one query first, untimed, so the plan cache and JIT are warm for the timed ones.
      await session.run(QUERY, { source: sample[0] ?? 0 }, { timeout: options.timeoutMs }).catch(() => undefined);
      for (const source of sample) {
        t0 = performance.now();
        try {
          const result = await session.run(QUERY, { source }, { timeout: options.timeoutMs });
          reached += Number(result.records[0]?.get('reached') ?? 0);
          cypherMs += performance.now() - t0;
        } catch {
          timedOut++;
          cypherMs += options.timeoutMs;
        }
      }
    } finally {
      await session.close();
    }
    t0 = performance.now();
    targetPass(cg);
    const passMs = performance.now() - t0;
    const extrapolated = (cypherMs / sample.length) * sources.length;
    options.log(`neo4j reach: ${sample.length} principals queried in ${(cypherMs / 1000).toFixed(1)} s (${timedOut} timed out at ${options.timeoutMs / 1000} s), ${reached} targets reached`);
    await wipe(store);
    await store.run('DROP CONSTRAINT pw_reach_i IF EXISTS');
    return [{
      bench: 'neo4j reach', figure: `blast radius of every principal: per-target pass vs Cypher (${cg.order.toLocaleString('en-US')} nodes)`,
      value: passMs / 1000, unit: 's', higherIsBetter: false, baseline: extrapolated / 1000,
      baselineName: `Cypher [:STEP*0..8] per principal, ${sample.length} of ${sources.length.toLocaleString('en-US')} timed, extrapolated`,
      note: `${timedOut} of ${sample.length} queries hit the ${options.timeoutMs / 1000} s limit (counted as the limit: the ratio is a lower bound); scopes left out, capabilities flattened`,
    }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await store.close();
  }
}
