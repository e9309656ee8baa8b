// Schemas of /v1/queries: the canned Cypher library (queries/) and one run of a query against the store.
import { Type } from 'typebox';
import { QUERY_PARAM_TYPES } from '../../queries/index.js';
import { LIMITS } from '../limits.js';

export const QueryListSchema = Type.Object({
  store: Type.Boolean({ description: 'whether this server has a Neo4j store to run them against' }),
  queries: Type.Array(Type.Object({
    id: Type.String(), title: Type.String(), description: Type.String(),
    params: Type.Array(Type.Object({
      name: Type.String(), type: Type.Enum([...QUERY_PARAM_TYPES]), default: Type.Optional(Type.String()),
      min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()), description: Type.String(),
    })),
    returns: Type.Array(Type.String()), refs: Type.Array(Type.String()),
  })),
});

export const QueryIdSchema = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64, description: 'canned query id (GET /v1/queries lists them)' }),
});

export const QueryRunBodySchema = Type.Object({
  params: Type.Optional(Type.Record(
    Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }),
    Type.String({ maxLength: LIMITS.queryParamLength }),
    { maxProperties: LIMITS.queryParams, additionalProperties: false, description: 'parameter values as text, converted to the declared types (as `--param k=v`)' },
  )),
}, { additionalProperties: false });

export const QueryRunSchema = Type.Object({
  id: Type.String(),
  columns: Type.Array(Type.String()),
  rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  truncated: Type.Boolean({ description: `more than ${LIMITS.queryRows} rows: the rest are left out` }),
});
