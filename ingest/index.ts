// Registry of ingestors and the directory loader: every file of an inventory directory and its sub-folders goes to
// the ingestor that accepts its name, else to the one that recognises its first bytes (exports without a fixed
// name), in sorted order; all records and diagnostics are merged, then the cross-source joins (ingest/joins) add
// what connects one source's records to another's.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { JoinCollector } from './joins/index.js';
import { readHead } from './whole-file.js';
import {
  InputError, emptyRecords, type Diagnostic, type EdgeRecord, type NodeRecord, type Records,
} from '../src/model/index.js';
import { aws } from './aws/index.js';
import { awsCli } from './aws-cli/index.js';
import { CSV_FILES, csvInventory } from './csv-inventory/index.js';
import { entra } from './entra/index.js';
import { gcp } from './gcp/index.js';
import { githubActions } from './github-actions/index.js';
import { jsonGraph } from './json-graph/index.js';
import { k8s } from './k8s/index.js';
import { mcp } from './mcp/index.js';
import { secretScanners } from './secret-scanners/index.js';
import { loadEntriesParallel, type ParallelOptions } from './parallel/load.js';
import type { Ingestor, RecordSink, SourceId } from './types.js';

export { DETECT_BYTES, SOURCE_IDS, type Ingestor, type IngestFileOptions, type RecordSink, type SourceId } from './types.js';
export type { ParallelOptions } from './parallel/load.js';

/** Every ingestor, by source id. */
export const INGESTORS = {
  'csv-inventory': csvInventory,
  'json-graph': jsonGraph,
  aws,
  k8s,
  entra,
  mcp,
  'secret-scanners': secretScanners,
  'github-actions': githubActions,
  'aws-cli': awsCli,
  gcp,
} as const satisfies Record<SourceId, Ingestor>;

/** Files that live in an inventory directory but are read elsewhere (src/findings/exceptions.ts, src/analysis/tiers.ts). */
export const SKIPPED_FILES: ReadonlySet<string> = new Set(['exceptions.csv', 'tiers.csv']);
/** An inventory may document itself: README, README.md, readme.txt are not input. */
const README = /^readme(\.[a-z]+)?$/i;

/** What one file contributed: records kept and error diagnostics (rejected rows, or the file itself). */
export interface FileSummary {
  file: string;
  source: string;
  nodes: number;
  edges: number;
  rejected: number;
}

/** Options of loadDirectory. */
export interface LoadOptions {
  /** Called with the number of rows or records read so far, over all files. */
  readonly onRow?: (n: number) => void;
  /** Streaming load: records go to the sink and the returned nodes/edges stay empty (diagnostics and files are returned). */
  readonly sink?: RecordSink;
  /**
   * Read and transform on worker threads (ingest/parallel); the sink still gets every record in the sequential order
   * and the result is identical. Small inventories, or no usable worker threads, take the sequential path.
   */
  readonly parallel?: boolean | ParallelOptions;
}

/** One input of an inventory directory, in load order: a file with its ingestor, or a diagnostic for a file none reads. */
export type DirectoryEntry =
  | { readonly display: string; readonly relPath: string; readonly ingestor: Ingestor }
  | { readonly display: string; readonly relPath: string; readonly diagnostic: Diagnostic };

/** The summary of one file from what it contributed. */
export function summarizeFile(display: string, source: string, nodes: number, edges: number, diagnostics: readonly Diagnostic[]): FileSummary {
  return { file: display, source, nodes, edges, rejected: diagnostics.filter((d) => d.severity === 'error').length };
}

/** The ingestor that reads a file with this base name (at `relPath` in the inventory), if any. */
export function ingestorFor(fileName: string, relPath: string = fileName): Ingestor | undefined {
  return Object.values(INGESTORS).find((i) => i.accepts(fileName, relPath));
}

/**
 * The ingestor that recognises the file by its first DETECT_BYTES (for exports without a fixed name), if any.
 * An unreadable file gives undefined: it is then reported as unknown, not read.
 */
export async function detectIngestor(path: string, fileName: string, relPath: string = fileName): Promise<Ingestor | undefined> {
  const candidates = Object.values(INGESTORS).filter((i): i is Ingestor & Required<Pick<Ingestor, 'detect'>> => 'detect' in i && i.detect !== undefined);
  if (candidates.length === 0) return undefined;
  const head = await readHead(path);
  if (head === undefined) return undefined;
  return candidates.find((i) => i.detect(head, fileName, relPath));
}

