// The local server's connection: generated once per data directory, kept in <home>/connection.json and
// <home>/env (both mode 0600), printed as `export NEO4J_…=…` lines a shell can eval.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { ConfigError } from '../../model/index.js';
import type { LocalHome } from './paths.js';

/** How to reach the local server. */
export interface LocalConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly port: number;
}

/** A random password: 24 URL-safe characters (144 bits), so it needs no quoting anywhere. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** A new connection for a fresh data directory on `port`. */
export function newConnection(port: number, password: string = generatePassword()): LocalConnection {
  return withPort({ uri: '', user: 'neo4j', password, database: 'neo4j', port }, port);
}

/** The same connection on another port. NOTE: 127.0.0.1, not localhost, which may resolve to ::1. */
export function withPort(conn: LocalConnection, port: number): LocalConnection {
  return { ...conn, port, uri: `bolt://127.0.0.1:${port}` };
}

/** The stored connection, or undefined when there is none; ConfigError when the file is unreadable. */
export async function readConnection(home: LocalHome): Promise<LocalConnection | undefined> {
  let text: string;
  try {
    text = await readFile(home.connectionFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let value: Partial<LocalConnection>;
  try {
    value = JSON.parse(text) as Partial<LocalConnection>;
  } catch (err) {
    throw new ConfigError(`${home.connectionFile}: not valid JSON`, { cause: err });
  }
  const { uri, user, password, database, port } = value;
  if (typeof uri !== 'string' || typeof user !== 'string' || typeof password !== 'string'
    || typeof database !== 'string' || typeof port !== 'number') {
    throw new ConfigError(`${home.connectionFile}: expected uri, user, password, database (strings) and port (number)`);
  }
  return { uri, user, password, database, port };
}

/** Writes connection.json and env, both readable by the owner only. */
export async function writeConnection(home: LocalHome, conn: LocalConnection): Promise<void> {
  await writePrivate(home.connectionFile, `${JSON.stringify(conn, null, 2)}\n`);
  await writePrivate(home.envFile, envLines(conn, { password: true }));
}

async function writePrivate(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** `export NEO4J_URI='…'` lines (NEO4J_PASSWORD only when asked), for eval or `.` in a POSIX shell. */
export function envLines(conn: LocalConnection, options: { password: boolean }): string {
  const vars: Array<[string, string]> = [['NEO4J_URI', conn.uri], ['NEO4J_USER', conn.user]];
  if (options.password) vars.push(['NEO4J_PASSWORD', conn.password]);
  vars.push(['NEO4J_DATABASE', conn.database]);
  return vars.map(([name, value]) => `export ${name}=${shellQuote(value)}\n`).join('');
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
