// Auth plugin: decorates `auth` with the checks of the /v1 routes (routes/v1/autohooks.ts applies them): the bearer
// token, or — on a loopback bind only — the web view's per-run session cookie on a same-origin request whose Host is
// the bound loopback address or localhost (a DNS-rebinding guard). Secrets are compared in constant time (both
// sides hashed first, so lengths do not leak either).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isLoopback } from '../loopback.js';
import type { AppOptions } from '../options.js';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** True when `header` is `Bearer <token>` for the expected token. */
export function bearerMatches(expected: Buffer, header: string | undefined): boolean {
  const m = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header ?? '');
  return timingSafeEqual(digest(m?.[1] ?? ''), expected) && m !== null;
}

/** Host names a browser may use for a server bound to `listenHost` (a loopback address). */
export function allowedHostNames(listenHost: string): Set<string> {
  const names = new Set(['localhost', listenHost.includes(':') ? `[${listenHost}]` : listenHost]);
  if (listenHost === 'localhost') names.add('127.0.0.1').add('[::1]');
  return names;
}

/** Splits a Host header into name and port (`[::1]:8080` → `[::1]`, `8080`); undefined when malformed. */
export function splitHost(host: string | undefined): { name: string; port: string | undefined } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host ?? '');
  return m ? { name: (m[1] as string).toLowerCase(), port: m[2] } : undefined;
}

/** The session cookie's name: per port, since cookies are shared by every port of a host. */
export function sessionCookieName(request: FastifyRequest): string {
  return `pathwarden_session_${splitHost(request.headers.host)?.port ?? '80'}`;
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the Host header names the bound loopback address (or localhost) on the port the request arrived on. */
export function loopbackHost(request: FastifyRequest, names: ReadonlySet<string>): boolean {
  const host = splitHost(request.headers.host);
  if (!host || !names.has(host.name)) return false;
  const port = request.socket.localPort;
  return host.port === undefined || port === undefined || Number(host.port) === port;
}

/**
 * True when a request may use the session cookie: a loopback Host (loopbackHost), Sec-Fetch-Site same-origin or
 * absent, and Origin, when sent, this very origin.
 */
export function sameOriginLoopback(request: FastifyRequest, names: ReadonlySet<string>): boolean {
  if (!loopbackHost(request, names)) return false;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  return origin === undefined || origin.toLowerCase() === `http://${(request.headers.host as string).toLowerCase()}`;
}

export interface Auth {
  /** True when /v1 needs credentials. */
  readonly required: boolean;
  /** True when the server issues a session cookie to the web view (token set, loopback bind). */
  readonly sessions: boolean;
  /** Bearer-token check of an Authorization header. */
  verify(header: string | undefined): boolean;
  /** The /v1 check: the bearer token, or the session cookie on a same-origin loopback request. */
  allows(request: FastifyRequest): boolean;
  /** Sets the session cookie on a web-view page response (only with sessions, and only for an allowed Host). */
  issueSession(request: FastifyRequest, reply: FastifyReply): void;
}

export default fp<AppOptions>(async (fastify, options) => {
  const expected = options.token === undefined ? undefined : digest(options.token);
  const loopback = options.listenHost !== undefined && isLoopback(options.listenHost);
  // NOTE: a fresh random value per run: a cookie from an earlier run (or another server) never matches.
  const session = expected !== undefined && loopback ? randomBytes(32).toString('base64url') : undefined;
  const sessionDigest = session === undefined ? undefined : digest(session);
  const names = allowedHostNames(options.listenHost ?? '127.0.0.1');
  const verify = (header: string | undefined): boolean => expected === undefined || bearerMatches(expected, header);
  const auth: Auth = {
    required: expected !== undefined,
    sessions: session !== undefined,
    verify,
    allows(request) {
      if (verify(request.headers.authorization)) return true;
      if (!sessionDigest || request.headers.authorization !== undefined) return false;
      const value = cookieValue(request.headers.cookie, sessionCookieName(request));
      return value !== undefined && timingSafeEqual(digest(value), sessionDigest) && sameOriginLoopback(request, names);
    },
    issueSession(request, reply) {
      // NOTE: only the Host is checked here (a rebound name gets no cookie); the value is HttpOnly and SameSite=Strict,
      // so a page that links here can neither read it nor make the browser send it.
      if (session === undefined || !loopbackHost(request, names)) return;
      void reply.header('set-cookie', `${sessionCookieName(request)}=${session}; Path=/; HttpOnly; SameSite=Strict`);
    },
  };
  fastify.decorate('auth', auth);
}, { name: 'auth', fastify: '5.x' });
