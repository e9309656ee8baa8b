// blast, queries and diff routes.
import { reportText } from '../../src/report/index.js';
import { describe, expect, it } from 'vitest';
import { blastOf } from '../../src/analysis/blast.js';
import { loadGraph } from '../../src/analysis/load.js';
import { loadQueries } from '../../queries/index.js';
import { REPORTERS } from '../../src/report/index.js';
import { auth, build, SAMPLE } from './helpers.js';

describe('GET /v1/blast', () => {
  it('returns the blast report of src/analysis/blast.ts at the served analysis time', async () => {
    const app = await build();
    const res = await app.inject({ url: '/v1/blast?selector=agent:support-bot', headers: auth() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expected = blastOf(await loadGraph(SAMPLE), 'agent:support-bot', { at: new Date(body.at) });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('hostile selector text matches nothing (404), a bad selector term is 400, a missing one 400', async () => {
    const app = await build();
    const hostile = await app.inject({ url: `/v1/blast?selector=${encodeURIComponent("x' OR 1=1; MATCH (n) DETACH DELETE n //")}`, headers: auth() });
    expect(hostile.statusCode).toBe(404);
    expect(hostile.json().code).toBe('not-found');
    const badKind = await app.inject({ url: '/v1/blast?selector=kind:Robot', headers: auth() });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().detail).toContain('unknown kind "Robot"');
    expect((await app.inject({ url: '/v1/blast', headers: auth() })).statusCode).toBe(400);
  });
});

describe('/v1/queries', () => {
  it('lists the canned queries without their Cypher text', async () => {
    const app = await build();
    const body = (await app.inject({ url: '/v1/queries', headers: auth() })).json();
    expect(body.store).toBe(false);
    expect(body.queries.map((q: { id: string }) => q.id)).toEqual(loadQueries().map((q) => q.id));
    expect(JSON.stringify(body)).not.toContain('MATCH');
  });

  it('running one needs a store: 503 problem without one', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/queries/sod-alter-invoke/run', headers: auth(), payload: {} });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 503, code: 'store-unavailable', title: 'Service Unavailable' });
  });

  it.each([
    ['an id that is not a query id', '/v1/queries/..%2Fx/run', {}],
    ['a parameter value that is not text', '/v1/queries/sod-alter-invoke/run', { params: { at: { nested: 'x' } } }],
    ['a parameter name that is not a name', '/v1/queries/sod-alter-invoke/run', { params: { 'a b': 'x' } }],
    ['an unknown body field', '/v1/queries/sod-alter-invoke/run', { cypher: 'MATCH (n) RETURN n' }],
  ])('400 for %s', async (_name, url, payload) => {
    const app = await build();
    expect((await app.inject({ method: 'POST', url, headers: auth(), payload })).statusCode).toBe(400);
  });
});

describe('POST /v1/diff', () => {
  it('the served graph against itself: nothing changed', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/diff', headers: auth(), payload: { base: { served: true } } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect([body.changed, body.findings.new, body.findings.resolved, body.findings.unchanged]).toEqual([false, [], [], app.engine.summary().findings]);
    expect(body.graph.nodes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('an uploaded saved analysis missing two findings: both are new in the served graph', async () => {
    const app = await build();
    const served = app.engine.served();
    const saved = JSON.parse(reportText(REPORTERS.json.analysis(served.analysis, { limit: 10, color: false, version: 'test', includeGraph: true }))) as { findings: { id: string }[] };
    const dropped = saved.findings.splice(0, 2).map((f) => f.id);
    const res = await app.inject({ method: 'POST', url: '/v1/diff', headers: auth(), payload: { base: { saved }, threshold: '10%,5' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.findings.new.map((c: { id: string }) => c.id).sort()).toEqual(dropped.sort());
    expect([body.findings.resolved, body.findings.worsened, body.base.kind, body.head.ref]).toEqual([[], [], 'saved', SAMPLE]);
  });

  it.each([
    ['a server path as a side', { base: { dir: '/etc' } }],
    ['a saved analysis that is not one', { base: { saved: { hello: 'world' } } }],
    ['a bad threshold', { base: { served: true }, threshold: 'lots' }],
  ])('400 for %s', async (_name, payload) => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/diff', headers: auth(), payload });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a snapshot side needs a store: 503', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/diff', headers: auth(), payload: { base: { snapshot: 'latest' } } });
    expect(res.statusCode).toBe(503);
  });
});

describe('POST /v1/scope', () => {
  it('returns the scope report of src/analysis/scope.ts at the served analysis time', async () => {
    const { scopeOf } = await import('../../src/analysis/scope.js');
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/scope', headers: auth(), payload: { selector: 'acme/key/openai-prod', tier: 1 } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expected = scopeOf(await loadGraph(SAMPLE), 'acme/key/openai-prod', { at: new Date(body.at), maxTier: 1 });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.plan.items.length).toBeGreaterThan(0);
  });

  it.each([
    ['a tier out of range', { selector: 'x', tier: 5 }],
    ['maxDepth above the limit', { selector: 'x', maxDepth: 13 }],
    ['no selector', { tier: 1 }],
    ['an unknown field', { selector: 'x', cypher: 'MATCH (n) RETURN n' }],
  ])('400 for %s', async (_name, payload) => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/scope', headers: auth(), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('usage');
  });

  it('hostile selector text matches nothing: 404', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/v1/scope', headers: auth(), payload: { selector: "'; MATCH (n) DETACH DELETE n" } });
    expect(res.statusCode).toBe(404);
  });
});
