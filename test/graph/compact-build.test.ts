// CompactBuilder against its oracle toCompact(buildGraph(records)): every CompactGraph field, every edge key, every
// lookup answer and the diagnostics, on examples/acme, on seeded random record sets and on hand-written cases.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../ingest/index.js';
import { toCompact, type CompactGraph } from '../../src/engine/compact.js';
import { buildGraph } from '../../src/graph/build.js';
import { buildCompact, CompactBuilder, type CompactBuild } from '../../src/graph/compact-build.js';
import { Column } from '../../src/graph/compact-build-columns.js';
import { graphLookup } from '../../src/graph/lookup.js';
import {
  EDGE_SPECS, EngineError, NODE_KINDS, ACCESS_ACTIONS, ALTER_ACTIONS,
  type Diagnostic, type EdgeKind, type EdgeRecord, type NodeKind, type NodeRecord, type PropValue, type Records,
} from '../../src/model/index.js';

const AT = new Date('2026-06-01T00:00:00Z');

const FIELDS = [
  'order', 'size', 'at', 'ids', 'nodeKind', 'nodeTier', 'nodeEnv', 'active', 'starts', 'targets', 'edgeKind', 'edgeAction',
  'edgeScope', 'edgeScopeSet', 'scopeNames', 'scopeSets',
] as const satisfies readonly (keyof CompactGraph)[];

function sortedDiagnostics(d: readonly Diagnostic[]): string[] {
  return d.map((x) => JSON.stringify(x, Object.keys(x).sort())).sort();
}

/** Asserts that `got` equals the oracle in every field, edge key, lookup answer and diagnostic. */
function expectOracle(records: Records, got: CompactBuild, at = AT): void {
  const ref = buildGraph(records);
  const cg = toCompact(ref.graph, { at });
  for (const field of FIELDS) expect(got.cg[field], field).toEqual(cg[field]);
  expect([...got.cg.indexOf].sort((a, b) => a[1] - b[1])).toEqual([...cg.indexOf]);
  for (let s = 0; s < cg.size; s++) expect(got.cg.edgeKey(s)).toBe(cg.edgeKey(s));
  const want = graphLookup(ref.graph, cg);
  expect([got.lookup.nodeCount, got.lookup.edgeCount]).toEqual([want.nodeCount, want.edgeCount]);
  for (const id of cg.ids) {
    expect(got.lookup.hasNode(id)).toBe(true);
    expect(got.lookup.node(id)).toEqual(want.node(id));
    expect(got.lookup.credentialHolders(id), id).toEqual(want.credentialHolders(id));
  }
  for (let s = 0; s < cg.size; s++) expect(got.lookup.slot(s), `slot ${s}`).toEqual(want.slot(s));
  expect(sortedDiagnostics(got.diagnostics)).toEqual(sortedDiagnostics(ref.diagnostics));
}

/** Feeds all edges before any node (the order records may arrive in across files). */
function buildEdgesFirst(records: Records, at = AT): CompactBuild {
  const builder = new CompactBuilder({ at });
  for (const e of records.edges) builder.edge(e);
  for (const n of records.nodes) builder.node(n);
  return builder.finish();
}

