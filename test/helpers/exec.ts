// Runs the built CLI (`node bin/pathwarden.js …`) as a user would, without colour and progress bars, and
// returns what it wrote and how it exited. Tests run after `npm run build` (package.json pretest).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The launcher a user runs. */
export const BIN = fileURLToPath(new URL('../../bin/pathwarden.js', import.meta.url));

export interface ExecResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pathwarden …args` from the repository root with NO_COLOR=1 and CI=1 (plus `options.env`). */
export function pathwarden(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', CI: '1', FORCE_COLOR: undefined, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Matches a JavaScript stack frame line (`    at fn (file.js:1:2)`). */
export const STACK_FRAME = /^\s+at .*:\d+:\d+/m;

/** Fixture directory of a CLI case, relative to the repository root. */
export function cliFixture(name: string): string {
  return `test/fixtures/cli/${name}`;
}
