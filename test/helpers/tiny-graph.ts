// Hand-built graphs for engine tests: `n('AIAgent', 'a')`, `e('HAS_CREDENTIAL', 'a', 'k')` → a PathwardenGraph,
// without going through ingest (engine tests must not depend on the CSV format).
import { MultiDirectedGraph } from 'graphology';
import type { PathwardenGraph } from '../../src/graph/types.js';
import { edgeKey, type EdgeKind, type EdgeRecord, type NodeKind, type NodeRecord, type PropValue } from '../../src/model/index.js';

type Props = Record<string, PropValue>;

/** A node record with test defaults. */
export function n(kind: NodeKind, id: string, properties: Props = {}, extra: Partial<NodeRecord> = {}): NodeRecord {
  return { id, kind, name: id, tags: [], source: 'test', properties, provenance: { source: 'test' }, ...extra };
}

/** An edge record with test defaults. */
export function e(kind: EdgeKind, from: string, to: string, properties: Props = {}): EdgeRecord {
  return { kind, from, to, source: 'test', properties, provenance: { source: 'test' } };
}

/** A graph of the given records (no validation: tests build what they mean). */
export function graphOf(nodes: readonly NodeRecord[], edges: readonly EdgeRecord[]): PathwardenGraph {
  const graph: PathwardenGraph = new MultiDirectedGraph();
  for (const node of nodes) graph.addNode(node.id, node);
  for (const edge of edges) graph.addEdgeWithKey(edgeKey(edge.kind, edge.from, edge.to, edge.properties), edge.from, edge.to, edge);
  return graph;
}
