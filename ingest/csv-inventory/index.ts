// The csv-inventory ingestor (sync): stream each known CSV file (read), turn rows into records (transform).
// Bad rows are skipped, a bad header skips the file, a malformed file keeps the rows parsed before the damage.
import { emptyRecords, type Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor, RecordSink } from '../types.js';
import { CSV_FILES, csvFileSpec } from './files.js';
import { readCsv, type ByteRange } from './read.js';
import { SOURCE, transformHeader, transformRow, type Header } from './transform.js';

export { CSV_FILES, fileColumns, requiredColumns } from './files.js';
export type { ByteRange } from './read.js';

/** One byte range of an inventory CSV file; ranges after the first are given the file's checked header. */
export interface CsvRange extends ByteRange {
  readonly header?: Header;
}

/** Reads one inventory CSV file into records. */
export async function ingestCsvFile(path: string, options: IngestFileOptions): Promise<Records> {
  return (await ingestCsvRange(path, options)).records;
}

/**
 * Reads one inventory CSV file, or one byte range of it (ingest/parallel), into records. `complete` is false when
 * the read stopped early (unreadable or malformed file, bad header): a whole-file read would load nothing after it.
 */
export async function ingestCsvRange(path: string, options: IngestFileOptions, range?: CsvRange): Promise<{ records: Records; complete: boolean }> {
  const file = options.display;
  const out = emptyRecords();
  const spec = csvFileSpec(baseName(path));
  if (spec === undefined) return { records: out, complete: true };
  // NOTE: with a streaming sink, records are handed over and forgotten; otherwise they collect in `out`.
  const sink: RecordSink = options.sink ?? { node: (n) => out.nodes.push(n), edge: (e) => out.edges.push(e) };
  let header: Header | undefined = range?.header;
  let rows = 0;
  for await (const event of readCsv(path, range)) {
    if (event.type === 'unreadable') {
      out.diagnostics.push({ severity: 'error', code: 'unreadable-file', source: SOURCE, file, message: `cannot read the file (${event.reason})` });
      return { records: out, complete: false };
    }
    if (event.type === 'malformed') {
      out.diagnostics.push({
        severity: 'error', code: 'malformed-csv', source: SOURCE, file, line: event.line,
        ...(event.column !== undefined ? { column: event.column } : {}),
        message: `${event.reason}; rows before line ${event.line} were loaded, the rest of the file was not`,
      });
      return { records: out, complete: false };
    }
    if (header === undefined) {
      if (event.cells.every((c) => c.trim() === '')) continue;
      const checked = transformHeader(spec, event, file);
      if ('diagnostic' in checked) { out.diagnostics.push(checked.diagnostic); return { records: out, complete: false }; }
      header = checked.header;
      continue;
    }
    const result = transformRow(spec, header, event, file);
    for (const n of result.nodes) sink.node(n);
    for (const e of result.edges) sink.edge(e);
    for (const d of result.diagnostics) out.diagnostics.push(d);
    options.onRow?.(++rows);
  }
  return { records: out, complete: true };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

const NAMES = new Set(CSV_FILES.map((f) => f.name));

/** The csv-inventory source. */
export const csvInventory: Ingestor = {
  id: SOURCE,
  accepts: (fileName) => NAMES.has(fileName),
  ingestFile: ingestCsvFile,
};
