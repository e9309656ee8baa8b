// json-graph ingest: records from a JSON graph document, diagnostics by JSON path, and the export round trip.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../ingest/index.js';
import { transformGraph } from '../../ingest/json-graph/transform.js';
import { buildGraph } from '../../src/graph/build.js';
import { toJsonGraph } from '../../src/graph/export.js';
import { diagTuples, edgesOf, FIXTURES, nodesOf } from './tuples.js';

const JSON_FIXTURES = 'test/fixtures/json-graph';
const tmp: string[] = [];
afterEach(async () => { for (const d of tmp.splice(0)) await rm(d, { recursive: true, force: true }); });

describe('json-graph ingest', () => {
  it('loads good records and names bad ones by JSON path', async () => {
    const records = await loadDirectory(`${JSON_FIXTURES}/bad-records`);
    expect(nodesOf(records, 'AIAgent')).toEqual(new Set(['acme/agent/a']));
    expect(nodesOf(records, 'Model')).toEqual(new Set(['acme/model/m']));
    expect(edgesOf(records)).toEqual(new Set(['acme/agent/a|CAN_INVOKE|acme/model/m']));
    expect(diagTuples(records.diagnostics)).toEqual([
      ['error', 'missing-field', 'acme.graph.json', undefined, undefined, '$.nodes[2].id'],
      ['error', 'unknown-kind', 'acme.graph.json', undefined, undefined, '$.edges[1].kind'],
      ['error', 'bad-date', 'acme.graph.json', undefined, undefined, '$.edges[2].properties.created_at'],
    ]);
    expect(records.nodes.find((n) => n.id === 'acme/agent/a')).toMatchObject({
      source: 'csv-inventory', provenance: { source: 'json-graph', path: '$.nodes[0]' },
    });
    expect(records.nodes.find((n) => n.id === 'acme/model/m')?.source).toBe('json-graph');
  });

  it('reports invalid JSON once for the file', async () => {
    const records = await loadDirectory(`${JSON_FIXTURES}/malformed`);
    expect(records.nodes).toEqual([]);
    expect(diagTuples(records.diagnostics)).toEqual([['error', 'malformed-json', 'graph.json', 5, 46, undefined]]);
    expect(records.diagnostics[0]?.message).toBe('the JSON ends unexpectedly (truncated file?); nothing was loaded from this file');
    expect(records.files).toEqual([{ file: `${JSON_FIXTURES}/malformed/graph.json`, source: 'json-graph', nodes: 0, edges: 0, rejected: 1 }]);
  });

  it('refuses a document of another format', () => {
    const r = transformGraph({ format: 'something-else', nodes: [] }, 'x.graph.json');
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'bad-value', 'x.graph.json', undefined, undefined, '$.format']]);
  });

  it('fingerprints secrets inside JSON records', () => {
    const secret = 'ghp_Zq7Lk2mN9pQ4rS8tV1wX3yA5bC6dE0fGhIjK';
    const r = transformGraph({ nodes: [{ id: 't', kind: 'Token', properties: { x_value: secret } }] }, 'g.graph.json');
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'secret-fingerprinted', 'g.graph.json', undefined, undefined, '$.nodes[0].properties.x_value']]);
    expect(JSON.stringify(r)).not.toContain(secret);
  });

  it('round trip: toJsonGraph written to a file and re-ingested gives the same graph', async () => {
    const first = buildGraph(await loadDirectory(`${FIXTURES}/basic`));
    const doc = toJsonGraph(first.graph);
    const dir = await mkdtemp(join(tmpdir(), 'pathwarden-json-'));
    tmp.push(dir);
    await writeFile(join(dir, 'acme.graph.json'), JSON.stringify(doc, null, 2));
    const records = await loadDirectory(dir);
    expect(records.diagnostics).toEqual([]);
    const second = buildGraph(records);
    expect(second.diagnostics).toEqual([]);
    expect(toJsonGraph(second.graph)).toEqual(doc);
    expect(doc.nodes.length).toBe(10);
    expect(doc.edges.length).toBe(12);
  });

  it('warns about files no ingestor reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathwarden-unknown-'));
    tmp.push(dir);
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await writeFile(join(dir, 'README.md'), 'about this inventory');
    const records = await loadDirectory(dir);
    expect(diagTuples(records.diagnostics)).toEqual([['warning', 'unknown-file', 'notes.txt', undefined, undefined, undefined]]);
    expect(records.diagnostics[0]?.message).toBe('no ingestor reads "notes.txt" (CSV inventory files: identities.csv, '
      + 'credentials.csv, assets.csv, resources.csv, oauth-grants.csv, bindings.csv, permissions.csv; JSON graphs: '
      + 'graph.json, *.graph.json or *.opengraph.json; AWS IAM, GCP IAM, Kubernetes and Entra ID exports, MCP client '
      + 'configs, AWS CLI config/credentials files, GitHub Actions workflows and gitleaks/trufflehog reports are '
      + 'recognised by content); the file was ignored');
    expect(records.files).toEqual([]);
  });
});
