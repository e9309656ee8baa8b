// The in-memory graph: a graphology MultiDirectedGraph whose attributes are the model's records.
import type { MultiDirectedGraph } from 'graphology';
import type { EdgeRecord, NodeRecord } from '../model/index.js';

/** Node attributes are the node record itself. */
export type NodeAttrs = NodeRecord;
/** Edge attributes are the edge record itself; the graphology edge key is `edgeKey(...)`. */
export type EdgeAttrs = EdgeRecord;

export type PathwardenGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;
