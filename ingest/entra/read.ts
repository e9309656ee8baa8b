// read: one Entra / Azure export file → its parsed JSON. Bytes are decoded by their byte-order mark (UTF-8, or
// UTF-16 LE/BE as Windows PowerShell writes them); a syntax error (a truncated export) becomes a `malformed` result
// with line, column and the JSON path of the value being read when parsing stopped.
import { parseLocatedJson, readLocatedJson, type LocatedSyntaxError } from '../aws/read.js';

export type EntraReadResult =
  | { readonly type: 'json'; readonly value: unknown }
  | LocatedSyntaxError
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads and parses a file. Never throws. */
export function readEntraFile(path: string): Promise<EntraReadResult> {
  return readLocatedJson(path);
}

/** Parses decoded text (exported for tests). */
export function parseEntraText(text: string): EntraReadResult {
  return parseLocatedJson(text);
}
