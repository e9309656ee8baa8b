// The Neo4j store against a real server (never a mock): schema, batched idempotent ingest, versioned snapshots,
// per-source cleanup, interrupted and killed ingests, round trip into the engine, findings write-back.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { analyzeLoaded } from '../../src/analysis/analyze.js';
import { loadGraph } from '../../src/analysis/load.js';
import { toJsonGraph } from '../../src/graph/export.js';
import type { PathwardenGraph } from '../../src/graph/types.js';
import { ConfigError, EDGE_KINDS, NODE_KINDS, NotFoundError, type NodeRecord } from '../../src/model/index.js';
import neo4j from 'neo4j-driver';
import { openStore, Ready, toCypherParams, type Store } from '../../src/store/driver.js';
import { writeResults } from '../../src/store/findings.js';
import { readGraph } from '../../src/store/read.js';
import { ensureSchema } from '../../src/store/schema.js';
import { beginSnapshot, listSnapshots } from '../../src/store/snapshot.js';
import { FileTable } from '../../src/store/files.js';
import { edgeFromFlat, edgeRow, nodeFromFlat, nodeRow } from '../../src/store/records.js';
import { writeGraph } from '../../src/store/write.js';
import { connectTestNeo4j, resetDatabase } from '../helpers/neo4j.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const neo = await connectTestNeo4j();
const AT = new Date('2026-11-25T12:00:00Z');
const json = (g: PathwardenGraph): string => JSON.stringify(toJsonGraph(g));

function small(extra: { dropGrant?: boolean; keyExpiry?: string; evil?: boolean } = {}): PathwardenGraph {
  return graphOf(
    [
      n('AIAgent', 'agent'), n('APIKey', 'key', { created_at: '2025-01-01T00:00:00.000Z', ...(extra.keyExpiry ? { expires_at: extra.keyExpiry } : {}) }),
      n('ServiceAccount', 'sa'), n('Model', 'model', { tier: 0 }), n('OAuthApp', 'app'), n('Human', 'alice'),
      ...(extra.evil ? [n('Resource', "x'}) DETACH DELETE n //", { tier: 0 }, { name: 'MATCH (n) DETACH DELETE n' })] : []),
    ],
    [
      e('HAS_CREDENTIAL', 'agent', 'key'), e('AUTHENTICATES_AS', 'key', 'sa'),
      e('CAN_ALTER', 'sa', 'model', { action: 'deploy' }), e('CAN_INVOKE', 'sa', 'model', { environment: 'prod' }),
      ...(extra.dropGrant ? [] : [e('DELEGATED', 'app', 'alice', { scopes: ['files.read'] })]),
      ...(extra.evil ? [e('CAN_ACCESS', 'sa', "x'}) DETACH DELETE n //", { action: 'admin' })] : []),
    ],
  );
}

/** Every attribute of every node and edge, provenance included, in stored key order. */
const exact = (g: PathwardenGraph): string[] => [
  ...g.nodes().sort().map((id) => JSON.stringify(g.getNodeAttributes(id))),
  ...g.edges().sort().map((k) => JSON.stringify(g.getEdgeAttributes(k))),
];

