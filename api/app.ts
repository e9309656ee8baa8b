// The pathwarden HTTP API as a fastify plugin: shared plugins (limits, store, engine, auth), OpenAPI generated
// from the route schemas with a docs page, rate limiting, the one error handler, the routes, and the web view at
// `/`. server.ts builds an instance around it and listens; tests inject requests without listening.
import rateLimit from '@fastify/rate-limit';
import sensible from '@fastify/sensible';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { VERSION } from '../src/cli/version.js';
import { DEFAULT_RATE_LIMIT } from './limits.js';
import type { AppOptions } from './options.js';
import auth from './plugins/auth.js';
import engine from './plugins/engine.js';
import limits from './plugins/limits.js';
import store from './plugins/store.js';
import web from './plugins/web.js';
import { problem, sendProblem } from './problems.js';
import routes from './routes/index.js';
import { SHARED_SCHEMAS } from './schemas/common.js';

async function registerDocs(fastify: FastifyInstance): Promise<void> {
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'pathwarden API', version: VERSION, description: 'Identity attack-path analytics for AI agents and non-human identities.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      tags: [
        { name: 'findings', description: 'ranked findings of the served graph' },
        { name: 'graph', description: 'paths and blast radius at a time' },
        { name: 'queries', description: 'canned Cypher queries (Neo4j backend)' },
        { name: 'ingest', description: 'replace the served graph' },
        { name: 'health', description: 'liveness and readiness' },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await fastify.register(swaggerUi, { routePrefix: '/documentation', staticCSP: true });
}

/** The API plugin (not encapsulated, so the instance that registers it sees `engine`, `store`, `auth`, `limits`). */
async function app(fastify: FastifyInstance, options: AppOptions): Promise<void> {
  for (const schema of SHARED_SCHEMAS) fastify.addSchema(schema);
  fastify.setErrorHandler(sendProblem);
  await fastify.register(sensible);
  await registerDocs(fastify);
  const perMinute = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (perMinute > 0) {
    await fastify.register(rateLimit, {
      global: true, max: perMinute, timeWindow: '1 minute',
      errorResponseBuilder: (_req, ctx) => Object.assign(new Error(`rate limit of ${ctx.max} requests per minute exceeded; retry in ${ctx.after}`), { statusCode: 429 }),
    });
  }
  await fastify.register(limits, options);
  await fastify.register(store, options);
  await fastify.register(auth, options);
  await fastify.register(engine, options);
  // NOTE: unknown URLs are rate-limited too: clients that enumerate URLs are the ones to slow down.
  fastify.setNotFoundHandler(perMinute > 0 ? { preHandler: fastify.rateLimit() } : {}, (request, reply) =>
    reply.code(404).type('application/problem+json').send(problem(404, `no route ${request.method} ${request.url.split('?')[0]}`)));
  await fastify.register(routes, options);
  await fastify.register(web, options);
}

export default fp(app, { name: 'pathwarden-api', fastify: '5.x' });
