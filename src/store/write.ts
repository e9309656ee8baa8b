// Writes a graph into the store as one snapshot: the records are compared with the live items (one scan per kind),
// then batched UNWIND statements per kind create the new and version the changed (unchanged items are not
// written), then per-source cleanup retires what a clean source no longer reports, then the snapshot is marked
// complete. A run that dies before the end leaves every earlier snapshot intact.
import type { PathwardenGraph } from '../graph/types.js';
import { EDGE_KINDS, NODE_KINDS, type EdgeKind, type EdgeRecord, type NodeKind, type NodeRecord } from '../model/index.js';
import {
  OPEN_EDGES, OPEN_NODES, RETIRE_EDGES, RETIRE_NODES, UPDATE_EDGES, createEdges, createEdgesFromMaps, createNodes,
  createNodesFromMaps, edgeColumns, nodeColumns, updateNodes,
} from './cypher.js';
import type { Store } from './driver.js';
import { readFiles, saveFiles, type FileTable } from './files.js';
import { readLiveEdges, readLiveNodes, unreported, type LiveItem, type LiveItems } from './live.js';
import { edgeFromFlat, edgeRow, nodeFromFlat, nodeRow, type EdgeRow, type Flat, type NodeRow } from './records.js';
import { ensureSchema } from './schema.js';
import { abandonSnapshot, beginSnapshot, completeSnapshot, heartbeat } from './snapshot.js';

export const DEFAULT_BATCH_SIZE = 5000;
/** Statements in flight at once (the server and this process overlap their work). */
export const DEFAULT_CONCURRENCY = 2;
/** Least time between two lease renewals during the writes (the lease lasts LEASE_MS). */
const HEARTBEAT_MS = 5_000;

export interface WriteOptions {
  /** Rows per statement (default 5000). */
  readonly batchSize?: number;
  /** Input description stored on the snapshot (e.g. the inventory directory). */
  readonly input: string;
  /** Sources that loaded with errors: their stale items are kept (no cleanup after partial input). */
  readonly partialSources?: readonly string[];
  /** Statements in flight at once (default 2). */
  readonly concurrency?: number;
  /** Called after each batch with the rows written so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Test hook: throw after this many batches, as a killed process would stop. */
  readonly failAfterBatches?: number;
}

export interface WriteSummary {
  readonly seq: number;
  readonly snapshot: string;
  readonly nodes: { readonly created: number; readonly changed: number; readonly unchanged: number; readonly retired: number };
  readonly edges: { readonly created: number; readonly changed: number; readonly unchanged: number; readonly retired: number };
  readonly cleaned: readonly string[];
  readonly skippedCleanup: readonly string[];
  readonly batchSize: number;
}

