// One path picture as inline SVG for the HTML report: ELK positions (layout.ts), shapes and colours of the web view
// (style.ts), edge labels kind + action/scope, cut edges dashed red and labelled "✂ cut:", revoked credentials
// outlined dashed red, entry credentials ringed. Every text is escaped; nothing refers to anything outside the SVG.
import { NODE_SPECS, nodeSpec } from '../../model/nodes/index.js';
import { esc } from '../html-escape.js';
import { edgeText, FONT_SIZE, layoutGraph, LINE_HEIGHT, SHAPE_SIZE, type PlacedEdge, type PlacedNode } from './layout.js';
import type { DrawGraph } from './model.js';
import { CUT_COLOUR, ENTRY_COLOUR, kindLooks, type NodeShape } from './style.js';

const LOOKS = kindLooks(NODE_SPECS);
const EDGE_COLOUR = '#667085';
/** Pictures up to this wide shrink to the page width (class `fit`); wider ones scroll, so their text stays legible. */
const FIT_WIDTH = 1800;

export interface SvgOptions {
  /** Unique within the page: prefixes the SVG's internal ids (arrow markers). */
  readonly id: string;
  /** Accessible name of the picture. */
  readonly title: string;
  /** Nodes to ring as entry credentials. */
  readonly entry?: ReadonlySet<string>;
}

const n2 = (v: number): string => String(Math.round(v * 10) / 10);

function shapeSvg(shape: NodeShape, cx: number, top: number, attrs: string): string {
  const r = SHAPE_SIZE / 2;
  const cy = top + r;
  const bottom = top + SHAPE_SIZE;
  const pts = (list: readonly (readonly [number, number])[]): string => list.map(([x, y]) => `${n2(x)},${n2(y)}`).join(' ');
  switch (shape) {
    case 'ellipse': return `<ellipse cx="${n2(cx)}" cy="${n2(cy)}" rx="${r}" ry="${r}" ${attrs}/>`;
    case 'round-rectangle': return `<rect x="${n2(cx - r)}" y="${n2(top)}" width="${SHAPE_SIZE}" height="${SHAPE_SIZE}" rx="7" ${attrs}/>`;
    case 'diamond': return `<polygon points="${pts([[cx, top], [cx + r, cy], [cx, bottom], [cx - r, cy]])}" ${attrs}/>`;
    case 'hexagon': return `<polygon points="${pts([[cx - r, cy], [cx - r / 2, top], [cx + r / 2, top], [cx + r, cy], [cx + r / 2, bottom], [cx - r / 2, bottom]])}" ${attrs}/>`;
    case 'barrel': return `<path d="M${n2(cx - r)},${n2(top + 4)} Q${n2(cx)},${n2(top - 4)} ${n2(cx + r)},${n2(top + 4)} L${n2(cx + r)},${n2(bottom - 4)} `
      + `Q${n2(cx)},${n2(bottom + 4)} ${n2(cx - r)},${n2(bottom - 4)} Z" ${attrs}/>`;
  }
}

function nodeSvg(p: PlacedNode, revoked: boolean, entry: boolean): string {
  const look = LOOKS.get(p.node.kind) ?? { colour: '#999', shape: 'ellipse' as const };
  const cx = p.x + p.width / 2;
  const stroke = revoked ? `stroke="${CUT_COLOUR}" stroke-width="3" stroke-dasharray="4 3"` : 'stroke="#333" stroke-width="1"';
  const ring = entry ? `<circle cx="${n2(cx)}" cy="${n2(p.y + SHAPE_SIZE / 2)}" r="${SHAPE_SIZE / 2 + 5}" fill="none" stroke="${ENTRY_COLOUR}" stroke-width="3"/>` : '';
  const cls = ['node', ...(revoked ? ['revoked'] : []), ...(entry ? ['entry'] : [])].join(' ');
  return `<g class="${cls}" data-kind="${esc(p.node.kind)}" data-id="${esc(p.node.id)}">`
    + `<title>${esc(`${p.node.label} (${p.node.kind}, ${nodeSpec(p.node.kind).category})${revoked ? ' — revoked by the plan' : ''}${entry ? ' — entry credential' : ''}`)}</title>`
    + `${ring}${shapeSvg(look.shape, cx, p.y, `fill="${look.colour}" ${stroke}`)}`
    + `<text x="${n2(cx)}" y="${n2(p.y + SHAPE_SIZE + 4 + FONT_SIZE)}" text-anchor="middle">${esc(p.node.label)}</text></g>`;
}

function edgeSvg(p: PlacedEdge, id: string): string {
  const cut = p.edge.cut;
  const colour = cut ? CUT_COLOUR : EDGE_COLOUR;
  const d = p.points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${n2(pt.x)},${n2(pt.y)}`).join(' ');
  const style = cut ? `stroke="${colour}" stroke-width="3" stroke-dasharray="7 4"` : `stroke="${colour}" stroke-width="1.5"`;
  const label = p.label;
  return `<g class="edge${cut ? ' cut' : ''}" data-kind="${esc(p.edge.edge.kind)}" data-key="${esc(p.edge.key)}">`
    + `<path d="${d}" fill="none" ${style} marker-end="url(#${id}-arrow${cut ? '-cut' : ''})"/>`
    + `<rect x="${n2(label.x)}" y="${n2(label.y)}" width="${n2(p.labelWidth)}" height="${LINE_HEIGHT}" fill="#fff" fill-opacity="0.85"/>`
    + `<text class="edge-label" x="${n2(label.x + p.labelWidth / 2)}" y="${n2(label.y + LINE_HEIGHT - 3)}" text-anchor="middle" fill="${cut ? CUT_COLOUR : '#1d2939'}"${cut ? ' font-weight="bold"' : ''}>${esc(edgeText(p.edge))}</text></g>`;
}

function marker(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">`
    + `<path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
}

/**
 * `graph` as one `<svg>` element: data-nodes / data-edges / data-cut-edges count what it draws, each node is a
 * `g.node[data-id]`, each edge a `g.edge[data-key]` (`.cut` when the plan cuts it) with its `text.edge-label`.
 */
export function pictureSvg(graph: DrawGraph, options: SvgOptions): string {
  const placed = layoutGraph(graph);
  const id = options.id.replace(/[^A-Za-z0-9_-]/g, '_');
  const cutEdges = graph.edges.filter((e) => e.cut).length;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="picture${placed.width <= FIT_WIDTH ? ' fit' : ''}" id="${id}" role="img" aria-label="${esc(options.title)}" `
    + `width="${placed.width}" height="${placed.height}" viewBox="0 0 ${placed.width} ${placed.height}" font-family="system-ui, sans-serif" font-size="${FONT_SIZE}" `
    + `data-nodes="${graph.nodes.length}" data-edges="${graph.edges.length}" data-cut-edges="${cutEdges}">`
    + `<title>${esc(options.title)}</title><defs>${marker(`${id}-arrow`, EDGE_COLOUR)}${marker(`${id}-arrow-cut`, CUT_COLOUR)}</defs>`
    + placed.edges.map((e) => edgeSvg(e, id)).join('')
    + placed.nodes.map((n) => nodeSvg(n, graph.revoked.has(n.node.id), options.entry?.has(n.node.id) === true)).join('')
    + '</svg>';
}
