// Builds a fastify instance around the API plugin, and listens with graceful close on SIGINT/SIGTERM. Also the
// listen-time safety rules: a non-loopback host needs a bearer token; on loopback one is generated if none is given.
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { ConfigError } from '../src/model/index.js';
import app from './app.js';
import { isLoopback } from './loopback.js';
import type { AppOptions } from './options.js';

/** Shortest token accepted (a guessable token is no protection). */
export const MIN_TOKEN_LENGTH = 16;

export interface ServerOptions {
  /** pino log level, or false for no log (tests). */
  readonly logLevel?: string | false;
}

/** The API as a fastify instance, not listening (tests inject requests into it). */
export function createServer(options: AppOptions, server: ServerOptions = {}): FastifyInstance {
  const fastify = Fastify({
    logger: server.logLevel === false ? false : { level: server.logLevel ?? 'info' },
    // NOTE: unknown properties are an error (400), not silently dropped: a misspelt filter must not widen a query.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    routerOptions: { maxParamLength: 200 },
    requestTimeout: 60_000,
    forceCloseConnections: 'idle',
  });
  void fastify.register(app, options);
  return fastify;
}

export { isLoopback };

export interface TokenChoice {
  /** undefined: no auth. */
  readonly token: string | undefined;
  readonly generated: boolean;
}

/** Decides the bearer token: the given one, none (--no-auth, loopback only), or a generated one on loopback. */
export function chooseToken(host: string, given: string | undefined, noAuth: boolean): TokenChoice {
  const loopback = isLoopback(host);
  if (given !== undefined && given !== '') {
    if (noAuth) throw new ConfigError('--no-auth and a token (--token or PATHWARDEN_API_TOKEN) contradict each other; give one');
    if (given.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(given)) {
      throw new ConfigError(`the API token must be at least ${MIN_TOKEN_LENGTH} printable ASCII characters without spaces`);
    }
    return { token: given, generated: false };
  }
  if (!loopback) {
    throw new ConfigError(`refusing to listen on ${host} without a bearer token: set PATHWARDEN_API_TOKEN (or --token), or listen on 127.0.0.1`);
  }
  if (noAuth) return { token: undefined, generated: false };
  return { token: randomBytes(24).toString('base64url'), generated: true };
}

/** Listens on host:port; resolves with the instance and its URL. The instance closes on SIGINT/SIGTERM. */
export async function startServer(
  options: AppOptions, listen: { host: string; port: number }, server: ServerOptions = {},
): Promise<{ app: FastifyInstance; url: string; closed: Promise<void> }> {
  // NOTE: the bound host decides whether the web view gets a session cookie (plugins/auth.ts).
  const fastify = createServer({ ...options, listenHost: listen.host }, server);
  const closed = new Promise<void>((resolve) => fastify.addHook('onClose', (_i, done) => { resolve(); done(); }));
  const url = await fastify.listen({ host: listen.host, port: listen.port });
  const stop = (): void => { void fastify.close(); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  void closed.then(() => { process.off('SIGINT', stop); process.off('SIGTERM', stop); });
  return { app: fastify, url, closed };
}
