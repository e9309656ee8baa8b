// A path picture with its text twin: the cytoscape drawing (loaded on demand) and the same edges as an ordered list,
// which keyboard and screen-reader users read and which names every cut edge in words ("✂ cut").
import { h, plural } from '../dom.js';
import type { KindsCatalogue, NodeRef } from '../types.js';
import type { DrawGraph } from './model.js';

function edgeList(graph: DrawGraph): HTMLElement {
  const byId = new Map<string, NodeRef>(graph.nodes.map((n) => [n.id, n]));
  const label = (id: string): string => byId.get(id)?.label ?? id;
  return h('ol', { class: 'edge-list' }, graph.edges.map((e) => h('li', { class: e.cut ? 'cut' : undefined, 'data-edge': e.key },
    e.cut ? h('strong', { class: 'cut-marker' }, '✂ cut ') : null,
    label(e.edge.from), ' ', h('code', {}, `-[${e.label}]->`), ' ', label(e.edge.to),
    e.edge.file ? h('span', { class: 'muted' }, ` (${e.edge.file}${e.edge.line ? `:${e.edge.line}` : ''})`) : null)));
}

/** A figure that draws `graph`; `title` names it for assistive technology. */
export function graphPanel(graph: DrawGraph, kinds: KindsCatalogue, title: string): HTMLElement {
  const canvas = h('div', {
    class: 'graph', role: 'img', 'data-graph': true,
    'aria-label': `${title}: ${plural(graph.nodes.length, 'node')}, ${plural(graph.edges.length, 'edge')}; listed as text below the picture`,
  });
  // NOTE: a few nodes get a short picture, many a tall one (the layout fits the drawing into it).
  canvas.style.height = `${Math.min(640, Math.max(220, 140 + 20 * graph.nodes.length))}px`;
  const status = h('p', { class: 'muted', role: 'status' }, 'Drawing…');
  const fit = h('button', { type: 'button', disabled: true }, 'Fit to view');
  const capped = graph.drawnPaths < graph.paths
    ? h('p', { class: 'note' }, `Drawing the first ${graph.drawnPaths} of ${graph.paths} paths (${graph.nodes.length} nodes): more would not stay readable. `
      + 'Narrow the selection to see the others.')
    : null;
  void import('./draw.js').then(async ({ drawGraph }) => {
    const cy = await drawGraph(canvas, graph, kinds);
    status.textContent = `${plural(graph.nodes.length, 'node')}, ${plural(graph.edges.length, 'edge')}. Drag to pan, scroll to zoom.`;
    fit.disabled = false;
    fit.addEventListener('click', () => cy.fit(undefined, 24));
  }).catch((error: unknown) => { status.textContent = `The picture could not be drawn (${String(error)}); the list below has every edge.`; });
  const revoked = graph.nodes.filter((n) => graph.revoked.has(n.id));
  return h('figure', { class: 'graph-panel' },
    h('div', { class: 'toolbar' }, fit, status), canvas, capped,
    revoked.length > 0 ? h('p', { class: 'revoked-list' }, h('strong', { class: 'cut-marker' }, '✂ revoked: '), revoked.map((n) => n.label).join(', ')) : null,
    h('figcaption', {}, h('details', { open: graph.edges.length <= 12 }, h('summary', {}, `${title} as text`), edgeList(graph))));
}
