// Auth plugin: decorates `auth` with the bearer-token check of the /v1 routes (routes/v1/autohooks.ts applies it).
// Tokens are compared in constant time (both sides hashed first, so lengths do not leak either).
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { AppOptions } from '../options.js';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** True when `header` is `Bearer <token>` for the expected token. */
export function bearerMatches(expected: Buffer, header: string | undefined): boolean {
  const m = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header ?? '');
  return timingSafeEqual(digest(m?.[1] ?? ''), expected) && m !== null;
}

export default fp<AppOptions>(async (fastify, options) => {
  const expected = options.token === undefined ? undefined : digest(options.token);
  fastify.decorate('auth', {
    required: expected !== undefined,
    verify: (header: string | undefined) => expected === undefined || bearerMatches(expected, header),
  });
}, { name: 'auth', fastify: '5.x' });
