// The /v1 subtree: the auth hook first (autohooks.ts), then one folder per resource, folder = URL prefix.
import type { FastifyInstance } from 'fastify';
import autohooks from './autohooks.js';
import blast from './blast/index.js';
import diff from './diff/index.js';
import findings from './findings/index.js';
import ingest from './ingest/index.js';
import kinds from './kinds/index.js';
import paths from './paths/index.js';
import queries from './queries/index.js';
import scope from './scope/index.js';

export default async function v1(fastify: FastifyInstance): Promise<void> {
  await autohooks(fastify);
  await fastify.register(findings, { prefix: '/findings' });
  await fastify.register(paths, { prefix: '/paths' });
  await fastify.register(blast, { prefix: '/blast' });
  await fastify.register(queries, { prefix: '/queries' });
  await fastify.register(ingest, { prefix: '/ingest' });
  await fastify.register(diff, { prefix: '/diff' });
  await fastify.register(scope, { prefix: '/scope' });
  await fastify.register(kinds, { prefix: '/kinds' });
}
