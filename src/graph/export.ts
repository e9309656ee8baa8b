// The JSON graph document (`pathwarden export`, json-graph ingest): nodes and edges sorted for stable diffs.
import type { EdgeRecord, NodeRecord, PropValue } from '../model/index.js';
import type { PathwardenGraph } from './types.js';

export interface JsonGraphNode {
  readonly id: string;
  readonly kind: NodeRecord['kind'];
  readonly name: string;
  readonly owner?: string;
  readonly environment?: string;
  readonly tags: readonly string[];
  readonly source: string;
  readonly properties: Readonly<Record<string, PropValue>>;
}

export interface JsonGraphEdge {
  readonly kind: EdgeRecord['kind'];
  readonly from: string;
  readonly to: string;
  readonly source: string;
  readonly properties: Readonly<Record<string, PropValue>>;
}

export interface JsonGraphDocument {
  readonly format: 'pathwarden-graph';
  readonly version: 1;
  readonly nodes: readonly JsonGraphNode[];
  readonly edges: readonly JsonGraphEdge[];
}

/** The graph as a JSON graph document (provenance left out; sorted by id / edge key). */
export function toJsonGraph(graph: PathwardenGraph): JsonGraphDocument {
  const nodes: JsonGraphNode[] = graph.nodes().sort().map((id) => {
    const n = graph.getNodeAttributes(id);
    return {
      id, kind: n.kind, name: n.name, ...(n.owner !== undefined ? { owner: n.owner } : {}),
      ...(n.environment !== undefined ? { environment: n.environment } : {}),
      tags: n.tags, source: n.source, properties: n.properties,
    };
  });
  const edges: JsonGraphEdge[] = graph.edges().sort().map((key) => {
    const e = graph.getEdgeAttributes(key);
    return { kind: e.kind, from: e.from, to: e.to, source: e.source, properties: e.properties };
  });
  return { format: 'pathwarden-graph', version: 1, nodes, edges };
}
