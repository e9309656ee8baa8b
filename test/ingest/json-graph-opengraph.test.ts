// json-graph ingest of OpenGraph payloads (ingest/json-graph/opengraph.ts): an OpenGraph export read back gives the
// graph that was exported (findings properties dropped), by name or by content; bad payloads name file and field.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../ingest/index.js';
import { transformOpenGraph } from '../../ingest/json-graph/opengraph.js';
import { analyzeLoaded } from '../../src/analysis/analyze.js';
import { loadGraph } from '../../src/analysis/load.js';
import { buildGraph } from '../../src/graph/build.js';
import { toJsonGraph } from '../../src/graph/export.js';
import { toOpenGraph } from '../../src/graph/opengraph.js';
import { pathwarden, STACK_FRAME } from '../helpers/exec.js';
import { diagTuples } from './tuples.js';

const AT = new Date('2026-03-01T00:00:00Z');
const tmp: string[] = [];
afterEach(async () => { for (const d of tmp.splice(0)) await rm(d, { recursive: true, force: true }); });

async function tempDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pathwarden-og-'));
  tmp.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** The inventory's JSON graph, and the JSON graph of its OpenGraph export (with findings) written as `name` and loaded again. */
async function roundTrip(inventory: string, name: string): Promise<{ before: unknown; after: unknown; diagnostics: unknown[] }> {
  const loaded = await loadGraph(inventory);
  const og = toOpenGraph(loaded.graph, await analyzeLoaded(loaded, { at: AT }));
  const dir = await tempDir({ [name]: JSON.stringify(og, null, 2) });
  const records = await loadDirectory(dir);
  const rebuilt = buildGraph(records);
  return { before: toJsonGraph(loaded.graph), after: toJsonGraph(rebuilt.graph), diagnostics: [...records.diagnostics, ...rebuilt.diagnostics] };
}

