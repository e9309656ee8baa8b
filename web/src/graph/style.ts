// How kinds look: shape by node category, colour by node kind (its place in the catalogue), so a new kind gets a
// colour without an edit here and a new category is a compile error until it has a shape.
import type { NodeCategory } from '../../../src/model/nodes/spec.js';
import type { KindsCatalogue } from '../types.js';

export const CATEGORY_SHAPES = {
  identity: 'ellipse', grouping: 'round-rectangle', credential: 'diamond', asset: 'hexagon', resource: 'barrel',
} as const satisfies Record<NodeCategory, string>;

// NOTE: a colour-blind-safe palette (Okabe–Ito, then Tol's muted); kinds past its end reuse it, shape still differs.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442',
  '#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#AA4499'];

/** Colour and shape of each node kind. */
export function kindLooks(kinds: KindsCatalogue): Map<string, { colour: string; shape: string }> {
  return new Map(kinds.nodes.map((n, i) => [n.kind, { colour: PALETTE[i % PALETTE.length] as string, shape: CATEGORY_SHAPES[n.category] }]));
}
