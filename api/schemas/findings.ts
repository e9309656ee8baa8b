// Schemas of /v1/findings: the list query, a page of finding summaries, and one whole finding.
import { Type, type Static } from 'typebox';
import { RULES, SEVERITIES } from '../../src/findings/index.js';
import { ENVIRONMENTS } from '../../src/model/index.js';
import { LIMITS } from '../limits.js';
import { NodeKindSchema, NodeRef, RankedPath, SeveritySchema } from './common.js';

export const FINDING_SORTS = ['score', 'severity'] as const;

export const FindingsQuerySchema = Type.Object({
  rule: Type.Optional(Type.Enum(RULES.map((r) => r.id))),
  severity: Type.Optional(Type.Enum([...SEVERITIES], { description: 'minimum severity' })),
  sourceKind: Type.Optional(NodeKindSchema),
  environment: Type.Optional(Type.Enum([...ENVIRONMENTS], { description: 'environment of the source or the target' })),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'tag of the source or the target' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'case-insensitive text in the title, source or target' })),
  sort: Type.Optional(Type.Enum([...FINDING_SORTS], { default: 'score' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSize, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
}, { additionalProperties: false });
export type FindingsQuery = Static<typeof FindingsQuerySchema>;

const FrameworkSchema = Type.Object({ framework: Type.String(), id: Type.String(), title: Type.String() });
const SuppressionSchema = Type.Object({
  reason: Type.String(), owner: Type.String(), expires: Type.Optional(Type.String()), file: Type.String(), line: Type.Integer(),
});

/** A finding without its path lists: the leading path per capability, drawn as text, and counts. */
export const FindingSummarySchema = Type.Object({
  id: Type.String(), rule: Type.String(), severity: SeveritySchema, score: Type.Number(), title: Type.String(),
  source: NodeRef, target: NodeRef,
  pathSets: Type.Array(Type.Object({
    label: Type.String(), actions: Type.Array(Type.String()), shortest: Type.String(),
    paths: Type.Integer({ description: 'paths enumerated for this capability' }), truncated: Type.Boolean(),
  })),
  frameworks: Type.Array(FrameworkSchema),
});
export type FindingSummary = Static<typeof FindingSummarySchema>;

export const FindingsPageSchema = Type.Object({
  at: Type.String(), total: Type.Integer(), offset: Type.Integer(), limit: Type.Integer(),
  findings: Type.Array(FindingSummarySchema),
});
export type FindingsPage = Static<typeof FindingsPageSchema>;

export const FindingSchema = Type.Object({
  id: Type.String(), rule: Type.String(), severity: SeveritySchema, score: Type.Number(), title: Type.String(),
  source: NodeRef, target: NodeRef,
  pathSets: Type.Array(Type.Object({
    label: Type.String(), actions: Type.Array(Type.String()), shortest: RankedPath, paths: Type.Array(RankedPath),
    total: Type.Optional(Type.Integer({ description: 'every path enumerated (paths holds the best of them)' })), truncated: Type.Boolean(),
  })),
  frameworks: Type.Array(FrameworkSchema),
  remediation: Type.Array(Type.String()),
  suppressed: Type.Optional(SuppressionSchema),
});

export const FindingParamsSchema = Type.Object({
  id: Type.String({ pattern: '^pw-[0-9a-f]{1,64}$', description: 'stable finding id (pw-…)' }),
});
