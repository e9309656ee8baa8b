// GET /v1/paths?from&to&maxDepth&cap&at: every path between the nodes two selectors match, within hard limits.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { PathsQuerySchema, PathsReportSchema } from '../../../schemas/analysis.js';
import { problems } from '../../../schemas/common.js';

export default async function paths(app: FastifyInstance): Promise<void> {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('', {
    schema: {
      tags: ['graph'], summary: 'attack paths between two selectors (bounded by depth, cap, pairs × cap and a time budget)',
      security: [{ bearer: [] }], querystring: PathsQuerySchema, response: { 200: PathsReportSchema, ...problems(400, 401, 404, 429, 503) },
    },
  }, async (request) => fastify.engine.paths(request.query));
}
