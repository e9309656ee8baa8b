// GET /v1/findings (filter, sort, paginate summaries) and GET /v1/findings/:id (one finding with all its paths).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { asReply, problems } from '../../../schemas/common.js';
import { FindingParamsSchema, FindingSchema, FindingsPageSchema, FindingsQuerySchema } from '../../../schemas/findings.js';

export default async function findings(app: FastifyInstance): Promise<void> {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const security = [{ bearer: [] }];
  fastify.get('', {
    schema: {
      tags: ['findings'], summary: 'findings of the served graph, filtered, sorted and paginated', security,
      querystring: FindingsQuerySchema, response: { 200: FindingsPageSchema, ...problems(400, 401, 429, 503) },
    },
  }, async (request) => fastify.engine.findings(request.query));

  fastify.get('/:id', {
    schema: {
      tags: ['findings'], summary: 'one finding by its stable id, with every path', security,
      params: FindingParamsSchema, response: { 200: FindingSchema, ...problems(400, 401, 404, 429, 503) },
    },
  }, async (request) => {
    const finding = fastify.engine.finding(request.params.id);
    if (!finding) throw fastify.httpErrors.notFound(`no finding ${request.params.id} in the served graph`);
    return asReply<Static<typeof FindingSchema>>(finding);
  });
}