// --- seeded random records ----------------------------------------------------------------------------------------

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRecords(seed: number): Records {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const chance = (p: number): boolean => r() < p;
  const day = (offset: number): string => new Date(AT.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const prov = (): NodeRecord['provenance'] => chance(0.15)
    ? { source: 'json-graph', file: 'g.graph.json', path: `$.x[${Math.floor(r() * 1000)}]` }
    : chance(0.05) ? { source: 'test' } : { source: 'csv-inventory', file: pick(['a.csv', 'b.csv']), line: 1 + Math.floor(r() * 500) };
  const count = 5 + Math.floor(r() * 40);
  const kinds = new Map<string, NodeKind>();
  const ids = Array.from({ length: count }, (_, i) => pick(['n', 'N', 'é', 'a/b', '_']) + String(i));
  const nodes: NodeRecord[] = [];
  const makeNode = (id: string, kind: NodeKind): NodeRecord => {
    const properties: Record<string, PropValue> = {};
    if (chance(0.3)) properties['tier'] = pick([0, 2, 4, 7, '1', 'x']);
    if (chance(0.5)) properties['status'] = pick(['active', 'revoked', 'disabled']);
    if (chance(0.4)) properties['expires_at'] = day(pick([-5, 0, 5, 400]));
    if (chance(0.3)) properties['created_at'] = pick([day(-400), day(3), 'not-a-date']);
    const environment = chance(0.7) ? pick(['prod', 'staging', 'dev'] as const) : undefined;
    return {
      id, kind, name: id, tags: chance(0.3) ? ['b', 'a'] : [], source: 'test', properties, provenance: prov(),
      ...(environment ? { environment } : {}), ...(chance(0.3) ? { owner: 'o@x' } : {}),
    };
  };
  for (const id of ids) {
    if (chance(0.1)) continue; // referenced by edges only: dangling
    const kind = pick(NODE_KINDS);
    kinds.set(id, kind);
    const node = makeNode(id, kind);
    nodes.push(node);
    if (chance(0.1)) nodes.push({ ...node, provenance: prov() }); // identical duplicate
    if (chance(0.08)) nodes.push({ ...node, name: `${id}-other`, provenance: prov() }); // conflicting duplicate
    if (chance(0.05)) nodes.push(makeNode(id, pick(NODE_KINDS))); // kind mismatch (or a differing duplicate)
  }
  const edges: EdgeRecord[] = [];
  const byKind = (allowed: readonly string[]): string => {
    const fit = ids.filter((id) => allowed.includes(kinds.get(id) as string));
    return fit.length > 0 && chance(0.85) ? pick(fit) : pick(ids);
  };
  for (let i = 0; i < count * 4; i++) {
    const spec = pick(EDGE_SPECS);
    const from = chance(0.03) ? 'ghost' : byKind(spec.from);
    const to = chance(0.03) ? from : byKind(spec.to);
    const properties: Record<string, PropValue> = {};
    if (spec.kind === 'CAN_ALTER' && chance(0.9)) properties['action'] = pick(ALTER_ACTIONS.slice(0, 3));
    if (spec.kind === 'CAN_ACCESS' && chance(0.9)) properties['action'] = pick(ACCESS_ACTIONS);
    if (spec.kind === 'CAN_INVOKE' && chance(0.5)) properties['environment'] = pick(['prod', 'staging', 'dev']);
    if (spec.kind === 'DELEGATED' && chance(0.7)) properties['scopes'] = pick([[], ['b', 'a', 'b'], ['files.*'], ['a', 'b']]);
    if (chance(0.2)) properties['scope'] = pick(['files.read', ' invoke ', 'x']);
    if (chance(0.2)) properties['expires_at'] = day(pick([-3, 30]));
    if (chance(0.1)) properties['created_at'] = day(pick([-30, 2]));
    if (chance(0.1)) properties['note'] = pick(['a', 'b']);
    const edge: EdgeRecord = { kind: spec.kind as EdgeKind, from, to, source: 'test', properties, provenance: prov() };
    edges.push(edge);
    if (chance(0.15)) edges.push({ ...edge, provenance: prov() }); // identical duplicate
    if (chance(0.1)) edges.push({ ...edge, properties: { ...properties, note: 'changed', ...(chance(0.5) ? { via: 'env' } : {}) }, provenance: prov() });
  }
  // NOTE: shuffled, so duplicates may come before what they duplicate and edges before their nodes.
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  };
  return { nodes: shuffle(nodes), edges: shuffle(edges), diagnostics: [] };
}

// --- hand-written records -------------------------------------------------------------------------------------------

const node = (kind: NodeKind, id: string, extra: Partial<NodeRecord> = {}, line = 1): NodeRecord => ({
  id, kind, name: id, tags: [], source: 'test', properties: {}, provenance: { source: 'test', file: 'n.csv', line }, ...extra,
});
const edge = (kind: EdgeKind, from: string, to: string, properties: Record<string, PropValue> = {}, line = 1): EdgeRecord => ({
  kind, from, to, source: 'test', properties, provenance: { source: 'test', file: 'e.csv', line },
});

