// docs/inventory-format.md must match the code: every column each file accepts, every kind and every
// ingest diagnostic code is documented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_FILES, fileColumns } from '../../ingest/csv-inventory/index.js';
import { DIAGNOSTIC_CODES, EDGE_KINDS, NODE_KINDS } from '../../src/model/index.js';

const DOC = readFileSync('docs/inventory-format.md', 'utf8');

/** Text of the `## title` section (up to the next `## `), or of the `### title` subsection. */
function section(level: '##' | '###', title: string): string {
  const start = DOC.indexOf(`\n${level} ${title}\n`);
  if (start < 0) return '';
  const rest = DOC.slice(start + level.length + title.length + 3);
  const end = rest.search(level === '##' ? /\n## / : /\n##+ /);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The intro of a `## title` section, before its first subsection: the columns shared by its files. */
function intro(title: string): string {
  const text = section('##', title);
  const sub = text.indexOf('\n### ');
  return sub < 0 ? text : text.slice(0, sub);
}

describe('docs/inventory-format.md', () => {
  it.each(CSV_FILES.map((f) => [f.name, f] as const))('documents every column of %s', (name, spec) => {
    const text = section('###', name) + intro(spec.role === 'nodes' ? 'Node files' : 'Edge files');
    expect(section('###', name)).not.toBe('');
    const missing = fileColumns(spec).filter((col) => !text.includes(`\`${col}\``));
    expect(missing).toEqual([]);
  });

  it('lists every node kind and edge kind', () => {
    const missing = [...NODE_KINDS, ...EDGE_KINDS].filter((k) => !DOC.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });

  it('explains every diagnostic code ingest and graph building can emit', () => {
    const ingestCodes = DIAGNOSTIC_CODES.filter((c) => !c.endsWith('-exception'));
    const missing = ingestCodes.filter((c) => !section('##', 'Errors and warnings').includes(`| \`${c}\` |`));
    expect(missing).toEqual([]);
  });
});
