// Draws a DrawGraph with cytoscape and the ELK layered layout, left to right. Loaded on demand (a separate chunk).
// The last picture is exposed as window.__pw_cy and its counts as data attributes, for tests and debugging.
import cytoscape from 'cytoscape';
import elk from 'cytoscape-elk';
import type { KindsCatalogue } from '../types.js';
import type { DrawGraph } from './model.js';
import { kindLooks } from './style.js';

cytoscape.use(elk);

declare global {
  interface Window { __pw_cy?: cytoscape.Core }
}

function elements(graph: DrawGraph): cytoscape.ElementDefinition[] {
  return [
    ...graph.nodes.map((n) => ({
      data: { id: n.id, label: n.label, kind: n.kind }, classes: graph.revoked.has(n.id) ? 'revoked' : '',
    })),
    ...graph.edges.map((e, i) => ({
      data: { id: `e${i}`, source: e.edge.from, target: e.edge.to, label: e.cut ? `✂ ${e.label}` : e.label, kind: e.edge.kind, key: e.key },
      classes: e.cut ? 'cut' : '',
    })),
  ];
}

function styles(kinds: KindsCatalogue): cytoscape.StylesheetJson {
  const looks = kindLooks(kinds);
  return [
    { selector: 'node', style: {
      label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap',
      'text-max-width': '140px', width: 34, height: 34, 'border-width': 1, 'border-color': '#333', color: '#111',
    } },
    ...[...looks].map(([kind, look]) => ({
      selector: `node[kind = "${kind}"]`, style: { 'background-color': look.colour, shape: look.shape as cytoscape.Css.NodeShape },
    })),
    { selector: 'node.revoked', style: { 'border-width': 4, 'border-color': '#b42318', 'border-style': 'dashed' } },
    { selector: 'edge', style: {
      label: 'data(label)', 'font-size': 10, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 2,
      'line-color': '#667085', 'target-arrow-color': '#667085', 'text-background-color': '#fff', 'text-background-opacity': 0.85,
      'text-background-padding': '2px', color: '#1d2939',
    } },
    { selector: 'edge.cut', style: {
      'line-color': '#b42318', 'target-arrow-color': '#b42318', 'line-style': 'dashed', width: 4, color: '#b42318', 'font-weight': 'bold',
    } },
    { selector: ':selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#1570ef' } },
  ];
}

/** Draws `graph` into `container` (replacing an earlier picture there); resolves when laid out. */
export function drawGraph(container: HTMLElement, graph: DrawGraph, kinds: KindsCatalogue): Promise<cytoscape.Core> {
  const cy = cytoscape({
    container, elements: elements(graph), style: styles(kinds),
    minZoom: 0.1, maxZoom: 3, wheelSensitivity: 0.3, boxSelectionEnabled: false,
  });
  container.dataset.nodes = String(graph.nodes.length);
  container.dataset.edges = String(graph.edges.length);
  container.dataset.cutEdges = String(graph.edges.filter((e) => e.cut).length);
  window.__pw_cy = cy;
  return new Promise((resolve) => {
    const layout = cy.layout({
      name: 'elk', fit: true, padding: 24, nodeDimensionsIncludeLabels: true,
      elk: { algorithm: 'layered', 'elk.direction': 'RIGHT', 'elk.layered.spacing.nodeNodeBetweenLayers': 90, 'elk.spacing.nodeNode': 30 },
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      container.dataset.ready = 'true';
      resolve(cy);
    });
    layout.run();
  });
}
