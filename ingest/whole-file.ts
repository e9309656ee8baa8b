// What every ingestor that reads a file whole (JSON graph, AWS, AWS CLI, Kubernetes, Entra, MCP, GitHub Actions,
// secret scanners) does around its transform: the file is read as decoded text; a file it cannot use is one error
// diagnostic and nothing else, and the records of a usable file go to the sink only once the whole file is
// transformed (its rules need every object of the file).
import { open, readFile } from 'node:fs/promises';
import { emptyRecords, type DiagnosticCode, type Records } from '../src/model/index.js';
import { decodeText } from './json-graph/read.js';
import { DETECT_BYTES, type IngestFileOptions } from './types.js';

/** The first DETECT_BYTES of a file as decoded text (what `detect` looks at), or undefined when it cannot be read. */
export async function readHead(path: string): Promise<string | undefined> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(DETECT_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, DETECT_BYTES, 0);
      return decodeText(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** A whole file as decoded text (UTF-8, or UTF-16 with a byte-order mark), or why it could not be read. Never throws. */
export async function readText(path: string): Promise<{ readonly type: 'text'; readonly text: string } | { readonly type: 'unreadable'; readonly reason: string }> {
  try {
    return { type: 'text', text: decodeText(await readFile(path)) };
  } catch (cause) {
    return { type: 'unreadable', reason: (cause as NodeJS.ErrnoException).code ?? (cause as Error).message };
  }
}

/** A file that could not be read, or whose syntax stopped the parse at a location (`path` when known). */
export type UnusableFile =
  | { readonly type: 'unreadable'; readonly reason: string }
  | { readonly type: 'malformed'; readonly line: number; readonly column: number; readonly path?: string; readonly reason: string };

/** The records of an unusable file: one error naming file, line, column and path; nothing loaded from it. */
export function unusableFile(read: UnusableFile, source: string, file: string, code: DiagnosticCode = 'malformed-json'): Records {
  const out = emptyRecords();
  if (read.type === 'unreadable') {
    out.diagnostics.push({ severity: 'error', code: 'unreadable-file', source, file, message: `cannot read the file (${read.reason})` });
    return out;
  }
  out.diagnostics.push({
    severity: 'error', code, source, file, line: read.line, column: read.column,
    ...(read.path !== undefined ? { field: read.path } : {}),
    message: `${read.reason}${read.path !== undefined ? ` while reading ${read.path}` : ''}; nothing was loaded from this file`,
  });
  return out;
}

/** A whole file's records, counted for progress and handed to the sink when there is one (then only diagnostics are returned). */
export function deliverWhole(records: Records, options: IngestFileOptions): Records {
  options.onRow?.(records.nodes.length + records.edges.length);
  const sink = options.sink;
  if (sink === undefined) return records;
  for (const n of records.nodes) sink.node(n);
  for (const e of records.edges) sink.edge(e);
  return { nodes: [], edges: [], diagnostics: records.diagnostics };
}
