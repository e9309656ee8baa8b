// Small Markdown builders shared by the doc generators: inline code, escaped table cells, tables, kind lists.
import { kindsOf, NODE_SPECS, type NodeCategory } from '../model/index.js';

/** Inline code span. */
export function code(text: string): string {
  return `\`${text}\``;
}

/** Escapes text for a table cell: pipes are escaped and line breaks become spaces. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table; cells must already be escaped with `cell()`. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** Every kind in the list as inline code, comma-separated. */
export function codeList(items: readonly string[]): string {
  return items.map(code).join(', ');
}

const CATEGORY_ORDER: readonly NodeCategory[] = ['identity', 'grouping', 'credential', 'asset', 'resource'];

/**
 * Node kinds summarised by category: a category whose every kind (at least two) is in the list is
 * written as "any <category>", the rest are listed. Keeps the overview table readable.
 */
export function kindSummary(kinds: readonly string[]): string {
  const rest = new Set(kinds);
  const parts: string[] = [];
  for (const category of CATEGORY_ORDER) {
    const all = kindsOf(category);
    if (all.length > 1 && all.every((k) => rest.has(k))) {
      parts.push(`any ${category}`);
      for (const k of all) rest.delete(k);
    }
  }
  const order = NODE_SPECS.map((s) => s.kind as string);
  const leftovers = [...rest].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...parts, ...leftovers.map(code)].join(', ');
}
