// read: one scanner report → its findings as raw objects with their location. A gitleaks report is one JSON
// array (each element located by line and JSON path); a trufflehog report is JSON Lines (one object per line, a
// bad line is reported and the others are read). No fixing, no typing: transform.ts does that.
import { readText } from '../whole-file.js';
import { jsonPath, parseMcpText } from '../mcp/read.js';

/** One finding as the scanner wrote it, and where it is in the report. */
export interface RawFinding {
  readonly value: unknown;
  readonly line: number | undefined;
  /** JSON path: `$[3]` for a gitleaks element, `$` for the object of a trufflehog line. */
  readonly path: string;
}

/** A line of a JSON Lines report that is not JSON. */
export interface BadLine {
  readonly line: number;
  readonly reason: string;
}

export type ScannerReadResult =
  | { readonly type: 'gitleaks'; readonly findings: readonly RawFinding[] }
  | { readonly type: 'trufflehog'; readonly findings: readonly RawFinding[]; readonly bad: readonly BadLine[] }
  | { readonly type: 'empty' }
  | { readonly type: 'malformed'; readonly line: number; readonly column: number; readonly path?: string; readonly reason: string }
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads a report file. Never throws. */
export async function readScannerFile(path: string): Promise<ScannerReadResult> {
  const read = await readText(path);
  if (read.type === 'unreadable') return read;
  const text = read.text;
  return parseScannerText(text);
}

/** Parses decoded report text: `[` starts a gitleaks array, anything else is JSON Lines (exported for tests). */
export function parseScannerText(text: string): ScannerReadResult {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trim();
  // NOTE: trufflehog writes nothing at all when it finds nothing; that is a clean report, not a broken one.
  if (trimmed === '') return { type: 'empty' };
  if (trimmed.startsWith('[')) return parseGitleaks(body);
  return parseJsonLines(body);
}

function parseGitleaks(text: string): ScannerReadResult {
  const parsed = parseMcpText(text);
  if (parsed.type !== 'json') return parsed;
  if (!Array.isArray(parsed.value)) return { type: 'malformed', line: 1, column: 1, path: '$', reason: 'a gitleaks report is a JSON array of findings' };
  const findings = parsed.value.map((value: unknown, i: number) => ({ value, line: parsed.lineOf([i]), path: jsonPath([i]) }));
  return { type: 'gitleaks', findings };
}

function parseJsonLines(text: string): ScannerReadResult {
  const findings: RawFinding[] = [];
  const bad: BadLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    try {
      findings.push({ value: JSON.parse(line) as unknown, line: i + 1, path: '$' });
    } catch (cause) {
      // NOTE: the reason is our own words: JSON.parse quotes the input, and a line of a report may hold a secret.
      bad.push({ line: i + 1, reason: cause instanceof SyntaxError ? 'not a JSON object (invalid JSON)' : 'unreadable line' });
    }
  }
  return { type: 'trufflehog', findings, bad };
}
