// Relative links in the docs point at files that exist, and anchors at headings that exist.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, anchorsOf, linkTargets, markdownFiles } from './doc-files.js';

const DOCS = markdownFiles('docs');

describe('docs links', () => {
  it('covers the edge pages, the shared pages and the top-level docs', () => {
    expect(DOCS).toContain('docs/edges.md');
    expect(DOCS).toContain('docs/findings.md');
    expect(DOCS).toContain('docs/edges/CAN_ALTER.md');
    expect(DOCS).toContain('docs/edges/_shared/delegation-scope.md');
  });

  it.each(DOCS)('%s links only to files and anchors that exist', (rel) => {
    const text = readFileSync(path.join(ROOT, rel), 'utf8');
    const broken: string[] = [];
    for (const target of linkTargets(text)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [file = '', anchor] = target.split('#');
      const abs = file === '' ? path.join(ROOT, rel) : path.resolve(path.dirname(path.join(ROOT, rel)), file);
      if (!existsSync(abs)) {
        broken.push(`${target} (no such file)`);
        continue;
      }
      if (anchor !== undefined && anchor !== '' && abs.endsWith('.md') && !statSync(abs).isDirectory()
        && !anchorsOf(readFileSync(abs, 'utf8')).has(anchor)) broken.push(`${target} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });
});
