// The generated documents are up to date with the code: docs/edges.md equals the generator's output, and the
// generated blocks of docs/findings.md equal what RULES, FRAMEWORKS and the ranking constants render.
import { describe, expect, it } from 'vitest';
import { pageHeadings, sectionBody } from '../../src/docs/edge-page.js';
import { renderEdgesTable } from '../../src/docs/edges-doc.js';
import { FINDINGS_BLOCKS, refreshFindingsPage, renderFindingsBlock } from '../../src/docs/findings-doc.js';
import { readBlock } from '../../src/docs/generated-block.js';
import { FRAMEWORKS } from '../../src/findings/frameworks.js';
import { RULES } from '../../src/findings/rules/index.js';
import { readDoc } from './doc-files.js';

describe('docs/edges.md', () => {
  it('equals renderEdgesTable() (run `npm run docs` after changing a spec)', () => {
    expect(readDoc('docs/edges.md')).toBe(renderEdgesTable());
  });
});

describe('docs/findings.md', () => {
  const findings = readDoc('docs/findings.md');

  it.each(FINDINGS_BLOCKS)('has an up-to-date generated %s block', (name) => {
    expect(readBlock(findings, name)).toBe(renderFindingsBlock(name));
  });

  it('changes nothing when refreshed', () => {
    expect(refreshFindingsPage(findings)).toBe(findings);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('has a section for rule %s that its help link points at', (id, rule) => {
    expect(pageHeadings(findings)).toContain(id);
    expect(rule.help).toBe(`docs/findings.md#${id}`);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('explains every base framework of rule %s in its section', (id, rule) => {
    const body = sectionBody(findings, id) ?? '';
    for (const f of rule.frameworks) expect(body, `${f.framework} ${f.id}`).toContain(f.id);
  });

  it.each(Object.values(FRAMEWORKS).map((f) => [`${f.framework} ${f.id}`, f] as const))('lists framework entry %s', (_label, f) => {
    expect(readBlock(findings, 'frameworks')).toContain(`| \`${f.framework}\` | \`${f.id}\` |`);
  });
});
