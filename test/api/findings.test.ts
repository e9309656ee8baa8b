import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeLoaded, type GraphAnalysis } from '../../src/analysis/analyze.js';
import { loadGraph } from '../../src/analysis/load.js';
import { severityRank, type Finding } from '../../src/findings/index.js';
import { auth, build, SAMPLE } from './helpers.js';

let expected: GraphAnalysis;
beforeAll(async () => {
  expected = await analyzeLoaded(await loadGraph(SAMPLE));
});

const ids = (list: readonly { id: string }[]): string[] => list.map((f) => f.id);

describe('GET /v1/findings', () => {
  it('pages through every finding in score order', async () => {
    const app = await build();
    const first = (await app.inject({ url: '/v1/findings?limit=100', headers: auth() })).json();
    const rest = (await app.inject({ url: '/v1/findings?limit=100&offset=100', headers: auth() })).json();
    const last = (await app.inject({ url: '/v1/findings?limit=100&offset=200', headers: auth() })).json();
    expect(first.total).toBe(expected.findings.length);
    expect([first.offset, first.limit, rest.offset]).toEqual([0, 100, 100]);
    expect([...ids(first.findings), ...ids(rest.findings), ...ids(last.findings)]).toEqual(ids(expected.findings));
  });

  it('filters by rule, minimum severity, source kind, environment, tag and text', async () => {
    const app = await build();
    const get = async (q: string): Promise<string[]> => ids((await app.inject({ url: `/v1/findings?limit=100&${q}`, headers: auth() })).json().findings);
    const want = (pred: (f: Finding) => boolean): string[] => ids(expected.findings.filter(pred)).slice(0, 100);
    const node = (id: string) => expected.graph.getNodeAttributes(id);
    const check = async (q: string, pred: (f: Finding) => boolean): Promise<void> => {
      const w = want(pred);
      // NOTE: each filter must select something and leave something out on the sample, or it proves nothing.
      expect(w.length, q).toBeGreaterThan(0);
      expect(expected.findings.filter(pred).length, q).toBeLessThan(expected.findings.length);
      expect(await get(q), q).toEqual(w);
    };
    await check('rule=sod-alter-invoke', (f) => f.rule === 'sod-alter-invoke');
    await check('severity=high', (f) => severityRank(f.severity) >= severityRank('high'));
    await check('sourceKind=AIAgent', (f) => f.source.kind === 'AIAgent');
    await check('environment=dev', (f) => [f.source.id, f.target.id].some((id) => node(id).environment === 'dev'));
    await check('tag=pci', (f) => [f.source.id, f.target.id].some((id) => node(id).tags.includes('pci')));
    await check('q=SUPPORT-BOT', (f) => `${f.title} ${f.source.label} ${f.target.label} ${f.source.id} ${f.target.id}`.toLowerCase().includes('support-bot'));
  });

  it('sorts by severity, then score', async () => {
    const app = await build();
    const body = (await app.inject({ url: '/v1/findings?sort=severity&limit=100&offset=150', headers: auth() })).json();
    const sorted = [...expected.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.score - a.score || a.id.localeCompare(b.id));
    expect(ids(body.findings)).toEqual(ids(sorted.slice(150, 250)));
  });

  it('summaries carry the leading path as text and no other fields', async () => {
    const app = await build();
    const [summary] = (await app.inject({ url: '/v1/findings?limit=1', headers: auth() })).json().findings;
    const f = expected.findings[0] as Finding;
    expect(Object.keys(summary).sort()).toEqual(['frameworks', 'id', 'pathSets', 'rule', 'score', 'severity', 'source', 'target', 'title']);
    expect(summary.pathSets[0]).toEqual({
      label: f.pathSets[0]?.label, actions: f.pathSets[0]?.actions, paths: (f.pathSets[0] as { total?: number } | undefined)?.total ?? f.pathSets[0]?.paths.length, truncated: f.pathSets[0]?.truncated,
      shortest: expect.stringMatching(new RegExp(`^${f.source.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} -\\[`)),
    });
  });

  it.each([
    ['limit above the maximum', 'limit=101'], ['negative offset', 'offset=-1'], ['unknown severity', 'severity=urgent'],
    ['unknown rule', 'rule=nope'], ['unknown parameter', 'sortBy=score'], ['unknown kind', 'sourceKind=Robot'],
  ])('400 for %s', async (_name, q) => {
    const app = await build();
    const res = await app.inject({ url: `/v1/findings?${q}`, headers: auth() });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('GET /v1/findings/:id', () => {
  it('returns the whole finding, as the analysis has it', async () => {
    const app = await build();
    const f = expected.findings[3] as Finding;
    const res = await app.inject({ url: `/v1/findings/${f.id}`, headers: auth() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(f)));
  });

  it('404 for an unknown id, 400 for a malformed one', async () => {
    const app = await build();
    const missing = await app.inject({ url: '/v1/findings/pw-0000000000000000', headers: auth() });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ status: 404, detail: 'no finding pw-0000000000000000 in the served graph' });
    expect((await app.inject({ url: '/v1/findings/..%2F..%2Fetc', headers: auth() })).statusCode).toBe(400);
  });
});