/** Records with every property type, unsorted property order, provenance with line or path, and odd cases. */
function varied(version = 1): PathwardenGraph {
  const at = (line: number) => ({ source: 'csv-inventory', file: 'inv/identities.csv', line });
  // NOTE: fields in the order ingest builds them (n() puts its overrides last).
  const model: NodeRecord = {
    id: 'm', kind: 'Model', name: 'm', owner: 'ml@x', environment: 'prod', tags: ['b', 'a'], source: 'csv-inventory',
    properties: { tier: version === 1 ? 0 : 2, provider: 'openai', description: 'd' }, provenance: at(7),
  };
  return graphOf(
    [
      model,
      n('APIKey', 'k', { status: 'active', created_at: '2025-01-01T00:00:00.000Z', fingerprint: 'sha256:ab' }, { source: 'csv-inventory', provenance: at(8) }),
      n('AIAgent', 'a', { x_team: 'red', framework: 'f' }, { source: 'json-graph-alt', provenance: { source: 'json-graph', file: 'g.json', path: '$.nodes[2]' } }),
      n('ServiceAccount', 's', {}, { tags: [] }),
    ],
    [
      e('HAS_CREDENTIAL', 'a', 'k'),
      { ...e('CAN_ALTER', 's', 'm', { note: 'n', conditional: version === 1, action: 'deploy', expires_at: '2027-01-01T00:00:00.000Z' }), provenance: at(9) },
      e('CAN_INVOKE', 'a', 'm', { x_ticket: 'T-1', environment: 'prod' }),
      e('DELEGATED', 'a', 's', { scopes: ['files.write', 'files.read'] }),
    ],
  );
}

