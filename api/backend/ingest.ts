// Ingest over HTTP: uploaded inventory files (or one JSON graph document) go to a fresh temporary directory,
// are loaded like any inventory, and replace the served graph (engine backend) or become a new snapshot (Neo4j
// backend, then served). The directory is removed afterwards, whatever happens.
import type { MultipartFile } from '@fastify/multipart';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ingestorFor, SKIPPED_FILES } from '../../ingest/index.js';
import { countDiagnostics, loadGraph, type LoadedGraph } from '../../src/analysis/load.js';
import { formatLocation, InputError, UsageError } from '../../src/model/index.js';
import type { Store } from '../../src/store/driver.js';
import { writeGraph } from '../../src/store/write.js';
import type { EngineBackend, Served } from './engine.js';

/** Too much uploaded data (413). */
export class UploadTooLargeError extends Error {
  readonly statusCode = 413;
}

export interface IngestSummary {
  origin: string; generation: number; at: string; nodes: number; edges: number; findings: number;
  files: { file: string; source: string; nodes: number; edges: number; rejected: number }[];
  diagnostics: { errors: number; warnings: number; first: string[] };
  snapshot?: string;
}

/** Runs `fn` with a new temporary directory that is removed afterwards. */
export async function withUploadDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'pathwarden-upload-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function checkName(raw: string, seen: Set<string>): string {
  const name = basename(raw.replace(/\\/g, '/'));
  if (!(ingestorFor(name) || SKIPPED_FILES.has(name))) {
    throw new UsageError(`upload "${name.slice(0, 80)}" is not an inventory file name (docs/inventory-format.md lists them: identities.csv, …, graph.json)`);
  }
  if (seen.has(name)) throw new UsageError(`upload "${name}" is sent twice`);
  seen.add(name);
  return name;
}

/** Writes every uploaded file part into `dir`, at most `maxBytes` in all; returns the file names. */
export async function saveUploads(parts: AsyncIterable<MultipartFile>, dir: string, maxBytes: number): Promise<string[]> {
  const seen = new Set<string>();
  let total = 0;
  for await (const part of parts) {
    const name = checkName(part.filename, seen);
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        total += chunk.length;
        done(total > maxBytes ? new UploadTooLargeError(`uploads exceed ${maxBytes} bytes in all`) : null, chunk);
      },
    });
    await pipeline(part.file, counter, createWriteStream(join(dir, name), { flags: 'wx' }));
  }
  if (seen.size === 0) throw new UsageError('no files in the upload (send inventory files as multipart/form-data file parts)');
  return [...seen];
}

/** Writes a JSON graph document as `graph.json` in `dir`. */
export async function saveGraphDocument(doc: unknown, dir: string): Promise<void> {
  await writeFile(join(dir, 'graph.json'), JSON.stringify(doc));
}

/** Loads `dir`, refusing an empty graph (and, when strict, any rejected row). */
async function loadUpload(dir: string, strict: boolean): Promise<LoadedGraph> {
  const loaded = await loadGraph(dir);
  const { errors } = countDiagnostics(loaded.diagnostics);
  if (loaded.graph.order === 0) throw new InputError(`nothing was loaded from the upload (${errors} rejected rows or files)`);
  if (strict && errors > 0) throw new InputError(`strict: ${errors} rejected row(s) or file(s) in the upload`);
  return loaded;
}

function summaryOf(served: Served, dir: string, origin: string, snapshot?: string): IngestSummary {
  const strip = (file: string | undefined): string | undefined => (file?.startsWith(dir) ? file.slice(dir.length + 1) : file);
  const { loaded, analysis } = served;
  const { errors, warnings } = countDiagnostics(loaded.diagnostics);
  return {
    origin, generation: served.generation, at: analysis.at, nodes: loaded.graph.order, edges: loaded.graph.size,
    findings: analysis.findings.length,
    files: loaded.files.map((f) => ({ ...f, file: strip(f.file) ?? f.file })),
    diagnostics: {
      errors, warnings,
      first: loaded.diagnostics.slice(0, 20).map((d) => `${formatLocation({ ...d, file: strip(d.file) })}${d.message}`),
    },
    ...(snapshot ? { snapshot } : {}),
  };
}

/** Loads the upload in `dir` and serves it (engine), or writes it to the store as a snapshot and serves that. */
export async function ingestUpload(engine: EngineBackend, store: Store | undefined, dir: string, strict: boolean): Promise<IngestSummary> {
  const origin = `upload ${new Date().toISOString()}`;
  if (!store) return summaryOf(await engine.replace(() => loadUpload(dir, strict), origin), dir, origin);
  const loaded = await loadUpload(dir, strict);
  const partial = [...new Set(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.source ?? 'unknown'))];
  const written = await writeGraph(store, loaded.graph, { input: origin, partialSources: partial });
  const served = await engine.reload();
  return { ...summaryOf(served, dir, origin, written.snapshot), files: summaryOf({ ...served, loaded }, dir, origin).files };
}
