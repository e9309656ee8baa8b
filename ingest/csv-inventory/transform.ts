// transform: pure functions from raw CSV rows to records. The header is checked against the columns the
// file's spec derives from the model; each row becomes records or diagnostics, never both for the same row.
import type { Diagnostic, EdgeRecord, NodeRecord } from '../../src/model/index.js';
import { fingerprint, scrubSecrets } from '../secrets.js';
import { transformEdgeRow } from './edge-row.js';
import { EXTRA_COLUMN, fileColumns, requiredColumns, type CsvFileSpec } from './files.js';
import { transformNodeRow } from './node-row.js';
import type { RawRow } from './read.js';
import { SOURCE, type Header, type RowContext } from './row-context.js';

export { SOURCE, type Header } from './row-context.js';

/** What one row produced. A rejected row has error diagnostics and no records. */
export interface RowOutput {
  readonly nodes: NodeRecord[];
  readonly edges: EdgeRecord[];
  readonly diagnostics: Diagnostic[];
}

/** Checks a header row: one error diagnostic for the first unknown, duplicate or missing column. */
export function transformHeader(spec: CsvFileSpec, row: RawRow, file: string): { header: Header } | { diagnostic: Diagnostic } {
  const columns = row.cells.map((c) => c.trim().toLowerCase());
  const allowed = new Set(fileColumns(spec));
  const loc = { severity: 'error' as const, source: SOURCE, file, line: row.line };
  const unknown = columns.filter((c) => !allowed.has(c) && !EXTRA_COLUMN.test(c));
  for (const [i, col] of columns.entries()) {
    if (columns.indexOf(col) !== i) {
      return { diagnostic: { ...loc, code: 'unknown-column', column: i + 1, field: col, message: `column "${col}" appears twice; the file was skipped` } };
    }
    if (unknown[0] === col) {
      const message = `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} in ${spec.name}; `
        + `allowed: ${[...allowed].join(', ')}, x_<name>; the file was skipped`;
      return { diagnostic: { ...loc, code: 'unknown-column', column: i + 1, field: col || '(empty)', message } };
    }
  }
  const missing = requiredColumns(spec).filter((c) => !columns.includes(c));
  if (missing[0] !== undefined) {
    const message = `missing required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; the file was skipped`;
    return { diagnostic: { ...loc, code: 'missing-column', field: missing[0], message } };
  }
  return { header: { columns } };
}

/** Turns one data row into records, or into error diagnostics when it cannot be used. */
export function transformRow(spec: CsvFileSpec, header: Header, row: RawRow, file: string): RowOutput {
  if (row.cells.every((c) => c.trim() === '')) return { nodes: [], edges: [], diagnostics: [] };
  if (row.cells.length > header.columns.length) {
    const extra = row.cells.length - header.columns.length;
    return {
      nodes: [], edges: [], diagnostics: [{
        severity: 'error', code: 'malformed-csv', source: SOURCE, file, line: row.line, column: header.columns.length + 1,
        message: `row has ${row.cells.length} cells but the header has ${header.columns.length} columns (${extra} extra; quote cells that contain commas)`,
      }],
    };
  }
  const ctx = rowContext(spec, header, row, file);
  const out = spec.role === 'nodes' ? transformNodeRow(spec, ctx) : transformEdgeRow(spec, ctx);
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return { nodes: [], edges: [], diagnostics: ctx.diagnostics };
  return { ...out, diagnostics: ctx.diagnostics };
}

function rowContext(spec: CsvFileSpec, header: Header, row: RawRow, file: string): RowContext {
  const values = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const [i, col] of header.columns.entries()) {
    const raw = (row.cells[i] ?? '').trim();
    if (raw === '') continue;
    const secret = spec.role === 'nodes' && col === spec.secretColumn;
    const scrubbed = secret ? { text: fingerprint(raw), found: ['secret value'] } : scrubSecrets(raw);
    if (scrubbed.found.length > 0) {
      const what = secret ? `the "${col}" column holds secret material` : `${scrubbed.found.join(', ')} found in column "${col}"`;
      diagnostics.push({
        severity: 'warning', code: 'secret-fingerprinted', source: SOURCE, file, line: row.line, column: i + 1, field: col,
        message: `${what}; it was replaced by its fingerprint ${secret ? scrubbed.text : '(sha256:…)'} and is not stored`,
      });
    }
    values.set(col, scrubbed.text);
  }
  return { file, line: row.line, header, values, diagnostics, provenance: { source: SOURCE, file, line: row.line } };
}
