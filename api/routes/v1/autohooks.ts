// Hooks of the /v1 subtree: every request carries `Authorization: Bearer <token>` when the server has a token.
import type { FastifyInstance } from 'fastify';

export default async function autohooks(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRequest', async (request) => {
    if (!fastify.auth.verify(request.headers.authorization)) {
      throw fastify.httpErrors.unauthorized('missing or wrong bearer token (Authorization: Bearer <token>)');
    }
  });
}