describe('store records: the flat form gives the record back exactly', () => {
  it('keeps every property type, the property order and the provenance', () => {
    varied().forEachNode((_id, node) => {
      expect(JSON.stringify(nodeFromFlat(nodeRow(node).props))).toBe(JSON.stringify(node));
    });
    varied().forEachEdge((_k, edge) => {
      expect(JSON.stringify(edgeFromFlat(edge.kind, edge.from, edge.to, edgeRow(edge).props))).toBe(JSON.stringify(edge));
    });
    const model = nodeRow(varied().getNodeAttributes('m')).props;
    expect(model).toMatchObject({ tier: 0, tags: ['b', 'a'], _line: 7, _file: 'inv/identities.csv', _porder: '210' });
    expect(model['_doc']).toBeUndefined();
    expect(nodeRow(varied().getNodeAttributes('a')).props).toMatchObject({ _psource: 'json-graph', _path: '$.nodes[2]' });
  });

  it('keeps a whole copy (_doc) of a record the flat form cannot say', () => {
    const clash = n('Human', 'h', { name: 'not the name field' });
    const row = nodeRow(clash);
    expect(row.props['_doc']).toBe(JSON.stringify(clash));
    expect(nodeFromFlat(row.props)).toEqual(clash);
    const odd = { ...e('MEMBER_OF', 'h', 'g'), provenance: { source: 'test', file: 'f', extra: 1 } as never };
    expect(JSON.parse(String(edgeRow(odd).props['_doc']))).toEqual(odd);
  });

  it('stores a provenance file as its number in the file table and reads either form back', () => {
    const files = new FileTable([[4, 'old.csv']]);
    const model = varied().getNodeAttributes('m');
    const row = nodeRow(model, files);
    expect(row.props['_file']).toBe(5);
    expect(files.pathOf(5)).toBe('inv/identities.csv');
    expect(files.numberOf('inv/identities.csv')).toBe(5);
    expect(files.takeAdded()).toEqual([[5, 'inv/identities.csv']]);
    expect(files.takeAdded()).toEqual([]);
    expect(row.hash).toBe(nodeRow(model).hash);
    expect(JSON.stringify(nodeFromFlat(row.props, files))).toBe(JSON.stringify(model));
    // A store written before the table holds the path itself.
    expect(nodeFromFlat({ ...row.props, _file: 'inv/identities.csv' }).provenance.file).toBe('inv/identities.csv');
    expect(() => nodeFromFlat({ ...row.props, _file: 9 }, files)).toThrow(/file number 9 is not in the store's file table/);
  });
});

describe('store parameters: what the driver is given', () => {
  it('makes whole numbers driver integers at any depth, copies only what changes, and passes Ready values as they are', () => {
    const plain = { rows: [['a', null, true, 1.5, ['x']]], name: 's' };
    expect(toCypherParams(plain)).toBe(plain);
    const mixed = { rows: [['a', 2], ['b', 2.5]], seq: 3 };
    const out = toCypherParams(mixed) as { rows: unknown[][]; seq: unknown };
    expect(out).not.toBe(mixed);
    expect(neo4j.isInt(out.seq) && neo4j.isInt(out.rows[0]?.[1])).toBe(true);
    expect(out.rows[1]).toBe(mixed.rows[1]);
    expect(mixed.rows[0]?.[1]).toBe(2);
    const ready = [[7, 'z']];
    expect(toCypherParams(new Ready(ready))).toBe(ready);
    const big = neo4j.int(2 ** 40);
    expect(toCypherParams([big])).toEqual([big]);
  });
});

describe.skipIf(!neo.available)(`Neo4j store (${neo.available ? neo.agent : 'no server'})`, () => {
  if (!neo.available) return;
  let store: Store;
  const count = async (cypher: string): Promise<number> => Number((await store.run(cypher, {}, 'read'))[0]?.get(0));

  beforeEach(async () => {
    await store?.close();
    await resetDatabase(neo, { schema: true });
    store = await openStore({ uri: neo.uri, user: neo.user, password: neo.password, database: neo.database, origin: 'test' });
  });
  afterAll(async () => {
    await store?.close();
    await neo.close();
  });

  it('creates a uniqueness constraint per node kind, idempotently, and drops the relationship-key constraints of the earlier layout', async () => {
    await store.run('CREATE CONSTRAINT pw_rel_can_assume_key IF NOT EXISTS FOR ()-[r:CAN_ASSUME]-() REQUIRE r._key IS UNIQUE');
    await ensureSchema(store);
    const again = await openStore({ uri: neo.uri, user: neo.user, password: neo.password, database: neo.database, origin: 'test' });
    await ensureSchema(again);
    await again.close();
    const names = (await store.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names', {}, 'read'))[0]?.get('names') as string[];
    for (const kind of NODE_KINDS) expect(names).toContain(`pw_${kind.toLowerCase()}_id`);
    for (const kind of EDGE_KINDS) expect(names).not.toContain(`pw_rel_${kind.toLowerCase()}_key`);
    expect(names).toContain('pw_node_id');
  });

  it('ingests the sample with one label per kind and one type per edge kind; a re-run changes nothing', async () => {
    const { graph } = await loadGraph('examples/acme');
    const first = await writeGraph(store, graph, { input: 'examples/acme', batchSize: 100 });
    expect(first.nodes).toEqual({ created: 304, changed: 0, unchanged: 0, retired: 0 });
    expect(first.edges).toEqual({ created: 582, changed: 0, unchanged: 0, retired: 0 });
    expect(await count('MATCH (n:PWNode) RETURN count(n)')).toBe(graph.order);
    expect(await count('MATCH (:PWNode)-[r]->(:PWNode) RETURN count(r)')).toBe(graph.size);
    expect(await count('MATCH (n:AIAgent) RETURN count(n)')).toBe(graph.filterNodes((_id, a) => a.kind === 'AIAgent').length);
    expect(await count('MATCH ()-[r:CAN_ALTER]->() RETURN count(r)')).toBe(graph.filterEdges((_k, a) => a.kind === 'CAN_ALTER').length);
    const second = await writeGraph(store, graph, { input: 'examples/acme' });
    expect(second.nodes).toEqual({ created: 0, changed: 0, unchanged: 304, retired: 0 });
    expect(second.edges).toEqual({ created: 0, changed: 0, unchanged: 582, retired: 0 });
    expect(await count('MATCH (n:PWNode) RETURN count(n)')).toBe(graph.order);
    expect(await count('MATCH (:PWNode)-[r]->(:PWNode) RETURN count(r)')).toBe(graph.size);
    expect(json((await readGraph(store)).graph)).toBe(json(graph));
    expect((await listSnapshots(store)).map((s) => [s.id, s.status])).toEqual([['s2', 'complete'], ['s1', 'complete']]);
  });

  it('retires what a clean source no longer reports, keeps it in older snapshots, and versions changed items', async () => {
    await writeGraph(store, small(), { input: 'v1' });
    const v2 = await writeGraph(store, small({ dropGrant: true, keyExpiry: '2027-01-01T00:00:00.000Z' }), { input: 'v2' });
    expect(v2.edges.retired).toBe(1);
    expect(v2.nodes.changed).toBe(1);
    expect(await count('MATCH ()-[r:DELEGATED]->() RETURN count(r)')).toBe(0);
    expect(json((await readGraph(store)).graph)).toBe(json(small({ dropGrant: true, keyExpiry: '2027-01-01T00:00:00.000Z' })));
    expect(json((await readGraph(store, 1)).graph)).toBe(json(small()));
    // The grant comes back: a new relationship, history of the old one kept.
    await writeGraph(store, small(), { input: 'v3' });
    expect(json((await readGraph(store)).graph)).toBe(json(small()));
    expect(json((await readGraph(store, 2)).graph)).toBe(json(small({ dropGrant: true, keyExpiry: '2027-01-01T00:00:00.000Z' })));
  });

  it('reads open versions from flat properties and closed ones from documents, exactly, for every snapshot', async () => {
    const first = await writeGraph(store, varied(1), { input: 'v1', batchSize: 2 });
    expect([first.nodes.created, first.edges.created]).toEqual([4, 4]);
    const second = await writeGraph(store, varied(2), { input: 'v2' });
    expect([second.nodes.changed, second.edges.changed, second.nodes.unchanged, second.edges.unchanged]).toEqual([1, 1, 3, 3]);
    // Every source reports again, without the model and without any edge: those are retired.
    const v3 = graphOf(varied().filterNodes((id) => id !== 'm').map((id) => varied().getNodeAttributes(id)), []);
    const third = await writeGraph(store, v3, { input: 'v3' });
    // NOTE: the two edges on the model are retired with it (counted as the node's), the other two by source.
    expect([third.nodes.retired, third.edges.retired]).toEqual([1, 2]);
    expect(await count('MATCH (x:PWRetiredEdge) RETURN count(x)')).toBe(4);
    expect(exact((await readGraph(store, 1)).graph)).toEqual(exact(varied(1)));
    expect(exact((await readGraph(store, 2)).graph)).toEqual(exact(varied(2)));
    expect(exact((await readGraph(store)).graph)).toEqual(exact(v3));
    // Only closed versions carry a document; what Neo4j Browser users query stays flat.
    expect(await count("MATCH (n:PWRetired {id: 'm'}) RETURN size(n._v_doc)")).toBe(1);
    expect(await count("MATCH (n:PWNode {id: 'k'}) RETURN count(n._v_doc) + count(n._doc)")).toBe(0);
    expect(await count("MATCH (n:PWRetired {id: 'm'}) WHERE n.tier = 2 AND n._v_close = 3 RETURN count(n)")).toBe(1);
    expect(await count("MATCH (x:PWRetiredEdge {_kind: 'CAN_ALTER'}) WHERE x.conditional = false AND x.action = 'deploy' RETURN count(x)")).toBe(1);
  });

  it('an unchanged re-run writes nothing: every stored property is as before; the old per-run index is dropped', async () => {
    await store.run('CREATE INDEX pw_node_source IF NOT EXISTS FOR (n:PWNode) ON (n.source, n._last_seen)');
    await writeGraph(store, varied(1), { input: 'v1' });
    const stored = async (): Promise<string[]> => [
      ...(await store.run('MATCH (n:PWNode) RETURN properties(n) AS p', {}, 'read')).map((r) => JSON.stringify(r.get('p'))),
      ...(await store.run('MATCH ()-[r]->() RETURN type(r) AS t, properties(r) AS p', {}, 'read')).map((r) => JSON.stringify([r.get('t'), r.get('p')])),
    ].sort();
    const before = await stored();
    const again = await writeGraph(store, varied(1), { input: 'v2' });
    expect([again.nodes.unchanged, again.edges.unchanged, again.nodes.created, again.edges.created]).toEqual([4, 4, 0, 0]);
    expect(await stored()).toEqual(before);
    expect(before.filter((p) => p.includes('_last_seen'))).toEqual([]);
    const indexes = (await store.run('SHOW INDEXES YIELD name RETURN collect(name) AS names', {}, 'read'))[0]?.get('names') as string[];
    expect(indexes.filter((name) => name === 'pw_node_source' || name.endsWith('_seen'))).toEqual([]);
    expect(exact((await readGraph(store)).graph)).toEqual(exact(varied(1)));
  });

  it('stores no hash on a relationship whose key says everything, and versions it when its source changes', async () => {
    await writeGraph(store, small(), { input: 'v1' });
    const hashed = async (): Promise<string[]> => (await store.run('MATCH ()-[r]->() WHERE r._hash IS NOT NULL RETURN type(r) AS t ORDER BY t', {}, 'read'))
      .map((r) => String(r.get('t')));
    // NOTE: DELEGATED's scopes are outside its (empty) key; the others have only key properties or none.
    expect(await hashed()).toEqual(['DELEGATED']);
    const moved = graphOf(small().mapNodes((_id, a) => a), small().mapEdges((_k, a) => (a.kind === 'CAN_ALTER' ? { ...a, source: 'other' } : a)));
    const again = await writeGraph(store, moved, { input: 'v2' });
    expect([again.edges.changed, again.edges.unchanged]).toEqual([1, 4]);
    expect(json((await readGraph(store)).graph)).toBe(json(moved));
    expect(json((await readGraph(store, 1)).graph)).toBe(json(small()));
    // A key-only relationship that still holds a hash from an earlier layout is not rewritten for it.
    await store.run("MATCH ()-[r:HAS_CREDENTIAL]->() SET r._hash = 'feedfacefeedface'");
    const third = await writeGraph(store, moved, { input: 'v3' });
    expect([third.edges.changed, third.edges.unchanged]).toEqual([0, 5]);
  });

  it('stores file and line numbers and integer properties as integers, and only the properties each record sets', async () => {
    // NOTE: one batch holds records that set different properties (each set is its own statement), and a kind's
    // relationships are written grouped by start node; neither may change what is stored.
    await writeGraph(store, varied(1), { input: 'v1', batchSize: 1000 });
    const types = async (cypher: string): Promise<string[]> => (await store.run(cypher, {}, 'read')).map((r) => String(r.get(0))).sort();
    expect(await types("MATCH (n:PWNode {id: 'm'}) UNWIND keys(n) AS k RETURN k + ' ' + valueType(n[k])")).toEqual([
      '_file INTEGER NOT NULL', '_hash STRING NOT NULL', '_line INTEGER NOT NULL', '_porder STRING NOT NULL', '_v_open INTEGER NOT NULL',
      'description STRING NOT NULL', 'environment STRING NOT NULL', 'id STRING NOT NULL', 'kind STRING NOT NULL', 'name STRING NOT NULL',
      'owner STRING NOT NULL', 'provider STRING NOT NULL', 'source STRING NOT NULL', 'tags LIST<STRING NOT NULL> NOT NULL', 'tier INTEGER NOT NULL',
    ]);
    expect(await types("MATCH ()-[r:CAN_ALTER]->() UNWIND keys(r) AS k RETURN k + ' ' + valueType(r[k])")).toEqual([
      '_file INTEGER NOT NULL', '_hash STRING NOT NULL', '_line INTEGER NOT NULL', '_porder STRING NOT NULL', '_psource STRING NOT NULL',
      '_v_open INTEGER NOT NULL', 'action STRING NOT NULL', 'conditional BOOLEAN NOT NULL', 'expires_at STRING NOT NULL', 'note STRING NOT NULL', 'source STRING NOT NULL',
    ]);
    expect(await types("MATCH ()-[r:HAS_CREDENTIAL]->() UNWIND keys(r) AS k RETURN k")).toEqual(['_v_open', 'source']);
    expect(exact((await readGraph(store)).graph)).toEqual(exact(varied(1)));
  });

  it('keeps what a source with rejected rows no longer reports (no cleanup after partial input)', async () => {
    await writeGraph(store, small(), { input: 'v1' });
    const partial = await writeGraph(store, small({ dropGrant: true }), { input: 'v2', partialSources: ['test'] });
    expect(partial.skippedCleanup).toEqual(['test']);
    expect(partial.edges.retired).toBe(0);
    expect((await readGraph(store)).graph.size).toBe(small().size);
  });

  it('an ingest that fails half-way is abandoned and leaves the previous snapshot complete and intact', async () => {
    await writeGraph(store, small(), { input: 'v1' });
    await expect(writeGraph(store, small({ dropGrant: true, keyExpiry: '2027-01-01T00:00:00.000Z' }), { input: 'v2', batchSize: 1, failAfterBatches: 3 }))
      .rejects.toThrow(/failAfterBatches/);
    expect((await listSnapshots(store)).map((s) => [s.id, s.status])).toEqual([['s2', 'abandoned'], ['s1', 'complete']]);
    const back = await readGraph(store);
    expect(back.snapshot.id).toBe('s1');
    expect(json(back.graph)).toBe(json(small()));
    await expect(readGraph(store, 2)).rejects.toThrow(NotFoundError);
    const v3 = await writeGraph(store, small({ dropGrant: true }), { input: 'v3' });
    expect(json((await readGraph(store)).graph)).toBe(json(small({ dropGrant: true })));
    expect(v3.snapshot).toBe('s3');
  });

  it('a killed ingest process leaves the previous snapshot intact, and the next ingest takes over at once', async () => {
    await writeGraph(store, (await loadGraph('examples/acme')).graph, { input: 'examples/acme' });
    const dir = mkdtempSync(join(tmpdir(), 'pw-kill-'));
    try {
      cpSync('examples/acme', dir, { recursive: true });
      const identities = join(dir, 'identities.csv');
      writeFileSync(identities, readFileSync(identities, 'utf8').replaceAll('@acme.example', '@acme.test'));
      const child = spawn(process.execPath, ['bin/pathwarden.js', 'ingest', dir, '--neo4j', '--batch-size', '5', '-q'], {
        env: { ...process.env, NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, NEO4J_DATABASE: neo.database },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      for (let i = 0; i < 400; i++) {
        if (await count("MATCH (n:PWNode) WHERE n.owner ENDS WITH '@acme.test' RETURN count(n)") >= 10) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      child.kill('SIGKILL');
      await exited;
      expect(await count("MATCH (n:PWNode) WHERE n.owner ENDS WITH '@acme.test' RETURN count(n)")).toBeGreaterThanOrEqual(10);
      const back = await readGraph(store);
      expect(back.snapshot.id).toBe('s1');
      expect(json(back.graph)).toBe(json((await loadGraph('examples/acme')).graph));
      const next = await writeGraph(store, (await loadGraph(dir)).graph, { input: dir });
      expect(next.snapshot).toBe('s3');
      expect((await listSnapshots(store)).map((s) => s.status)).toEqual(['complete', 'abandoned', 'complete']);
      expect(json((await readGraph(store)).graph)).toBe(json((await loadGraph(dir)).graph));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to read or write a store written in another layout, naming the fix', async () => {
    await writeGraph(store, small(), { input: 'v1' });
    await store.run("MATCH (f:PWMeta {id: 'format'}) SET f.version = 1");
    await expect(readGraph(store)).rejects.toThrow(/store format 1; this pathwarden reads formats 2 and 3 and writes format 3: .*neo4j:reset/);
    await expect(writeGraph(store, small(), { input: 'v2' })).rejects.toThrow(ConfigError);
    await store.run("MATCH (f:PWMeta {id: 'format'}) DELETE f");
    await expect(readGraph(store)).rejects.toThrow(/store format 1;/);
  });

  it('keeps each provenance file once (PWFile) and reads a store whose items still hold paths', async () => {
    await writeGraph(store, varied(), { input: 'files' });
    expect(await count('MATCH (f:PWFile) RETURN count(f)')).toBe(2);
    expect(await count("MATCH (:PWNode {id: 'm'})<-[r:CAN_ALTER]-() MATCH (f:PWFile {n: r._file}) WHERE f.path = 'inv/identities.csv' RETURN count(f)")).toBe(1);
    // A format-2 store: paths on the items themselves.
    await store.run("MATCH (n:PWNode) WHERE n._file IS NOT NULL MATCH (f:PWFile {n: n._file}) SET n._file = f.path");
    await store.run("MATCH ()-[r]->() WHERE r._file IS NOT NULL MATCH (f:PWFile {n: r._file}) SET r._file = f.path");
    await store.run("MATCH (f:PWMeta {id: 'format'}) SET f.version = 2");
    expect(json((await readGraph(store)).graph)).toBe(json(varied()));
    await writeGraph(store, varied(), { input: 'files again' });
    expect(await count("MATCH (f:PWMeta {id: 'format'}) RETURN f.version")).toBe(3);
    expect(await count('MATCH (f:PWFile) RETURN count(f)')).toBe(2);
    expect(json((await readGraph(store)).graph)).toBe(json(varied()));
  });

  it('refuses a second writer while a live one holds the lease', async () => {
    await beginSnapshot(store, 'first', ['test']);
    await expect(beginSnapshot(store, 'second', ['test'])).rejects.toThrow(ConfigError);
  });

  it('stores hostile ids and names as data, never as Cypher', async () => {
    await writeGraph(store, small({ evil: true }), { input: 'evil' });
    expect(await count('MATCH (n:PWNode) RETURN count(n)')).toBe(small({ evil: true }).order);
    expect(json((await readGraph(store)).graph)).toBe(json(small({ evil: true })));
  });

  it('analysing a snapshot read back gives the same findings as analysing the files; results are written back', async () => {
    const files = await loadGraph('examples/acme');
    await writeGraph(store, files.graph, { input: 'examples/acme' });
    const stored = await readGraph(store);
    const fromFiles = await analyzeLoaded(files, { at: AT });
    const fromStore = await analyzeLoaded({ dir: 'neo4j:s1', graph: stored.graph, files: [], diagnostics: [] }, { at: AT, exceptions: 'examples/acme/exceptions.csv' });
    const summary = (fs: typeof fromFiles.findings) => fs.map((f) => `${f.id} ${f.severity} ${f.score} ${f.pathSets.map((s) => s.paths.length).join('/')}`);
    expect(summary(fromStore.findings)).toEqual(summary(fromFiles.findings));
    expect(summary(fromStore.suppressed)).toEqual(summary(fromFiles.suppressed));
    const written = await writeResults(store, { at: fromStore.at, snapshot: 's1', findings: fromStore.findings, suppressed: fromStore.suppressed, blast: fromStore.blast });
    expect(written.findings).toBe(fromFiles.findings.length + fromFiles.suppressed.length);
    expect(await count('MATCH (f:Finding)-[:FINDING_SOURCE]->(:PWNode) RETURN count(f)')).toBe(written.findings);
    expect(await count('MATCH (f:Finding {suppressed: true})-[:FINDING_TARGET]->(:PWNode) RETURN count(f)')).toBe(fromFiles.suppressed.length);
    const top = [...fromStore.blast].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const rows = await store.run('MATCH (n:PWNode) WHERE n.blast_radius IS NOT NULL RETURN n.id AS id ORDER BY n.blast_radius DESC, n.id LIMIT 1', {}, 'read');
    expect(rows[0]?.get('id')).toBe(top?.[0]);
  });
});
