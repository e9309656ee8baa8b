import { describe, expect, it } from 'vitest';
import { chooseToken, createServer, isLoopback } from '../../api/server.js';
import { ConfigError } from '../../src/model/index.js';
import { auth, build, TOKEN } from './helpers.js';

describe('auth', () => {
  it.each([
    ['no header', {}],
    ['a wrong token', auth('wrong-token-0123456789abcdef')],
    ['the token without Bearer', { authorization: TOKEN }],
    ['a prefix of the token', auth(TOKEN.slice(0, -1))],
  ])('401 problem+json for %s', async (_name, headers) => {
    const app = await build();
    const res = await app.inject({ url: '/v1/findings', headers });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({
      type: 'about:blank', title: 'Unauthorized', status: 401, code: 'http',
      detail: 'missing or wrong bearer token (Authorization: Bearer <token>)',
    });
  });

  it('health, readiness and the OpenAPI document need no token; /v1 accepts the right one', async () => {
    const app = await build();
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', store: 'none', graph: { loaded: true, origin: 'examples/acme', generation: 1 } });
    expect((await app.inject({ url: '/documentation/json' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/v1/findings', headers: auth() })).statusCode).toBe(200);
  });

  it('without a token (--no-auth) /v1 is open', async () => {
    const app = await build({ token: undefined });
    expect((await app.inject({ url: '/v1/findings?limit=1' })).statusCode).toBe(200);
  });
});

describe('token rules at listen time', () => {
  it('loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'example.com'].map(isLoopback)).toEqual([false, false, false, false, false]);
  });

  it('a given token is used; a short one is refused', () => {
    expect(chooseToken('0.0.0.0', TOKEN, false)).toEqual({ token: TOKEN, generated: false });
    expect(() => chooseToken('127.0.0.1', 'short', false)).toThrow(ConfigError);
    expect(() => chooseToken('127.0.0.1', TOKEN, true)).toThrow(ConfigError);
  });

  it('no token: generated on loopback, refused elsewhere; --no-auth only on loopback', () => {
    const a = chooseToken('127.0.0.1', undefined, false);
    const b = chooseToken('127.0.0.1', undefined, false);
    expect(a.generated).toBe(true);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.token).not.toBe(b.token);
    expect(() => chooseToken('0.0.0.0', undefined, false)).toThrow(/refusing to listen on 0\.0\.0\.0 without a bearer token/);
    expect(chooseToken('::1', undefined, true)).toEqual({ token: undefined, generated: false });
    expect(() => chooseToken('0.0.0.0', undefined, true)).toThrow(ConfigError);
  });
});

describe('errors', () => {
  it('an unexpected error is a generic 500 problem; the detail stays in the log', async () => {
    const app = createServer({ source: { kind: 'dir', dir: 'examples/acme' }, token: undefined, rateLimit: 0 }, { logLevel: false });
    app.get('/boom', async () => { throw new Error('secret internal detail'); });
    await app.ready();
    const res = await app.inject({ url: '/boom' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'http', detail: 'internal error; the server log has the details' });
    expect(res.body).not.toContain('secret');
  });

  it('unknown routes are 404 problems', async () => {
    const app = await build();
    const res = await app.inject({ url: '/v2/findings?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, code: 'http', detail: 'no route GET /v2/findings' });
  });

  it('a bad inventory directory fails the start with NotFoundError', async () => {
    const app = createServer({ source: { kind: 'dir', dir: 'no/such/dir' }, token: undefined }, { logLevel: false });
    await expect(app.ready()).rejects.toThrow('inventory "no/such/dir" does not exist');
    await app.close().catch(() => undefined);
  });

  it('rate limiting answers 429 problems once the budget is spent', async () => {
    const app = await build({ rateLimit: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await app.inject({ url: '/v1/findings?limit=1', headers: auth() })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const res = await app.inject({ url: '/v1/findings?limit=1', headers: auth() });
    expect(res.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });
});

describe('OpenAPI', () => {
  it('lists every route with its methods, and bearer security on /v1', async () => {
    const app = await build();
    const doc = (await app.inject({ url: '/documentation/json' })).json();
    expect(doc.openapi).toBe('3.0.3');
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual([
      'GET /healthz', 'GET /readyz', 'GET /v1/blast', 'GET /v1/findings', 'GET /v1/findings/{id}', 'GET /v1/kinds', 'GET /v1/paths', 'GET /v1/queries',
      'POST /v1/diff', 'POST /v1/ingest', 'POST /v1/ingest/files', 'POST /v1/queries/{id}/run', 'POST /v1/scope',
    ]);
    expect(doc.paths['/v1/paths'].get.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths['/v1/findings'].get.responses).sort()).toEqual(['200', '400', '401', '429', '503']);
  });
});

describe('a real HTTP round trip', () => {
  it('listens on a free loopback port, answers, closes', async () => {
    const app = await build();
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${url}/v1/findings?limit=2&severity=critical`, { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json() as { findings: { severity: string }[] };
    expect(body.findings.map((f) => f.severity)).toEqual(['critical', 'critical']);
    expect((await fetch(`${url}/v1/findings`)).status).toBe(401);
  });
});
