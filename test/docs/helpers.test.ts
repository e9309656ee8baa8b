// Unit tests of the doc generator helpers: generated blocks, front-matter, headings, sections, stubs, and the
// delegation facts the Schema sections state.
import { describe, expect, it } from 'vitest';
import {
  EDGE_PAGE_HEADINGS, PLACEHOLDER, generatedSchema, pageHeadings, parseFrontMatter, refreshEdgePage, sectionBody, stubEdgePage,
} from '../../src/docs/edge-page.js';
import { DELEGATION_EXEMPT, defaultScopeKeys, delegationRule } from '../../src/docs/edge-schema.js';
import { readBlock, replaceBlock, wrapBlock } from '../../src/docs/generated-block.js';
import { anchorsOf, headingSlug, linkTargets } from './doc-files.js';

describe('generated blocks', () => {
  const page = `before\n${wrapBlock('x', 'old\n')}after\n`;

  it('reads and replaces the text between the markers only', () => {
    expect(readBlock(page, 'x')).toBe('old\n');
    expect(replaceBlock(page, 'x', 'new\n')).toBe('before\n<!-- generated:x -->\nnew\n<!-- /generated:x -->\nafter\n');
  });

  it('returns undefined when the markers are missing', () => {
    expect(readBlock('no markers', 'x')).toBeUndefined();
    expect(replaceBlock(page, 'y', 'z')).toBeUndefined();
  });
});

describe('edge page helpers', () => {
  const stub = stubEdgePage('CAN_ALTER');

  it('builds a stub with every heading, the generated schema and placeholders', () => {
    expect(pageHeadings(stub)).toEqual([...EDGE_PAGE_HEADINGS]);
    expect(parseFrontMatter(stub)).toMatchObject({ kind: 'CAN_ALTER', coverage: 'none' });
    expect(sectionBody(stub, 'Abuse')).toBe(PLACEHOLDER);
    expect(refreshEdgePage(stub, 'CAN_ALTER')).toBe(stub);
  });

  it('refreshes a stale schema block and summary, and refuses a page without markers', () => {
    const stale = stub.replace(/summary: .*/, 'summary: "old"').replace('| Family |', '| Famly |');
    expect(refreshEdgePage(stale, 'CAN_ALTER')).toBe(stub);
    expect(generatedSchema('## Schema\n\nhand-written\n')).toBeUndefined();
    expect(refreshEdgePage('## Schema\n\nhand-written\n', 'CAN_ALTER')).toBeUndefined();
  });

  it('ignores headings inside fenced code and splits sections at level-2 headings', () => {
    const text = '## A\n\none\n```sh\n## not a heading\n```\n### sub\n\ntwo\n## B\n\nthree\n';
    expect(pageHeadings(text)).toEqual(['A', 'B']);
    expect(sectionBody(text, 'A')).toBe('one\n```sh\n## not a heading\n```\n### sub\n\ntwo');
    expect(sectionBody(text, 'B')).toBe('three');
    expect(sectionBody(text, 'C')).toBeUndefined();
  });
});

describe('delegation facts in the Schema sections', () => {
  it('reads the exempt kinds from the engine table', () => {
    expect([...DELEGATION_EXEMPT]).toEqual(['MEMBER_OF', 'DELEGATED']);
  });

  it('states the rule per kind', () => {
    expect(delegationRule('AUTHENTICATES_AS')).toMatch(/^Never restricted in practice/);
    expect(delegationRule('HAS_CREDENTIAL')).toMatch(/^Blocked unless/);
    expect(delegationRule('MEMBER_OF')).toMatch(/^Always allowed: membership/);
    expect(delegationRule('TRAINS')).toMatch(/^Not checked/);
    expect(delegationRule('CAN_ACCESS')).toMatch(/^Allowed when its scope key/);
    expect(defaultScopeKeys('CAN_ACCESS')).toEqual(['access:read', 'access:write', 'access:admin']);
    expect(defaultScopeKeys('RUNS_AS')).toEqual([]);
  });
});

describe('link helpers', () => {
  it('finds links outside code only', () => {
    expect(linkTargets('[a](x.md) `[b](y.md)`\n```\n[c](z.md)\n```\n[`d`](w.md#h)')).toEqual(['x.md', 'w.md#h']);
  });

  it('computes GitHub heading anchors', () => {
    expect(headingSlug('Where the evidence is: logging sources per platform')).toBe('where-the-evidence-is-logging-sources-per-platform');
    expect(headingSlug('`sod-alter-invoke`')).toBe('sod-alter-invoke');
    expect([...anchorsOf('# T\n## Opsec\n## Opsec\n```\n## Fenced\n```\n')]).toEqual(['t', 'opsec', 'opsec-1']);
  });
});
