// Readiness over Bolt: poll `RETURN 1` with the stored credentials until the server answers, fail fast on bad
// credentials (three failures lock the account) or when the server process has died.
import neo4j, { type Driver } from 'neo4j-driver';
import { StoreUnavailableError } from '../../model/index.js';
import type { LocalConnection } from './connection.js';

/** What the server said about itself once it answered. */
export interface BoltAnswer {
  /** e.g. `Neo4j/5.26.30`. */
  readonly agent: string;
}

/** Options of waitForBolt. */
export interface WaitForBoltOptions {
  readonly timeoutMs: number;
  /** Called between attempts; returning false aborts the wait (the server process is gone). */
  readonly stillRunning?: () => Promise<boolean>;
  /** Appended to timeout and failure messages (where the logs are). */
  readonly logHint: string;
}

/** A driver for `conn` with short connection timeouts, as used for probing. */
export function probeDriver(conn: LocalConnection): Driver {
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    connectionTimeout: 2_000,
    connectionAcquisitionTimeout: 3_000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => undefined },
  });
}

/** True when the error means "wrong user or password", which retrying would only turn into a locked account. */
export function isAuthError(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code ?? '';
  return code.startsWith('Neo.ClientError.Security.');
}

/** Polls `RETURN 1` every 200 ms until it succeeds; StoreUnavailableError on timeout, auth failure or a dead server. */
export async function waitForBolt(conn: LocalConnection, options: WaitForBoltOptions): Promise<BoltAnswer> {
  const driver = probeDriver(conn);
  const deadline = Date.now() + options.timeoutMs;
  let last: unknown;
  try {
    for (;;) {
      try {
        await driver.executeQuery('RETURN 1 AS one', {}, { database: conn.database });
        const info = await driver.getServerInfo({ database: conn.database });
        return { agent: info.agent ?? 'Neo4j' };
      } catch (err) {
        if (isAuthError(err)) {
          throw new StoreUnavailableError(`Neo4j at ${conn.uri} rejected the stored credentials `
            + `(${(err as Error).message}); ${options.logHint}`, { cause: err });
        }
        last = err;
      }
      if (options.stillRunning && !(await options.stillRunning())) {
        throw new StoreUnavailableError(`the Neo4j process exited before Bolt answered at ${conn.uri}; ${options.logHint}`);
      }
      if (Date.now() > deadline) {
        const detail = last instanceof Error ? ` (last error: ${last.message.split('\n')[0]})` : '';
        throw new StoreUnavailableError(`Bolt did not answer at ${conn.uri} within ${options.timeoutMs / 1000} s`
          + `${detail}; ${options.logHint}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await driver.close();
  }
}
