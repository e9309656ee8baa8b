// GET /v1/kinds: node/edge kinds (with remediation per edge kind from the edge docs), rules, severities, environments.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { kindsCatalogue } from '../../../backend/kinds.js';
import { problems } from '../../../schemas/common.js';
import { KindsCatalogueSchema } from '../../../schemas/kinds.js';

export default async function kinds(app: FastifyInstance): Promise<void> {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('', {
    schema: {
      tags: ['graph'], summary: 'node and edge kinds (remediation per edge kind from the edge docs), rules, severities, environments',
      security: [{ bearer: [] }], response: { 200: KindsCatalogueSchema, ...problems(401, 429) },
    },
  }, async () => kindsCatalogue());
}
