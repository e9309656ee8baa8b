// ingest/parallel against the sequential loadDirectory: the sink gets the same records in the same order, and files
// and diagnostics are equal, on every fixture directory, examples/acme, generated inventories and hand-made tricky
// CSVs split at every possible point. Workers cannot load TypeScript, so ingest/ is compiled (only it) into
// node_modules/.cache first and the parallel side is imported from there; the sequential side runs from the sources.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { generate } from '../../bench/gen/generate.js';
import { buildGraph } from '../../src/graph/build.js';
import { toJsonGraph } from '../../src/graph/export.js';
import { loadDirectory, type LoadOptions, type RecordSink } from '../../ingest/index.js';
import { csvFileSpec } from '../../ingest/csv-inventory/files.js';
import type { EdgeRecord, NodeRecord } from '../../src/model/index.js';

type Ingest = typeof import('../../ingest/index.js');
type Parallel = typeof import('../../ingest/parallel/load.js');
type Split = typeof import('../../ingest/parallel/split.js');

const ROOT = resolve('.');
const OUT = join(ROOT, 'node_modules/.cache/pathwarden-parallel-test');
let compiled: { ingest: Ingest; parallel: Parallel; split: Split };
const temps: string[] = [];

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  const config = {
    extends: join(ROOT, 'tsconfig.json'),
    compilerOptions: { outDir: OUT, rootDir: ROOT, noEmit: false, sourceMap: false },
    files: ['ingest/index.ts', 'ingest/parallel/worker.ts'].map((f) => join(ROOT, f)), include: [],
  };
  await writeFile(join(OUT, 'tsconfig.json'), JSON.stringify(config));
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(OUT, 'tsconfig.json')], { encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`compiling ingest/ failed:\n${tsc.stdout}${tsc.stderr}`);
  const at = (f: string): string => pathToFileURL(join(OUT, f)).href;
  compiled = {
    ingest: await import(at('ingest/index.js')) as Ingest,
    parallel: await import(at('ingest/parallel/load.js')) as Parallel,
    split: await import(at('ingest/parallel/split.js')) as Split,
  };
});

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pathwarden-parallel-'));
  temps.push(dir);
  return dir;
}

async function writeDir(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

function collectingSink(): RecordSink & { records: (NodeRecord | EdgeRecord)[] } {
  const records: (NodeRecord | EdgeRecord)[] = [];
  return { records, node: (n) => records.push(n), edge: (e) => records.push(e) };
}

/** Every split setting a case is run with: whole files, and ranges small enough to cut at nearly every line. */
const SPLITS = [{ splitBytes: 1 << 30, rangeBytes: 1 << 30 }, { splitBytes: 0, rangeBytes: 1 }, { splitBytes: 0, rangeBytes: 37 }, { splitBytes: 0, rangeBytes: 500 }];

/** What the cross-source joins add after the files (loadDirectory runs them; loadEntriesParallel only reads files). */
function fromFiles<T extends { source?: string }>(items: readonly T[]): T[] {
  return items.filter((x) => !x.source?.startsWith('join:'));
}

/** Loads `dir` both ways and asserts the same sink order, files and diagnostics (values and key order). */
async function expectSame(dir: string, split: { splitBytes: number; rangeBytes: number }, extra: { maxAhead?: number; workers?: number } = {}): Promise<void> {
  const seqSink = collectingSink();
  let seqRows = 0;
  const loaded = await loadDirectory(dir, { sink: seqSink, onRow: (n) => { seqRows = n; } });
  seqSink.records.splice(0, seqSink.records.length, ...fromFiles(seqSink.records));
  const seq = { files: loaded.files.filter((f) => !f.source.startsWith('join:')), diagnostics: fromFiles(loaded.diagnostics) };
  const parSink = collectingSink();
  let parRows = 0;
  const entries = await compiled.ingest.listInventory(dir);
  const par = await compiled.parallel.loadEntriesParallel(entries, { sink: parSink, onRow: (n) => { parRows = n; } }, { minBytes: 0, ...split, ...extra });
  if (par === undefined) throw new Error('the parallel load fell back to the sequential one');
  expect(parSink.records).toEqual(seqSink.records);
  expect(JSON.stringify(parSink.records)).toBe(JSON.stringify(seqSink.records));
  expect(par.files).toEqual(seq.files);
  expect(JSON.stringify(par.diagnostics)).toBe(JSON.stringify(seq.diagnostics));
  expect(par.diagnostics).toEqual(seq.diagnostics);
  expect(parRows).toBe(seqRows);
}

/** Directories under test/fixtures that hold inventory files. */
async function fixtureDirs(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && /\.(csv|json)$/.test(e.name))) out.push(dir);
    for (const e of entries) if (e.isDirectory()) await walk(join(dir, e.name));
  };
  await walk('test/fixtures');
  return out.sort();
}

