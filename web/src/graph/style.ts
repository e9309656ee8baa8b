// How kinds look (shape by category, colour by kind): declared once in src/report/picture/style.ts, shared with the
// HTML report; here fed with the kinds catalogue of GET /v1/kinds.
import { kindLooks as looksOf, type NodeShape } from '../../../src/report/picture/style.js';
import type { KindsCatalogue } from '../types.js';

export { CATEGORY_SHAPES } from '../../../src/report/picture/style.js';

/** Colour and shape of each node kind of the catalogue. */
export function kindLooks(kinds: KindsCatalogue): Map<string, { colour: string; shape: NodeShape }> {
  return looksOf(kinds.nodes);
}
