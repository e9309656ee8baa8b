// The json-graph ingestor (sync): `graph.json` / `*.graph.json` files in the format src/graph/export.ts writes.
// Invalid JSON is one `malformed-json` diagnostic for the file; a bad node or edge is skipped, the rest load.
import { emptyRecords, type Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { readJson } from './read.js';
import { SOURCE, transformGraph } from './transform.js';

/** Reads one JSON graph file into records. */
export async function ingestJsonGraphFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readJson(path);
  if (read.type === 'unreadable') {
    const out = emptyRecords();
    out.diagnostics.push({ severity: 'error', code: 'unreadable-file', source: SOURCE, file, message: `cannot read the file (${read.reason})` });
    return out;
  }
  if (read.type === 'malformed') {
    const out = emptyRecords();
    out.diagnostics.push({
      severity: 'error', code: 'malformed-json', source: SOURCE, file, line: read.line, column: read.column,
      message: `${read.reason}; nothing was loaded from this file`,
    });
    return out;
  }
  const records = transformGraph(read.value, file);
  options.onRow?.(records.nodes.length + records.edges.length);
  const sink = options.sink;
  if (sink === undefined) return records;
  // NOTE: a JSON graph is parsed whole anyway; the sink gets its records after the parse, in order.
  for (const n of records.nodes) sink.node(n);
  for (const e of records.edges) sink.edge(e);
  return { nodes: [], edges: [], diagnostics: records.diagnostics };
}

/** True for the file names the JSON graph format uses. */
export function isJsonGraphName(fileName: string): boolean {
  return fileName === 'graph.json' || (fileName.endsWith('.graph.json') && fileName.length > '.graph.json'.length);
}

/** The json-graph source. */
export const jsonGraph: Ingestor = {
  id: SOURCE,
  accepts: isJsonGraphName,
  ingestFile: ingestJsonGraphFile,
};
