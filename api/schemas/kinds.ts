// Schema of GET /v1/kinds: the node and edge kinds, rules, severities and environments, as the web view needs them
// (filters, node shapes by category, remediation per edge kind). Kind enums come from the model registries.
import { Type, type Static } from 'typebox';
import { EDGE_SPECS, NODE_SPECS } from '../../src/model/index.js';
import { EdgeKindSchema, NodeKindSchema, SeveritySchema } from './common.js';

const CATEGORIES = [...new Set(NODE_SPECS.map((s) => s.category))];
const FAMILIES = [...new Set(EDGE_SPECS.map((s) => s.family))];

export const KindsCatalogueSchema = Type.Object({
  nodes: Type.Array(Type.Object({
    kind: NodeKindSchema, category: Type.Enum(CATEGORIES),
    prefix: Type.String(), isSource: Type.Boolean(), summary: Type.String(),
  })),
  edges: Type.Array(Type.Object({
    kind: EdgeKindSchema, family: Type.Enum(FAMILIES), traversable: Type.Boolean(),
    summary: Type.String(), remediation: Type.String({ description: 'one-paragraph fix, from the spec' }),
    docRemediation: Type.Optional(Type.String({ description: 'the Remediation section of the edge doc page (Markdown)' })),
    doc: Type.String({ description: 'the edge doc page, relative to the package root' }),
  })),
  rules: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), summary: Type.String() })),
  severities: Type.Array(SeveritySchema),
  environments: Type.Array(Type.String()),
});
export type KindsCatalogue = Static<typeof KindsCatalogueSchema>;
