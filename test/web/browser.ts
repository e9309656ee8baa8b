// Helpers of the browser tests: Debian's chromium (never a downloaded browser), the built web view (built once with
// vite when dist/web is missing or older than web/), and a server on the sample listening on a free port.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppOptions } from '../../api/options.js';
import { startServer } from '../../api/server.js';
import { isCi } from '../helpers/neo4j.js';

export const WEB_DIR = 'dist/web';

/** The chromium executable: $CHROMIUM_PATH, /usr/bin/chromium, or chromium on PATH; undefined when none. */
export function findChromium(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c));
  if (found) return found;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Why the browser tests cannot run, or undefined when they can; under CI=true a missing browser throws instead. */
export function browserMissing(chromium: string | undefined): string | undefined {
  if (chromium) return undefined;
  const reason = 'no chromium (apt-get install chromium, or set CHROMIUM_PATH)';
  if (isCi()) throw new Error(`CI=true and ${reason}: the web view's browser tests must run in CI`);
  return reason;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web view into dist/web when it is missing or older than web/ (the test needs the real assets). */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime('web')) return;
  try {
    execFileSync(join('node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts'], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`the web view is not built and building it failed; run \`npm run build\` (${String((err as { stderr?: unknown }).stderr ?? err)})`);
  }
}

/** The API and page on the sample, listening on a free port of `host`. */
export async function serveSample(options: Partial<AppOptions> = {}, host = '127.0.0.1'): Promise<{ app: FastifyInstance; url: string }> {
  const { app, url } = await startServer(
    { source: { kind: 'dir', dir: 'examples/acme' }, token: E2E_TOKEN, rateLimit: 0, ...options }, { host, port: 0 }, { logLevel: false });
  return { app, url: url.replace('0.0.0.0', '127.0.0.1') };
}

export const E2E_TOKEN = 'e2e-token-0123456789abcdef';