const FIXTURE_DIRS = await fixtureDirs();

describe('loadEntriesParallel equals loadDirectory', () => {
  it('finds the fixture directories', () => {
    expect(FIXTURE_DIRS).toContain('test/fixtures/csv-inventory/malformed');
    expect(FIXTURE_DIRS).toContain('test/fixtures/json-graph/bad-records');
  });

  it.each([...FIXTURE_DIRS, 'examples/acme'])('%s, whole files and split at many points', async (dir) => {
    for (const split of SPLITS) await expectSame(dir, split);
  });

  it('a generated inventory (bench/gen, 3000 nodes), also with one worker and with workers held back by maxAhead 1', async () => {
    const dir = await tempDir();
    generate({ nodes: 3000, seed: 7, out: dir, refDate: new Date('2026-01-01T00:00:00Z') });
    await expectSame(dir, { splitBytes: 0, rangeBytes: 20_000 });
    await expectSame(dir, { splitBytes: 0, rangeBytes: 50_000 }, { workers: 1 });
    await expectSame(dir, { splitBytes: 0, rangeBytes: 9_000 }, { maxAhead: 1, workers: 3 });
  });

  it('CSV and JSON graph files in one directory', async () => {
    const dir = await tempDir();
    for (const name of await readdir('examples/acme')) if (name.endsWith('.csv')) await copyFile(join('examples/acme', name), join(dir, name));
    const acme = buildGraph(await loadDirectory('examples/acme')).graph;
    await writeFile(join(dir, 'extra.graph.json'), JSON.stringify(toJsonGraph(acme)));
    await writeFile(join(dir, 'notes.txt'), 'not an inventory file');
    for (const split of SPLITS) await expectSame(dir, split);
  });

  it('without a sink, returns the same nodes and edges as loadDirectory', async () => {
    const seq = await loadDirectory('examples/acme');
    const par = await compiled.ingest.loadDirectory('examples/acme', { parallel: { minBytes: 0, splitBytes: 0, rangeBytes: 300 } });
    expect(par.nodes).toEqual(seq.nodes);
    expect(par.edges).toEqual(seq.edges);
    expect(par.files).toEqual(seq.files);
  });
});

const HEADER = 'id,kind,name,owner,environment,tags\n';
const QUOTED = [
  'h1,Human,"Doe, Jane",a@x.example,prod,"t1;t2"',
  'h2,Human,"line one\nline two, with comma\nline three",,dev,',
  'h3,Human,"she said ""hi""\n""and left""",,,',
  'h4,Human,"ends in newline\n",,,"a,b"',
  'h5,Human,"\n",,,',
  'h6,Human,"crlf inside\r\nhere",,staging,',
  '',
  'h7,Human,plain,,,',
  'h8,NotAKind,bad row,,,',
  'h9,Human,"x,\n,y",,prod,',
];