describe('buildCompact equals toCompact(buildGraph)', () => {
  it('on examples/acme (nodes first and edges first)', async () => {
    const records = await loadDirectory('examples/acme');
    const got = buildCompact(records, { at: AT });
    expect(got.cg.order).toBeGreaterThan(20);
    expectOracle(records, got);
    expectOracle(records, buildEdgesFirst(records));
  });

  it.each(Array.from({ length: 80 }, (_, i) => i + 1))('on random records, seed %i', (seed) => {
    const records = randomRecords(seed);
    expectOracle(records, buildCompact(records, { at: AT }));
    expectOracle(records, buildEdgesFirst(records));
  });

  it('fills a CAN_INVOKE environment from a model that arrives after the edge, and dedupes against explicit ones', () => {
    const records: Records = {
      nodes: [node('Human', 'h'), node('Model', 'm', { environment: 'staging' }), node('Model', 'p')],
      edges: [
        edge('CAN_INVOKE', 'h', 'm', {}, 2), edge('CAN_INVOKE', 'h', 'm', { environment: 'staging', note: 'x' }, 3),
        edge('CAN_INVOKE', 'h', 'p', {}, 4), edge('CAN_INVOKE', 'h', 'p', { environment: 'prod' }, 5),
      ],
      diagnostics: [],
    };
    const got = buildEdgesFirst(records);
    expect(Array.from({ length: got.cg.size }, (_, s) => got.cg.edgeKey(s)))
      .toEqual(['h-[CAN_INVOKE]->m#environment=staging', 'h-[CAN_INVOKE]->p#environment=prod']);
    expect(got.lookup.slot(0)).toEqual({ kind: 'CAN_INVOKE', from: 'h', to: 'm', qualifier: 'staging', file: 'e.csv', line: 2 });
    expect(got.diagnostics.map((d) => [d.code, d.line, d.field])).toEqual([['duplicate-conflict', 3, 'note']]);
    expectOracle(records, got);
  });

  it('keeps the first of conflicting duplicates in arrival order and reports each later one against it', () => {
    const records: Records = {
      nodes: [node('Human', 'h'), node('Role', 'r'), node('Human', 'h', { owner: 'x' }, 9), node('Role', 'h', {}, 10)],
      edges: [
        edge('CAN_ASSUME', 'h', 'r', { note: 'b' }, 7), edge('CAN_ASSUME', 'h', 'r', { note: 'a' }, 3),
        edge('CAN_ASSUME', 'h', 'r', { note: 'b' }, 8), edge('CAN_ASSUME', 'h', 'r', { note: 'c', via: 'v' }, 4),
      ],
      diagnostics: [],
    };
    const got = buildCompact(records, { at: AT });
    expect(got.lookup.slot(0).line).toBe(7);
    expect(got.diagnostics.map((d) => [d.code, d.line, d.field]).sort()).toEqual([
      ['duplicate-conflict', 3, 'note'], ['duplicate-conflict', 4, 'note'], ['duplicate-conflict', 9, 'id'], ['kind-mismatch', 10, 'kind'],
    ]);
    expectOracle(records, got);
  });

  it('drops self-loops, dangling and wrong-kind edges; leaves revoked credentials and expired edges out of slots only', () => {
    const records: Records = {
      nodes: [
        node('Human', 'h'), node('Role', 'r'), node('APIKey', 'k', { properties: { status: 'revoked' } }),
        node('ServiceAccount', 's'),
      ],
      edges: [
        edge('CAN_ASSUME', 'h', 'h'), edge('CAN_ASSUME', 'h', 'ghost'), edge('CAN_ASSUME', 'h', 'k', {}, 3),
        edge('HAS_CREDENTIAL', 'h', 'k'), edge('AUTHENTICATES_AS', 'k', 's'),
        edge('CAN_ASSUME', 'h', 'r', { expires_at: '2026-01-01' }), edge('CAN_ASSUME', 's', 'r'),
      ],
      diagnostics: [],
    };
    const got = buildCompact(records, { at: AT });
    expect([got.lookup.nodeCount, got.lookup.edgeCount, got.cg.size]).toEqual([4, 4, 1]);
    expect(got.cg.edgeKey(0)).toBe('s-[CAN_ASSUME]->r');
    expect(got.lookup.credentialHolders('k')).toEqual({ holders: 1, environments: [] });
    expect(got.diagnostics.map((d) => [d.code, d.field]).sort()).toEqual([['bad-value', 'to'], ['dangling-ref', 'to'], ['kind-mismatch', 'to']]);
    expectOracle(records, got);
  });

  it('is empty for no records, and refuses use after finish', () => {
    const builder = new CompactBuilder({ at: AT });
    const got = builder.finish();
    expect([got.cg.order, got.cg.size, [...got.cg.starts], got.cg.scopeNames]).toEqual([0, 0, [0], ['']]);
    expect(() => builder.node(node('Human', 'h'))).toThrow(EngineError);
    expect(() => got.lookup.node('h')).toThrow(EngineError);
  });
});

describe('Column (chunked edge storage)', () => {
  it('keeps every value across chunk boundaries and widens to 32 bits at the first value that needs it', () => {
    const column = new Column(2, true);
    const values = Array.from({ length: 150_000 }, (_, i) => (i === 100_001 ? 70_000 + i : (i * 7) % 65_536));
    for (const v of values) column.push(v);
    const sealed = column.seal();
    expect(sealed).toBeInstanceOf(Uint32Array);
    expect(Array.from(sealed)).toEqual(values);
  });

  it('stays narrow when values fit, and a fixed-width column refuses a value too wide', () => {
    const column = new Column(2, true);
    for (let i = 0; i < 3; i++) column.push(65_535 - i);
    expect(column.seal()).toEqual(Uint16Array.from([65_535, 65_534, 65_533]));
    expect(() => new Column(1).push(256)).toThrow(RangeError);
  });
});
