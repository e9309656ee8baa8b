// Where the Neo4j store is: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, else the connection file
// that `npm run neo4j:start` writes (.neo4j/connection.json, or $PATHWARDEN_NEO4J_HOME/connection.json).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { StoreUnavailableError } from '../model/index.js';

export interface StoreConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Database name; undefined = the server's default database. */
  readonly database?: string;
  /** Where the settings came from, for messages ("env", or the connection file path). */
  readonly origin: string;
}

/** The connection file of the project's local server, if any. */
export function localConnectionFile(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const home = env['PATHWARDEN_NEO4J_HOME'] ?? path.join(cwd, '.neo4j');
  return path.join(home, 'connection.json');
}

/** Resolves the store settings; throws StoreUnavailableError with a hint when there are none. */
export function storeConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): StoreConfig {
  const database = env['NEO4J_DATABASE'] || undefined;
  if (env['NEO4J_URI']) {
    const password = env['NEO4J_PASSWORD'];
    if (!password) throw new StoreUnavailableError('NEO4J_URI is set but NEO4J_PASSWORD is not');
    return { uri: env['NEO4J_URI'], user: env['NEO4J_USER'] || 'neo4j', password, ...(database ? { database } : {}), origin: 'env' };
  }
  const file = localConnectionFile(env, cwd);
  if (existsSync(file)) {
    let raw: { uri?: unknown; user?: unknown; password?: unknown };
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
    } catch (cause) {
      throw new StoreUnavailableError(`${file} is not valid JSON; run npm run neo4j:start again`, { cause });
    }
    if (typeof raw.uri === 'string' && typeof raw.password === 'string') {
      return { uri: raw.uri, user: typeof raw.user === 'string' ? raw.user : 'neo4j', password: raw.password, ...(database ? { database } : {}), origin: file };
    }
  }
  throw new StoreUnavailableError('no Neo4j configured: set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or run `npm run neo4j:start` (see docs/neo4j.md)');
}
