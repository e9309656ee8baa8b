// Lays a DrawGraph out left to right with ELK's layered algorithm, in Node and synchronously, so reporters stay
// plain `(result) => string` functions. Node boxes hold a small shape with the label under it (as the web view draws).
import elkjs, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { DrawEdge, DrawGraph, NodeRef } from './model.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedNode {
  readonly node: NodeRef;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

export interface PlacedEdge {
  readonly edge: DrawEdge;
  /** Start, bends, end. */
  readonly points: readonly Point[];
  /** Top-left corner of the label box. */
  readonly label: Point;
  readonly labelWidth: number;
}

export interface Placed {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/** Side of a node's shape; the label goes under it. */
export const SHAPE_SIZE = 30;
export const FONT_SIZE = 11;
export const LINE_HEIGHT = 14;
export const NODE_HEIGHT = SHAPE_SIZE + 4 + LINE_HEIGHT;

/** Width of a text at FONT_SIZE in a sans-serif font, estimated (wide scripts count double). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? FONT_SIZE : FONT_SIZE * 0.6;
  return Math.ceil(w);
}

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.padding': '[top=12,left=12,bottom=12,right=12]',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50', 'elk.spacing.nodeNode': '28', 'elk.spacing.edgeLabel': '3',
  'elk.spacing.edgeEdge': '12', 'elk.edgeLabels.placement': 'CENTER',
};

/** The part of the bundled build's in-process worker that runs a command synchronously. */
interface SyncWorker {
  onmessage: (message: { data: { data?: ElkNode; error?: unknown } }) => void;
  dispatcher: { saveDispatch(message: { data: Record<string, unknown> }): void };
}

let worker: SyncWorker | undefined;

/**
 * Runs one ELK command now. NOTE: elk.bundled.js wraps its in-process worker in promises and timers; its dispatcher
 * itself is synchronous (it replies through `onmessage` before returning), so we call it directly. Pinned by
 * test/report/html-picture.test.ts: an elkjs release that changes this fails that test, not a user's report.
 */
function dispatch(command: Record<string, unknown>): ElkNode | undefined {
  if (!worker) {
    // NOTE: a CommonJS module: its default import is module.exports, the constructor, which also has itself as `default`.
    const elk = new elkjs.default() as unknown as { worker: { worker: SyncWorker } };
    worker = elk.worker.worker;
    worker.dispatcher.saveDispatch({ data: { cmd: 'register', algorithms: ['layered'], id: -1 } });
  }
  let reply: { data?: ElkNode; error?: unknown } = {};
  const own = worker;
  const previous = own.onmessage;
  own.onmessage = (message) => { reply = message.data; };
  try {
    own.dispatcher.saveDispatch({ data: { ...command, id: -2 } });
  } finally {
    own.onmessage = previous;
  }
  if (reply.error !== undefined) {
    const e = reply.error as { message?: unknown };
    throw new Error(`report/picture: ELK layout failed: ${String(e.message ?? e)}`);
  }
  return reply.data;
}

/** Positions of every node and edge of `graph`, laid out left to right. */
export function layoutGraph(graph: DrawGraph): Placed {
  const index = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const widths = graph.nodes.map((n) => Math.max(SHAPE_SIZE + 10, textWidth(n.label) + 8));
  const edges: ElkExtendedEdge[] = graph.edges.map((e, i) => ({
    id: `e${i}`, sources: [index.get(e.edge.from) ?? ''], targets: [index.get(e.edge.to) ?? ''],
    labels: [{ id: `l${i}`, text: 'x', width: textWidth(edgeText(e)) + 6, height: LINE_HEIGHT }],
  }));
  const root: ElkNode = {
    id: 'root', layoutOptions: LAYOUT_OPTIONS, edges,
    children: graph.nodes.map((_, i) => ({ id: `n${i}`, width: widths[i] ?? 0, height: NODE_HEIGHT })),
  };
  const out = dispatch({ cmd: 'layout', graph: root, layoutOptions: {}, options: {} }) ?? root;
  const kids = out.children ?? [];
  return {
    width: Math.ceil(out.width ?? 0), height: Math.ceil(out.height ?? 0),
    nodes: graph.nodes.map((node, i) => ({ node, x: kids[i]?.x ?? 0, y: kids[i]?.y ?? 0, width: widths[i] ?? 0 })),
    edges: graph.edges.map((edge, i) => {
      const laid = out.edges?.[i] as ElkExtendedEdge | undefined;
      const s = laid?.sections?.[0];
      const label = laid?.labels?.[0];
      return {
        edge, points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [],
        label: { x: label?.x ?? 0, y: label?.y ?? 0 }, labelWidth: label?.width ?? 0,
      };
    }),
  };
}

/** The text written on an edge: `KIND qualifier`, prefixed `✂ cut:` when a revocation plan cuts it. */
export function edgeText(e: DrawEdge): string {
  return e.cut ? `✂ cut: ${e.label}` : e.label;
}
