// Snapshots: every ingest run is one, numbered by an increasing `seq`. A snapshot is marked complete only after
// all its writes and cleanups succeeded; readers use the newest complete one. One writer at a time (a lease).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ConfigError, NotFoundError } from '../model/index.js';
import { STORE_LABELS } from './cypher.js';
import type { Store } from './driver.js';

const L = STORE_LABELS;
/**
 * Version of the stored layout. Raise it when what is written changes how snapshots must be read; a store
 * written with another version is refused with a clear message instead of being read wrong.
 */
export const STORE_FORMAT = 3;
/**
 * Layouts this version still reads. Format 2 stored provenance file paths on each item; format 3 stores a number
 * into the file table (files.ts), and the reader takes either, so a format-2 store is read and written on (its
 * marker moves to 3, which older versions then refuse rather than misread).
 */
const READABLE_FORMATS: readonly number[] = [2, STORE_FORMAT];

/** Refuses a store whose snapshots were written in another layout (or before the layout was recorded). */
async function checkFormat(store: Store): Promise<void> {
  const rows = await store.run(
    `OPTIONAL MATCH (f:${L.meta} {id: 'format'}) OPTIONAL MATCH (s:${L.snapshot}) RETURN f.version AS version, count(s) AS snapshots`, {}, 'read',
  );
  const version = rows[0]?.get('version') as number | null | undefined;
  const snapshots = Number(rows[0]?.get('snapshots') ?? 0);
  if (snapshots > 0 && !READABLE_FORMATS.includes(version ?? 1)) {
    throw new ConfigError(`this Neo4j store was written in store format ${version ?? 1}; this pathwarden reads formats ${READABLE_FORMATS.join(' and ')} and writes format ${STORE_FORMAT}: `
      + 'start from an empty database (npm run neo4j:reset, or a new volume) and ingest again');
  }
}

/** A writer lease not renewed for this long is considered dead (renewed after every batch). */
export const LEASE_MS = 60_000;

