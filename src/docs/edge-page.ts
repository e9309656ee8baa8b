// The structure of an edge doc page (docs/edges/<KIND>.md): front-matter, required headings and the generated
// Schema block. Pure helpers used by src/docs/write-docs.ts to refresh pages and by test/docs to check them.
import { edgeSpec, type EdgeKind } from '../model/index.js';
import { renderEdgeSchema } from './edge-schema.js';

/** The level-2 headings every edge page has, in this order (STYLE.md §5). */
export const EDGE_PAGE_HEADINGS = [
  'Schema', 'Details', 'Prerequisites', 'Abuse', 'Opsec', 'Remediation', 'Calculation', 'References',
] as const;

/** How completely pathwarden derives the kind from real inventories (KubeHound's front-matter field). */
export const COVERAGE_LEVELS = ['full', 'partial', 'none'] as const;

export const SCHEMA_START = '<!-- generated:schema -->';
export const SCHEMA_END = '<!-- /generated:schema -->';

/** Front-matter of a page as `key → value`; double-quoted values are JSON strings. Empty when there is none. */
export function parseFrontMatter(page: string): Record<string, string> {
  const lines = page.split('\n');
  const fields: Record<string, string> = {};
  if (lines[0] !== '---') return fields;
  for (let i = 1; i < lines.length && lines[i] !== '---'; i++) {
    const match = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const raw = (match[2] ?? '').trim();
    fields[match[1] ?? ''] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  }
  return fields;
}

/** The level-2 headings of a page in order, ignoring fenced code blocks. */
export function pageHeadings(page: string): string[] {
  const headings: string[] = [];
  let fenced = false;
  for (const line of page.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && line.startsWith('## ')) headings.push(line.slice(3).trim());
  }
  return headings;
}

/** The text between the schema markers (without the newline after the start marker), or undefined. */
export function generatedSchema(page: string): string | undefined {
  const start = page.indexOf(`${SCHEMA_START}\n`);
  const end = page.indexOf(SCHEMA_END);
  if (start < 0 || end < start) return undefined;
  return page.slice(start + SCHEMA_START.length + 1, end);
}

/** A page with the generated parts (Schema block, front-matter `summary`) brought up to date; undefined without markers. */
export function refreshEdgePage(page: string, kind: EdgeKind): string | undefined {
  const start = page.indexOf(`${SCHEMA_START}\n`);
  const end = page.indexOf(SCHEMA_END);
  if (start < 0 || end < start) return undefined;
  const body = page.slice(0, start + SCHEMA_START.length + 1) + renderEdgeSchema(kind) + page.slice(end);
  return body.replace(/^summary: .*$/m, `summary: ${JSON.stringify(edgeSpec(kind).summary)}`);
}

/** A new page for a kind that has none yet: generated Schema, empty sections, `coverage: none`. */
export function stubEdgePage(kind: EdgeKind): string {
  const front = ['---', `kind: ${kind}`, `title: ${kind}`, `summary: ${JSON.stringify(edgeSpec(kind).summary)}`, 'coverage: none', '---', ''];
  const sections = EDGE_PAGE_HEADINGS.map((heading) => (heading === 'Schema'
    ? `## Schema\n\n${SCHEMA_START}\n${renderEdgeSchema(kind)}${SCHEMA_END}\n`
    : `## ${heading}\n\nNot documented yet.\n`));
  return `${front.join('\n')}\n${sections.join('\n')}`;
}
