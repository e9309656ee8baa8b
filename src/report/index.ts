// Registry of report formats: `--format` choices are its keys. Adding a format = one file + one line here.
import { json } from './json.js';
import { md } from './md.js';
import { table } from './table.js';
import type { Reporter } from './types.js';

export type { RenderOptions, Reporter } from './types.js';

export const REPORTERS = { table, json, md } as const satisfies Record<string, Reporter>;
export type FormatId = keyof typeof REPORTERS;
export const FORMATS = Object.keys(REPORTERS) as FormatId[];

/** A rendered report as one string (reporters may return big reports in chunks). */
export function reportText(out: string | Iterable<string>): string {
  return typeof out === 'string' ? out : [...out].join('');
}
