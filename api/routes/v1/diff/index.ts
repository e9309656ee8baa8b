// POST /v1/diff: weekly-risk-diff over HTTP (graph changes, findings new/resolved/worsened/improved, blast movers).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { diffRequest } from '../../../backend/diff.js';
import { asReply, problems } from '../../../schemas/common.js';
import { DiffBodySchema, DiffReportSchema, type DiffResponse } from '../../../schemas/diff.js';

export default async function diff(app: FastifyInstance): Promise<void> {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.post('', {
    schema: {
      tags: ['graph'], summary: 'risk diff between two sides (saved analysis, Neo4j snapshot, or the served graph; head defaults to the served graph)',
      security: [{ bearer: [] }], body: DiffBodySchema, response: { 200: DiffReportSchema, ...problems(400, 401, 404, 413, 429, 503) },
    },
    bodyLimit: fastify.limits.uploadBytes,
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (request) => asReply<DiffResponse>(await diffRequest(request.body, fastify.engine, fastify.store)));
}
