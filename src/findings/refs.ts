// Maps engine results (node indices, CSR slots) back to ids and records: the boundary of the typed-array world.
import type { CompactGraph, EnginePath } from '../engine/index.js';
import type { PathwardenGraph } from '../graph/types.js';
import { nodeSpec, type EdgeRecord, type NodeRecord } from '../model/index.js';
import type { EdgeRef, NodeRef } from './types.js';

/** `prefix:name` of a node record, as drawn in paths. */
export function nodeLabel(node: NodeRecord): string {
  return `${nodeSpec(node.kind).prefix}:${node.name}`;
}

/** A node reference from a graph node id. */
export function nodeRef(graph: PathwardenGraph, id: string): NodeRef {
  const n = graph.getNodeAttributes(id);
  return { id, kind: n.kind, name: n.name, label: nodeLabel(n) };
}

/** action / environment / scopes of an edge, for display. */
export function edgeQualifier(edge: EdgeRecord): string | undefined {
  const p = edge.properties;
  if (typeof p['action'] === 'string') return p['action'];
  if (typeof p['environment'] === 'string') return p['environment'];
  const scopes = p['scopes'];
  if (Array.isArray(scopes) && scopes.length > 0) return `scopes=${scopes.join(' ')}`;
  return undefined;
}

/** An edge reference from a graph edge key. */
export function edgeRef(graph: PathwardenGraph, key: string): EdgeRef {
  const e = graph.getEdgeAttributes(key);
  const qualifier = edgeQualifier(e);
  return {
    kind: e.kind, from: e.from, to: e.to,
    ...(qualifier !== undefined ? { qualifier } : {}),
    ...(e.provenance.file !== undefined ? { file: e.provenance.file } : {}),
    ...(e.provenance.line !== undefined ? { line: e.provenance.line } : {}),
  };
}

/** Node and edge references of an engine path. */
export function pathRefs(graph: PathwardenGraph, cg: CompactGraph, path: EnginePath): { nodes: NodeRef[]; edges: EdgeRef[] } {
  return {
    nodes: path.nodes.map((n) => nodeRef(graph, cg.ids[n] as string)),
    edges: path.edges.map((slot) => edgeRef(graph, cg.edgeKeys[slot] as string)),
  };
}

/** Draws a path as `agent:x -[HAS_CREDENTIAL]-> key:y -[CAN_ALTER deploy]-> model:m`. */
export function drawPath(nodes: readonly NodeRef[], edges: readonly EdgeRef[]): string {
  let out = nodes[0]?.label ?? '';
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i] as EdgeRef;
    out += ` -[${e.kind}${e.qualifier !== undefined ? ` ${e.qualifier}` : ''}]-> ${nodes[i + 1]?.label ?? '?'}`;
  }
  return out;
}
