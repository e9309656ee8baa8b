// POST /v1/scope: scope a compromised credential or identity (reach by tier, holders, revocation plan, residual).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problems } from '../../../schemas/common.js';
import { ScopeBodySchema, ScopeReportSchema } from '../../../schemas/scope.js';

export default async function scope(app: FastifyInstance): Promise<void> {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.post('', {
    schema: {
      tags: ['graph'], summary: 'scope a compromised credential or identity: reach by tier, who holds it, the cheapest revocation plan, residual reach',
      security: [{ bearer: [] }], body: ScopeBodySchema, response: { 200: ScopeReportSchema, ...problems(400, 401, 404, 429, 503) },
    },
  }, async (request) => fastify.engine.scope(request.body));
}
