// loadDirectory with a streaming sink: the sink gets exactly the records a normal load returns, in the same order,
// nothing is kept, and file summaries and diagnostics do not change.
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDirectory, type RecordSink } from '../../ingest/index.js';
import { buildGraph } from '../../src/graph/build.js';
import { toJsonGraph } from '../../src/graph/export.js';
import type { EdgeRecord, NodeRecord } from '../../src/model/index.js';
import { FIXTURES } from './tuples.js';

function collectingSink(): RecordSink & { nodes: NodeRecord[]; edges: EdgeRecord[] } {
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  return { nodes, edges, node: (n) => nodes.push(n), edge: (e) => edges.push(e) };
}

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** examples/acme's CSV files plus the same graph exported as JSON under another name: both ingestors in one directory. */
async function mixedDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pathwarden-sink-'));
  temps.push(dir);
  for (const name of await readdir('examples/acme')) {
    if (name.endsWith('.csv')) await copyFile(join('examples/acme', name), join(dir, name));
  }
  const acme = buildGraph(await loadDirectory('examples/acme')).graph;
  await writeFile(join(dir, 'extra.graph.json'), JSON.stringify(toJsonGraph(acme)));
  return dir;
}

const DIRS = [
  'examples/acme', ...['basic', 'bad-date', 'bad-header', 'dangling-ref', 'duplicate-conflict', 'malformed', 'secret', 'unknown-kind']
    .map((c) => `${FIXTURES}/${c}`),
  'test/fixtures/json-graph/bad-records', 'test/fixtures/json-graph/malformed',
];

describe('loadDirectory with a sink', () => {
  it.each(DIRS)('%s: the sink gets every record in order, nothing is returned, summaries and diagnostics unchanged', async (dir) => {
    const plain = await loadDirectory(dir);
    const sink = collectingSink();
    const streamed = await loadDirectory(dir, { sink });
    expect(streamed.nodes).toEqual([]);
    expect(streamed.edges).toEqual([]);
    expect(sink.nodes).toEqual(plain.nodes);
    expect(sink.edges).toEqual(plain.edges);
    expect(streamed.files).toEqual(plain.files);
    expect(streamed.diagnostics).toEqual(plain.diagnostics);
  });

  it('works across both ingestors in one directory and counts each file', async () => {
    const dir = await mixedDirectory();
    const plainRows: number[] = [];
    const plain = await loadDirectory(dir, { onRow: (n) => plainRows.push(n) });
    const sink = collectingSink();
    const rows: number[] = [];
    const streamed = await loadDirectory(dir, { sink, onRow: (n) => rows.push(n) });
    expect(sink.nodes).toEqual(plain.nodes);
    expect(sink.edges).toEqual(plain.edges);
    expect(streamed.files).toEqual(plain.files);
    const json = streamed.files.find((f) => f.file.endsWith('extra.graph.json'));
    const acme = buildGraph(await loadDirectory('examples/acme')).graph;
    expect(json).toMatchObject({ source: 'json-graph', nodes: acme.order, edges: acme.size, rejected: 0 });
    expect(streamed.files.reduce((s, f) => s + f.nodes, 0)).toBe(plain.nodes.length);
    expect(rows).toEqual(plainRows);
  });
});
