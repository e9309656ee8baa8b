// read: one Entra / Azure export file → its parsed JSON. Bytes are decoded by their byte-order mark (UTF-8, or
// UTF-16 LE/BE as Windows PowerShell writes them); a syntax error (a truncated export) becomes a `malformed` result
// with line, column and the JSON path of the value being read when parsing stopped.
import { readFile } from 'node:fs/promises';
import { jsonPathAt } from '../aws/read.js';
import { decodeText } from '../json-graph/read.js';

export type EntraReadResult =
  | { readonly type: 'json'; readonly value: unknown }
  | { readonly type: 'malformed'; readonly line: number; readonly column: number; readonly path: string; readonly reason: string }
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads and parses a file. Never throws. */
export async function readEntraFile(path: string): Promise<EntraReadResult> {
  let text: string;
  try {
    text = decodeText(await readFile(path));
  } catch (cause) {
    return { type: 'unreadable', reason: (cause as NodeJS.ErrnoException).code ?? (cause as Error).message };
  }
  return parseEntraText(text);
}

/** Parses decoded text (exported for tests). */
export function parseEntraText(text: string): EntraReadResult {
  try {
    return { type: 'json', value: JSON.parse(text) as unknown };
  } catch (cause) {
    // NOTE: V8's message may quote the input (a secret, in the worst case); only the position is taken from it.
    const at = /position (\d+)/.exec((cause as Error).message);
    const end = text.trimEnd().length;
    const truncated = at === null || Number(at[1]) >= end;
    const offset = truncated ? end : Number(at[1]);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
    const reason = text.trim() === '' ? 'the file is empty' : truncated ? 'the JSON ends unexpectedly (truncated file?)' : 'invalid JSON syntax';
    return { type: 'malformed', line, column: offset - lineStart + 1, path: jsonPathAt(text, offset), reason };
  }
}
