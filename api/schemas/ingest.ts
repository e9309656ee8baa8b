// Schemas of /v1/ingest: a JSON graph document (the format `pathwarden export` writes) or uploaded files.
import { Type } from 'typebox';

export const IngestQuerySchema = Type.Object({
  strict: Type.Optional(Type.Boolean({ default: false, description: 'refuse the upload when any row or file is rejected' })),
}, { additionalProperties: false });

/** The document's shape; each node and edge is checked by the json-graph ingestor (rejected ones are reported). */
export const GraphDocumentSchema = Type.Object({
  format: Type.Literal('pathwarden-graph'),
  version: Type.Literal(1),
  nodes: Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 1_000_000 }),
  edges: Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 5_000_000 }),
});

export const IngestSummarySchema = Type.Object({
  origin: Type.String(), generation: Type.Integer(), at: Type.String(),
  nodes: Type.Integer(), edges: Type.Integer(), findings: Type.Integer(),
  files: Type.Array(Type.Object({ file: Type.String(), source: Type.String(), nodes: Type.Integer(), edges: Type.Integer(), rejected: Type.Integer() })),
  diagnostics: Type.Object({ errors: Type.Integer(), warnings: Type.Integer(), first: Type.Array(Type.String()) }),
  snapshot: Type.Optional(Type.String({ description: 'the new Neo4j snapshot (Neo4j backend)' })),
});
