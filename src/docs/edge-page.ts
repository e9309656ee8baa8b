// The structure of an edge doc page (docs/edges/<KIND>.md): front-matter, required headings and the generated
// Schema block. Pure helpers used by src/docs/write-docs.ts to refresh pages and by test/docs to check them.
import { edgeSpec, type EdgeKind } from '../model/index.js';
import { renderEdgeSchema } from './edge-schema.js';
import { blockMarkers, readBlock, replaceBlock, wrapBlock } from './generated-block.js';

/** The level-2 headings every edge page has, in this order (STYLE.md §5). */
export const EDGE_PAGE_HEADINGS = [
  'Schema', 'Details', 'Prerequisites', 'Abuse', 'Opsec', 'Remediation', 'Calculation', 'References',
] as const;

/** How completely pathwarden derives the kind from real inventories (KubeHound's front-matter field). */
export const COVERAGE_LEVELS = ['full', 'partial', 'none'] as const;

const SCHEMA_BLOCK = 'schema';
export const SCHEMA_START = blockMarkers(SCHEMA_BLOCK).start;
export const SCHEMA_END = blockMarkers(SCHEMA_BLOCK).end;

/** Body of every section of a new page; a finished page contains it nowhere (tested). */
export const PLACEHOLDER = 'Not documented yet.';

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
  return readBlock(page, SCHEMA_BLOCK);
}

/** A page with the generated parts (Schema block, front-matter `summary`) brought up to date; undefined without markers. */
export function refreshEdgePage(page: string, kind: EdgeKind): string | undefined {
  const body = replaceBlock(page, SCHEMA_BLOCK, renderEdgeSchema(kind));
  return body?.replace(/^summary: .*$/m, `summary: ${JSON.stringify(edgeSpec(kind).summary)}`);
}

/** The body of a level-2 section (between its heading and the next level-2 heading), trimmed; undefined when absent. */
export function sectionBody(page: string, heading: string): string | undefined {
  const lines = page.split('\n');
  let fenced = false;
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || !line.startsWith('## ')) continue;
    if (start >= 0) return lines.slice(start, i).join('\n').trim();
    if (line.slice(3).trim() === heading) start = i + 1;
  }
  return start >= 0 ? lines.slice(start).join('\n').trim() : undefined;
}

/** A new page for a kind that has none yet: generated Schema, empty sections, `coverage: none`. */
export function stubEdgePage(kind: EdgeKind): string {
  const front = ['---', `kind: ${kind}`, `title: ${kind}`, `summary: ${JSON.stringify(edgeSpec(kind).summary)}`, 'coverage: none', '---', ''];
  const sections = EDGE_PAGE_HEADINGS.map((heading) => (heading === 'Schema'
    ? `## Schema\n\n${wrapBlock(SCHEMA_BLOCK, renderEdgeSchema(kind))}`
    : `## ${heading}\n\n${PLACEHOLDER}\n`));
  return `${front.join('\n')}\n${sections.join('\n')}`;
}