export const SNAPSHOT_STATUSES = ['running', 'complete', 'abandoned'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

export interface SnapshotInfo {
  readonly seq: number;
  readonly id: string;
  readonly status: SnapshotStatus;
  readonly startedAt: string;
  readonly completedAt?: string;
  readonly input?: string;
  readonly sources: readonly string[];
  /** Sources whose stale items were retired (clean loads); the others kept them. */
  readonly cleaned: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
}

/** The id users see for a snapshot: `s<seq>`. */
export function snapshotId(seq: number): string {
  return `s${seq}`;
}

/** Parses `s12`, `12` or `latest` into a sequence number (undefined for latest). */
export function parseSnapshotRef(raw: string): number | undefined {
  if (raw === 'latest') return undefined;
  const m = /^s?(\d{1,9})$/.exec(raw.trim());
  if (!m) throw new ConfigError(`snapshot "${raw}" is not a snapshot id (s12, 12 or latest)`);
  return Number(m[1]);
}

function toInfo(p: Record<string, unknown>): SnapshotInfo {
  return {
    seq: Number(p['seq']), id: snapshotId(Number(p['seq'])), status: p['status'] as SnapshotStatus,
    startedAt: String(p['started_at']), ...(p['completed_at'] ? { completedAt: String(p['completed_at']) } : {}),
    ...(p['input'] ? { input: String(p['input']) } : {}),
    sources: (p['sources'] as string[] | undefined) ?? [], cleaned: (p['cleaned'] as string[] | undefined) ?? [],
    counts: JSON.parse(String(p['counts'] ?? '{}')) as Record<string, number>,
  };
}

/** True when a writer that holds the lease is certainly gone: it ran on this host and its process is dead. */
function deadLocalWriter(host: unknown, pid: unknown): boolean {
  if (host !== hostname() || typeof pid !== 'number') return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Takes the writer lease: free, expired (no heartbeat for LEASE_MS), or held by a process of this host that is
 * dead (a killed ingest). Compare-and-set on the token seen, so two writers never both win.
 */
async function takeLease(store: Store, token: string, now: number): Promise<void> {
  const seen = await store.run(`MERGE (w:${L.meta} {id: 'writer'}) RETURN w.token AS token, w.heartbeat AS beat, w.host AS host, w.pid AS pid`);
  const row = seen[0];
  const held = row?.get('token') as string | null | undefined;
  const free = held === null || held === undefined || Number(row?.get('beat') ?? 0) < now - LEASE_MS
    || deadLocalWriter(row?.get('host'), row?.get('pid'));
  if (!free) {
    throw new ConfigError(`another pathwarden ingest (pid ${String(row?.get('pid'))} on ${String(row?.get('host'))}) is writing to this Neo4j; retry when it ends`);
  }
  const taken = await store.run(
    `MATCH (w:${L.meta} {id: 'writer'}) WHERE w.token IS NULL AND $held IS NULL OR w.token = $held
     SET w.token = $token, w.heartbeat = $now, w.host = $host, w.pid = $pid RETURN count(w) AS n`,
    { held: held ?? null, token, now, host: hostname(), pid: process.pid },
  );
  if (Number(taken[0]?.get('n') ?? 0) !== 1) throw new ConfigError('another pathwarden ingest took the Neo4j writer lease first; retry when it ends');
}

/**
 * Starts a snapshot: takes the writer lease, marks snapshots left running by a dead writer as abandoned, and
 * returns the new snapshot's seq and the lease token.
 */
export async function beginSnapshot(store: Store, input: string, sources: readonly string[]): Promise<{ seq: number; token: string }> {
  const token = randomUUID();
  const now = Date.now();
  await checkFormat(store);
  await takeLease(store, token, now);
  await store.run(`MERGE (f:${L.meta} {id: 'format'}) SET f.version = $version`, { version: STORE_FORMAT });
  await store.run(`MATCH (s:${L.snapshot} {status: 'running'}) SET s.status = 'abandoned'`);
  const seqRows = await store.run(
    `MERGE (c:${L.meta} {id: 'snapshots'}) SET c.seq = coalesce(c.seq, 0) + 1
     CREATE (s:${L.snapshot} {seq: c.seq, id: 's' + toString(c.seq), status: 'running', started_at: $started,
       input: $input, sources: $sources, cleaned: [], counts: '{}'})
     RETURN c.seq AS seq`,
    { started: new Date(now).toISOString(), input, sources: [...sources] },
  );
  return { seq: Number(seqRows[0]?.get('seq')), token };
}

/** Renews the writer lease; call between batches. */
export async function heartbeat(store: Store, token: string): Promise<void> {
  await store.run(`MATCH (w:${L.meta} {id: 'writer', token: $token}) SET w.heartbeat = $now`, { token, now: Date.now() });
}

/** Marks a snapshot complete with its counts and releases the lease. */
export async function completeSnapshot(
  store: Store, seq: number, token: string, cleaned: readonly string[], counts: Readonly<Record<string, number>>,
): Promise<void> {
  await store.run(
    `MATCH (s:${L.snapshot} {seq: $seq}) SET s.status = 'complete', s.completed_at = $at, s.cleaned = $cleaned, s.counts = $counts
     WITH s MATCH (w:${L.meta} {id: 'writer', token: $token}) REMOVE w.token, w.heartbeat, w.host, w.pid`,
    { seq, at: new Date().toISOString(), cleaned: [...cleaned], counts: JSON.stringify(counts), token },
  );
}

/** Releases the lease after a failed run and marks the snapshot abandoned (its writes stay invisible to readers). */
export async function abandonSnapshot(store: Store, seq: number, token: string): Promise<void> {
  await store.run(
    `MATCH (s:${L.snapshot} {seq: $seq, status: 'running'}) SET s.status = 'abandoned'
     WITH 1 AS done MATCH (w:${L.meta} {id: 'writer', token: $token}) REMOVE w.token, w.heartbeat, w.host, w.pid`,
    { seq, token },
  );
}

/** Every snapshot, newest first. */
export async function listSnapshots(store: Store): Promise<SnapshotInfo[]> {
  const rows = await store.run(`MATCH (s:${L.snapshot}) RETURN properties(s) AS p ORDER BY s.seq DESC`, {}, 'read');
  return rows.map((r) => toInfo(r.get('p') as Record<string, unknown>));
}

/** The complete snapshot `seq`, or the newest complete one; NotFoundError when there is none. */
export async function resolveSnapshot(store: Store, seq?: number): Promise<SnapshotInfo> {
  await checkFormat(store);
  const rows = await store.run(
    seq === undefined
      ? `MATCH (s:${L.snapshot} {status: 'complete'}) RETURN properties(s) AS p ORDER BY s.seq DESC LIMIT 1`
      : `MATCH (s:${L.snapshot} {seq: $seq}) RETURN properties(s) AS p`,
    seq === undefined ? {} : { seq }, 'read',
  );
  const p = rows[0]?.get('p') as Record<string, unknown> | undefined;
  if (!p) throw new NotFoundError(seq === undefined ? 'the store has no complete snapshot yet: run `pathwarden ingest <dir> --neo4j`' : `snapshot s${seq} does not exist`);
  const info = toInfo(p);
  if (info.status !== 'complete') throw new NotFoundError(`snapshot ${info.id} is ${info.status}, not complete`);
  return info;
}
