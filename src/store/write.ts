// Writes a graph into the store as one snapshot: the records are compared with the live items (one scan per kind),
// then batched UNWIND statements per kind create the new and version the changed (unchanged items are not
// written), then per-source cleanup retires what a clean source no longer reports, then the snapshot is marked
// complete. A run that dies before the end leaves every earlier snapshot intact.
import type { PathwardenGraph } from '../graph/types.js';
import { EDGE_KINDS, NODE_KINDS, type EdgeKind, type EdgeRecord, type NodeKind, type NodeRecord } from '../model/index.js';
import {
  INTEGER_COLUMNS, OPEN_EDGES, OPEN_NODES, RETIRE_EDGES, RETIRE_NODES, UPDATE_EDGES, createEdges, createEdgesFromMaps, createNodes,
  createNodesFromMaps, edgeColumns, nodeColumns, updateNodes,
} from './cypher.js';
import { Ready, toCypherParams, type Store } from './driver.js';
import { readFiles, saveFiles, type FileTable } from './files.js';
import { readLiveEdges, readLiveNodes, unreported, type LiveItem, type LiveItems } from './live.js';
import { edgeFromFlat, edgeRow, nodeFromFlat, nodeRow, type EdgeRow, type Flat, type NodeRow } from './records.js';
import { ensureSchema } from './schema.js';
import { abandonSnapshot, beginSnapshot, completeSnapshot, heartbeat } from './snapshot.js';

export const DEFAULT_BATCH_SIZE = 5000;
/** Statements in flight at once (the server and this process overlap their work). */
export const DEFAULT_CONCURRENCY = 3;
/** Least time between two lease renewals during the writes (the lease lasts LEASE_MS). */
const HEARTBEAT_MS = 5_000;

