// Opening the Neo4j store for a command: settings from the environment or the local server's connection file,
// closed however the command ends. Only the store-backed commands (ingest --neo4j, analyze --neo4j, query,
// snapshots) come through here.
import { storeConfig } from '../store/config.js';
import { openStore, type Store } from '../store/driver.js';

/** Runs `fn` with an open store. */
export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeConfig());
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
