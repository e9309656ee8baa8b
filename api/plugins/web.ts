// Web plugin: serves the built web view (web/, built by vite into dist/web) at `/`. Hashed assets come from
// /assets/ with long caching; every other browser navigation outside the API, docs and health URLs gets index.html
// (the page routes itself: deep links such as /findings/pw-… work), with the session cookie of plugins/auth.ts
// and a strict Content-Security-Policy. Without a build the page says how to make one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { packageRoot } from '../../queries/index.js';
import type { AppOptions } from '../options.js';

/** URL prefixes that never fall back to the page (their unknown URLs stay 404 problems). */
const NOT_PAGES = ['/v1/', '/v1', '/documentation', '/healthz', '/readyz', '/assets/'];

// NOTE: styles allow 'unsafe-inline' because cytoscape injects its container stylesheet; scripts are 'self' only.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
  + "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const NOT_BUILT = '<!doctype html><meta charset="utf-8"><title>pathwarden</title>'
  + '<p>The pathwarden web view is not built. Run <code>npm run build</code> in the pathwarden package, then restart '
  + '<code>pathwarden serve</code>. The API is available under <code>/v1</code> (see <a href="/documentation">/documentation</a>).</p>';

/** The default location of the built page: dist/web of the package. */
export function defaultWebDir(): string {
  return join(packageRoot(), 'dist', 'web');
}

/**
 * True when the page answers `url`: `/`, or any URL outside the API, docs, health checks and assets that a browser
 * navigates to (it accepts text/html). API clients asking for an unknown URL keep getting a 404 problem.
 */
export function isPageUrl(url: string, accept: string | undefined): boolean {
  const path = url.split('?')[0] as string;
  if (path === '/') return true;
  if (NOT_PAGES.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))) return false;
  return (accept ?? '').includes('text/html');
}

export default fp<AppOptions>(async (fastify, options) => {
  const dir = options.webDir ?? defaultWebDir();
  const indexFile = join(dir, 'index.html');
  const built = existsSync(indexFile);
  // NOTE: read once: the page is tiny and changes only with a new build (and a new server run).
  const page = built ? readFileSync(indexFile, 'utf8') : NOT_BUILT;
  if (built && existsSync(join(dir, 'assets'))) {
    await fastify.register(fastifyStatic, {
      root: join(dir, 'assets'), prefix: '/assets/', index: false, immutable: true, maxAge: '365d', decorateReply: false,
    });
  }
  const sendPage = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!isPageUrl(request.url, request.headers.accept)) return reply.callNotFound();
    fastify.auth.issueSession(request, reply);
    return reply.code(built ? 200 : 503).type('text/html; charset=utf-8')
      .headers({
        'cache-control': 'no-store', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY',
      })
      .send(page);
  };
  fastify.get('/', { schema: { hide: true } }, sendPage);
  fastify.get('/*', { schema: { hide: true } }, sendPage);
}, { name: 'web', fastify: '5.x', dependencies: ['auth'] });
