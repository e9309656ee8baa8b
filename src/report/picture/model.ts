// Paths → the graph to draw: nodes and edges merged across paths (deduplicated by id and edge key), wide fans of
// leaves folded into one "+N more" node, capped so a picture never holds thousands of nodes, and the edges a
// revocation plan cuts. Pure (no DOM, no Node API): shared by the web view (web/src/graph) and the HTML report.
import type { NodeKind } from '../../model/nodes/index.js';

/** A node as drawn (src/findings NodeRef and the API's NodeRef both fit). */
export interface NodeRef {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly label: string;
}

/** An edge as drawn; kind is a plain string because the scope API types it so. */
export interface EdgeRef {
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly qualifier?: string;
  readonly file?: string;
  readonly line?: number;
}

/** A path as drawn: its nodes in order and the edges between them. */
export interface PathLike {
  readonly nodes: readonly NodeRef[];
  readonly edges: readonly EdgeRef[];
}

/** Most nodes drawn in one picture; further paths are listed as text but not drawn. */
export const MAX_DRAWN_NODES = 250;

/** Most leaves drawn under one node for one edge label and kind; the rest become one "+N more" node. */
export const MAX_FANOUT = 8;

export interface DrawEdge {
  /** Stable key: kind, from, to, qualifier. */
  readonly key: string;
  readonly edge: EdgeRef;
  /** What the picture writes on the edge: kind and action/scope. */
  readonly label: string;
  /** True when a revocation plan cuts it. */
  readonly cut: boolean;
}

export interface DrawGraph {
  readonly nodes: readonly NodeRef[];
  readonly edges: readonly DrawEdge[];
  /** Paths given, and paths drawn (the rest would have passed MAX_DRAWN_NODES). */
  readonly paths: number;
  readonly drawnPaths: number;
  /** Nodes the plan revokes (credentials). */
  readonly revoked: ReadonlySet<string>;
}

/** The key of an edge (two edges of one kind between the same nodes differ by qualifier). */
export function edgeKey(edge: EdgeRef): string {
  return `${edge.kind}|${edge.from}|${edge.to}|${edge.qualifier ?? ''}`;
}

/** "CAN_ACCESS admin", "CAN_ASSUME". */
export function edgeLabel(edge: EdgeRef): string {
  return edge.qualifier ? `${edge.kind} ${edge.qualifier}` : edge.kind;
}

/** What a revocation plan removes: edges by key, and credentials (every edge leaving them is cut). */
export interface Cuts {
  readonly edges: ReadonlySet<string>;
  readonly nodes: ReadonlySet<string>;
}

export const NO_CUTS: Cuts = { edges: new Set(), nodes: new Set() };

/** The cuts of plan items: an `edge` item cuts that edge; an item with a node (leaked, credential) revokes the node. */
export function cutsOf(items: readonly { readonly edge?: EdgeRef; readonly node?: NodeRef }[]): Cuts {
  const edges = new Set<string>();
  const nodes = new Set<string>();
  for (const item of items) {
    if (item.edge) edges.add(edgeKey(item.edge));
    else if (item.node) nodes.add(item.node.id);
  }
  return { edges, nodes };
}

/**
 * Folds wide fans: where one node reaches more than `maxFanout` leaves (no edge out, one edge in) of one kind through
 * edges with one label, the leaves past the first `maxFanout - 1` become a single node "+N more <kind>". Leaves whose
 * edge a plan cuts are never folded.
 */
export function foldLeaves(paths: readonly PathLike[], cuts: Cuts = NO_CUTS, maxFanout = MAX_FANOUT): PathLike[] {
  const seen = new Set<string>();
  const out = new Map<string, number>();
  const into = new Map<string, EdgeRef[]>();
  const byId = new Map<string, NodeRef>();
  for (const p of paths) {
    for (const n of p.nodes) byId.set(n.id, n);
    for (const e of p.edges) {
      const key = edgeKey(e);
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(e.from, (out.get(e.from) ?? 0) + 1);
      into.set(e.to, [...(into.get(e.to) ?? []), e]);
    }
  }
  const groups = new Map<string, string[]>();
  for (const [id, edges] of into) {
    const e = edges[0] as EdgeRef;
    if (out.has(id) || edges.length !== 1 || cuts.edges.has(edgeKey(e)) || cuts.nodes.has(id)) continue;
    const group = `${e.from}|${edgeLabel(e)}|${byId.get(id)?.kind ?? ''}`;
    groups.set(group, [...(groups.get(group) ?? []), id]);
  }
  const folded = new Map<string, NodeRef>();
  for (const [group, ids] of groups) {
    if (ids.length <= maxFanout) continue;
    const rest = ids.slice(maxFanout - 1);
    const kind = (byId.get(rest[0] as string) as NodeRef).kind;
    const node: NodeRef = { id: `${group}|+`, kind, name: `${rest.length} more`, label: `+${rest.length} more ${kind}` };
    for (const id of rest) folded.set(id, node);
  }
  if (folded.size === 0) return [...paths];
  return paths.map((p) => ({
    nodes: p.nodes.map((n) => folded.get(n.id) ?? n),
    edges: p.edges.map((e) => (folded.has(e.to) ? { ...e, to: (folded.get(e.to) as NodeRef).id, file: undefined, line: undefined } : e)),
  }));
}

/**
 * Merges paths in order into one graph (wide fans folded first: foldLeaves). Whole paths are added while the node count stays within `maxNodes` (the
 * first path always is); extra edges (e.g. a credential's holders) come after the paths under the same cap.
 */
export function mergePaths(paths: readonly PathLike[], cuts: Cuts = NO_CUTS, maxNodes = MAX_DRAWN_NODES, extra: readonly PathLike[] = []): DrawGraph {
  const nodes = new Map<string, NodeRef>();
  const edges = new Map<string, DrawEdge>();
  let drawn = 0;
  const add = (path: PathLike): boolean => {
    const fresh = path.nodes.filter((n) => !nodes.has(n.id));
    if (nodes.size > 0 && nodes.size + new Set(fresh.map((n) => n.id)).size > maxNodes) return false;
    for (const n of path.nodes) nodes.set(n.id, n);
    for (const e of path.edges) {
      const key = edgeKey(e);
      if (!edges.has(key)) edges.set(key, { key, edge: e, label: edgeLabel(e), cut: cuts.edges.has(key) || cuts.nodes.has(e.from) });
    }
    return true;
  };
  for (const path of foldLeaves(paths, cuts)) {
    if (!add(path)) break;
    drawn++;
  }
  for (const path of foldLeaves(extra, cuts)) add(path);
  const revoked = new Set([...cuts.nodes].filter((id) => nodes.has(id)));
  return { nodes: [...nodes.values()], edges: [...edges.values()], paths: paths.length, drawnPaths: drawn, revoked };
}
