import { describe, expect, it } from 'vitest';
import { findPaths } from '../../src/analysis/paths.js';
import { loadGraph } from '../../src/analysis/load.js';
import { auth, build, clique, loadedOf, SAMPLE, trap } from './helpers.js';

const HOSTILE = "'; MATCH (n) DETACH DELETE n";

describe('GET /v1/paths', () => {
  it('returns the paths the engine finds, at the analysis time of the served graph', async () => {
    const app = await build();
    const res = await app.inject({ url: '/v1/paths?from=agent:support-bot&to=kind:Model&maxDepth=6&cap=50', headers: auth() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expected = findPaths(await loadGraph(SAMPLE), 'agent:support-bot', 'kind:Model', { at: new Date(body.at), maxDepth: 6, cap: 50 });
    expect(body.at).toBe(app.engine.summary().at);
    expect(body.total).toBe(expected.total);
    expect(body.pairs.map((p: { target: { id: string } }) => p.target.id)).toEqual(expected.pairs.map((p) => p.target.id));
    expect(body.limits).toEqual({ requestedCap: 50, pathsPerRequest: 10_000, timeBudgetMs: 2_000, timedOut: false });
  });

  it.each([
    ['maxDepth above the limit', `from=a&to=b&maxDepth=13`],
    ['cap above the limit', `from=a&to=b&cap=10001`],
    ['no to', `from=a`],
    ['unknown parameter', `from=a&to=b&depth=3`],
    ['selector too long', `from=${'x'.repeat(513)}&to=b`],
    ['bad time', `from=a&to=b&at=yesterday`],
    ['the acceptance hostile query', `from=${encodeURIComponent(HOSTILE)}&maxDepth=999999`],
  ])('400 problem+json for %s', async (_name, query) => {
    const app = await build();
    const res = await app.inject({ url: `/v1/paths?${query}`, headers: auth() });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, code: 'usage' });
  });

  it('hostile selector text is only a selector: it matches nothing (404) and the graph is intact', async () => {
    const app = await build();
    const before = app.engine.summary();
    const res = await app.inject({ url: `/v1/paths?from=${encodeURIComponent(HOSTILE)}&to=kind:Model`, headers: auth() });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('matches no node');
    expect(app.engine.summary()).toEqual(before);
  });

  it('a dense graph with no caps requested: the per-pair cap shrinks to the request budget, truncated', async () => {
    const { nodes, edges } = clique(40);
    const app = await build({ source: { kind: 'graph', loaded: loadedOf(nodes, edges) } });
    const started = performance.now();
    const res = await app.inject({ url: '/v1/paths?from=kind:ServiceAccount&to=kind:ServiceAccount', headers: auth() });
    expect(performance.now() - started).toBeLessThan(2_000 + 3_000);
    const body = res.json();
    expect(res.statusCode).toBe(200);
    expect([body.sources, body.targets, body.cap, body.truncated]).toEqual([40, 40, 6, true]);
    // 40 × 39 pairs with paths, 6 each (unless the time budget ran out first on a slow machine).
    expect(body.total).toBe(body.limits.timedOut ? 0 : 40 * 39 * 6);
  });

  it('a search that explores exponentially stops at the time budget, keeping the paths found in time (truncated, timedOut)', async () => {
    const app = await build({ source: { kind: 'graph', loaded: trap(40) }, limits: { timeBudgetMs: 300 } });
    const started = performance.now();
    const res = await app.inject({ url: '/v1/paths?from=id:entry&to=id:target&maxDepth=12', headers: auth() });
    const elapsed = performance.now() - started;
    expect(res.statusCode).toBe(200);
    const body = res.json() as { truncated: boolean; total: number; pairs: { paths: { edges: { kind: string }[] }[] }[]; limits: object };
    expect(body).toMatchObject({ truncated: true, limits: { timedOut: true, timeBudgetMs: 300 } });
    const found = body.pairs.flatMap((p) => p.paths);
    expect(body.total).toBe(found.length);
    // the one-hop path is found first (shortest first), before the budget runs out in the exponential part
    expect(found[0]?.edges.map((x) => x.kind)).toEqual(['CAN_ACCESS']);
    expect(elapsed).toBeLessThan(300 + 1_500);
    // The server still answers, and the timed-out answer is cached (no second search).
    const again = performance.now();
    expect((await app.inject({ url: '/v1/paths?from=id:entry&to=id:target&maxDepth=12', headers: auth() })).json().limits.timedOut).toBe(true);
    expect(performance.now() - again).toBeLessThan(200);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
