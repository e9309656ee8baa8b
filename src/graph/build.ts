// Records → the graph: nodes and edges are merged by id and edge key, duplicates are reconciled (identical
// merge silently, conflicting keep the first, a reference gives way to the full record), and edges are checked against their endpoints.
import { MultiDirectedGraph } from 'graphology';
import {
  edgeKey, edgeSpec, type Diagnostic, type EdgeRecord, type NodeRecord, type PropValue, type Records,
} from '../model/index.js';
import { canonical, diagnosticAt, duplicateNode, mergeReference, where } from './compact-build-check.js';
import type { PathwardenGraph } from './types.js';

/** The graph and the problems found while merging (duplicates, dangling references, kind mismatches). */
export interface BuildResult {
  readonly graph: PathwardenGraph;
  readonly diagnostics: Diagnostic[];
}

/**
 * Builds the graph from records. Nodes are inserted sorted by id and edges by key (stable, so for equal ids the
 * first record in input order wins): the same records in any order give the same graph.
 */
export function buildGraph(records: Records): BuildResult {
  const graph: PathwardenGraph = new MultiDirectedGraph<NodeRecord, EdgeRecord>();
  const diagnostics: Diagnostic[] = [];
  const nodes = [...records.nodes].sort((a, b) => compare(a.id, b.id));
  for (const node of nodes) addNode(graph, node, diagnostics);
  const keyed: { key: string; edge: EdgeRecord }[] = [];
  for (const raw of records.edges) {
    const edge = checkEdge(graph, raw, diagnostics);
    if (edge) keyed.push({ key: edgeKey(edge.kind, edge.from, edge.to, edge.properties), edge });
  }
  keyed.sort((a, b) => compare(a.key, b.key));
  for (const { key, edge } of keyed) addEdge(graph, key, edge, diagnostics);
  return { graph, diagnostics };
}

function addNode(graph: PathwardenGraph, node: NodeRecord, diagnostics: Diagnostic[]): void {
  if (!graph.hasNode(node.id)) {
    graph.addNode(node.id, node);
    return;
  }
  const first = graph.getNodeAttributes(node.id);
  const merged = mergeReference(first, node);
  if (merged !== undefined) {
    graph.replaceNodeAttributes(node.id, merged);
    return;
  }
  const problem = duplicateNode(first, node);
  if (problem) diagnostics.push(problem);
}

/** Checks that both endpoints exist with kinds the edge spec allows; fills CAN_INVOKE's default environment. */
function checkEdge(graph: PathwardenGraph, edge: EdgeRecord, diagnostics: Diagnostic[]): EdgeRecord | undefined {
  const spec = edgeSpec(edge.kind);
  if (edge.from === edge.to) {
    diagnostics.push(diagnosticAt(edge.provenance, 'bad-value', 'to', `${edge.kind} from "${edge.from}" to itself; self-loops are not allowed`));
    return undefined;
  }
  for (const side of ['from', 'to'] as const) {
    const id = edge[side];
    if (!graph.hasNode(id)) {
      diagnostics.push(diagnosticAt(edge.provenance, 'dangling-ref', side, `${edge.kind} ${side} "${id}": no node has this id; the edge was dropped`));
      return undefined;
    }
    const kind = graph.getNodeAttribute(id, 'kind');
    if (!spec[side].includes(kind)) {
      diagnostics.push(diagnosticAt(edge.provenance, 'kind-mismatch', side,
        `${edge.kind} cannot go ${side} "${id}", a ${kind}; allowed ${side} kinds: ${spec[side].join(', ')}`));
      return undefined;
    }
  }
  if (edge.kind === 'CAN_INVOKE' && edge.properties['environment'] === undefined) {
    // NOTE: the invocation environment defaults to the model's, else prod, so the edge key is always explicit.
    const environment = graph.getNodeAttribute(edge.to, 'environment') ?? 'prod';
    return { ...edge, properties: { ...edge.properties, environment } };
  }
  return edge;
}

function addEdge(graph: PathwardenGraph, key: string, edge: EdgeRecord, diagnostics: Diagnostic[]): void {
  if (!graph.hasEdge(key)) {
    graph.addDirectedEdgeWithKey(key, edge.from, edge.to, edge);
    return;
  }
  const first = graph.getEdgeAttributes(key);
  const differs = diffProps(first.properties, edge.properties);
  if (differs.length > 0) {
    diagnostics.push(diagnosticAt(edge.provenance, 'duplicate-conflict', differs[0] as string,
      `${edge.kind} "${edge.from}" → "${edge.to}" is given again with different ${differs.join(', ')}; kept the one at ${where(first.provenance)}`));
  }
}

function diffProps(a: Readonly<Record<string, PropValue>>, b: Readonly<Record<string, PropValue>>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((n) => canonical(a[n]) !== canonical(b[n]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
