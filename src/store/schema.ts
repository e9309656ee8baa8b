// Schema setup: the constraints and indexes of src/store/cypher.ts, created idempotently at start.
import { schemaStatements } from './cypher.js';
import type { Store } from './driver.js';

const DONE = new WeakSet<Store>();

/** Creates every constraint and index that is missing (once per store handle). */
export async function ensureSchema(store: Store): Promise<void> {
  if (DONE.has(store)) return;
  for (const statement of schemaStatements()) await store.run(statement);
  await store.run('CALL db.awaitIndexes(300)');
  DONE.add(store);
}
