// The store handle: one neo4j-driver Driver plus the database name. Every query goes through `run`, which uses
// the driver's managed transactions (transient errors and lost connections are retried by the driver).
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { StoreUnavailableError } from '../model/index.js';
import type { StoreConfig } from './config.js';

export interface Store {
  readonly config: StoreConfig;
  readonly driver: Driver;
  /** Runs one parameterised statement in a managed transaction (retried on transient errors). */
  run(cypher: string, params?: Readonly<Record<string, unknown>>, mode?: 'read' | 'write'): Promise<Neo4jRecord[]>;
  close(): Promise<void>;
}

/** A parameter already in the form the driver sends (see toCypherParams): passed as it is, without a walk. */
export class Ready {
  constructor(readonly value: unknown) {}
}

/**
 * Parameters as Neo4j expects them: JavaScript numbers that are whole become Cypher INTEGERs (the driver would
 * send every number as a FLOAT, which LIMIT, list indexes and integer properties such as `tier` do not want).
 * Driver integers pass as they are. A list or map in which nothing changes is returned itself, not copied: a
 * write's parameters are hundreds of thousands of small lists, and copying them was a tenth of its time.
 */
export function toCypherParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (value instanceof Ready) return value.value;
  if (value === null || typeof value !== 'object' || neo4j.isInt(value)) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const c = toCypherParams(v);
      if (out === undefined && c !== v) out = value.slice(0, i);
      out?.push(c);
    }
    return out ?? value;
  }
  let changed = false;
  const entries = Object.entries(value).map(([k, v]) => {
    const c = toCypherParams(v);
    if (c !== v) changed = true;
    return [k, c] as const;
  });
  return changed ? Object.fromEntries(entries) : value;
}

/** The driver's error in a few words: its first sentence and, when given, what caused it. */
function shortReason(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  const first = text.split(/(?<=\.)\s|\n/)[0] ?? text;
  const caused = /Caused by: (.*)$/s.exec(text)?.[1]?.split('\n')[0];
  return caused ? `${first.replace(/\.$/, '')} (${caused})` : first;
}

/** Opens the store and checks that it answers; StoreUnavailableError (with the URI, never the password) if not. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true, maxTransactionRetryTime: 30_000, connectionTimeout: 10_000,
  });
  try {
    await driver.verifyConnectivity(config.database ? { database: config.database } : {});
  } catch (cause) {
    await driver.close();
    const reason = shortReason(cause);
    throw new StoreUnavailableError(`Neo4j at ${config.uri} (${config.origin}) does not answer: ${reason}`, { cause });
  }
  return {
    config, driver,
    async run(cypher, params = {}, mode = 'write') {
      const result = await driver.executeQuery(cypher, toCypherParams(params), {
        routing: mode === 'read' ? neo4j.routing.READ : neo4j.routing.WRITE,
        ...(config.database ? { database: config.database } : {}),
      });
      return result.records;
    },
    close: () => driver.close(),
  };
}
