// read: one Entra / Azure export file → its parsed JSON. Bytes are decoded by their byte-order mark (UTF-8, or
// UTF-16 LE/BE as Windows PowerShell writes them); a syntax error (a truncated export) becomes a `malformed` result
// with line, column and the JSON path of the value being read when parsing stopped.
import { readFile } from 'node:fs/promises';
import { parseLocatedJson, type LocatedSyntaxError } from '../aws/read.js';
import { decodeText } from '../json-graph/read.js';

export type EntraReadResult =
  | { readonly type: 'json'; readonly value: unknown }
  | LocatedSyntaxError
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
  return parseLocatedJson(text);
}
