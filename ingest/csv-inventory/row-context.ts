// The state of one CSV row while it is transformed: its cleaned cells by column and the diagnostics so far.
import type { Diagnostic, Provenance } from '../../src/model/index.js';

export const SOURCE = 'csv-inventory';

/** The checked header: normalised column names by position. */
export interface Header {
  readonly columns: readonly string[];
}

/** The cells of one row after trimming and secret scrubbing, by column name; empty cells are absent. */
export interface RowContext {
  readonly file: string;
  readonly line: number;
  readonly header: Header;
  readonly values: ReadonlyMap<string, string>;
  readonly diagnostics: Diagnostic[];
  readonly provenance: Provenance;
}

/** Adds an error or warning located at `field` of the row (column = its position in the header, when present). */
export function report(ctx: RowContext, code: Diagnostic['code'], field: string, message: string, severity: Diagnostic['severity'] = 'error'): void {
  const i = ctx.header.columns.indexOf(field);
  ctx.diagnostics.push({
    severity, code, message, source: SOURCE, file: ctx.file, line: ctx.line, field, ...(i >= 0 ? { column: i + 1 } : {}),
  });
}

/** True when the row has reported an error so far. */
export function hasErrors(ctx: RowContext): boolean {
  return ctx.diagnostics.some((d) => d.severity === 'error');
}
