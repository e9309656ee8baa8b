// Maps engine results (node indices, CSR slots) back to ids and records: the boundary of the typed-array world.
import type { CompactGraph, EnginePath } from '../engine/index.js';
import type { GraphLookup } from '../graph/lookup.js';
import { nodeSpec, type NodeRecord } from '../model/index.js';
import type { EdgeRef, NodeRef } from './types.js';

export { edgeQualifier } from '../graph/lookup.js';

/** `prefix:name` of a node record, as drawn in paths. */
export function nodeLabel(node: NodeRecord): string {
  return `${nodeSpec(node.kind).prefix}:${node.name}`;
}

/** A node reference from a graph node id. */
export function nodeRef(lookup: GraphLookup, id: string): NodeRef {
  const n = lookup.node(id);
  return { id, kind: n.kind, name: n.name, label: nodeLabel(n) };
}

/** Node and edge references of an engine path (`lookup` was made for `cg`). */
export function pathRefs(lookup: GraphLookup, cg: CompactGraph, path: EnginePath): { nodes: NodeRef[]; edges: EdgeRef[] } {
  return {
    nodes: path.nodes.map((n) => nodeRef(lookup, cg.ids[n] as string)),
    edges: path.edges.map((slot) => lookup.slot(slot)),
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