describe('tricky CSV files split at every line', () => {
  const cases: Record<string, Record<string, string>> = {
    'quoted fields with commas, quotes and newlines around every split point': { 'identities.csv': HEADER + QUOTED.join('\n') + '\n' },
    'CRLF line breaks and a BOM': { 'identities.csv': '\ufeff' + (HEADER + QUOTED.join('\n')).replace(/\n/g, '\r\n') + '\r\n' },
    'CRLF file with lone LF inside quotes and no final line break': { 'identities.csv': HEADER.replace('\n', '\r\n') + 'a,Human,"x\ny",,,\r\nb,Human,z,,,\r\nc,Human,"p\nq\r\nr",,,' },
    'blank lines before the header and at the end': { 'identities.csv': '\n,,\n' + HEADER + QUOTED.join('\n') + '\n\n\n' },
    'an invalid quote in the middle stops the file there': {
      'identities.csv': HEADER + QUOTED.slice(0, 4).join('\n') + '\nbad,Human,na"me,,,\n' + QUOTED.slice(4).join('\n') + '\n',
    },
    'characters after a closing quote in a late row (CRLF)': {
      'identities.csv': (HEADER + QUOTED.join('\n') + '\nq,Human,"closed"x,,,\n' + QUOTED.join('\n').replace(/h(\d)/g, 'k$1')).replace(/\n/g, '\r\n'),
    },
    'a quote that is never closed': { 'identities.csv': HEADER + QUOTED.join('\n') + '\nopen,Human,"never closed,,,\nz,Human,z,,,\n' },
    'a bad header skips the file': { 'identities.csv': 'id,kind,colour\n' + 'a,Human,red\nb,Human,blue\n', 'resources.csv': 'id,name\nr1,one\nr2,"t,wo"\n' },
    '\\r-only line breaks (never split)': { 'identities.csv': (HEADER + 'a,Human,x,,,\nb,Human,y,,,\n').replace(/\n/g, '\r') },
    'an edge file with extra cells and bad kinds': {
      'permissions.csv': 'from,kind,to,action\na,CAN_ACCESS,r,read\nb,CAN_ACCESS,r,read,extra\nc,NOPE,r,\n"d\n",CAN_INVOKE,m,\nd,CAN_INVOKE,m,\n',
    },
  };
  it.each([
    ['quoted fields with commas, quotes and newlines around every split point', 1 + QUOTED.length],
    ['CRLF line breaks and a BOM', 1 + QUOTED.length],
    // Cut after the header and the four rows before the bad quote; past it the count of quotes is off by one, so the
    // three line breaks inside later quoted cells look like record breaks: those ranges are read but never used.
    ['an invalid quote in the middle stops the file there', 9],
    // Header, ten rows, the damaged row and ten more rows (the last one has no line break after it).
    ['characters after a closing quote in a late row (CRLF)', 1 + 2 * QUOTED.length + 1],
  ])('%s: really cut at every record up to the damage (%i ranges)', async (name, expected) => {
    const spec = csvFileSpec('identities.csv');
    if (spec === undefined) throw new Error('no spec');
    const dir = await writeDir(cases[name] ?? {});
    const ranges = await compiled.split.splitCsvFile(join(dir, 'identities.csv'), spec, 'identities.csv', 1);
    expect(ranges?.length).toBe(expected);
  });
  it.each(Object.entries(cases))('%s', async (_name, files) => {
    const dir = await writeDir(files);
    for (const split of SPLITS) await expectSame(dir, split);
  });
});

