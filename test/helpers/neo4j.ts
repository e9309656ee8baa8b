// The Neo4j server for integration suites, found in this order: (a) NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD;
// (b) the local server of `npm run neo4j:start` (.neo4j/connection.json) if it answers; (c) a neo4j:5.26-community
// container via @testcontainers/neo4j if a Docker engine answers. Otherwise CI=true throws; elsewhere the suite
// is skipped with the printed reason. Suites sharing one server take a lock so their resets never interleave:
// every suite must call close() in afterAll, or the next suite on that server waits for this worker to exit.
//
//   const neo = await connectTestNeo4j();
//   describe.skipIf(!neo.available)('store', () => { afterAll(() => neo.available && neo.close()); … });
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { readConnection } from '../../src/store/local/connection.js';
import { resolveLocalHome } from '../../src/store/local/paths.js';

/** Where the server came from. */
export type TestNeo4jSource = 'env' | 'local' | 'container';

/** A reachable server; `close()` (in afterAll) closes the driver, releases the lock and stops a container. */
export interface TestNeo4j {
  readonly available: true;
  readonly source: TestNeo4jSource;
  readonly driver: Driver;
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** e.g. `Neo4j/5.26.30`. */
  readonly agent: string;
  close(): Promise<void>;
}

/** No server: the suite skips with this reason (never under CI=true, where connectTestNeo4j throws). */
export interface NoTestNeo4j {
  readonly available: false;
  readonly reason: string;
}

const CONTAINER_IMAGE = 'neo4j:5.26-community';
const LOCK_WAIT_MS = 10 * 60_000;

/** True when CI is set to anything but '', '0' or 'false'. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = (env['CI'] ?? '').trim().toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}

/** True when the URI's host is 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUri(uri: string): boolean {
  let host: string;
  try {
    host = new URL(uri).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Finds a server as described in the file header; see TestNeo4j / NoTestNeo4j. */
export async function connectTestNeo4j(env: NodeJS.ProcessEnv = process.env): Promise<TestNeo4j | NoTestNeo4j> {
  const tried: string[] = [];
  const uri = env['NEO4J_URI'];
  if (uri) {
    // NOTE: an explicitly configured server that fails is an error, never a reason to skip.
    const user = env['NEO4J_USER'] ?? 'neo4j';
    return open('env', uri, user, env['NEO4J_PASSWORD'] ?? '', env['NEO4J_DATABASE'] ?? 'neo4j', async () => undefined);
  }
  tried.push('NEO4J_URI is not set');
  const home = resolveLocalHome(env);
  const local = await readConnection(home).catch(() => undefined);
  if (local) {
    try {
      return await open('local', local.uri, local.user, local.password, local.database, async () => undefined);
    } catch (err) {
      tried.push(`the local server in ${home.root} does not answer at ${local.uri} (${firstLine(err)})`);
    }
  } else {
    tried.push(`no local server (${home.connectionFile} is missing)`);
  }
  const docker = await dockerEngine();
  if (docker === true) return startContainer();
  tried.push(`no Docker engine answers (${docker})`);
  const reason = `no Neo4j for integration tests: ${tried.join('; ')}. Run "npm run neo4j:start" `
    + '(or set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)';
  if (isCi(env)) throw new Error(`CI=true and ${reason}`);
  process.stderr.write(`\n⚠ SKIPPING Neo4j suites: ${reason}\n\n`);
  return { available: false, reason };
}

async function open(
  source: TestNeo4jSource, uri: string, user: string, password: string, database: string, stop: () => Promise<void>,
): Promise<TestNeo4j> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { connectionTimeout: 5_000 });
  let agent: string;
  try {
    await driver.executeQuery('RETURN 1', {}, { database });
    agent = (await driver.getServerInfo({ database })).agent ?? 'Neo4j';
  } catch (err) {
    await driver.close();
    await stop();
    throw new Error(`Neo4j at ${uri} (from ${source}) does not answer: ${firstLine(err)}`, { cause: err });
  }
  // A container is private to this suite; a shared server is locked until close().
  const release = source === 'container' ? () => undefined : await acquireLock(uri);
  let closed = false;
  return {
    available: true, source, driver, uri, user, password, database, agent,
    async close() {
      if (closed) return;
      closed = true;
      await driver.close();
      release();
      await stop();
    },
  };
}

async function dockerEngine(): Promise<true | string> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch (err) {
    return firstLine(err);
  }
}

async function startContainer(): Promise<TestNeo4j> {
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer(CONTAINER_IMAGE).withPassword(randomBytes(12).toString('base64url')).start();
  return open('container', container.getBoltUri(), container.getUsername(), container.getPassword(), 'neo4j',
    async () => { await container.stop(); });
}

/**
 * Deletes every node and relationship (and, with `schema`, every constraint and index but the token lookups).
 * Refuses unless the server is a test container or on a loopback address, so it can never wipe a shared server.
 */
export async function resetDatabase(neo: TestNeo4j, options: { schema?: boolean } = {}): Promise<void> {
  if (neo.source !== 'container' && !isLoopbackUri(neo.uri)) {
    throw new Error(`resetDatabase refuses to wipe ${neo.uri}: only a loopback server or a test container may be reset`);
  }
  const session = neo.driver.session({ database: neo.database });
  try {
    // NOTE: CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run, not executeWrite).
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    if (options.schema) {
      for (const name of await names(session, 'SHOW CONSTRAINTS YIELD name')) await session.run(`DROP CONSTRAINT ${quoteName(name)} IF EXISTS`);
      for (const name of await names(session, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")) {
        await session.run(`DROP INDEX ${quoteName(name)} IF EXISTS`);
      }
    }
  } finally {
    await session.close();
  }
}

async function names(session: Session, query: string): Promise<string[]> {
  return (await session.run(query)).records.map((r) => r.get('name') as string);
}

function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

// A lock file per server so suites in parallel workers take turns. The owner is pid:threadId; a lock whose owner is
// gone, or is this very worker (an earlier file that did not close), is stale.
async function acquireLock(uri: string): Promise<() => void> {
  const path = join(tmpdir(), `pathwarden-neo4j-${Buffer.from(uri).toString('base64url')}.lock`);
  const me = `${process.pid}:${threadId}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, me);
      closeSync(fd);
      const release = (): void => {
        try { if (readFileSync(path, 'utf8') === me) unlinkSync(path); } catch { /* already gone */ }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let owner = readOwner(path);
    if (owner === undefined) {
      // NOTE: the owner writes its id right after creating the file; give it a moment before calling it stale.
      await new Promise((r) => setTimeout(r, 100));
      owner = readOwner(path);
    }
    if (owner === undefined || owner === me || !pidAlive(Number(owner.split(':')[0]))) {
      try { unlinkSync(path); } catch { /* taken by another waiter */ }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Neo4j test lock ${path} held by ${owner} for over ${LOCK_WAIT_MS / 60_000} min`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function readOwner(path: string): string | undefined {
  try { return readFileSync(path, 'utf8') || undefined; } catch { return undefined; }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
