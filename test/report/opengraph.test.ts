// OpenGraph export (src/graph/opengraph.ts): valid against BloodHound's published schemas (test/fixtures/opengraph)
// plus the documented rules they do not encode, the exact document of a tiny graph, and the extension definition.
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyzeDirectory, analyzeLoaded } from '../../src/analysis/analyze.js';
import { loadGraph } from '../../src/analysis/load.js';
import {
  OPENGRAPH_BASE_KIND, fromOpenGraphId, toOpenGraph, toOpenGraphExtension, toOpenGraphId, type OpenGraphDocument, type OpenGraphFindings,
} from '../../src/graph/opengraph.js';
import { EDGE_KINDS, EDGE_SPECS, NODE_KINDS } from '../../src/model/index.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

// NOTE: ajv comes with fastify and is a devDependency; CommonJS with a default export.
const Ajv = AjvModule.default;
const AT = new Date('2026-03-01T00:00:00Z');
const EVERY_KIND = 'test/fixtures/opengraph/every-kind';

function schema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/opengraph/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

function compile(name: string): (doc: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema(name));
  return (doc) => (check(doc) ? [] : (check.errors ?? []).map((x) => `${name}${x.instancePath} ${x.message ?? ''}`));
}

const NODE = compile('opengraph-node.json');
const EDGE = compile('opengraph-edge.json');
const METADATA = compile('opengraph-metadata.json');
const EXTENSION = compile('opengraph-extension-payload.json');

/**
 * Every problem BloodHound's upload would have with a payload: the outer shape (Graph Data Overview), metadata,
 * each node and edge against its schema, and the documented rules the schemas leave out.
 */
function openGraphProblems(doc: unknown): string[] {
  const d = doc as { metadata?: unknown; graph?: { nodes?: unknown; edges?: unknown } };
  if (typeof d !== 'object' || d === null || typeof d.graph !== 'object' || d.graph === null) return ['no graph object'];
  if (!Array.isArray(d.graph.nodes) || !Array.isArray(d.graph.edges)) return ['graph.nodes and graph.edges must be arrays'];
  const problems = [...Object.keys(d).filter((k) => k !== 'metadata' && k !== 'graph').map((k) => `unknown top-level key ${k}`)];
  if (d.metadata !== undefined) problems.push(...METADATA(d.metadata));
  const { nodes, edges } = d.graph as OpenGraphDocument['graph'];
  const ids = new Set<string>();
  for (const node of nodes) {
    problems.push(...NODE(node));
    if (ids.has(node.id)) problems.push(`duplicate id ${node.id}`);
    ids.add(node.id);
    if (node.id.includes(':')) problems.push(`':' in id ${node.id}`);
    if (node.kinds.length < 1 || node.kinds.length > 3) problems.push(`${node.id}: ${node.kinds.length} kinds`);
    if (!node.kinds.every((k) => /^PW_[A-Za-z0-9_]+$/.test(k))) problems.push(`${node.id}: kinds ${node.kinds.join()}`);
    for (const key of Object.keys(node.properties)) if (key !== key.toLowerCase() || !/^[a-z0-9_]+$/.test(key)) problems.push(`${node.id}: property ${key}`);
  }
  for (const edge of edges) {
    problems.push(...EDGE(edge));
    if (!/^PW_[A-Z_]+$/.test(edge.kind) || /^tag_/i.test(edge.kind)) problems.push(`edge kind ${edge.kind}`);
    for (const end of [edge.start, edge.end]) if (!ids.has(end.value)) problems.push(`edge ${edge.kind} names missing node ${end.value}`);
  }
  return problems;
}

