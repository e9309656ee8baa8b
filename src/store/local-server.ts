// Runs a real Neo4j 5.26 Community server on this machine without Docker: `start` fetches the server jars from
// Maven Central once, writes conf/neo4j.conf, sets a generated password, starts the daemon and waits for Bolt;
// `status`, `stop` and `reset` manage it. Usage: node dist/src/store/local-server.js start|status|stop|reset
// Progress goes to stderr; `start` prints `export NEO4J_…=…` lines on stdout for `eval "$(…)"`.
import { mkdir, rm, writeFile, chmod } from 'node:fs/promises';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, PathwardenError, UsageError } from '../model/index.js';
import { waitForBolt } from './local/bolt.js';
import { chooseBoltPort, DEFAULT_BOLT_PORT, memorySettings, renderConf, requestedPort } from './local/conf.js';
import { envLines, newConnection, readConnection, withPort, writeConnection, type LocalConnection } from './local/connection.js';
import { installJars, isInstalled, NEO4J_VERSION } from './local/install.js';
import { resolveLocalHome, type LocalHome } from './local/paths.js';
import { hasDatabase, launchServer, runningPid, setInitialPassword, stopServer } from './local/process.js';
import { requireJava } from './local/tools.js';

/** Where progress messages go (stderr in the command-line entry). */
export type Log = (message: string) => void;

/** Options shared by the commands. */
export interface LocalServerOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: Log;
}

/** A running local server. */
export interface StartResult {
  readonly connection: LocalConnection;
  readonly pid: number | undefined;
  /** Server agent, e.g. `Neo4j/5.26.30`. */
  readonly agent: string;
  readonly alreadyRunning: boolean;
}

function startTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env['PATHWARDEN_NEO4J_START_TIMEOUT']?.trim() || '120';
  const seconds = Number(raw);
  if (!(seconds > 0)) throw new ConfigError(`PATHWARDEN_NEO4J_START_TIMEOUT="${raw}" is not a number of seconds`);
  return seconds * 1000;
}

function logHint(home: LocalHome): string {
  return `see ${display(home.logs)}/neo4j.log and ${display(home.logs)}/debug.log`;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Starts the local server (installing it on first use) and waits until Bolt answers `RETURN 1`. */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<StartResult> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const home = resolveLocalHome(env);
  const memory = memorySettings(env);
  const requested = requestedPort(env);
  const timeoutMs = startTimeoutMs(env);
  const java = await requireJava(env);
  const stored = await readConnection(home);
  const wait = (conn: LocalConnection) => waitForBolt(conn, {
    timeoutMs, logHint: logHint(home), stillRunning: async () => (await runningPid(home)) !== undefined,
  });

  const pid = await runningPid(home);
  if (pid !== undefined) {
    if (!stored) throw new ConfigError(`Neo4j is running (pid ${pid}) but ${display(home.connectionFile)} is missing; stop it and run reset`);
    log(`Neo4j is already running (pid ${pid})`);
    return { connection: stored, pid, agent: (await wait(stored)).agent, alreadyRunning: true };
  }
  if (await isInstalled(home)) {
    log(`Neo4j ${NEO4J_VERSION} jars cached in ${display(home.lib)}`);
  } else {
    log(`fetching Neo4j ${NEO4J_VERSION} from Maven Central with mvn (about 125 MiB, first start only)…`);
    const t0 = Date.now();
    const jars = await installJars(home, env);
    log(`installed ${jars} jars in ${display(home.lib)} (${seconds(t0)})`);
  }
  const fresh = !hasDatabase(home);
  if (!fresh && !stored) {
    throw new ConfigError(`${display(home.data)} holds a database but ${display(home.connectionFile)} is missing, `
      + 'so its password is unknown; run reset to delete the data and start over');
  }
  const port = await chooseBoltPort(requested, stored?.port);
  const preferred = stored?.port ?? DEFAULT_BOLT_PORT;
  if (requested === undefined && port !== preferred) log(`port ${preferred} is in use; using ${port}`);
  const connection = stored ? withPort(stored, port) : newConnection(port);
  await mkdir(home.root, { recursive: true, mode: 0o700 });
  await chmod(home.root, 0o700);
  await mkdir(home.conf, { recursive: true });
  await mkdir(home.plugins, { recursive: true });
  await writeFile(home.confFile, renderConf({ port, ...memory }));
  // NOTE: the password is recorded before it is set, so a failed first start never loses it.
  await writeConnection(home, connection);
  if (fresh) {
    log('new database: setting the generated password');
    await setInitialPassword(java, home, connection.password);
  }
  log(`starting Neo4j ${NEO4J_VERSION} on ${connection.uri}…`);
  await launchServer(java, home);
  const answer = await wait(connection);
  return { connection, pid: await runningPid(home), agent: answer.agent, alreadyRunning: false };
}

