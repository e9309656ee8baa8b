// Route tree: folders are URL prefixes. /healthz and /readyz are open; everything under /v1 needs the token.
import type { FastifyInstance } from 'fastify';
import health from './health/index.js';
import v1 from './v1/index.js';

export default async function routes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(health);
  await fastify.register(v1, { prefix: '/v1' });
}
