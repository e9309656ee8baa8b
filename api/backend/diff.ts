// POST /v1/diff: turns the request's sides into prepared diff sides (never a server path: only the served graph,
// a store snapshot, or an uploaded saved analysis) and runs the risk diff of src/analysis/diff.ts.
import { diffPrepared, parseThreshold, sideFromSaved, type DiffReport, type PreparedSide } from '../../src/analysis/diff.js';
import { StoreUnavailableError, UsageError } from '../../src/model/index.js';
import type { Store } from '../../src/store/driver.js';
import { readGraph } from '../../src/store/read.js';
import { parseSnapshotRef } from '../../src/store/snapshot.js';
import type { DiffBody, DiffSideInput } from '../schemas/diff.js';
import type { EngineBackend } from './engine.js';

async function prepare(input: DiffSideInput, name: 'base' | 'head', engine: EngineBackend, store: Store | undefined): Promise<PreparedSide> {
  if ('saved' in input) return { kind: 'saved', side: sideFromSaved(input.saved, `${name} (uploaded analysis)`) };
  if ('snapshot' in input) {
    if (!store) throw new StoreUnavailableError('this server has no Neo4j store to read snapshots from; start it with `pathwarden serve --neo4j`');
    const stored = await readGraph(store, parseSnapshotRef(input.snapshot));
    const ref = `neo4j:${stored.snapshot.id}`;
    return { kind: 'neo4j', ref, snapshot: stored.snapshot.id, loaded: { dir: ref, graph: stored.graph, files: [], diagnostics: stored.diagnostics } };
  }
  const served = engine.served();
  return { kind: served.origin.startsWith('neo4j:') ? 'neo4j' : 'inventory', ref: served.origin, loaded: served.loaded };
}

/** The risk diff between two sides (head default: the served graph). */
export async function diffRequest(body: DiffBody, engine: EngineBackend, store: Store | undefined): Promise<DiffReport> {
  const threshold = body.threshold === undefined ? undefined : parseThreshold(body.threshold);
  if (body.threshold !== undefined && threshold === undefined) throw new UsageError(`threshold "${body.threshold}" is not 5, 10% or 10%,5`);
  const base = await prepare(body.base, 'base', engine, store);
  const head = await prepare(body.head ?? { served: true }, 'head', engine, store);
  return diffPrepared(base, head, { ...(body.at ? { at: new Date(body.at) } : {}), ...(threshold ? { threshold } : {}) });
}
