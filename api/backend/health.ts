// Readiness probes of the backends.
import type { Store } from '../../src/store/driver.js';

/** `none` without a store, else whether it answers a trivial read within two seconds. */
export async function storeAnswers(store: Store | undefined): Promise<'none' | 'up' | 'down'> {
  if (!store) return 'none';
  const timeout = new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), 2_000).unref());
  const probe = store.run('RETURN 1 AS ok', {}, 'read').then(() => 'up' as const, () => 'down' as const);
  return Promise.race([probe, timeout]);
}
