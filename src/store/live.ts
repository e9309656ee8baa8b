// What the store holds now: every live node and relationship with its hash and source, read in one streamed scan
// per kind. A run compares its records with this (new, changed, unchanged) and retires what a clean source no
// longer reports, so unchanged items are never written.
import { LIVE_NODES, liveEdges } from './cypher.js';
import type { Store } from './driver.js';
import { edgeKey, edgeSpec, type EdgeKind, type PropValue } from '../model/index.js';
import type { Record as Neo4jRecord } from 'neo4j-driver';

/** Records per pull while scanning (the driver's default, 1000, makes a round trip per thousand rows). */
const SCAN_FETCH_SIZE = 20_000;

/** One live item: its stored content hash (none on a relationship whose key says everything), source and element id. */
export interface LiveItem {
  readonly hash: string | null;
  readonly source: string;
  readonly eid: string;
}

/** Live items by id (nodes) or key (relationships). */
export type LiveItems = ReadonlyMap<string, LiveItem>;

/**
 * Streams `cypher` (columns hash, source, eid and what `idOf` reads the item's id from) into a map. NOTE: records are handled as they
 * arrive (a large kind is hundreds of thousands of rows) through `subscribe`, which does not pause the stream as
 * the async iterator's back-pressure does (twice as fast here); the driver may retry the whole read, so the map
 * is built inside the transaction function.
 */
async function scan(store: Store, cypher: string, idOf: (record: Neo4jRecord) => string): Promise<Map<string, LiveItem>> {
  const session = store.driver.session({
    defaultAccessMode: 'READ', fetchSize: SCAN_FETCH_SIZE, ...(store.config.database ? { database: store.config.database } : {}),
  });
  try {
    return await session.executeRead((tx) => new Promise<Map<string, LiveItem>>((resolve, reject) => {
      const items = new Map<string, LiveItem>();
      tx.run(cypher).subscribe({
        onNext: (record) => {
          const hash = record.get('hash') as string | null;
          items.set(idOf(record), { hash: hash === null ? null : String(hash), source: String(record.get('source')), eid: String(record.get('eid')) });
        },
        onCompleted: () => resolve(items),
        onError: reject,
      });
    }));
  } finally {
    await session.close();
  }
}

/** Every live node by id. */
export function readLiveNodes(store: Store): Promise<Map<string, LiveItem>> {
  return scan(store, LIVE_NODES, (record) => String(record.get('id')));
}

/** Every live relationship of `kind` by edge key (rebuilt from its endpoints and key properties). */
export function readLiveEdges(store: Store, kind: EdgeKind): Promise<Map<string, LiveItem>> {
  const names = edgeSpec(kind).key;
  return scan(store, liveEdges(kind), (record) => {
    const props: Record<string, PropValue> = {};
    names.forEach((name, i) => {
      const value = record.get(`k${i}`) as PropValue | null;
      if (value !== null) props[name] = value;
    });
    return edgeKey(kind, String(record.get('from')), String(record.get('to')), props);
  });
}

/** Ids (or keys) of the live items of `source` that are not in `seen`, sorted: what a clean source no longer reports. */
export function unreported(live: LiveItems, source: string, seen: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [id, item] of live) if (item.source === source && !seen.has(id)) out.push(id);
  return out.sort();
}
