// Splits a big inventory CSV file into byte ranges that workers read on their own. A range may only start right
// after a record break outside every quoted field, and carries the header and the line numbers a whole read would give.
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { CsvRange } from '../csv-inventory/index.js';
import type { CsvFileSpec } from '../csv-inventory/files.js';
import { transformHeader, type Header } from '../csv-inventory/transform.js';

/** Bytes read from the start of the file to find its record delimiter and header. */
const HEAD_BYTES = 1 << 20;
/** Bytes scanned per read while looking for split points. */
const SCAN_BYTES = 4 << 20;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The file as consecutive ranges of about `rangeBytes` each, or undefined when it must be read whole: no record
 * delimiter or header in its first megabyte, `\r`-only line breaks, a header a whole read would reject, or too small.
 */
export async function splitCsvFile(path: string, spec: CsvFileSpec, display: string, rangeBytes: number): Promise<CsvRange[] | undefined> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size <= rangeBytes) return undefined;
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const start = headerOf(head.subarray(0, bytesRead), spec, display);
    if (start === undefined) return undefined;
    const breaks = await findBreaks(handle, size, start.end, rangeBytes, start.delimiter);
    if (breaks.length === 0) return undefined;
    const ranges: CsvRange[] = [];
    let prev: Break = { offset: 0, line: 1, parserLine: 1 };
    for (const b of [...breaks, { offset: size, line: 0, parserLine: 0 }]) {
      ranges.push({
        start: prev.offset, end: b.offset, firstLine: prev.line, parserLine: prev.parserLine,
        recordDelimiter: start.delimiter, ...(prev.offset > 0 ? { header: start.header } : {}),
      });
      prev = b;
    }
    return ranges;
  } finally {
    await handle.close();
  }
}

/** A record break: the offset right after it and the line counts (ours and csv-parse's) at that offset. */
interface Break {
  readonly offset: number;
  readonly line: number;
  readonly parserLine: number;
}

/** The record delimiter csv-parse would discover, the checked header, and the offset after the header's record. */
function headerOf(head: Buffer, spec: CsvFileSpec, display: string): { delimiter: '\n' | '\r\n'; header: Header; end: number } | undefined {
  let quotes = 0;
  let first = -1;
  for (let i = 0; i < head.length && first < 0; i++) {
    const c = head[i];
    if (c === QUOTE) quotes++;
    else if ((c === LF || c === CR) && (quotes & 1) === 0) first = i;
  }
  if (first < 0 || first + 1 >= head.length) return undefined;
  // NOTE: csv-parse takes the first line break outside quotes as the delimiter for the whole file (\r\n before \r).
  const delimiter = head[first] === LF ? '\n' : head[first + 1] === LF ? '\r\n' : undefined;
  if (delimiter === undefined) return undefined;
  quotes = 0;
  // NOTE: before any malformed quote, each record ends with exactly one delimiter outside quotes (blank lines too).
  const breaks: number[] = [];
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (c === QUOTE) quotes++;
    else if (c === LF && (quotes & 1) === 0 && (delimiter === '\n' || head[i - 1] === CR)) breaks.push(i + 1);
  }
  // The header is the first record with a non-blank cell; records are parsed one by one up to it (the rest of the
  // head may hold damage a whole read only meets later).
  let start = 0;
  for (const [j, end] of breaks.entries()) {
    let rows: string[][];
    try {
      rows = parse(head.subarray(start, end), { bom: j === 0, relax_column_count: true, record_delimiter: delimiter }) as string[][];
    } catch {
      return undefined;
    }
    const cells = rows[0];
    if (rows.length !== 1 || cells === undefined) return undefined;
    if (cells.some((c) => c.trim() !== '')) {
      const checked = transformHeader(spec, { type: 'row', line: 1, cells }, display);
      return 'header' in checked ? { delimiter, header: checked.header, end } : undefined;
    }
    start = end;
  }
  return undefined;
}

/** Record breaks at or after `min` and every `rangeBytes`, found by scanning the whole file once. */
async function findBreaks(
  handle: Awaited<ReturnType<typeof open>>, size: number, min: number, rangeBytes: number, delimiter: '\n' | '\r\n',
): Promise<Break[]> {
  const breaks: Break[] = [];
  const buf = Buffer.alloc(Math.min(size, SCAN_BYTES));
  const crlf = delimiter === '\r\n';
  let target = Math.max(min, rangeBytes);
  let quotes = 0;
  let lf = 0;
  let cr = 0;
  let crlfOutside = 0;
  let prev = 0;
  // NOTE: RFC 4180 doubles quotes inside quoted fields, so an even count of `"` before a break means it is outside
  // every quoted field. Before the first malformed quote (where a whole read stops) that count is exact. csv-parse
  // counts every \r and \n it visits as a line, except the \n of a \r\n record delimiter, which it skips.
  for (let pos = 0; pos < size;) {
    const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, size - pos), pos);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead; i++) {
      const c = buf[i];
      if (c === QUOTE) quotes++;
      else if (c === CR) cr++;
      else if (c === LF) {
        lf++;
        const outside = (quotes & 1) === 0;
        if (crlf && outside && prev === CR) crlfOutside++;
        const offset = pos + i + 1;
        if (offset >= target && outside && (!crlf || prev === CR) && offset < size) {
          breaks.push({ offset, line: 1 + lf, parserLine: 1 + lf + cr - crlfOutside });
          target = offset + rangeBytes;
        }
      }
      prev = c ?? 0;
    }
    pos += bytesRead;
  }
  return breaks;
}
