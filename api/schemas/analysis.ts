// Schemas of the graph queries: /v1/paths (paths between selectors) and /v1/blast (blast radius of principals).
import { Type, type Static } from 'typebox';
import { LIMITS } from '../limits.js';
import { AtSchema, NodeRef, RankedPath, SelectorSchema } from './common.js';

export const PathsQuerySchema = Type.Object({
  from: SelectorSchema,
  to: SelectorSchema,
  maxDepth: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.maxDepth, default: 8, description: 'longest path, in edges' })),
  cap: Type.Optional(Type.Integer({
    minimum: 1, maximum: LIMITS.cap, default: 1000,
    description: `most paths per pair; lowered so that pairs × cap ≤ ${LIMITS.pathsPerRequest}`,
  })),
  at: Type.Optional(AtSchema),
}, { additionalProperties: false });
export type PathsQuery = Static<typeof PathsQuerySchema>;

export const PathsReportSchema = Type.Object({
  at: Type.String(), from: Type.String(), to: Type.String(), maxDepth: Type.Integer(),
  cap: Type.Integer({ description: 'the per-pair cap applied (after the request budget)' }),
  sources: Type.Integer(), targets: Type.Integer(),
  pairs: Type.Array(Type.Object({ source: NodeRef, target: NodeRef, paths: Type.Array(RankedPath), truncated: Type.Boolean() })),
  total: Type.Integer(),
  truncated: Type.Boolean({ description: 'true when a cap or the time budget stopped the enumeration' }),
  limits: Type.Object({
    requestedCap: Type.Integer(), pathsPerRequest: Type.Integer(), timeBudgetMs: Type.Integer(),
    timedOut: Type.Boolean({ description: 'the time budget ran out: the pairs listed are those found in time; narrow the selectors or lower maxDepth' }),
  }),
});
export type PathsResponse = Static<typeof PathsReportSchema>;

export const BlastQuerySchema = Type.Object({
  selector: SelectorSchema,
  at: Type.Optional(AtSchema),
}, { additionalProperties: false });
export type BlastQuery = Static<typeof BlastQuerySchema>;

const BreakdownSchema = Type.Object({
  label: Type.String(), count: Type.Integer(), weight: Type.Number(), points: Type.Number(),
});

export const BlastReportSchema = Type.Object({
  at: Type.String(), selector: Type.String(), matched: Type.Integer(),
  principals: Type.Array(Type.Object({
    source: NodeRef, score: Type.Number(), breakdown: Type.Array(BreakdownSchema), actsAs: Type.Array(NodeRef),
    reached: Type.Array(Type.Object({
      effect: Type.String(), target: NodeRef, tier: Type.Optional(Type.Integer()), actions: Type.Array(Type.String()), path: RankedPath,
    })),
  })),
});
export type BlastResponse = Static<typeof BlastReportSchema>;
