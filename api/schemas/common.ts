// Shared TypeBox schemas of the API: problem documents, selectors, times, and the node/edge/path shapes of
// src/findings/types.ts. Kind enums come from the model registries; response objects list their fields, so
// serialization drops anything else (no node attributes leak).
import { Type, type Static } from 'typebox';
import { SEVERITIES } from '../../src/findings/index.js';
import { EDGE_KINDS, ERROR_CODES, NODE_KINDS } from '../../src/model/index.js';
import { LIMITS } from '../limits.js';

/** RFC 9457 problem document (application/problem+json), plus the pathwarden error `code`. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.Optional(Type.String({ description: `pathwarden error code (${ERROR_CODES.join(', ')}), or http` })),
}, { $id: 'Problem', description: 'An error, as application/problem+json.' });
export type Problem = Static<typeof ProblemSchema>;

/** Problem responses by status, for route `response` blocks. */
export function problems<const S extends readonly number[]>(...statuses: S): Record<S[number], typeof ProblemRef> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemRef])) as Record<S[number], typeof ProblemRef>;
}
const ProblemRef = Type.Unsafe<Problem>(Type.Ref('Problem'));

export const SelectorSchema = Type.String({
  minLength: 1, maxLength: LIMITS.selectorLength,
  description: 'Node selector: an id, `kind:AIAgent`, `name:ci-*`, `tag:prod`, `env:prod`, `owner:…`, `agent:support-*`; terms joined by `,` must all match.',
});

export const AtSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?$', maxLength: 40,
  description: 'Analysis time, ISO-8601 date or date-time (2026-12-01, 2026-12-01T09:00:00Z); default: when the served graph was analysed.',
});

export const SeveritySchema = Type.Enum([...SEVERITIES]);
export const NodeKindSchema = Type.Enum([...NODE_KINDS]);
export const EdgeKindSchema = Type.Enum([...EDGE_KINDS]);

export const NodeRefSchema = Type.Object({
  id: Type.String(), kind: NodeKindSchema, name: Type.String(), label: Type.String(),
}, { $id: 'NodeRef' });

export const EdgeRefSchema = Type.Object({
  kind: EdgeKindSchema, from: Type.String(), to: Type.String(),
  qualifier: Type.Optional(Type.String()), file: Type.Optional(Type.String()), line: Type.Optional(Type.Integer()),
}, { $id: 'EdgeRef' });

const NodeRefRef = Type.Unsafe<Static<typeof NodeRefSchema>>(Type.Ref('NodeRef'));
const EdgeRefRef = Type.Unsafe<Static<typeof EdgeRefSchema>>(Type.Ref('EdgeRef'));
export { EdgeRefRef as EdgeRef, NodeRefRef as NodeRef };

export const RankedPathSchema = Type.Object({
  nodes: Type.Array(NodeRefRef),
  edges: Type.Array(EdgeRefRef),
  rank: Type.Object({
    score: Type.Number(), blastRadius: Type.Number(), blastFactor: Type.Number(), principalWeight: Type.Number(),
    exploitability: Type.Number(), targetWeight: Type.Number(), lengthFactor: Type.Number(),
    entryCredential: Type.Optional(Type.String()),
    factors: Type.Array(Type.Object({ name: Type.String(), detail: Type.String(), weight: Type.Number() })),
  }),
}, { $id: 'RankedPath' });
export const RankedPath = Type.Unsafe<Static<typeof RankedPathSchema>>(Type.Ref('RankedPath'));

/** Schemas registered once with fastify.addSchema (referenced by $id above). */
export const SHARED_SCHEMAS = [ProblemSchema, NodeRefSchema, EdgeRefSchema, RankedPathSchema] as const;

/** `T` with every array and property readonly: the shape src/ returns (Finding, CannedQuery…). */
export type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[]
  : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** A readonly value from src/ as the mutable type its response schema infers (same shape, type-checked). */
export function asReply<T>(value: DeepReadonly<T>): T {
  return value as T;
}
