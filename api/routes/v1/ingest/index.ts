// POST /v1/ingest (a JSON graph document) and POST /v1/ingest/files (inventory files, multipart/form-data):
// load the upload and serve it (engine backend) or store it as a new snapshot and serve that (Neo4j backend).
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ingestUpload, saveGraphDocument, saveUploads, withUploadDir } from '../../../backend/ingest.js';
import { problems } from '../../../schemas/common.js';
import { GraphDocumentSchema, IngestQuerySchema, IngestSummarySchema } from '../../../schemas/ingest.js';

export default async function ingest(app: FastifyInstance): Promise<void> {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const { uploadBytes, uploadFiles } = fastify.limits;
  await fastify.register(multipart, { limits: { fileSize: uploadBytes, files: uploadFiles, fields: 0, parts: uploadFiles } });
  const response = { 200: IngestSummarySchema, ...problems(400, 401, 413, 415, 429, 503) };
  const security = [{ bearer: [] }];
  const config = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  fastify.post('', {
    schema: { tags: ['ingest'], summary: 'replace the served graph with a JSON graph document', security, querystring: IngestQuerySchema, body: GraphDocumentSchema, response },
    bodyLimit: uploadBytes, config,
  }, async (request) => withUploadDir(async (dir) => {
    await saveGraphDocument(request.body, dir);
    return ingestUpload(fastify.engine, fastify.store, dir, request.query.strict ?? false);
  }));

  fastify.post('/files', {
    schema: {
      tags: ['ingest'], summary: `replace the served graph with uploaded inventory files (multipart/form-data, at most ${uploadFiles} files)`,
      security, querystring: IngestQuerySchema, response,
    },
    config,
  }, async (request) => withUploadDir(async (dir) => {
    if (!request.isMultipart()) throw fastify.httpErrors.unsupportedMediaType('send the files as multipart/form-data');
    await saveUploads(request.files(), dir, uploadBytes);
    return ingestUpload(fastify.engine, fastify.store, dir, request.query.strict ?? false);
  }));
}