type Counts = { created: number; changed: number; unchanged: number; retired: number };
const zero = (): Counts => ({ created: 0, changed: 0, unchanged: 0, retired: 0 });

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Writes `graph` as a new snapshot. */
export async function writeGraph(store: Store, graph: PathwardenGraph, options: WriteOptions): Promise<WriteSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  await ensureSchema(store);
  const nodesByKind = new Map<NodeKind, NodeRecord[]>(NODE_KINDS.map((k) => [k, []]));
  graph.forEachNode((_id, n) => nodesByKind.get(n.kind)?.push(n));
  const edgesByKind = new Map<EdgeKind, EdgeRecord[]>(EDGE_KINDS.map((k) => [k, []]));
  graph.forEachEdge((_key, e) => edgesByKind.get(e.kind)?.push(e));
  const sources = new Set<string>();
  graph.forEachNode((_id, n) => sources.add(n.source));
  graph.forEachEdge((_k, e) => sources.add(e.source));
  const { seq, token } = await beginSnapshot(store, options.input, [...sources].sort());
  const total = graph.order + graph.size;
  let done = 0;
  let batches = 0;
  let lastBeat = performance.now();
  const step = async (n: number): Promise<void> => {
    done += n;
    batches++;
    options.onProgress?.(done, total);
    if (options.failAfterBatches !== undefined && batches >= options.failAfterBatches) throw new Error('store/write: stopped by failAfterBatches');
    // NOTE: each heartbeat is a committed write (~10 ms); renewing a 60 s lease every few seconds is enough.
    if (performance.now() - lastBeat < HEARTBEAT_MS) return;
    lastBeat = performance.now();
    await heartbeat(store, token);
  };
  const nodes = zero();
  const edges = zero();
  try {
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    // NOTE: every file path this run refers to is numbered and stored before any item that carries its number.
    const files = await readFiles(store);
    graph.forEachNode((_id, n) => { if (n.provenance.file !== undefined) files.numberOf(n.provenance.file); });
    graph.forEachEdge((_k, e) => { if (e.provenance.file !== undefined) files.numberOf(e.provenance.file); });
    await saveFiles(store, files);
    const liveNodes = await readLiveNodes(store);
    // NOTE: element ids of this run's nodes (read with the live nodes or returned when created), so relationships
    // find their endpoints without an index seek; one writer holds the lease, so none of these nodes is deleted
    // meanwhile.
    const eids = new Map<string, string>();
    for (const [id, item] of liveNodes) eids.set(id, item.eid);
    const nodeTasks = [...nodesByKind].flatMap(([kind, list]) => chunks(list, batchSize).map((batch) => async () => {
      await writeNodeBatch(store, kind, batch.map((n) => nodeRow(n, files)), seq, nodes, liveNodes, eids, files);
      await step(batch.length);
    }));
    await pool(concurrency, nodeTasks);
    const liveEdges = new Map<EdgeKind, LiveItems>();
    const edgeKeys = new Map<EdgeKind, Set<string>>();
    for (const kind of edgesByKind.keys()) {
      liveEdges.set(kind, await readLiveEdges(store, kind));
      edgeKeys.set(kind, new Set());
    }
    // NOTE: one pool over the batches of every kind: a pool per kind let the statements in flight drain at the end
    // of each of the fourteen kinds.
    const edgeTasks = [...edgesByKind].flatMap(([kind, list]) => chunks(list, batchSize).map((batch) => async () => {
      const keys = edgeKeys.get(kind) as Set<string>;
      const rows = batch.map((e) => edgeRow(e, files));
      for (const row of rows) keys.add(row.key);
      await writeEdgeBatch(store, kind, rows, seq, edges, liveEdges.get(kind) as LiveItems, eids, files);
      await step(batch.length);
    }));
    await pool(concurrency, edgeTasks);
    const partial = new Set(options.partialSources ?? []);
    const cleaned = [...sources].filter((s) => !partial.has(s)).sort();
    const nodeIds = new Set(graph.nodes());
    const beat = (): Promise<void> => heartbeat(store, token);
    // NOTE: per source, its relationships first, then its nodes (with whatever relationships are still on them).
    for (const source of cleaned) {
      for (const [kind, live] of liveEdges) {
        const keys = unreported(live, source, edgeKeys.get(kind) ?? new Set());
        edges.retired += await retireAll(store, RETIRE_EDGES, 'eids', keys.map((k) => (live.get(k) as LiveItem).eid), { seq, batchSize }, beat);
      }
      nodes.retired += await retireAll(store, RETIRE_NODES, 'ids', unreported(liveNodes, source, nodeIds), { seq, batchSize }, beat);
    }
    await completeSnapshot(store, seq, token, cleaned, { nodes: graph.order, edges: graph.size });
    return {
      seq, snapshot: `s${seq}`, nodes, edges, cleaned, skippedCleanup: [...partial].filter((s) => sources.has(s)).sort(), batchSize,
    };
  } catch (err) {
    await abandonSnapshot(store, seq, token).catch(() => undefined);
    throw err;
  }
}

