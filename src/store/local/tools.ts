// The external programs the local server needs (java, mvn): finding them, checking the Java version, and running
// them without a shell while capturing their output for error messages.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../model/index.js';

/** What a finished program wrote and how it exited. */
export interface ToolResult {
  readonly code: number | null;
  readonly output: string;
}

/** Runs `command args` (no shell), collects stdout+stderr interleaved; rejects only if it cannot be started. */
export function runTool(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: string): void => { output += chunk; };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** True when spawning failed because the program is not installed. */
export function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** The last `count` non-empty lines of a program's output, ANSI colours removed. */
export function tailLines(output: string, count: number): string {
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trimEnd()).filter(Boolean);
  return lines.slice(-count).join('\n');
}

/** The java launcher: $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` from PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  const home = env['JAVA_HOME'];
  const candidate = home ? join(home, 'bin', 'java') : '';
  return candidate && existsSync(candidate) ? candidate : 'java';
}

/** The major version in `java -version` output (`"17.0.15"` → 17, `"1.8.0_402"` → 8), or undefined. */
export function parseJavaMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Checks that Java 17+ is installed and returns its launcher; throws ConfigError with an install hint otherwise. */
export async function requireJava(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const java = javaCommand(env);
  let result: ToolResult;
  try {
    result = await runTool(java, ['-version'], env);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    throw new ConfigError('java not found: Neo4j 5.26 needs a Java 17 or 21 runtime on PATH or in JAVA_HOME '
      + '(Debian/Ubuntu: apt-get install openjdk-17-jre-headless)');
  }
  const major = parseJavaMajor(result.output);
  if (major === undefined || major < 17) {
    throw new ConfigError(`${java} is Java ${major ?? '(unknown version)'}: Neo4j 5.26 needs Java 17 or 21 `
      + '(set JAVA_HOME to a Java 17+ installation)');
  }
  return java;
}

/** The one-line error for a missing Maven. */
export function mavenMissing(): ConfigError {
  return new ConfigError('mvn not found: the first start downloads Neo4j from Maven Central with Maven 3.6+ '
    + '(Debian/Ubuntu: apt-get install maven)');
}
