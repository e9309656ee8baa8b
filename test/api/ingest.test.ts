// POST /v1/ingest (JSON graph document) and /v1/ingest/files (multipart inventory files).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { toJsonGraph } from '../../src/graph/export.js';
import { auth, build } from './helpers.js';

const FIXTURE = 'test/fixtures/csv-inventory/basic';

/** A multipart/form-data body with one file part per entry. */
function multipart(files: Record<string, string> | [string, string][]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----pathwarden-test-boundary';
  const parts = (Array.isArray(files) ? files : Object.entries(files)).map(([name, text]) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n`);
  return { payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('POST /v1/ingest/files', () => {
  it('replaces the served graph with the uploaded inventory files', async () => {
    const app = await build();
    const files = Object.fromEntries(await Promise.all(['identities.csv', 'credentials.csv', 'bindings.csv', 'resources.csv', 'permissions.csv']
      .map(async (f) => [f, await readFile(`${FIXTURE}/${f}`, 'utf8')] as const)));
    const res = await app.inject({ method: 'POST', url: '/v1/ingest/files', ...multipart(files) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const served = app.engine.served();
    expect(body).toMatchObject({ generation: 2, nodes: served.loaded.graph.order, edges: served.loaded.graph.size, findings: served.analysis.findings.length });
    expect(body.origin).toMatch(/^upload \d{4}-/);
    expect(body.files.map((f: { file: string }) => f.file)).toEqual(Object.keys(files).sort());
    expect(served.loaded.graph.order).toBeLessThan(100);
    const ready = (await app.inject({ url: '/readyz' })).json();
    expect(ready.graph).toMatchObject({ generation: 2, origin: body.origin });
  });

  it.each([
    ['a file name that is not an inventory file', [['notes.txt', 'hello']]],
    ['a path in the file name (reduced to its base name, which is not an inventory file)', [['../../etc/passwd', 'x']]],
    ['the same file twice', [['identities.csv', 'id,kind,name\n'], ['identities.csv', 'id,kind,name\n']]],
  ] as [string, [string, string][]][])('400 for %s; the served graph stays', async (_name, files) => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/ingest/files', ...multipart(files) });
    expect(res.statusCode).toBe(400);
    expect(app.engine.served().generation).toBe(1);
  });

  it('a file with no usable rows loads nothing: 400, the served graph stays', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/ingest/files', ...multipart({ 'identities.csv': 'wrong,header\n1,2\n' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/^nothing was loaded from the upload/);
    expect(app.engine.served().generation).toBe(1);
  });

  it('uploads over the byte limit: 413, nothing replaced', async () => {
    const app = await build({ limits: { uploadBytes: 1024 } });
    const res = await app.inject({ method: 'POST', url: '/v1/ingest/files', ...multipart({ 'identities.csv': `id,kind,name\n${'x'.repeat(4096)}` }) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(app.engine.served().generation).toBe(1);
  });

  it('a JSON body on the files route: 415', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/ingest/files', headers: auth(), payload: { a: 1 } });
    expect(res.statusCode).toBe(415);
  });
});

describe('POST /v1/ingest', () => {
  it('a JSON graph document replaces the served graph', async () => {
    const app = await build();
    const doc = toJsonGraph(app.engine.served().loaded.graph);
    const res = await app.inject({ method: 'POST', url: '/v1/ingest?strict=true', headers: auth(), payload: doc });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ generation: 2, nodes: doc.nodes.length, edges: doc.edges.length, files: [{ file: 'graph.json', rejected: 0 }] });
    expect(app.engine.served().analysis.findings.length).toBe(res.json().findings);
  });

  it('strict refuses a document with a rejected record; without strict the rest loads', async () => {
    const app = await build();
    const doc = toJsonGraph(app.engine.served().loaded.graph);
    const bad = { ...doc, nodes: [...doc.nodes, { id: 'x', kind: 'Robot', name: 'x' }] };
    const strict = await app.inject({ method: 'POST', url: '/v1/ingest?strict=true', headers: auth(), payload: bad });
    expect(strict.statusCode).toBe(400);
    expect(app.engine.served().generation).toBe(1);
    const lenient = await app.inject({ method: 'POST', url: '/v1/ingest', headers: auth(), payload: bad });
    expect(lenient.statusCode).toBe(200);
    expect(lenient.json().diagnostics).toMatchObject({ errors: 1 });
    expect(lenient.json().diagnostics.first[0]).toMatch(/^graph\.json/);
  });

  it.each([
    ['not a graph document', { hello: 'world' }],
    ['a wrong version', { format: 'pathwarden-graph', version: 2, nodes: [], edges: [] }],
  ])('400 for %s', async (_name, payload) => {
    const app = await build();
    expect((await app.inject({ method: 'POST', url: '/v1/ingest', headers: auth(), payload })).statusCode).toBe(400);
  });
});
