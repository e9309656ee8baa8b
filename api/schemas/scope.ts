// Schemas of POST /v1/scope: a compromised credential or identity, its reach by tier, holders, revocation plan and
// residual reach (src/analysis/scope.ts).
import { Type, type Static } from 'typebox';
import { LIMITS } from '../limits.js';
import { AtSchema, NodeRef, SelectorSchema } from './common.js';

export const ScopeBodySchema = Type.Object({
  selector: SelectorSchema,
  at: Type.Optional(AtSchema),
  tier: Type.Optional(Type.Integer({ minimum: 0, maximum: 4, default: 1, description: 'the plan cuts every target of this tier or more sensitive' })),
  maxDepth: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.maxDepth, default: 8 })),
  cap: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.cap, default: 1000, description: 'most paths counted per target' })),
}, { additionalProperties: false });
export type ScopeBody = Static<typeof ScopeBodySchema>;

const EdgeRef = Type.Unsafe<{ kind: string; from: string; to: string; qualifier?: string; file?: string; line?: number }>(Type.Ref('EdgeRef'));
const Path = Type.Object({ nodes: Type.Array(NodeRef), edges: Type.Array(EdgeRef) });
const Residual = Type.Object({
  from: NodeRef, effect: Type.String(), target: NodeRef, tier: Type.Optional(Type.Integer()), actions: Type.Array(Type.String()),
});

export const ScopeReportSchema = Type.Object({
  at: Type.String(), selector: Type.String(), maxTier: Type.Integer(), maxDepth: Type.Integer(), cap: Type.Integer(), matched: Type.Integer(),
  nodes: Type.Array(Type.Object({
    source: NodeRef, active: Type.Boolean(),
    risks: Type.Array(Type.Object({ name: Type.String(), detail: Type.String(), weight: Type.Number() })),
    actsAs: Type.Array(Type.Object({ node: NodeRef, path: Path })),
    reached: Type.Array(Type.Object({
      effect: Type.String(), target: NodeRef, tier: Type.Optional(Type.Integer()), actions: Type.Array(Type.String()),
      atThreshold: Type.Boolean(), path: Path, paths: Type.Object({ count: Type.Integer(), truncated: Type.Boolean() }),
    })),
    holders: Type.Object({
      direct: Type.Array(Type.Object({ node: NodeRef, edge: EdgeRef })),
      users: Type.Array(Type.Object({ node: NodeRef, path: Path })),
      userCount: Type.Integer(),
    }),
  })),
  plan: Type.Object({
    cost: Type.Number(), exact: Type.Boolean(),
    items: Type.Array(Type.Object({
      type: Type.String(), node: Type.Optional(NodeRef), edge: Type.Optional(EdgeRef), cost: Type.Number(), action: Type.String(),
      why: Type.String(), relying: Type.Array(NodeRef), cuts: Type.Array(NodeRef),
    })),
    exposed: Type.Array(NodeRef), targets: Type.Array(NodeRef),
    network: Type.Object({ nodes: Type.Integer(), arcs: Type.Integer() }),
  }),
  residual: Type.Object({ clear: Type.Boolean(), atThreshold: Type.Array(Residual), remaining: Type.Array(Residual) }),
});
export type ScopeResponse = Static<typeof ScopeReportSchema>;
