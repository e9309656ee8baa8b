// Findings on hand-built graphs: stable ids, ranking explanations, framework mappings, accepted exceptions
// that suppress and then expire.
import { describe, expect, it } from 'vitest';
import { toCompact } from '../../src/engine/index.js';
import { applyExceptions, buildFindings, readExceptions, type Finding } from '../../src/findings/index.js';
import { graphLookup } from '../../src/graph/lookup.js';
import { findingId } from '../../src/findings/context.js';
import { InputError } from '../../src/model/index.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');

function graph(extraEdges = false) {
  return graphOf(
    [
      n('AIAgent', 'agent', {}, { environment: 'prod' }),
      n('APIKey', 'key', { created_at: '2025-01-01T00:00:00Z' }, { environment: 'dev' }),
      n('ServiceAccount', 'sa'), n('Model', 'model', { tier: 0 }), n('Resource', 'db', { tier: 1 }), n('Human', 'bob'),
    ],
    [
      e('HAS_CREDENTIAL', 'agent', 'key'), e('AUTHENTICATES_AS', 'key', 'sa'),
      e('CAN_ALTER', 'sa', 'model', { action: 'fine_tune' }), e('CAN_INVOKE', 'sa', 'model', { environment: 'prod' }),
      e('CAN_ACCESS', 'sa', 'db', { action: 'write' }),
      ...(extraEdges ? [e('CAN_IMPERSONATE', 'bob', 'agent')] : []),
    ],
  );
}

const findingsOf = (g: ReturnType<typeof graph>): Finding[] => {
  const cg = toCompact(g, { at: AT });
  return buildFindings(graphLookup(g, cg), cg, { maxTier: 1 });
};
const lookupOf = (g: ReturnType<typeof graph>) => graphLookup(g, toCompact(g, { at: AT }));
const summary = (fs: readonly Finding[]) => fs.map((f) => `${f.rule} ${f.source.id} ${f.target.id}`).sort();

describe('buildFindings', () => {
  it('reports SoD and sensitive reach for every source that reaches them', () => {
    expect(summary(findingsOf(graph()))).toEqual([
      'sensitive-reach agent db', 'sensitive-reach key db', 'sensitive-reach sa db',
      'sod-alter-invoke agent model', 'sod-alter-invoke key model', 'sod-alter-invoke sa model',
    ]);
  });

  it('gives the same finding the same id across runs and unrelated graph changes', () => {
    const a = findingsOf(graph());
    const b = findingsOf(graph(true));
    const id = (fs: Finding[], src: string) => fs.find((f) => f.rule === 'sod-alter-invoke' && f.source.id === src)?.id;
    expect(id(a, 'agent')).toBe(findingId('sod-alter-invoke', 'agent', 'model'));
    expect(id(b, 'agent')).toBe(id(a, 'agent'));
    expect(id(a, 'agent')).toMatch(/^pw-[0-9a-f]{16}$/);
    expect(new Set(a.map((f) => f.id)).size).toBe(a.length);
  });

  it('draws the alter and invoke paths and explains the rank with the entry credential risks', () => {
    const f = findingsOf(graph()).find((x) => x.rule === 'sod-alter-invoke' && x.source.id === 'agent') as Finding;
    expect(f.pathSets.map((s) => [s.label, s.shortest.nodes.map((x) => x.id)])).toEqual([
      ['alter', ['agent', 'key', 'sa', 'model']], ['invoke', ['agent', 'key', 'sa', 'model']],
    ]);
    const factors = f.pathSets[0]?.shortest.rank.factors.map((x) => x.name);
    expect(factors).toEqual(['blast_radius', 'principal', 'target', 'no_expiry', 'long_lived', 'never_rotated', 'unused', 'shared_across_environments', 'path_length']);
    expect(f.frameworks.map((x) => `${x.framework} ${x.id}`)).toEqual(expect.arrayContaining(['OWASP-NHI-2025 NHI5', 'OWASP-NHI-2025 NHI7', 'OWASP-NHI-2025 NHI8']));
    expect(f.severity).toBe('critical');
  });
});

describe('accepted exceptions', () => {
  it('suppress matching findings until they expire, then the findings return and the exception is reported expired', async () => {
    const g = graph();
    const all = findingsOf(g);
    const list = await readExceptions('test/fixtures/exceptions/basic/exceptions.csv');
    const now = applyExceptions(lookupOf(g), all, list, AT.getTime());
    expect(summary(now.suppressed)).toEqual(['sod-alter-invoke agent model']);
    expect(now.suppressed[0]?.suppressed?.owner).toBe('ml-platform@acme.example');
    expect(now.outcomes.map((o) => o.status)).toEqual(['active', 'expired', 'unmatched']);
    expect(summary(now.findings)).toContain('sod-alter-invoke key model');
    const earlier = applyExceptions(lookupOf(g), all, list, Date.parse('2026-01-01T00:00:00Z'));
    expect(summary(earlier.suppressed)).toEqual(['sod-alter-invoke agent model', 'sod-alter-invoke key model']);
    const later = applyExceptions(lookupOf(g), all, list, Date.parse('2030-01-02T00:00:00Z'));
    expect(later.suppressed).toEqual([]);
    expect(later.findings).toHaveLength(all.length);
  });

  it('a bad exceptions file names file, line and field', async () => {
    const err = await readExceptions('test/fixtures/exceptions/bad/exceptions.csv').catch((x: unknown) => x);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toEqual({ file: 'test/fixtures/exceptions/bad/exceptions.csv', line: 2, field: 'expires' });
  });
});

describe('paths kept per finding', () => {
  it('ranks every enumerated path, keeps the best ones and counts them all', () => {
    const g = graphOf(
      [n('AIAgent', 'a'), n('Role', 'r1'), n('Role', 'r2'), n('Role', 'r3'), n('APIKey', 'k', { expires_at: '2030-01-01T00:00:00Z' }),
        n('ServiceAccount', 'sa'), n('Resource', 'db', { tier: 0 })],
      [
        e('CAN_ASSUME', 'a', 'r1'), e('CAN_ASSUME', 'a', 'r2'), e('CAN_ASSUME', 'r2', 'r3'), e('HAS_CREDENTIAL', 'a', 'k'), e('AUTHENTICATES_AS', 'k', 'sa'),
        e('CAN_ACCESS', 'r1', 'db', { action: 'read' }), e('CAN_ACCESS', 'r3', 'db', { action: 'read' }), e('CAN_ACCESS', 'sa', 'db', { action: 'read' }),
      ],
    );
    const cg = toCompact(g, { at: AT });
    const f = buildFindings(graphLookup(g, cg), cg, { pathsShown: 2 }).find((x) => x.source.id === 'a') as Finding;
    const [set] = f.pathSets;
    expect(set?.total).toBe(3);
    // the credential path carries exploitability (risk factors), so it outranks the shorter interactive one
    expect(set?.paths.map((p) => p.nodes.map((x) => x.id).join('>'))).toEqual(['a>k>sa>db', 'a>r1>db']);
    expect(set?.paths[0]?.rank.score).toBeGreaterThan(set?.paths[1]?.rank.score ?? Infinity);
  });
});
