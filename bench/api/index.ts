// API load bench: `pathwarden serve examples/acme` in a child process on loopback, autocannon in this process
// against the main read routes (answers cached after a warm-up request). Figures: req/s, p50 and p99 latency;
// baseline: GET /healthz in the same run (what fastify alone does on this machine).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { packageRoot } from '../../queries/index.js';
import type { BenchRow } from '../table.js';

export interface ApiBenchOptions {
  /** Seconds per route (default 8; smoke 1). */
  readonly seconds?: number;
  readonly connections?: number;
  readonly smoke?: boolean;
  readonly log: (line: string) => void;
}

/** Starts the built CLI's server on a free loopback port; resolves with its URL once it prints it. */
function startServer(token: string): Promise<{ child: ChildProcess; url: string }> {
  const root = packageRoot();
  const child = spawn(process.execPath, [join(root, 'bin', 'pathwarden.js'), 'serve', join(root, 'examples', 'acme'), '--port', '0', '--rate-limit', '0', '--log-level', 'warn'], {
    env: { ...process.env, PATHWARDEN_API_TOKEN: token }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /pathwarden API on (http:\/\/[^\s]+?):? /.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`pathwarden serve exited with ${String(code)} before listening:\n${out}`)));
  });
}

async function firstFindingId(url: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}/v1/findings?limit=1`, { headers });
  const body = await res.json() as { findings: { id: string }[] };
  const id = body.findings[0]?.id;
  if (!id) throw new Error(`GET /v1/findings answered ${res.status} without findings`);
  return id;
}

/** Runs the bench; rows per route: req/s, p50 ms, p99 ms. */
export async function benchApi(options: ApiBenchOptions): Promise<BenchRow[]> {
  const seconds = options.seconds ?? (options.smoke ? 1 : 8);
  const connections = options.connections ?? 10;
  const token = randomBytes(24).toString('base64url');
  const headers = { authorization: `Bearer ${token}` };
  const { child, url } = await startServer(token);
  const rows: BenchRow[] = [];
  try {
    const id = await firstFindingId(url, headers);
    const routes: [string, string][] = [
      ['GET /v1/findings', '/v1/findings'],
      ['GET /v1/findings/:id', `/v1/findings/${id}`],
      ['GET /v1/blast', '/v1/blast?selector=agent:support-bot'],
      ['GET /v1/paths', '/v1/paths?from=agent:support-bot&to=kind:Model&maxDepth=6'],
    ];
    const run = async (path: string): Promise<Result> => {
      await fetch(`${url}${path}`, { headers }); // warm the cache
      return autocannon({ url: `${url}${path}`, connections, duration: seconds, headers });
    };
    const base = await run('/healthz');
    options.log(`api: GET /healthz ${Math.round(base.requests.average)} req/s (baseline)`);
    for (const [name, path] of routes) {
      const r = await run(path);
      const failed = r.errors + r.timeouts + r.non2xx;
      options.log(`api: ${name} ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${failed ? `, ${failed} failed` : ''}`);
      const note = `${connections} connections, ${seconds} s, ${Math.round(r.throughput.average / 1024)} KiB/s${failed ? `, ${failed} FAILED` : ''}`;
      rows.push(
        { bench: `api ${name}`, figure: 'requests/s', value: r.requests.average, unit: 'req/s', baseline: base.requests.average, baselineName: 'GET /healthz', higherIsBetter: true, note: `target ≥ 2,000 req/s; ${note}` },
        { bench: `api ${name}`, figure: 'p50 latency', value: r.latency.p50, unit: 'ms', baseline: base.latency.p50, baselineName: 'GET /healthz', higherIsBetter: false },
        { bench: `api ${name}`, figure: 'p99 latency', value: r.latency.p99, unit: 'ms', baseline: base.latency.p99, baselineName: 'GET /healthz', higherIsBetter: false, note: 'target < 50 ms' },
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
  return rows;
}
