// How kinds look in every path picture (web view and HTML report): shape by node category, colour by node kind
// (its place in the catalogue), so a new kind gets a colour without an edit here and a new category is a compile
// error until it has a shape. Pure data: no DOM, no Node API.
import type { NodeCategory } from '../../model/nodes/spec.js';

/** Shape of each node category, named as cytoscape names them (the HTML report draws the same shapes in SVG). */
export const CATEGORY_SHAPES = {
  identity: 'ellipse', grouping: 'round-rectangle', credential: 'diamond', asset: 'hexagon', resource: 'barrel',
} as const satisfies Record<NodeCategory, string>;

export type NodeShape = (typeof CATEGORY_SHAPES)[NodeCategory];

// NOTE: a colour-blind-safe palette (Okabe–Ito, then Tol's muted); kinds past its end reuse it, shape still differs.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442',
  '#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#AA4499'];

/** Colour and shape of each node kind, given the kinds in catalogue order (NODE_SPECS order, as GET /v1/kinds lists them). */
export function kindLooks(kinds: readonly { readonly kind: string; readonly category: NodeCategory }[]): Map<string, { colour: string; shape: NodeShape }> {
  return new Map(kinds.map((n, i) => [n.kind, { colour: PALETTE[i % PALETTE.length] as string, shape: CATEGORY_SHAPES[n.category] }]));
}

/** Colours of what a revocation plan cuts and of the entry credential, shared by both renderers. */
export const CUT_COLOUR = '#b42318';
export const ENTRY_COLOUR = '#f79009';
