// GET /v1/blast?selector&at: blast radius of every principal a selector matches, with a path to each target.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { BlastQuerySchema, BlastReportSchema } from '../../../schemas/analysis.js';
import { problems } from '../../../schemas/common.js';

export default async function blast(app: FastifyInstance): Promise<void> {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('', {
    schema: {
      tags: ['graph'], summary: 'blast radius of the principals a selector matches', security: [{ bearer: [] }],
      querystring: BlastQuerySchema, response: { 200: BlastReportSchema, ...problems(400, 401, 404, 429, 503) },
    },
  }, async (request) => fastify.engine.blast(request.query));
}