describe('splitCsvFile', () => {
  it('cuts only at record breaks outside quotes and carries header and line numbers', async () => {
    const text = 'id,kind\na,Human\n"x\ny\nz",Human\nb,Human\n';
    const dir = await writeDir({ 'identities.csv': text });
    const spec = csvFileSpec('identities.csv');
    if (spec === undefined) throw new Error('no spec');
    const ranges = await compiled.split.splitCsvFile(join(dir, 'identities.csv'), spec, 'identities.csv', 1);
    expect(ranges?.map((r) => [r.start, r.end, r.firstLine, r.parserLine, r.header?.columns])).toEqual([
      [0, 8, 1, 1, undefined], [8, 16, 2, 2, ['id', 'kind']], [16, 30, 3, 3, ['id', 'kind']], [30, 38, 6, 6, ['id', 'kind']],
    ]);
    // Every range parses into whole records, and together they are the file's records after the header.
    const rows = (ranges ?? []).slice(1).flatMap((r) => parse(text.slice(r.start, r.end)) as string[][]);
    expect(rows).toEqual([['a', 'Human'], ['x\ny\nz', 'Human'], ['b', 'Human']]);
  });

  it('keeps a file whole when its header would be rejected, or when it is one range', async () => {
    const dir = await writeDir({ 'identities.csv': 'id,kind,colour\na,Human,red\nb,Human,blue\n', 'resources.csv': 'id,tier\nr1,1\nr2,2\n' });
    const identities = csvFileSpec('identities.csv');
    const resources = csvFileSpec('resources.csv');
    if (identities === undefined || resources === undefined) throw new Error('no spec');
    expect(await compiled.split.splitCsvFile(join(dir, 'identities.csv'), identities, 'identities.csv', 1)).toBeUndefined();
    expect(await compiled.split.splitCsvFile(join(dir, 'resources.csv'), resources, 'resources.csv', 1 << 20)).toBeUndefined();
    expect((await compiled.split.splitCsvFile(join(dir, 'resources.csv'), resources, 'resources.csv', 1))?.length).toBe(3);
  });
});

describe('fallbacks and failures', () => {
  it('stays sequential for small inventories and when the worker entry is missing', async () => {
    const entries = await compiled.ingest.listInventory('examples/acme');
    expect(await compiled.parallel.loadEntriesParallel(entries, {}, {})).toBeUndefined();
    const missing = new URL('file:///nonexistent/worker.js');
    expect(await compiled.parallel.loadEntriesParallel(entries, {}, { minBytes: 0, workerUrl: missing })).toBeUndefined();
    const options: LoadOptions = { parallel: { minBytes: 0, workerUrl: missing } };
    expect((await compiled.ingest.loadDirectory('examples/acme', options)).nodes).toEqual((await loadDirectory('examples/acme')).nodes);
  });

  it('a worker that dies or throws mid-load is an error, not a hang', async () => {
    const entries = await compiled.ingest.listInventory('examples/acme');
    const dir = await tempDir();
    const ready = "import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ type: 'ready' });\n";
    await writeFile(join(dir, 'exits.mjs'), `${ready}parentPort.on('message', () => process.exit(3));\n`);
    await writeFile(join(dir, 'throws.mjs'), `${ready}parentPort.on('message', () => { setTimeout(() => { throw new Error('boom'); }); });\n`);
    const run = (name: string): Promise<unknown> => compiled.parallel.loadEntriesParallel(entries, {}, { minBytes: 0, workerUrl: pathToFileURL(join(dir, name)) });
    await expect(run('exits.mjs')).rejects.toThrow(/worker exited \(code 3\)/);
    await expect(run('throws.mjs')).rejects.toThrow(/a worker failed: boom/);
  });

  it('a sink that throws ends the load with its error and stops the workers', async () => {
    const dir = await tempDir();
    generate({ nodes: 1000, seed: 3, out: dir, refDate: new Date('2026-01-01T00:00:00Z') });
    let seen = 0;
    const sink: RecordSink = { node: () => { if (++seen >= 500) throw new Error('sink full'); }, edge: () => { seen++; } };
    const entries = await compiled.ingest.listInventory(dir);
    await expect(compiled.parallel.loadEntriesParallel(entries, { sink }, { minBytes: 0, splitBytes: 0, rangeBytes: 4000, maxAhead: 1 })).rejects.toThrow('sink full');
  });
});

it('the compiled worker entry sits next to the coordinator (as in dist/)', () => {
  expect(existsSync(join(OUT, 'ingest/parallel/worker.js'))).toBe(true);
});
