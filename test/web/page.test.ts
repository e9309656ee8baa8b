// The web plugin (api/plugins/web.ts): the page at / and at deep links a browser navigates to, hashed assets with
// long caching, API clients still getting 404 problems for unknown URLs, and a plain message when nothing is built.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { isPageUrl } from '../../api/plugins/web.js';
import { createServer } from '../../api/server.js';

const PAGE = '<!doctype html><title>pathwarden test page</title>';
const open: FastifyInstance[] = [];
afterEach(async () => { await Promise.all(open.splice(0).map((a) => a.close())); });

async function build(webDir: string): Promise<FastifyInstance> {
  const app = createServer({ source: { kind: 'dir', dir: 'examples/acme' }, token: undefined, rateLimit: 0, webDir }, { logLevel: false });
  open.push(app);
  await app.ready();
  return app;
}

function builtDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-web-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  return dir;
}

describe('the page', () => {
  it('answers / and browser navigations to deep links; API clients get 404 problems for unknown URLs', async () => {
    const app = await build(builtDir());
    const html = { accept: 'text/html,application/xhtml+xml' };
    for (const url of ['/', '/findings', '/findings/pw-27ab3b571fc73503', '/scope?selector=acme/key/openai-prod', '/no/such/view']) {
      const res = await app.inject({ url, headers: url === '/' ? {} : html });
      expect([url, res.statusCode, res.body]).toEqual([url, 200, PAGE]);
    }
    const api = await app.inject({ url: '/findings/pw-27ab3b571fc73503' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ status: 404, detail: 'no route GET /findings/pw-27ab3b571fc73503' });
    const v1 = await app.inject({ url: '/v1/nope', headers: html });
    expect([v1.statusCode, v1.headers['content-type']]).toEqual([404, 'application/problem+json; charset=utf-8']);
    expect((await app.inject({ url: '/documentation/json' })).statusCode).toBe(200);
  });

  it('serves hashed assets with a year of caching, and 404 for a missing one', async () => {
    const app = await build(builtDir());
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect([res.statusCode, res.body]).toEqual([200, 'console.log(1)']);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/assets/nope.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/../index.html' })).statusCode).not.toBe(200);
  });

  it('says how to build the page when dist/web is missing', async () => {
    const app = await build(join(tmpdir(), 'pw-web-no-such-dir'));
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('The pathwarden web view is not built. Run <code>npm run build</code>');
  });

  it('isPageUrl keeps API, docs, health and asset URLs out', () => {
    const html = 'text/html';
    expect(['/', '/findings', '/diff?snapshot=s2', '/v1x'].map((u) => isPageUrl(u, html))).toEqual([true, true, true, true]);
    expect(['/v1', '/v1/findings', '/documentation', '/documentation/json', '/healthz', '/readyz', '/assets/a.js'].map((u) => isPageUrl(u, html)))
      .toEqual([false, false, false, false, false, false, false]);
    expect([isPageUrl('/findings', '*/*'), isPageUrl('/', undefined)]).toEqual([false, true]);
  });
});
