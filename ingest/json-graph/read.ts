// read: one JSON file → a parsed value. Handles UTF-8 (with or without BOM) and UTF-16 exports; a syntax
// error becomes a `malformed` result with the line and column where parsing stopped.
import { readFile } from 'node:fs/promises';

export type JsonReadResult =
  | { readonly type: 'json'; readonly value: unknown }
  | { readonly type: 'malformed'; readonly line: number; readonly column: number; readonly reason: string }
  | { readonly type: 'unreadable'; readonly reason: string };

/** Decodes bytes by their byte-order mark (UTF-16 LE/BE, UTF-8 with or without BOM). */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads and parses a JSON file. Never throws. */
export async function readJson(path: string): Promise<JsonReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    return { type: 'unreadable', reason: (cause as NodeJS.ErrnoException).code ?? (cause as Error).message };
  }
  const text = decodeText(bytes);
  try {
    return { type: 'json', value: JSON.parse(text) as unknown };
  } catch (cause) {
    return { type: 'malformed', ...syntaxLocation(text, (cause as Error).message) };
  }
}

/**
 * Where JSON.parse stopped, and a reason in our own words.
 * NOTE: V8's message quotes a snippet of the input, which may be secret; it is never passed on.
 */
function syntaxLocation(text: string, message: string): { line: number; column: number; reason: string } {
  const at = /position (\d+)/.exec(message);
  const truncated = /end of JSON input|Unterminated string/i.test(message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
  const pos = truncated ? text.trimEnd().length : at ? Number(at[1]) : 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  const lc = /line (\d+) column (\d+)/.exec(message);
  const loc = lc && !truncated ? { line: Number(lc[1]), column: Number(lc[2]) } : { line, column: pos - lineStart + 1 };
  const reason = truncated ? 'the JSON ends unexpectedly (truncated file?)' : text.trim() === '' ? 'the file is empty' : 'invalid JSON syntax';
  return { ...loc, reason };
}
