// The generated part of queries/README.md: one row per canned query (id, title, parameters, columns), derived from
// the query headers so the list cannot drift from the files (test/queries/registry.test.ts checks it).
import type { CannedQuery, QueryParam } from './index.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function param(p: QueryParam): string {
  const range = p.min !== undefined ? ` ${p.min}..${p.max}` : '';
  const dflt = p.default === undefined ? ', required' : ` = ${p.default}`;
  return `\`${p.name}\` (${p.type}${range}${dflt})`;
}

/** The Markdown table of `queries`, in the order given. */
export function queriesTable(queries: readonly CannedQuery[]): string {
  const rows = queries.map((q) =>
    `| [\`${q.id}\`](${q.id}.cypher) | ${cell(q.title)} | ${cell(q.params.map(param).join(', ') || '—')} | ${q.returns.map((c) => `\`${c}\``).join(', ')} |`);
  return ['| Query | Title | Parameters | Columns |', '|---|---|---|---|', ...rows, ''].join('\n');
}
