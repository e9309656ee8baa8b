// Hooks of the /v1 subtree: every request carries `Authorization: Bearer <token>` when the server has a token (or,
// from the web view on a loopback bind, its same-origin session cookie: plugins/auth.ts).
import type { FastifyInstance } from 'fastify';

export default async function autohooks(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRequest', async (request) => {
    if (!fastify.auth.allows(request)) {
      throw fastify.httpErrors.unauthorized('missing or wrong bearer token (Authorization: Bearer <token>)');
    }
  });
}