export interface WriteOptions {
  /** Rows per statement (default 5000). */
  readonly batchSize?: number;
  /** Input description stored on the snapshot (e.g. the inventory directory). */
  readonly input: string;
  /** Sources that loaded with errors: their stale items are kept (no cleanup after partial input). */
  readonly partialSources?: readonly string[];
  /** Statements in flight at once (default 3). */
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
  const edgesByKind = new Map<EdgeKind, EdgeRecord[]>(EDGE_KINDS.map((k) => [k, []]));
  const sources = new Set<string>();
  // NOTE: the provenance files, in first-use order; numbered once the store's file table is read.
  const paths = new Set<string>();
  const see = (record: NodeRecord | EdgeRecord): void => {
    sources.add(record.source);
    if (record.provenance.file !== undefined) paths.add(record.provenance.file);
  };
  graph.forEachNode((_id, n) => {
    nodesByKind.get(n.kind)?.push(n);
    see(n);
  });
  // NOTE: each kind's relationships grouped by start node, in the order the nodes are written (for new nodes, the
  // order of their element ids): a batch then takes each start node's lock once and concurrent batches rarely wait
  // on each other's nodes. Measured here, a third faster than graph order.
  for (const list of nodesByKind.values()) {
    for (const n of list) {
      graph.forEachOutEdge(n.id, (_key, e) => {
        edgesByKind.get(e.kind)?.push(e);
        see(e);
      });
    }
  }
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
    for (const path of paths) files.numberOf(path);
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
    // NOTE: the live relationships this run reports (the rest of a clean source's are retired); a set of the run's
    // own keys instead cost a tenth of a first ingest, where nothing is live.
    const reported = new Map<EdgeKind, Set<string>>();
    for (const kind of edgesByKind.keys()) {
      liveEdges.set(kind, await readLiveEdges(store, kind));
      reported.set(kind, new Set());
    }
    // NOTE: one pool over the batches of every kind: a pool per kind let the statements in flight drain at the end
    // of each of the fourteen kinds.
    const edgeTasks = [...edgesByKind].flatMap(([kind, list]) => chunks(list, batchSize).map((batch) => async () => {
      const rows = batch.map((e) => edgeRow(e, files));
      await writeEdgeBatch(store, kind, rows, seq, edges, liveEdges.get(kind) as LiveItems, reported.get(kind) as Set<string>, eids, files);
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
        const keys = unreported(live, source, reported.get(kind) ?? new Set());
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

/**
 * Rows grouped by which of `columns` they set: each group is one statement naming only those columns, with
 * positional rows `[...lead, ...values]`. The column sets are few (a kind's records mostly set the same ones).
 */
class Shapes {
  readonly #columns: readonly string[];
  readonly #index: ReadonlyMap<string, number>;
  readonly groups = new Map<number, { readonly columns: readonly string[]; readonly rows: unknown[][] }>();

  constructor(columns: readonly string[]) {
    // NOTE: a set of columns is a bit mask in a double, exact up to 53 columns.
    if (columns.length > 53) throw new Error(`store/write: ${columns.length} columns, at most 53 supported`);
    this.#columns = columns;
    this.#index = new Map(columns.map((name, i) => [name, i]));
  }

  /**
   * Adds `[...lead, ...values of props]` to its group; false (nothing added) when props has a name outside the
   * columns, or a value in an INTEGER_COLUMNS column that is not a whole number (the statement would store null).
   */
  add(props: Flat, lead: unknown[]): boolean {
    let mask = 0;
    for (const name in props) {
      const i = this.#index.get(name);
      if (i === undefined) return false;
      const value = props[name];
      if (value === null || value === undefined) continue;
      if (INTEGER_COLUMNS.has(name) && !Number.isSafeInteger(value)) return false;
      mask += 2 ** i;
    }
    let group = this.groups.get(mask);
    if (group === undefined) {
      group = { columns: this.#columns.filter((_name, i) => Math.floor(mask / 2 ** i) % 2 === 1), rows: [] };
      this.groups.set(mask, group);
    }
    // NOTE: in the driver's form (Ready), so the rows are not walked again to convert them.
    for (const name of group.columns) lead.push(INTEGER_COLUMNS.has(name) ? props[name] : toCypherParams(props[name]));
    group.rows.push(lead);
    return true;
  }
}

/**
 * Splits rows into new, changed and unchanged by the live items' hashes. A row without a hash (an edge whose key
 * says everything) is unchanged while its source is; a hash a live relationship still holds from an earlier layout
 * is then not compared.
 */
function classify<R extends NodeRow | EdgeRow>(
  rows: readonly R[], live: LiveItems, idOf: (row: R) => string, hits?: Set<string>,
): { fresh: R[]; changed: R[]; same: number } {
  const fresh: R[] = [];
  const changed: R[] = [];
  let same = 0;
  for (const row of rows) {
    const id = idOf(row);
    const item: LiveItem | undefined = live.get(id);
    if (item === undefined) {
      fresh.push(row);
      continue;
    }
    hits?.add(id);
    if (row.hash === null ? item.source !== row.props['source'] : !sameHash(item.hash, row.hash)) changed.push(row);
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
    const shapes = new Shapes(nodeColumns(kind));
    const maps: NodeRow[] = [];
    for (const row of fresh) if (!shapes.add(row.props, [row.hash])) maps.push(row);
    const statements: [string, unknown][] = [...shapes.groups.values()].map((g) => [createNodes(kind, g.columns), new Ready(g.rows)]);
    if (maps.length) statements.push([createNodesFromMaps(kind), maps]);
    for (const [cypher, rows] of statements) {
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
  store: Store, kind: EdgeKind, batch: readonly EdgeRow[], seq: number, counts: Counts, live: LiveItems, reported: Set<string>,
  eids: ReadonlyMap<string, string>, files: FileTable,
): Promise<void> {
  const { fresh, changed, same } = classify(batch, live, (row) => row.key, reported);
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
  const shapes = new Shapes(edgeColumns(kind));
  const maps: EdgeRow[] = [];
  for (const row of fresh) {
    const a = eids.get(row.from);
    const b = eids.get(row.to);
    if (a === undefined || b === undefined || !shapes.add(row.props, [a, b, row.hash])) maps.push(row);
  }
  const statements: [string, readonly unknown[], string[]?][] = [...shapes.groups.values()].map((g) => [createEdges(kind, g.columns), g.rows, endpoints(g.rows)]);
  if (maps.length) statements.push([createEdgesFromMaps(kind), maps]);
  for (const [cypher, rows, ends] of statements) {
    const params = ends ? { rows: new Ready(rows), ends, seq } : { rows, seq };
    const created = Number((await store.run(cypher, params))[0]?.get('created') ?? 0);
    if (created !== rows.length) throw new Error(`store/write: ${rows.length - created} of ${rows.length} ${kind} relationships found no endpoints`);
  }
}

/** Replaces the element ids leading each row (`[from, to, …]`) with their index in the returned list of distinct ones. */
function endpoints(rows: unknown[][]): string[] {
  const index = new Map<string, number>();
  const ends: string[] = [];
  for (const row of rows) {
    for (let i = 0; i < 2; i++) {
      const eid = row[i] as string;
      let at = index.get(eid);
      if (at === undefined) {
        at = ends.length;
        index.set(eid, at);
        ends.push(eid);
      }
      row[i] = at;
    }
  }
  return ends;
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
