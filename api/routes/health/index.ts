// GET /healthz (the process answers) and GET /readyz (the graph is loaded and, with Neo4j, the store answers).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { storeAnswers } from '../../backend/health.js';
import { HealthSchema, ReadySchema } from '../../schemas/health.js';

export default async function health(app: FastifyInstance): Promise<void> {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('/healthz', {
    schema: { tags: ['health'], summary: 'liveness', response: { 200: HealthSchema } },
    config: { rateLimit: false },
  }, async () => ({ status: 'ok' as const }));

  fastify.get('/readyz', {
    schema: { tags: ['health'], summary: 'readiness: graph loaded, store answering', response: { 200: ReadySchema, 503: ReadySchema } },
  }, async (_request, reply) => {
    const store = await storeAnswers(fastify.store);
    const graph = fastify.engine.summary();
    const ready = graph.loaded && store !== 'down';
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', graph, store });
  });
}
