// The small CSV files of an inventory directory that configure a run rather than describe the estate
// (exceptions.csv, tiers.csv): read whole, header checked against the allowed and required columns. A bad file
// throws InputError naming file, line and field.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError } from '../model/index.js';

/** The lower-cased header and the data rows of a configuration CSV; `what` names the file in messages. */
export async function readConfigCsv(
  file: string, what: string, allowed: readonly string[], required: readonly string[],
): Promise<{ header: string[]; rows: string[][] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new InputError(`cannot read ${what} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { file }, { cause });
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (cause) {
    const line = (cause as { lines?: number }).lines;
    throw new InputError(`malformed CSV: ${(cause as Error).message}`, { file, ...(line ? { line } : {}) }, { cause });
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  for (const col of header) if (!allowed.includes(col)) throw new InputError(`unknown column "${col}" (allowed: ${allowed.join(', ')})`, { file, line: 1, field: col });
  for (const col of required) if (!header.includes(col)) throw new InputError(`missing column "${col}"`, { file, line: 1, field: col });
  return { header, rows: rows.slice(1) };
}
