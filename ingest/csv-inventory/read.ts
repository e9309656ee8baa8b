// read: streams one CSV file through csv-parse and yields raw rows (cells as written) with the line each
// starts on. Dumb on purpose: no trimming, no typing, no fixing; a malformed file ends with one `malformed` event.
import { createReadStream } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';

/** One record as written: its cells and the 1-based line it starts on. */
export interface RawRow {
  readonly type: 'row';
  readonly line: number;
  readonly cells: readonly string[];
}

/** The file could not be parsed from `line` on; rows before it were already yielded. */
export interface MalformedCsv {
  readonly type: 'malformed';
  readonly line: number;
  readonly column?: number;
  readonly reason: string;
}

/** The file could not be opened or read at all. */
export interface UnreadableFile {
  readonly type: 'unreadable';
  readonly reason: string;
}

export type CsvEvent = RawRow | MalformedCsv | UnreadableFile;

/** A byte range of a file that starts right after a record break (ingest/parallel splits big files into these). */
export interface ByteRange {
  /** First byte (inclusive); the byte before it ends a record. */
  readonly start: number;
  /** Last byte (exclusive). */
  readonly end: number;
  /** Our 1-based line of the first record in the range (1 + line breaks before `start`). */
  readonly firstLine: number;
  /** csv-parse's own line count at `start` (it also counts `\r`), so its error lines match a whole-file read. */
  readonly parserLine: number;
  /** The record delimiter the whole-file read discovered from the first line break. */
  readonly recordDelimiter: '\n' | '\r\n';
}

/** Records buffered before the parser is paused (keeps memory flat on large files). */
const HIGH_WATER = 1024;

/** Our own wording for csv-parse errors: its messages quote cell values, which may be secret. */
const REASONS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminated quoted field: a `"` opened on this line is never closed',
  INVALID_OPENING_QUOTE: 'a `"` appears inside an unquoted field (quote the whole field and double inner quotes)',
  CSV_INVALID_CLOSING_QUOTE: 'characters follow a closing `"` before the next delimiter',
};

/**
 * Streams the rows of a CSV file, or of one byte range of it (then rows and errors carry the lines a whole-file
 * read would give). Never throws for bad content: problems arrive as the last event.
 */
export async function* readCsv(path: string, range?: ByteRange): AsyncGenerator<CsvEvent> {
  const queue: CsvEvent[] = [];
  let done = false;
  let wake: (() => void) | undefined;
  const notify = (): void => { wake?.(); wake = undefined; };
  // NOTE: csv-parse's `info` option costs a copied object per record, so lines are counted here: blank lines come
  // through as one empty cell, and a record spans one line plus the line breaks inside its quoted cells.
  let nextLine = range?.firstLine ?? 1;
  const parserLines = (range?.parserLine ?? 1) - 1;

  // NOTE: a later range starts mid-file: no BOM there, and the delimiter must be the one the whole read discovered.
  const input = range ? createReadStream(path, { start: range.start, end: range.end - 1 }) : createReadStream(path);
  const parser = range !== undefined && range.start > 0
    ? parse({ bom: false, relax_column_count: true, record_delimiter: range.recordDelimiter })
    : parse({ bom: true, relax_column_count: true });
  input.on('error', (err: NodeJS.ErrnoException) => {
    queue.push({ type: 'unreadable', reason: err.code ?? err.message });
    done = true;
    parser.destroy();
    notify();
  });
  parser.on('data', (cells: string[]) => {
    const line = nextLine;
    nextLine += 1;
    for (const cell of cells) nextLine += countBreaks(cell);
    queue.push({ type: 'row', line, cells });
    if (queue.length >= HIGH_WATER) parser.pause();
    notify();
  });
  parser.on('error', (err: CsvError) => {
    if (done) return;
    const lines = (err as { lines?: number }).lines;
    const line = err.code === 'CSV_QUOTE_NOT_CLOSED' || lines === undefined ? nextLine : lines + parserLines;
    const col = (err as { column?: unknown }).column;
    const reason = REASONS[err.code] ?? `cannot parse CSV (${err.code})`;
    queue.push({ type: 'malformed', line, reason, ...(typeof col === 'number' ? { column: col + 1 } : {}) });
    done = true;
    notify();
  });
  parser.on('end', () => { done = true; notify(); });
  input.pipe(parser);

  try {
    for (;;) {
      const event = queue.shift();
      if (event) {
        yield event;
        if (event.type !== 'row') return;
        continue;
      }
      if (done) return;
      if (parser.isPaused()) parser.resume();
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  } finally {
    input.destroy();
    parser.destroy();
  }
}

function countBreaks(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}
