// GET /v1/queries (the canned Cypher library) and POST /v1/queries/:id/run (run one against the Neo4j store).
// Only canned queries run: the request picks one by id and its values travel as parameters, never as Cypher.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { loadQueries } from '../../../../queries/index.js';
import { StoreUnavailableError } from '../../../../src/model/index.js';
import { runQuery } from '../../../../src/store/query.js';
import { asReply, problems } from '../../../schemas/common.js';
import { QueryIdSchema, QueryListSchema, QueryRunBodySchema, QueryRunSchema } from '../../../schemas/queries.js';

export default async function queries(app: FastifyInstance): Promise<void> {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const security = [{ bearer: [] }];
  fastify.get('', {
    schema: { tags: ['queries'], summary: 'the canned Cypher queries', security, response: { 200: QueryListSchema, ...problems(401, 429) } },
  }, async () => asReply<Static<typeof QueryListSchema>>({ store: fastify.store !== undefined, queries: loadQueries() }));

  fastify.post('/:id/run', {
    schema: {
      tags: ['queries'], summary: 'run a canned query against the Neo4j store (503 without one)', security,
      params: QueryIdSchema, body: QueryRunBodySchema, response: { 200: QueryRunSchema, ...problems(400, 401, 404, 429, 503) },
    },
  }, async (request) => {
    if (!fastify.store) throw new StoreUnavailableError('this server has no Neo4j store; start it with `pathwarden serve --neo4j`');
    const result = await runQuery(fastify.store, request.params.id, request.body.params ?? {});
    const rows = result.rows.slice(0, fastify.limits.queryRows);
    return { id: result.query.id, columns: result.columns, rows, truncated: result.rows.length > rows.length };
  });
}