describe('OpenGraph export', () => {
  it('the schemas reject what BloodHound rejects (the validator can fail)', () => {
    expect(NODE({ id: 'a', kinds: ['PW_Human'], properties: { nested: { x: 1 } } })).not.toEqual([]);
    expect(NODE({ id: 'a', kinds: ['A', 'B', 'C', 'D'] })).not.toEqual([]);
    expect(NODE({ id: 'a', kinds: ['A'], properties: { objectid: 'x' } })).not.toEqual([]);
    expect(EDGE({ kind: 'PW_CAN-ALTER', start: { value: 'a' }, end: { value: 'b' } })).not.toEqual([]);
    expect(EDGE({ kind: 'PW_X', start: { match_by: 'id' }, end: { value: 'b' } })).not.toEqual([]);
    expect(METADATA({ source_kind: 'pathwarden', extra: 1 })).not.toEqual([]);
    expect(openGraphProblems({ graph: { nodes: [{ id: 'x:y', kinds: ['PW_Human'], properties: {} }], edges: [] } })).toEqual([`':' in id x:y`]);
  });

  it('examples/acme validates, one node per node and one edge per edge', async () => {
    const analysis = await analyzeDirectory('examples/acme', { at: AT });
    const doc = toOpenGraph(analysis.graph, analysis);
    expect(openGraphProblems(doc)).toEqual([]);
    expect([doc.graph.nodes.length, doc.graph.edges.length]).toEqual([analysis.graph.order, analysis.graph.size]);
    expect(doc.metadata).toEqual({ source_kind: 'pathwarden' });
    const byId = new Map(doc.graph.nodes.map((x) => [x.id, x.properties]));
    // every active finding is on its source and its target; every principal carries its blast radius
    const missing = analysis.findings.flatMap((f) => [f.source.id, f.target.id]
      .filter((id) => !((byId.get(toOpenGraphId(id))?.['pw_finding_ids'] ?? []) as string[]).includes(f.id)).map((id) => `${f.id} ${id}`));
    expect([analysis.findings.length, missing]).toEqual([225, []]);
    expect([...analysis.blast].filter(([id, r]) => byId.get(toOpenGraphId(id))?.['pw_blast_radius'] !== r)).toEqual([]);
  });

  it('a graph with every node and edge kind validates, and every kind is used', async () => {
    const loaded = await loadGraph(EVERY_KIND);
    const analysis = await analyzeLoaded(loaded, { at: AT });
    const doc = toOpenGraph(loaded.graph, analysis);
    expect(openGraphProblems(doc)).toEqual([]);
    expect(new Set(doc.graph.nodes.map((x) => x.kinds[0]))).toEqual(new Set(NODE_KINDS.map((k) => `PW_${k}`)));
    expect(new Set(doc.graph.edges.map((x) => x.kind))).toEqual(new Set(EDGE_KINDS.map((k) => `PW_${k}`)));
    expect(doc.graph.nodes.find((x) => x.kinds[0] === 'PW_ServiceAccount')?.id).toBe('acme/sa/arn%3Aaws%3Aiam%3A%3A123456789012%3Auser/ci%25bot');
    expect(analysis.findings.length).toBe(6);
    const counted = doc.graph.nodes.filter((x) => x.properties['pw_findings'] !== 0)
      .map((x) => [x.id.split('/')[1], x.properties['pw_findings'], x.properties['pw_blast_radius'], x.properties['pw_max_score']]);
    expect(counted).toEqual([
      ['apikey', 2, 180, 942.9], ['human', 6, 180, 942.9], ['model', 3, undefined, 942.9], ['oauthapp', 2, 180, 96.7], ['resource', 3, undefined, 942.9],
    ]);
    expect(doc.graph.edges.filter((x) => x.properties['pw_finding_ids']).map((x) => [x.kind, (x.properties['pw_finding_ids'] as string[]).length])).toEqual([
      ['PW_AUTHENTICATES_AS', 2], ['PW_CAN_ACCESS', 1], ['PW_CAN_ALTER', 1], ['PW_CAN_INVOKE', 1], ['PW_DELEGATED', 2],
    ]);
  });

  it('writes the exact document of a tiny graph', () => {
    const graph = graphOf([
      n('AIAgent', 'acme/agent:bot', { framework: 'langchain' }, {
        owner: 'ml@acme.example', environment: 'prod', tags: ['ai-agent'], source: 'csv-inventory', provenance: { source: 'csv-inventory', file: 'identities.csv', line: 2 },
      }),
      n('APIKey', 'acme/key/k', { status: 'active', fingerprint: 'sha256:ab12' }),
      n('Model', 'acme/model/m', { x_registry: 'mlflow' }),
    ], [
      e('HAS_CREDENTIAL', 'acme/agent:bot', 'acme/key/k', { via: 'OPENAI_API_KEY' }),
      e('CAN_ALTER', 'acme/key/k', 'acme/model/m', { action: 'fine_tune', conditional: true }),
    ]);
    const path = {
      nodes: [{ id: 'acme/agent:bot' }, { id: 'acme/key/k' }, { id: 'acme/model/m' }],
      edges: [{ kind: 'HAS_CREDENTIAL' as const, from: 'acme/agent:bot', to: 'acme/key/k' }, { kind: 'CAN_ALTER' as const, from: 'acme/key/k', to: 'acme/model/m' }],
    };
    const findings: OpenGraphFindings = {
      findings: [{ id: 'pw-1', score: 12.5, source: { id: 'acme/agent:bot' }, target: { id: 'acme/model/m' }, pathSets: [{ shortest: path, paths: [path] }] }],
      blast: new Map([['acme/agent:bot', 3], ['acme/key/k', 2]]),
    };
    const test = { pw_source: 'test', pw_provenance_source: 'test' };
    expect(toOpenGraph(graph, findings)).toEqual({
      metadata: { source_kind: 'pathwarden' },
      graph: {
        nodes: [
          { id: 'acme/agent%3Abot', kinds: ['PW_AIAgent', 'PW_Base'], properties: {
            name: 'acme/agent:bot', pw_owner: 'ml@acme.example', pw_environment: 'prod', pw_tags: ['ai-agent'], pw_source: 'csv-inventory',
            framework: 'langchain', pw_provenance_source: 'csv-inventory', pw_provenance_file: 'identities.csv', pw_provenance_line: 2,
            pw_findings: 1, pw_blast_radius: 3, pw_max_score: 12.5, pw_finding_ids: ['pw-1'],
          } },
          { id: 'acme/key/k', kinds: ['PW_APIKey', 'PW_Base'], properties: {
            name: 'acme/key/k', ...test, status: 'active', fingerprint: 'sha256:ab12', pw_findings: 1, pw_blast_radius: 2, pw_max_score: 12.5, pw_finding_ids: ['pw-1'],
          } },
          { id: 'acme/model/m', kinds: ['PW_Model', 'PW_Base'], properties: {
            name: 'acme/model/m', ...test, x_registry: 'mlflow', pw_findings: 1, pw_max_score: 12.5, pw_finding_ids: ['pw-1'],
          } },
        ],
        edges: [
          { kind: 'PW_HAS_CREDENTIAL', start: { match_by: 'id', value: 'acme/agent%3Abot' }, end: { match_by: 'id', value: 'acme/key/k' },
            properties: { via: 'OPENAI_API_KEY', ...test, pw_traversable: true, pw_finding_ids: ['pw-1'] } },
          { kind: 'PW_CAN_ALTER', start: { match_by: 'id', value: 'acme/key/k' }, end: { match_by: 'id', value: 'acme/model/m' },
            properties: { action: 'fine_tune', conditional: true, ...test, pw_traversable: false } },
        ],
      },
    });
    expect(Object.keys(toOpenGraph(graph).graph.nodes[0]?.properties ?? {}).filter((k) => /finding|blast|score/.test(k))).toEqual([]);
  });

  it('encodes ids reversibly: only % and : change', () => {
    for (const id of ['a/b', 'arn:aws:iam::1:role/x', '100%:done', 'x%3Ay']) expect(fromOpenGraphId(toOpenGraphId(id))).toBe(id);
    expect(toOpenGraphId('x%3Ay:z')).toBe('x%253Ay%3Az');
  });

  it('the extension definition validates and declares every kind with the registry traversability', () => {
    const ext = toOpenGraphExtension('0.1.0');
    expect(EXTENSION(ext)).toEqual([]);
    expect(EXTENSION({ schema: { name: 1 } })).not.toEqual([]);
    expect(ext.schema).toMatchObject({ name: 'pathwarden', version: 'v0.1.0', namespace: 'PW' });
    expect(ext.node_kinds.map((k) => k.name)).toEqual([...NODE_KINDS.map((k) => `PW_${k}`), OPENGRAPH_BASE_KIND]);
    expect(ext.relationship_kinds.map((k) => [k.name, k.is_traversable])).toEqual(EDGE_SPECS.map((s) => [`PW_${s.kind}`, s.traversable]));
    const names = [...ext.node_kinds, ...ext.relationship_kinds].map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    expect(ext.node_kinds.filter((k) => k.is_display_kind).every((k) => /^#[0-9A-F]{6}$/.test(k.color ?? '') && /^[a-z-]+$/.test(k.icon ?? ''))).toBe(true);
  });
});