/** What `status` found. */
export interface LocalStatus {
  readonly home: string;
  readonly pid: number | undefined;
  readonly connection: LocalConnection | undefined;
  /** Server agent when Bolt answered within a few seconds. */
  readonly agent: string | undefined;
}

/** Reports whether the local server runs and answers (does not need java). */
export async function localServerStatus(options: LocalServerOptions = {}): Promise<LocalStatus> {
  const home = resolveLocalHome(options.env ?? process.env);
  const pid = await runningPid(home);
  const connection = await readConnection(home);
  let agent: string | undefined;
  if (pid !== undefined && connection) {
    agent = await waitForBolt(connection, { timeoutMs: 3_000, logHint: '' }).then((a) => a.agent, () => undefined);
  }
  return { home: home.root, pid, connection, agent };
}

/** Stops the local server if it runs; returns the pid it stopped. */
export async function stopLocalServer(options: LocalServerOptions = {}): Promise<number | undefined> {
  const home = resolveLocalHome(options.env ?? process.env);
  const pid = await runningPid(home);
  if (pid !== undefined) await stopServer(home, pid);
  return pid;
}

/** Stops the server and deletes its data, logs and connection (the cached jars stay); the next start is fresh. */
export async function resetLocalServer(options: LocalServerOptions = {}): Promise<void> {
  const home = resolveLocalHome(options.env ?? process.env);
  await stopLocalServer(options);
  for (const path of [home.data, home.logs, home.connectionFile, home.envFile]) await rm(path, { recursive: true, force: true });
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

const USAGE = 'usage: node dist/src/store/local-server.js start|status|stop|reset';

/** Where a command writes: the connection / status report, and progress or errors. */
export interface CommandIO {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Runs one command; returns the exit code (0 ok, 1 running but not answering, 2 known error, 3 not running). */
export async function runLocalServerCommand(
  command: string | undefined,
  { env, stdout, stderr }: CommandIO = { env: process.env, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const log: Log = (message) => stderr.write(`neo4j: ${message}\n`);
  const t0 = Date.now();
  try {
    switch (command) {
      case 'start': {
        const result = await startLocalServer({ env, log });
        const home = resolveLocalHome(env);
        log(`${result.agent} ready at ${result.connection.uri} (pid ${result.pid ?? '?'}, ${seconds(t0)}); `
          + `credentials in ${display(home.connectionFile)}; load them with: . ${display(home.envFile)}`);
        stdout.write(envLines(result.connection, { password: true }));
        return 0;
      }
      case 'status':
        return printStatus(await localServerStatus({ env }), stdout);
      case 'stop': {
        const pid = await stopLocalServer({ env });
        log(pid === undefined ? 'Neo4j is not running' : `stopped Neo4j (pid ${pid}) in ${seconds(t0)}`);
        return 0;
      }
      case 'reset':
        await resetLocalServer({ env });
        log('stopped Neo4j and deleted its data, logs and credentials (jars kept); the next start creates a new database');
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"; ${USAGE}` : USAGE);
    }
  } catch (err) {
    if (!(err instanceof PathwardenError)) throw err;
    stderr.write(`neo4j: ${err.message}\n`);
    return 2;
  }
}

function printStatus(status: LocalStatus, stdout: CommandIO['stdout']): number {
  if (status.pid === undefined) {
    stdout.write(`Neo4j is not running (home ${display(status.home)})\n`);
    return 3;
  }
  const conn = status.connection;
  const where = conn ? ` at ${conn.uri}, user ${conn.user}, database ${conn.database}` : '';
  const health = status.agent ? `Bolt answers (${status.agent})` : 'Bolt does not answer yet';
  stdout.write(`Neo4j is running (pid ${status.pid})${where}; ${health}\n`);
  // NOTE: status never prints the password; `start` does, because its output is meant for eval.
  if (conn) stdout.write(`password: in ${display(`${status.home}/connection.json`)} (load with: . ${display(`${status.home}/env`)})\n`);
  return status.agent ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runLocalServerCommand(process.argv[2]);
}
