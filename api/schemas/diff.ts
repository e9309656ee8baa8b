// Schemas of POST /v1/diff: two sides (an uploaded saved analysis, a Neo4j snapshot, or the served graph) and the
// risk diff report of src/analysis/diff.ts.
import { Type, type Static, type TProperties } from 'typebox';
import { AtSchema, EdgeRef, NodeRef, SeveritySchema } from './common.js';

const SideSchema = Type.Union([
  Type.Object({ served: Type.Literal(true) }, { additionalProperties: false, description: 'the graph this server serves' }),
  Type.Object({ snapshot: Type.String({ pattern: '^(latest|s?\\d{1,9})$', description: 'Neo4j snapshot (s12, 12, latest)' }) }, { additionalProperties: false }),
  Type.Object({
    saved: Type.Record(Type.String(), Type.Unknown(), { description: 'a saved analysis: the output of `pathwarden analyze --format json [--include-graph]`' }),
  }, { additionalProperties: false }),
]);
export type DiffSideInput = Static<typeof SideSchema>;

export const DiffBodySchema = Type.Object({
  base: SideSchema,
  head: Type.Optional(SideSchema),
  at: Type.Optional(AtSchema),
  threshold: Type.Optional(Type.String({ pattern: '^\\d+(\\.\\d+)?%?(,\\d+(\\.\\d+)?%?)?$', description: 'score move that counts: 5, 10% or 10%,5 (default 10%,5)' })),
}, { additionalProperties: false });
export type DiffBody = Static<typeof DiffBodySchema>;

const SideInfo = Type.Object({
  ref: Type.String(), kind: Type.String(), at: Type.String(), snapshot: Type.Optional(Type.String()),
  nodes: Type.Union([Type.Integer(), Type.Null()]), edges: Type.Union([Type.Integer(), Type.Null()]), findings: Type.Integer(),
});
const Summary = Type.Object({
  id: Type.String(), rule: Type.String(), severity: SeveritySchema, score: Type.Number(), title: Type.String(),
  source: NodeRef, target: NodeRef,
  paths: Type.Array(Type.Object({ label: Type.String(), path: Type.String(), nodes: Type.Array(NodeRef), edges: Type.Array(EdgeRef) })),
});
const Change = Type.Object({
  id: Type.String(), change: Type.String(), before: Type.Optional(Summary), after: Type.Optional(Summary), note: Type.Optional(Type.String()),
});
const Field = Type.Object({ field: Type.String(), before: Type.Optional(Type.Unknown()), after: Type.Optional(Type.Unknown()), hidden: Type.Optional(Type.Boolean()) });
const NodeDelta = { id: Type.String(), kind: Type.String(), source: Type.String(), label: Type.String() };
const EdgeDelta = { key: Type.String(), kind: Type.String(), from: Type.String(), to: Type.String(), source: Type.String() };
const changeSet = <P extends TProperties>(props: P) => Type.Object({
  added: Type.Array(Type.Object(props)), removed: Type.Array(Type.Object(props)),
  changed: Type.Array(Type.Object({ ...props, changes: Type.Array(Field) })),
});
const CountRow = Type.Object({ of: Type.String(), group: Type.String(), added: Type.Integer(), removed: Type.Integer(), changed: Type.Integer() });

export const DiffReportSchema = Type.Object({
  at: Type.String(), maxTier: Type.Integer(),
  threshold: Type.Object({ points: Type.Optional(Type.Number()), percent: Type.Optional(Type.Number()) }),
  base: SideInfo, head: SideInfo,
  graph: Type.Union([
    Type.Object({ nodes: changeSet(NodeDelta), edges: changeSet(EdgeDelta), byKind: Type.Array(CountRow), bySource: Type.Array(CountRow) }),
    Type.Null(),
  ]),
  graphUnavailable: Type.Optional(Type.String()),
  findings: Type.Object({
    new: Type.Array(Change), resolved: Type.Array(Change), worsened: Type.Array(Change), improved: Type.Array(Change), unchanged: Type.Integer(),
  }),
  blast: Type.Object({
    movers: Type.Array(Type.Object({
      id: Type.String(), label: Type.String(), before: Type.Number(), after: Type.Number(), delta: Type.Number(),
      percent: Type.Union([Type.Number(), Type.Null()]),
    })),
    compared: Type.Integer(), partial: Type.Boolean(),
  }),
  notes: Type.Array(Type.String()),
  changed: Type.Boolean(),
});
export type DiffResponse = Static<typeof DiffReportSchema>;
