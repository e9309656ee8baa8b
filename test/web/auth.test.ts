// The web view's auth (plugins/auth.ts) without a browser: on a loopback bind the page gets a per-run session cookie
// that /v1 accepts only on same-origin requests with a loopback Host; the bearer token keeps working; a non-loopback
// bind issues no cookie.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../api/options.js';
import { createServer } from '../../api/server.js';

const TOKEN = 'web-test-token-0123456789';
const HOST = '127.0.0.1:8080';
const PAGE = '<!doctype html><title>pathwarden test page</title>';

const open: FastifyInstance[] = [];
afterEach(async () => { await Promise.all(open.splice(0).map((a) => a.close())); });

function webDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-web-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  return dir;
}

async function build(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = createServer({
    source: { kind: 'dir', dir: 'examples/acme' }, token: TOKEN, rateLimit: 0, listenHost: '127.0.0.1', webDir: webDir(), ...options,
  }, { logLevel: false });
  open.push(app);
  await app.ready();
  return app;
}

/** The session cookie (name=value) the page response sets, or undefined. */
async function sessionOf(app: FastifyInstance, host = HOST): Promise<string | undefined> {
  const res = await app.inject({ url: '/', headers: { host, 'sec-fetch-site': 'none' } });
  expect(res.statusCode).toBe(200);
  const set = res.headers['set-cookie'];
  return typeof set === 'string' ? set.split(';')[0] : undefined;
}

const findings = (app: FastifyInstance, headers: Record<string, string>) => app.inject({ url: '/v1/findings?limit=1', headers });

describe('session cookie on a loopback bind', () => {
  it('is issued with the page: per port, HttpOnly, SameSite=Strict, Path=/', async () => {
    const app = await build();
    const res = await app.inject({ url: '/findings/pw-0123', headers: { host: HOST, accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(PAGE);
    expect(res.headers['set-cookie']).toMatch(/^pathwarden_session_8080=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('authenticates same-origin /v1 requests (Sec-Fetch-Site same-origin or absent, Origin equal to the page)', async () => {
    const app = await build();
    const cookie = await sessionOf(app) as string;
    expect((await findings(app, { host: HOST, cookie, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await findings(app, { host: HOST, cookie })).statusCode).toBe(200);
    expect((await findings(app, { host: 'localhost:8080', cookie })).statusCode).toBe(200);
    const post = await app.inject({
      method: 'POST', url: '/v1/scope', payload: { selector: 'acme/key/openai-prod' },
      headers: { host: HOST, cookie, origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(post.statusCode).toBe(200);
  });

  it('refuses a cross-origin Origin, a cross-site or same-site fetch, and a rebound Host', async () => {
    const app = await build();
    const cookie = await sessionOf(app) as string;
    const refused: Record<string, string>[] = [
      { host: HOST, cookie, origin: 'http://evil.example' },
      { host: HOST, cookie, origin: 'http://127.0.0.1:9999' },
      { host: HOST, cookie, 'sec-fetch-site': 'cross-site' },
      { host: HOST, cookie, 'sec-fetch-site': 'same-site' },
      { host: 'evil.example:8080', cookie },
      { host: '127.0.0.2:8080', cookie },
    ];
    for (const headers of refused) {
      const res = await findings(app, headers);
      expect([headers, res.statusCode]).toEqual([headers, 401]);
    }
  });

  it('issues no cookie to a rebound Host name', async () => {
    const app = await build();
    expect(await sessionOf(app, 'evil.example:8080')).toBeUndefined();
  });

  it('refuses a wrong or stale value, and another port\'s cookie', async () => {
    const app = await build();
    const cookie = await sessionOf(app) as string;
    const other = await build();
    const stale = await sessionOf(other) as string;
    expect(stale).not.toBe(cookie);
    expect((await findings(app, { host: HOST, cookie: stale })).statusCode).toBe(401);
    expect((await findings(app, { host: HOST, cookie: 'pathwarden_session_8080=x' })).statusCode).toBe(401);
    expect((await findings(app, { host: '127.0.0.1:9090', cookie })).statusCode).toBe(401);
  });

  it('keeps the bearer token working, and a wrong bearer is refused even with the cookie', async () => {
    const app = await build();
    const cookie = await sessionOf(app) as string;
    expect((await findings(app, { authorization: `Bearer ${TOKEN}`, origin: 'http://anywhere.example' })).statusCode).toBe(200);
    expect((await findings(app, { host: HOST, cookie, authorization: 'Bearer wrong-token-0123456789' })).statusCode).toBe(401);
    expect((await findings(app, { host: HOST })).statusCode).toBe(401);
  });
});

describe('other binds', () => {
  it('a non-loopback bind issues no cookie: the page asks for the token', async () => {
    const app = await build({ listenHost: '0.0.0.0' });
    expect(app.auth.sessions).toBe(false);
    expect(await sessionOf(app, '192.0.2.1:8080')).toBeUndefined();
    expect(await sessionOf(app)).toBeUndefined();
  });

  it('without a token (--no-auth) there is no cookie and /v1 is open', async () => {
    const app = await build({ token: undefined });
    expect(await sessionOf(app)).toBeUndefined();
    expect((await findings(app, { host: HOST })).statusCode).toBe(200);
  });

  it('an API server built without listenHost (tests, embedding) issues no cookie', async () => {
    const app = await build({ listenHost: undefined });
    expect(await sessionOf(app)).toBeUndefined();
  });
});
