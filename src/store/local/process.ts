// The server process: set the initial password, start it with Neo4j's own bootloader (Neo4jCommand start,
// which daemonises CommunityEntryPoint and writes run/neo4j.pid), find it by pid, stop it with SIGTERM.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreUnavailableError } from '../../model/index.js';
import type { LocalHome } from './paths.js';
import { runTool, tailLines } from './tools.js';

const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';

function javaEnv(home: LocalHome): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_HOME: home.root, NEO4J_CONF: home.conf };
}

function javaArgs(home: LocalHome, mainClass: string, args: readonly string[]): string[] {
  // NOTE: the literal `lib/*` is expanded by java itself; no shell is involved.
  return ['-cp', join(home.lib, '*'), mainClass, ...args];
}

/** The pid of the running server of this home, or undefined (stale pid files and reused pids are ignored). */
export async function runningPid(home: LocalHome): Promise<number | undefined> {
  let pid: number;
  try {
    pid = Number((await readFile(home.pidFile, 'utf8')).trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync('/proc/self/cmdline')) {
    const args = await readFile(cmdline, 'utf8').catch(() => '');
    if (!args.includes(ENTRY_POINT) || !args.includes(home.root)) return undefined;
  }
  return pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the data directory already holds a DBMS (the initial password can no longer be set). */
export function hasDatabase(home: LocalHome): boolean {
  return existsSync(join(home.data, 'dbms', 'auth.ini')) || existsSync(join(home.data, 'databases', 'system'));
}

/** Sets the neo4j user's password on a fresh data directory (Neo4j imports it when it creates the system DB). */
export async function setInitialPassword(java: string, home: LocalHome, password: string): Promise<void> {
  const args = javaArgs(home, 'org.neo4j.server.startup.Neo4jAdminCommand', ['dbms', 'set-initial-password', password]);
  const result = await runTool(java, args, javaEnv(home));
  if (result.code !== 0) {
    throw new StoreUnavailableError(`neo4j-admin dbms set-initial-password failed (exit ${result.code}):\n`
      + tailLines(result.output.replaceAll(password, '********'), 6));
  }
}

/** Starts the server daemon; resolves when the bootloader reports it started (Bolt may need a few more seconds). */
export async function launchServer(java: string, home: LocalHome): Promise<void> {
  const result = await runTool(java, javaArgs(home, 'org.neo4j.server.startup.Neo4jCommand', ['start']), javaEnv(home));
  if (result.code === 0) return;
  const reason = await startFailureReason(home);
  throw new StoreUnavailableError(`Neo4j did not start (exit ${result.code})${reason ? `: ${reason}` : ''}; `
    + `see ${join(home.logs, 'neo4j.log')} and ${join(home.logs, 'debug.log')}\n${tailLines(result.output, 6)}`);
}

async function startFailureReason(home: LocalHome): Promise<string | undefined> {
  const log = await readFile(join(home.logs, 'debug.log'), 'utf8').catch(() => '');
  const recent = log.slice(-20_000);
  if (/PortBindException|Address already in use/.test(recent)) return 'the Bolt port is already in use';
  if (/Unrecognized setting|Error evaluating value for setting/.test(recent)) return 'conf/neo4j.conf was rejected';
  return undefined;
}

/** Sends SIGTERM and waits until the server has exited (clean shutdown); throws after `timeoutMs`. */
export async function stopServer(home: LocalHome, pid: number, timeoutMs = 60_000): Promise<void> {
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new StoreUnavailableError(`Neo4j (pid ${pid}) did not stop within ${timeoutMs / 1000} s; `
        + `see ${join(home.logs, 'neo4j.log')}, or kill it with: kill -9 ${pid}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await rm(home.pidFile, { force: true });
}