/** Loads every known file in `dir`. Throws InputError when the directory cannot be read; bad content becomes diagnostics. */
export async function loadDirectory(dir: string, options: LoadOptions = {}): Promise<Records & { files: FileSummary[] }> {
  const entries = await listInventory(dir);
  const joins = new JoinCollector();
  const sink = options.sink ? observingSink(options.sink, joins) : undefined;
  if (options.parallel) {
    const parallel = await loadEntriesParallel(entries, { ...options, ...(sink ? { sink } : {}) }, options.parallel === true ? {} : options.parallel);
    if (parallel !== undefined) return withJoins(parallel, joins, options.sink);
  }
  const out = emptyRecords();
  const files: FileSummary[] = [];
  let rowsBefore = 0;
  for (const entry of entries) {
    if ('diagnostic' in entry) {
      out.diagnostics.push(entry.diagnostic);
      continue;
    }
    const { display, ingestor } = entry;
    let rows = 0;
    const onRow = options.onRow;
    const counted = sink ? countingSink(sink) : undefined;
    const records = await ingestor.ingestFile(display, {
      display, relPath: entry.relPath, ...(onRow ? { onRow: (n: number) => { rows = n; onRow(rowsBefore + n); } } : {}),
      ...(counted ? { sink: counted } : {}),
    });
    rowsBefore += rows;
    for (const n of records.nodes) out.nodes.push(n);
    for (const e of records.edges) out.edges.push(e);
    for (const d of records.diagnostics) out.diagnostics.push(d);
    files.push(summarizeFile(
      display, ingestor.id, counted ? counted.nodes : records.nodes.length, counted ? counted.edges : records.edges.length, records.diagnostics,
    ));
  }
  return withJoins({ ...out, files }, joins, options.sink);
}

/** `loaded` with what the joins add: into the sink on a streaming load, else into the records; one summary row per join. */
function withJoins<T extends Records & { files: FileSummary[] }>(loaded: T, joins: JoinCollector, sink: RecordSink | undefined): T {
  if (!sink) for (const n of loaded.nodes) joins.observe(n);
  const joined = joins.resolve();
  if (sink) {
    for (const n of joined.nodes) sink.node(n);
    for (const e of joined.edges) sink.edge(e);
  } else {
    loaded.nodes.push(...joined.nodes);
    loaded.edges.push(...joined.edges);
  }
  loaded.diagnostics.push(...joined.diagnostics);
  for (const c of joined.counts) loaded.files.push({ file: `(join ${c.id})`, source: c.id, nodes: c.nodes, edges: c.edges, rejected: c.rejected });
  return loaded;
}

/** A sink that forwards to `sink` and shows every node to the joins (a streaming load keeps no records to look at later). */
function observingSink(sink: RecordSink, joins: JoinCollector): RecordSink {
  return {
    node(record: NodeRecord) { joins.observe(record); sink.node(record); },
    edge(record: EdgeRecord) { sink.edge(record); },
  };
}

/**
 * The inputs of an inventory directory and its sub-folders in load order (sorted `/`-separated relative paths;
 * skipped files and READMEs left out, tiers.csv and exceptions.csv only at the top).
 */
export async function listInventory(dir: string): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  for (const relPath of await listFiles(dir)) {
    const name = relPath.slice(relPath.lastIndexOf('/') + 1);
    if ((relPath === name && SKIPPED_FILES.has(name)) || README.test(name)) continue;
    const display = join(dir, relPath);
    const ingestor = ingestorFor(name, relPath) ?? await detectIngestor(display, name, relPath);
    entries.push(ingestor === undefined ? { display, relPath, diagnostic: unknownFile(display, name) } : { display, relPath, ingestor });
  }
  return entries;
}

/** A sink that forwards to `sink` and counts what one file contributed. */
function countingSink(sink: RecordSink): RecordSink & { nodes: number; edges: number } {
  const counted = {
    nodes: 0, edges: 0,
    node(record: NodeRecord) { counted.nodes++; sink.node(record); },
    edge(record: EdgeRecord) { counted.edges++; sink.edge(record); },
  };
  return counted;
}

/** Folders never searched: version control and package trees hold no inventory, and can be huge. */
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', 'node_modules']);
/** How deep sub-folders are searched (a home directory's `.config/…/mcp.json` is 3 deep). */
const MAX_DEPTH = 8;

/**
 * Regular files (and links to files) of the directory and its sub-folders as `/`-separated relative paths, sorted
 * (code-unit order, independent of locale). Linked folders are not followed, so a link cycle cannot loop.
 */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(rel === '' ? dir : join(dir, rel), { withFileTypes: true });
    } catch (cause) {
      if (rel !== '') return;
      const code = (cause as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a directory' : `cannot be read (${code ?? 'error'})`;
      throw new InputError(`inventory directory ${why}`, { file: dir }, { cause });
    }
    for (const e of entries) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIPPED_DIRS.has(e.name)) await walk(path, depth + 1);
        // NOTE: a linked folder is neither followed nor listed (a cycle of links cannot loop).
      } else if (e.isFile() || (e.isSymbolicLink() && !await isDirectory(join(dir, path)))) {
        out.push(path);
      }
    }
  };
  await walk('', 0);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** False for a broken link too: it is listed, and reading it reports the file as unreadable. */
async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function unknownFile(file: string, name: string): Diagnostic {
  const csv = CSV_FILES.map((f) => f.name).join(', ');
  const message = `no ingestor reads "${name}" (CSV inventory files: ${csv}; JSON graphs: graph.json, *.graph.json or `
    + '*.opengraph.json; AWS IAM, GCP IAM, Kubernetes and Entra ID exports, MCP client configs, AWS CLI config/credentials '
    + 'files, GitHub Actions workflows and gitleaks/trufflehog reports are recognised by content); the file was ignored';
  return { severity: 'warning', code: 'unknown-file', file, message };
}
