// Schemas of /healthz and /readyz.
import { Type } from 'typebox';

export const HealthSchema = Type.Object({ status: Type.Literal('ok') });

export const ReadySchema = Type.Object({
  status: Type.Enum(['ready', 'not-ready']),
  graph: Type.Object({
    loaded: Type.Boolean(), origin: Type.Optional(Type.String()), generation: Type.Optional(Type.Integer()),
    at: Type.Optional(Type.String()), nodes: Type.Optional(Type.Integer()), edges: Type.Optional(Type.Integer()),
    findings: Type.Optional(Type.Integer()),
  }),
  store: Type.Enum(['none', 'up', 'down']),
});
