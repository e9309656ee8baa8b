// Reads a snapshot back out of the store as records, rebuilt into the same in-memory graph files give.
import { buildGraph } from '../graph/build.js';
import type { PathwardenGraph } from '../graph/types.js';
import type { Diagnostic, EdgeKind, EdgeRecord, NodeRecord } from '../model/index.js';
import { EDGES_AT, NODES_AT } from './cypher.js';
import type { Store } from './driver.js';
import { readFiles } from './files.js';
import { edgeFromDoc, edgeFromFlat, nodeFromDoc, nodeFromFlat } from './records.js';
import { resolveSnapshot, type SnapshotInfo } from './snapshot.js';

export interface StoredGraph {
  readonly snapshot: SnapshotInfo;
  readonly graph: PathwardenGraph;
  readonly diagnostics: readonly Diagnostic[];
}

/** The graph of complete snapshot `seq` (default: the newest complete one). */
export async function readGraph(store: Store, seq?: number): Promise<StoredGraph> {
  const snapshot = await resolveSnapshot(store, seq);
  const params = { seq: snapshot.seq };
  const files = await readFiles(store);
  // NOTE: a row carries either the flat properties of the version valid then (props) or a closed version's doc.
  const nodes: NodeRecord[] = (await store.run(NODES_AT, params, 'read')).map((r) => {
    const props = r.get('props') as Record<string, unknown> | null;
    return props ? nodeFromFlat(props, files) : nodeFromDoc(String(r.get('doc')));
  });
  const edges: EdgeRecord[] = (await store.run(EDGES_AT, params, 'read')).map((r) => {
    const props = r.get('props') as Record<string, unknown> | null;
    return props
      ? edgeFromFlat(r.get('kind') as EdgeKind, String(r.get('from')), String(r.get('to')), props, files)
      : edgeFromDoc(String(r.get('doc')));
  });
  const { graph, diagnostics } = buildGraph({ nodes, edges, diagnostics: [] });
  return { snapshot, graph, diagnostics };
}