/** Runs tasks with at most `concurrency` in flight; the first failure stops new tasks and is rethrown. */
async function pool(concurrency: number, tasks: readonly (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const task = tasks[next++] as () => Promise<void>;
      try {
        await task();
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, concurrency) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}

/** The values of `props` in `columns` order (null where absent), or undefined when it has a property outside them. */
function valuesIn(props: Flat, columns: readonly string[], known: ReadonlySet<string>): Flat[string][] | undefined {
  for (const name of Object.keys(props)) if (!known.has(name)) return undefined;
  return columns.map((name) => props[name] ?? null) as Flat[string][];
}

/**
 * Splits rows into new, changed and unchanged by the live items' hashes. A row without a hash (an edge whose key
 * says everything) is unchanged while its source is; a hash a live relationship still holds from an earlier layout
 * is then not compared.
 */
function classify<R extends NodeRow | EdgeRow>(rows: readonly R[], live: LiveItems, idOf: (row: R) => string): { fresh: R[]; changed: R[]; same: number } {
  const fresh: R[] = [];
  const changed: R[] = [];
  let same = 0;
  for (const row of rows) {
    const item: LiveItem | undefined = live.get(idOf(row));
    if (item === undefined) fresh.push(row);
    else if (row.hash === null ? item.source !== row.props['source'] : !sameHash(item.hash, row.hash)) changed.push(row);
    else same++;
  }
  return { fresh, changed, same };
}

/** NOTE: stores written before hashes were cut to 16 digits hold 32; their first 16 are the same hash. */
function sameHash(stored: string | null, hash: string): boolean {
  return stored !== null && stored.slice(0, hash.length) === hash;
}

async function writeNodeBatch(
  store: Store, kind: NodeKind, batch: readonly NodeRow[], seq: number, counts: Counts, live: LiveItems, eids: Map<string, string>,
  files: FileTable,
): Promise<void> {
  const { fresh, changed, same } = classify(batch, live, (row) => String(row.props['id']));
  if (fresh.length) {
    const columns = nodeColumns(kind);
    const names = new Set(columns);
    const lists: unknown[][] = [];
    const maps: NodeRow[] = [];
    for (const row of fresh) {
      const values = valuesIn(row.props, columns, names);
      if (values) lists.push([row.hash, ...values]);
      else maps.push(row);
    }
    for (const [cypher, rows] of [[createNodes(kind), lists], [createNodesFromMaps(kind), maps]] as const) {
      if (rows.length === 0) continue;
      for (const r of await store.run(cypher, { rows, seq })) eids.set(String(r.get('id')), String(r.get('eid')));
    }
  }
  if (changed.length) {
    // NOTE: the open version closes now, so its document is made from the properties it had until now.
    const open = await store.run(OPEN_NODES, { ids: changed.map((r) => r.props['id']) }, 'read');
    const old = new Map(open.map((r) => {
      const p = r.get('p') as Record<string, unknown>;
      return [String(p['id']), JSON.stringify(nodeFromFlat(p, files))];
    }));
    await store.run(updateNodes(kind), { rows: changed.map((r) => ({ ...r, old: old.get(String(r.props['id'])) })), seq });
  }
  counts.created += fresh.length;
  counts.changed += changed.length;
  counts.unchanged += same;
}

async function writeEdgeBatch(
  store: Store, kind: EdgeKind, batch: readonly EdgeRow[], seq: number, counts: Counts, live: LiveItems, eids: ReadonlyMap<string, string>,
  files: FileTable,
): Promise<void> {
  const { fresh, changed, same } = classify(batch, live, (row) => row.key);
  if (fresh.length) await createEdgeRows(store, kind, fresh, seq, eids);
  if (changed.length) {
    const eidOf = (row: EdgeRow): string => (live.get(row.key) as LiveItem).eid;
    const open = await store.run(OPEN_EDGES, { eids: changed.map(eidOf) }, 'read');
    const old = new Map(open.map((r) => {
      const p = r.get('p') as Record<string, unknown>;
      return [String(r.get('eid')), JSON.stringify(edgeFromFlat(kind, String(r.get('from')), String(r.get('to')), p, files))];
    }));
    await store.run(UPDATE_EDGES, { rows: changed.map((r) => ({ eid: eidOf(r), props: r.props, hash: r.hash, old: old.get(eidOf(r)) })), seq });
  }
  counts.created += fresh.length;
  counts.changed += changed.length;
  counts.unchanged += same;
}

/** Creates new relationships; throws when one of them did not find both endpoints. */
async function createEdgeRows(store: Store, kind: EdgeKind, fresh: readonly EdgeRow[], seq: number, eids: ReadonlyMap<string, string>): Promise<void> {
  const columns = edgeColumns(kind);
  const names = new Set(columns);
  const lists: unknown[][] = [];
  const maps: EdgeRow[] = [];
  for (const row of fresh) {
    const values = valuesIn(row.props, columns, names);
    const a = eids.get(row.from);
    const b = eids.get(row.to);
    if (values && a !== undefined && b !== undefined) lists.push([a, b, row.hash, ...values]);
    else maps.push(row);
  }
  for (const [cypher, rows] of [[createEdges(kind), lists], [createEdgesFromMaps(kind), maps]] as const) {
    if (rows.length === 0) continue;
    const created = Number((await store.run(cypher, { rows, seq }))[0]?.get('created') ?? 0);
    if (created !== rows.length) throw new Error(`store/write: ${rows.length - created} of ${rows.length} ${kind} relationships found no endpoints`);
  }
}

/** Retires `ids` (passed as parameter `name`) in batches; returns how many were retired. */
async function retireAll(
  store: Store, cypher: string, name: 'ids' | 'eids', ids: readonly string[], params: { seq: number; batchSize: number }, beat: () => Promise<void>,
): Promise<number> {
  let total = 0;
  for (const batch of chunks(ids, params.batchSize)) {
    const rows = await store.run(cypher, { [name]: batch, seq: params.seq });
    total += Number(rows[0]?.get('retired') ?? 0);
    await beat();
  }
  return total;
}