describe('json-graph ingest of OpenGraph', () => {
  it('round trip of examples/acme: same nodes, edges, kinds and properties', async () => {
    const { before, after, diagnostics } = await roundTrip('examples/acme', 'acme.opengraph.json');
    expect(diagnostics).toEqual([]);
    expect(after).toEqual(before);
    expect([(after as { nodes: unknown[] }).nodes.length, (after as { edges: unknown[] }).edges.length]).toEqual([304, 582]);
  });

  it('round trip of every node and edge kind, recognised by content under any .json name', async () => {
    const { before, after, diagnostics } = await roundTrip('test/fixtures/opengraph/every-kind', 'bloodhound-upload.json');
    expect(diagnostics).toEqual([]);
    expect(after).toEqual(before);
  });

  it('a .json file that is not pathwarden OpenGraph is not taken for one', async () => {
    const dir = await tempDir({ 'other.json': JSON.stringify({ metadata: { source_kind: 'GitHub' }, graph: { nodes: [], edges: [] } }) });
    const records = await loadDirectory(dir);
    expect(diagTuples(records.diagnostics)).toEqual([['warning', 'unknown-file', 'other.json', undefined, undefined, undefined]]);
  });

  it('names the JSON path and field of each bad node or edge; the good ones load', () => {
    const node = (id: string, kinds: unknown, properties: unknown = {}) => ({ id, kinds, properties });
    const edge = (kind: string, start: unknown, end: unknown, properties: unknown = {}) => ({ kind, start, end, properties });
    const id = (value: string) => ({ match_by: 'id', value });
    const r = transformOpenGraph({
      metadata: { source_kind: 'pathwarden' },
      graph: {
        nodes: [
          node('acme/agent/a', ['PW_AIAgent', 'PW_Base', 'pathwarden'], { name: 'a', pw_findings: 2, pw_provenance_line: 3 }),
          node('acme/model/m', ['PW_Model', 'PW_Base']),
          node('p', ['Person']),
          node('q', 'PW_Human'),
          node('acme/res/r', ['PW_Resource'], { tier: 'high' }),
          node('acme/h/h', ['PW_Human'], { pw_owner: 5, pw_colour: 'red' }),
          node('acme/h/x', ['PW_Hooman']),
        ],
        edges: [
          edge('PW_CAN_INVOKE', id('acme/agent/a'), id('acme/model/m'), { environment: 'prod', pw_finding_ids: ['pw-1'], pw_traversable: false }),
          edge('PW_CAN_INVOKE', { match_by: 'name', value: 'a' }, id('acme/model/m')),
          edge('Knows', id('acme/agent/a'), id('acme/model/m')),
          edge('PW_CAN_ALTER', id('acme/agent/a'), { match_by: 'id' }),
          edge('PW_CAN_ALTER', id('acme/agent/a'), id('acme/model/m')),
          edge('PW_CAN_ALTER', id('acme/agent/a'), id('acme/model/m'), { action: 'train', note: { nested: true } }),
        ],
      },
    }, 'x.opengraph.json');
    expect(r.nodes.map((n) => [n.id, n.kind, n.name])).toEqual([['acme/agent/a', 'AIAgent', 'a'], ['acme/model/m', 'Model', 'acme/model/m']]);
    expect(r.nodes[0]?.properties).toEqual({});
    expect(r.edges.map((e) => [e.kind, e.from, e.to, e.properties])).toEqual([['CAN_INVOKE', 'acme/agent/a', 'acme/model/m', { environment: 'prod' }]]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.file, d.field])).toEqual([
      ['error', 'unknown-kind', 'x.opengraph.json', '$.graph.nodes[2].kinds'],
      ['error', 'bad-value', 'x.opengraph.json', '$.graph.nodes[3].kinds'],
      ['error', 'bad-value', 'x.opengraph.json', '$.graph.nodes[4].properties.tier'],
      ['error', 'missing-field', 'x.opengraph.json', '$.graph.nodes[4].properties.tier'],
      ['warning', 'bad-value', 'x.opengraph.json', '$.graph.nodes[5].properties.pw_colour'],
      ['error', 'bad-value', 'x.opengraph.json', '$.graph.nodes[5].properties.pw_owner'],
      ['error', 'unknown-kind', 'x.opengraph.json', '$.graph.nodes[6].kinds'],
      ['error', 'bad-value', 'x.opengraph.json', '$.graph.edges[1].start.match_by'],
      ['error', 'unknown-kind', 'x.opengraph.json', '$.graph.edges[2].kind'],
      ['error', 'missing-field', 'x.opengraph.json', '$.graph.edges[3].end.value'],
      ['error', 'missing-field', 'x.opengraph.json', '$.graph.edges[4].properties.action'],
      ['error', 'bad-value', 'x.opengraph.json', '$.graph.edges[5].properties.note'],
    ]);
    expect(r.diagnostics[7]?.message).toBe('match_by "name" is not supported: pathwarden reads edges that name their nodes by id');
    expect(r.diagnostics[6]?.message).toMatch(/^unknown node kind "Hooman"; valid kinds: Human, AIAgent/);
  });

  it('refuses a payload that is not pathwarden\'s or has no graph, as one diagnostic', () => {
    const tuples = (doc: Record<string, unknown>) => transformOpenGraph(doc, 'y.opengraph.json').diagnostics.map((d) => [d.field, d.message]);
    expect(tuples({ metadata: { source_kind: 'GitHub' }, graph: { nodes: [], edges: [] } })).toEqual([['$.metadata.source_kind',
      'source_kind "GitHub" is not "pathwarden": only OpenGraph written by pathwarden export (PW_ kinds) can be read; the file was skipped']]);
    expect(tuples({ graph: [] })).toEqual([['$.graph', 'expected "graph": { "nodes": [...], "edges": [...] }; the file was skipped']]);
    expect(tuples({ graph: { nodes: {} } })).toEqual([['$.graph.nodes', '"nodes" must be an array; the file was skipped']]);
  });

  it('fingerprints a secret in a property and keeps it out of the records', () => {
    const secret = 'ghp_Zq7Lk2mN9pQ4rS8tV1wX3yA5bC6dE0fGhIjK';
    const r = transformOpenGraph({ graph: { nodes: [{ id: 't', kinds: ['PW_Token'], properties: { x_value: secret } }], edges: [] } }, 'g.opengraph.json');
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.field])).toEqual([['warning', 'secret-fingerprinted', '$.graph.nodes[0].properties.x_value']]);
    expect(JSON.stringify(r)).not.toContain(secret);
  });

  it('CLI: --strict on a bad payload exits 2 naming file and field, without a stack trace', async () => {
    const dir = await tempDir({ 'bad.opengraph.json': JSON.stringify({ graph: { nodes: [{ id: 'a', kinds: ['PW_Human'] }], edges: [
      { kind: 'PW_MEMBER_OF', start: { match_by: 'property', property_matchers: [] }, end: { value: 'a' } },
    ] } }) });
    const r = await pathwarden(['export', dir, '--strict', '-f', 'opengraph']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.opengraph.json');
    expect(r.stderr).toContain('$.graph.edges[0].start.match_by');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
