// Writes a graph into the store as one snapshot: batched UNWIND statements per kind (create new, version the
// changed, touch the unchanged), then per-source cleanup of what a clean source no longer reports, then the
// snapshot is marked complete. A run that dies before the end leaves every earlier snapshot intact.
import type { PathwardenGraph } from '../graph/types.js';
import { EDGE_KINDS, NODE_KINDS, type EdgeKind, type EdgeRecord, type NodeKind, type NodeRecord } from '../model/index.js';
import {
  ANY_NODE, EXISTING_NODES, OPEN_NODES, anyEdge, RETIRE_NODES, TOUCH_NODES, createEdges, createEdgesFromMaps, createNodes, createNodesFromMaps,
  edgeColumns, existingEdges, nodeColumns, openEdges, retireEdges, touchEdges, updateEdges, updateNodes,
} from './cypher.js';
import type { Store } from './driver.js';
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
    // NOTE: an empty store (or a kind it has never held) needs no lookup of existing hashes: every row is new.
    const storeEmpty = !(await exists(store, ANY_NODE));
    // NOTE: element ids of this run's nodes (returned when created or looked up), so relationships find their
    // endpoints without an index seek; one writer holds the lease, so none of these nodes is deleted meanwhile.
    const eids = new Map<string, string>();
    const nodeTasks = [...nodesByKind].flatMap(([kind, list]) => chunks(list, batchSize).map((batch) => async () => {
      await writeNodeBatch(store, kind, batch.map(nodeRow), seq, nodes, storeEmpty, eids);
      await step(batch.length);
    }));
    await pool(concurrency, nodeTasks);
    const edgeTasks: (() => Promise<void>)[] = [];
    for (const [kind, list] of edgesByKind) {
      if (list.length === 0) continue;
      const fresh = !(await exists(store, anyEdge(kind)));
      for (const batch of chunks(list, batchSize)) {
        edgeTasks.push(async () => {
          await writeEdgeBatch(store, kind, batch.map(edgeRow), seq, edges, fresh, eids);
          await step(batch.length);
        });
      }
    }
    await pool(concurrency, edgeTasks);
    const partial = new Set(options.partialSources ?? []);
    const cleaned = [...sources].filter((s) => !partial.has(s)).sort();
    for (const source of cleaned) {
      const beat = (): Promise<void> => heartbeat(store, token);
      edges.retired += await retireAll(store, EDGE_KINDS.map(retireEdges), { source, seq, limit: batchSize }, beat);
      nodes.retired += await retireAll(store, [RETIRE_NODES], { source, seq, limit: batchSize }, beat);
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

/** True when the statement returns a row. */
async function exists(store: Store, cypher: string): Promise<boolean> {
  return (await store.run(cypher, {}, 'read')).length > 0;
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

async function hashes(
  store: Store, cypher: string, params: Record<string, unknown>, keyName: string, eids?: Map<string, string>,
): Promise<Map<string, string>> {
  const rows = await store.run(cypher, params, 'read');
  if (eids) for (const r of rows) eids.set(String(r.get(keyName)), String(r.get('eid')));
  return new Map(rows.map((r) => [String(r.get(keyName)), String(r.get('hash'))]));
}

/** The values of `props` in `columns` order (null where absent), or undefined when it has a property outside them. */
function valuesIn(props: Flat, columns: readonly string[], known: ReadonlySet<string>): Flat[string][] | undefined {
  for (const name of Object.keys(props)) if (!known.has(name)) return undefined;
  return columns.map((name) => props[name] ?? null) as Flat[string][];
}

async function writeNodeBatch(
  store: Store, kind: NodeKind, batch: readonly NodeRow[], seq: number, counts: Counts, allNew: boolean, eids: Map<string, string>,
): Promise<void> {
  const known = allNew ? new Map<string, string>() : await hashes(store, EXISTING_NODES, { ids: batch.map((r) => r.props['id']) }, 'id', eids);
  const fresh: NodeRow[] = [];
  const changed: NodeRow[] = [];
  const same: string[] = [];
  for (const row of batch) {
    const hash = known.get(String(row.props['id']));
    if (hash === undefined) fresh.push(row);
    else if (hash !== row.hash) changed.push(row);
    else same.push(String(row.props['id']));
  }
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
      return [String(p['id']), JSON.stringify(nodeFromFlat(p))];
    }));
    await store.run(updateNodes(kind), { rows: changed.map((r) => ({ ...r, old: old.get(String(r.props['id'])) })), seq });
  }
  if (same.length) await store.run(TOUCH_NODES, { ids: same, seq });
  counts.created += fresh.length;
  counts.changed += changed.length;
  counts.unchanged += same.length;
}

async function writeEdgeBatch(
  store: Store, kind: EdgeKind, batch: readonly EdgeRow[], seq: number, counts: Counts, allNew: boolean, eids: ReadonlyMap<string, string>,
): Promise<void> {
  const known = allNew ? new Map<string, string>() : await hashes(store, existingEdges(kind), { keys: batch.map((r) => r.key) }, 'key');
  const fresh: EdgeRow[] = [];
  const changed: EdgeRow[] = [];
  const same: string[] = [];
  for (const row of batch) {
    const hash = known.get(row.key);
    if (hash === undefined) fresh.push(row);
    else if (hash !== row.hash) changed.push(row);
    else same.push(row.key);
  }
  if (fresh.length) await createEdgeRows(store, kind, fresh, seq, eids);
  if (changed.length) {
    const open = await store.run(openEdges(kind), { keys: changed.map((r) => r.key) }, 'read');
    const old = new Map(open.map((r) => {
      const p = r.get('p') as Record<string, unknown>;
      return [String(p['_key']), JSON.stringify(edgeFromFlat(kind, String(r.get('from')), String(r.get('to')), p))];
    }));
    await store.run(updateEdges(kind), { rows: changed.map((r) => ({ ...r, old: old.get(r.key) })), seq });
  }
  if (same.length) await store.run(touchEdges(kind), { keys: same, seq });
  counts.created += fresh.length;
  counts.changed += changed.length;
  counts.unchanged += same.length;
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
    if (values && a !== undefined && b !== undefined) lists.push([row.from, row.to, a, b, row.hash, ...values]);
    else maps.push(row);
  }
  for (const [cypher, rows] of [[createEdges(kind), lists], [createEdgesFromMaps(kind), maps]] as const) {
    if (rows.length === 0) continue;
    const created = Number((await store.run(cypher, { rows, seq }))[0]?.get('created') ?? 0);
    if (created !== rows.length) throw new Error(`store/write: ${rows.length - created} of ${rows.length} ${kind} relationships found no endpoints`);
  }
}

/** Runs each retire statement in batches until it retires nothing more; returns how many were retired. */
async function retireAll(
  store: Store, statements: readonly string[], params: { source: string; seq: number; limit: number }, beat: () => Promise<void>,
): Promise<number> {
  let total = 0;
  for (const cypher of statements) {
    for (;;) {
      const rows = await store.run(cypher, params);
      const n = Number(rows[0]?.get('retired') ?? 0);
      total += n;
      await beat();
      if (n < params.limit) break;
    }
  }
  return total;
}
