// `pathwarden diff neo4j:s1 neo4j:s2` against a real Neo4j: the two sample versions written as snapshots give the
// same diff as the directories (snapshots carry no exceptions file, so both sides are compared without one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/analysis/diff.js';
import { loadGraph } from '../../src/analysis/load.js';
import { openStore } from '../../src/store/driver.js';
import { writeGraph } from '../../src/store/write.js';
import { AT, findingTuple, makeAcmeVersions, V1_V2, type AcmeVersions } from '../helpers/acme-versions.js';
import { pathwarden } from '../helpers/exec.js';
import { connectTestNeo4j, resetDatabase } from '../helpers/neo4j.js';

const neo = await connectTestNeo4j();
const ENV_KEYS = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'] as const;

describe.skipIf(!neo.available)('pathwarden diff on Neo4j snapshots', () => {
  if (!neo.available) return;
  let versions: AcmeVersions;
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

  beforeAll(async () => {
    versions = makeAcmeVersions();
    await resetDatabase(neo, { schema: true });
    const store = await openStore({ uri: neo.uri, user: neo.user, password: neo.password, database: neo.database, origin: 'test' });
    try {
      const s1 = await writeGraph(store, (await loadGraph(versions.v1)).graph, { input: versions.v1 });
      const s2 = await writeGraph(store, (await loadGraph(versions.v2)).graph, { input: versions.v2 });
      expect([s1.snapshot, s2.snapshot]).toEqual(['s1', 's2']);
    } finally {
      await store.close();
    }
    // the spawned CLI finds the test server through the environment
    Object.assign(process.env, { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, NEO4J_DATABASE: neo.database });
  }, 120_000);
  afterAll(async () => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    versions?.cleanup();
    await neo.close();
  });

  it('diffs neo4j:s1 against neo4j:s2 exactly as the directories, and against the inventory itself', async () => {
    const run = await pathwarden(['diff', 'neo4j:s1', 'neo4j:s2', '--at', AT, '--format', 'json', '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as DiffReport;
    expect([r.base.snapshot, r.head.snapshot]).toEqual(['s1', 's2']);
    expect(Object.fromEntries(r.graph?.nodes.changed.map((n) => [n.id, n.changes]) ?? [])).toEqual(V1_V2.nodesChanged);
    expect(r.graph?.edges.added.map((e) => e.key)).toEqual(V1_V2.edgesAdded);
    expect(r.graph?.edges.removed.map((e) => e.key)).toEqual(V1_V2.edgesRemoved);
    expect(r.findings.new.map(findingTuple)).toEqual(V1_V2.new);
    expect(r.findings.resolved.map(findingTuple)).toEqual(V1_V2.resolved);
    expect(new Set(r.findings.worsened.map(findingTuple))).toEqual(new Set(V1_V2.worsened));
    expect(new Set(r.findings.improved.map(findingTuple))).toEqual(new Set(V1_V2.improved));
    expect(r.blast.movers.map((m) => [m.id, m.delta])).toEqual(V1_V2.movers);

    const gate = await pathwarden(['diff', 'neo4j:s1', 'neo4j:latest', '--at', AT, '--fail-on', 'critical', '-q']);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('head: neo4j:latest (Neo4j snapshot s2; 304 nodes, 582 edges');
    // a snapshot read back equals the inventory it was written from (no exceptions on either side)
    const same = await pathwarden(['diff', versions.v2, 'neo4j:s2', '--at', AT, '--no-exceptions', '--fail-on', 'info', '-q']);
    expect(same.stdout).toContain('\nno changes\n');
    expect(same.code).toBe(0);
  }, 120_000);

  it('names a missing snapshot without a stack', async () => {
    const r = await pathwarden(['diff', 'neo4j:s1', 'neo4j:s99', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('snapshot s99 does not exist');
  });
});
