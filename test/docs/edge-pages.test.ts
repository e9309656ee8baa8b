// Registry-wide conformance of docs/edges/<KIND>.md (STYLE K5): one page per kind, the template's headings in
// order, real content in every section, and a Schema section equal to what the generator renders from the spec.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_LEVELS, EDGE_PAGE_HEADINGS, PLACEHOLDER, generatedSchema, pageHeadings, parseFrontMatter, refreshEdgePage,
  sectionBody,
} from '../../src/docs/edge-page.js';
import { edgeSpecFile, renderEdgeSchema } from '../../src/docs/edge-schema.js';
import { EDGE_KINDS, edgeSpec, isEdgeKind } from '../../src/model/index.js';
import { ROOT, readDoc } from './doc-files.js';

const page = (kind: string): string => readDoc(`docs/edges/${kind}.md`);

describe.each(EDGE_KINDS)('docs/edges/%s.md', (kind) => {
  it('exists', () => {
    expect(existsSync(path.join(ROOT, 'docs/edges', `${kind}.md`))).toBe(true);
  });

  it('has front-matter naming the kind, a title, the spec summary and a coverage level', () => {
    const front = parseFrontMatter(page(kind));
    expect(front['kind']).toBe(kind);
    expect(front['summary']).toBe(edgeSpec(kind).summary);
    expect(COVERAGE_LEVELS).toContain(front['coverage']);
    expect(front['title']).toMatch(/^[A-Z][a-z]/);
    expect(front['title']).not.toBe(kind);
  });

  it('has exactly the template headings, in order', () => {
    expect(pageHeadings(page(kind))).toEqual([...EDGE_PAGE_HEADINGS]);
  });

  it.each(EDGE_PAGE_HEADINGS.filter((h) => h !== 'Schema'))('has a written %s section', (heading) => {
    const body = sectionBody(page(kind), heading) ?? '';
    expect(body).not.toContain(PLACEHOLDER);
    expect(body.length).toBeGreaterThanOrEqual(120);
  });

  it('has the Schema section the generator renders from the spec', () => {
    expect(generatedSchema(page(kind))).toBe(renderEdgeSchema(kind));
  });

  it('is up to date with every generated part (refreshing changes nothing)', () => {
    expect(refreshEdgePage(page(kind), kind)).toBe(page(kind));
  });

  it('explains every value of its enum key properties in Details (action, environment)', () => {
    const spec = edgeSpec(kind);
    const values = spec.key.flatMap((k) => (spec.props[k]?.type === 'enum' ? spec.props[k]?.values ?? [] : []));
    const details = sectionBody(page(kind), 'Details') ?? '';
    expect(values.filter((v) => !details.includes(`\`${v}\``))).toEqual([]);
  });

  it('links its spec file from the Calculation section', () => {
    expect(sectionBody(page(kind), 'Calculation')).toContain(`](../../${edgeSpecFile(kind)})`);
  });

  it('cites at least one external primary source under References', () => {
    expect(sectionBody(page(kind), 'References')).toMatch(/\]\(https:\/\/[^)]+\)/);
  });
});

describe('docs/edges/', () => {
  const pages = readdirSync(path.join(ROOT, 'docs/edges')).filter((name) => name.endsWith('.md'));

  it('holds one page per edge kind and nothing else', () => {
    expect(new Set(pages)).toEqual(new Set(EDGE_KINDS.map((k) => `${k}.md`)));
  });

  it.each(pages)('%s names a known kind', (name) => {
    const kind = parseFrontMatter(readDoc(`docs/edges/${name}`))['kind'] ?? '';
    expect(isEdgeKind(kind)).toBe(true);
    expect(`${kind}.md`).toBe(name);
  });
});
