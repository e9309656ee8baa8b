// buildGraph: merging, duplicates, dangling references, endpoint kinds, determinism and idempotence.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../ingest/index.js';
import { buildGraph } from '../../src/graph/build.js';
import { toJsonGraph } from '../../src/graph/export.js';
import type { EdgeKind, EdgeRecord, NodeKind, NodeRecord, PropValue, Records } from '../../src/model/index.js';
import { diagTuples, FIXTURES } from '../ingest/tuples.js';

const node = (kind: NodeKind, id: string, extra: Partial<NodeRecord> = {}, line = 1): NodeRecord => ({
  id, kind, name: id, tags: [], source: 'test', properties: {}, provenance: { source: 'test', file: 'n.csv', line }, ...extra,
});
const edge = (kind: EdgeKind, from: string, to: string, properties: Record<string, PropValue> = {}, line = 1): EdgeRecord => ({
  kind, from, to, source: 'test', properties, provenance: { source: 'test', file: 'e.csv', line },
});
const records = (nodes: NodeRecord[], edges: EdgeRecord[]): Records => ({ nodes, edges, diagnostics: [] });

describe('buildGraph', () => {
  it('is idempotent: the same inventory loaded twice gives the same graph as once', async () => {
    const once = await loadDirectory(`${FIXTURES}/basic`);
    const twice: Records = {
      nodes: [...once.nodes, ...once.nodes], edges: [...once.edges, ...once.edges], diagnostics: [],
    };
    const a = buildGraph(once);
    const b = buildGraph(twice);
    expect(b.diagnostics).toEqual([]);
    expect(toJsonGraph(b.graph)).toEqual(toJsonGraph(a.graph));
    const again = buildGraph(await loadDirectory(`${FIXTURES}/basic`));
    expect(toJsonGraph(again.graph)).toEqual(toJsonGraph(a.graph));
  });

  it('does not depend on input order', () => {
    const nodes = [node('Human', 'h'), node('Role', 'r'), node('Group', 'g')];
    const edges = [edge('CAN_ASSUME', 'h', 'r'), edge('MEMBER_OF', 'h', 'g'), edge('MEMBER_OF', 'r', 'g')];
    const a = buildGraph(records(nodes, edges)).graph;
    const b = buildGraph(records([...nodes].reverse(), [...edges].reverse())).graph;
    expect(b.nodes()).toEqual(a.nodes());
    expect(b.edges()).toEqual(a.edges());
    expect(a.nodes()).toEqual(['g', 'h', 'r']);
  });

  it('keys edges by kind, endpoints and key properties (two actions = two edges)', () => {
    const r = buildGraph(records([node('Human', 'h'), node('Model', 'm')], [
      edge('CAN_ALTER', 'h', 'm', { action: 'train' }), edge('CAN_ALTER', 'h', 'm', { action: 'deploy' }),
    ]));
    expect(r.graph.edges().sort()).toEqual(['h-[CAN_ALTER]->m#action=deploy', 'h-[CAN_ALTER]->m#action=train']);
  });

  it('a duplicate id with another kind is kind-mismatch; the first is kept', () => {
    const r = buildGraph(records([node('Human', 'x', {}, 2), node('ServiceAccount', 'x', {}, 7)], []));
    expect(r.graph.getNodeAttribute('x', 'kind')).toBe('Human');
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'kind-mismatch', 'n.csv', 7, undefined, 'kind']]);
    expect(r.diagnostics[0]?.message).toContain('n.csv:2');
  });

  it('a duplicate edge with different non-key properties is a conflict; identical duplicates merge', () => {
    const r = buildGraph(records([node('Human', 'h'), node('Role', 'r')], [
      edge('CAN_ASSUME', 'h', 'r', { note: 'a' }, 2), edge('CAN_ASSUME', 'h', 'r', { note: 'a' }, 3), edge('CAN_ASSUME', 'h', 'r', { note: 'b' }, 4),
    ]));
    expect(r.graph.size).toBe(1);
    expect(r.graph.getEdgeAttributes('h-[CAN_ASSUME]->r').properties).toEqual({ note: 'a' });
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'duplicate-conflict', 'e.csv', 4, undefined, 'note']]);
  });

  it('rejects edges whose endpoint kinds the spec does not allow', () => {
    const r = buildGraph(records([node('Human', 'h'), node('Resource', 'db', { properties: { tier: 0 } })], [
      edge('CAN_INVOKE', 'h', 'db', {}, 5), edge('CAN_ACCESS', 'db', 'h', { action: 'read' }, 6),
    ]));
    expect(r.graph.size).toBe(0);
    expect(diagTuples(r.diagnostics)).toEqual([
      ['error', 'kind-mismatch', 'e.csv', 5, undefined, 'to'],
      ['error', 'kind-mismatch', 'e.csv', 6, undefined, 'from'],
    ]);
  });

  it('defaults CAN_INVOKE environment to the model environment, else prod', () => {
    const r = buildGraph(records([node('Human', 'h'), node('Model', 'm1', { environment: 'dev' }), node('Model', 'm2')], [
      edge('CAN_INVOKE', 'h', 'm1'), edge('CAN_INVOKE', 'h', 'm2'), edge('CAN_INVOKE', 'h', 'm2', { environment: 'prod' }),
    ]));
    expect(r.graph.edges().sort()).toEqual(['h-[CAN_INVOKE]->m1#environment=dev', 'h-[CAN_INVOKE]->m2#environment=prod']);
    expect(r.diagnostics).toEqual([]);
  });

  it('names JSON records by path in build diagnostics', () => {
    const e: EdgeRecord = { ...edge('MEMBER_OF', 'h', 'nobody'), provenance: { source: 'json-graph', file: 'g.graph.json', path: '$.edges[4]' } };
    const r = buildGraph(records([node('Human', 'h')], [e]));
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'dangling-ref', 'g.graph.json', undefined, undefined, '$.edges[4].to']]);
  });
});
