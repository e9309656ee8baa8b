// build(): the API as a fastify instance (never listening) on the sample or a given graph, closed after each
// test; TOKEN and auth() for the bearer header; dense graphs for the adversarial path tests.
import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import type { AppOptions } from '../../api/options.js';
import { createServer } from '../../api/server.js';
import type { LoadedGraph } from '../../src/analysis/load.js';
import type { EdgeRecord, NodeRecord } from '../../src/model/index.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

export const SAMPLE = 'examples/acme';
export const TOKEN = 'test-token-0123456789abcdef';

const open: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

/** The API on the sample (default) or the given source, with TOKEN, no rate limit; ready, closed after the test. */
export async function build(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = createServer({ source: { kind: 'dir', dir: SAMPLE }, token: TOKEN, rateLimit: 0, ...options }, { logLevel: false });
  open.push(app);
  await app.ready();
  return app;
}

/** The bearer header for TOKEN. */
export function auth(token = TOKEN): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** A graph given in process. */
export function loadedOf(nodes: readonly NodeRecord[], edges: readonly EdgeRecord[]): LoadedGraph {
  return { dir: '(test graph)', graph: graphOf(nodes, edges), files: [], diagnostics: [] };
}

/** Service accounts sa-00 … sa-<size-1>, each CAN_ASSUME every other. */
export function clique(size: number): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
  const ids = Array.from({ length: size }, (_, i) => `sa-${String(i).padStart(2, '0')}`);
  return {
    nodes: ids.map((id) => n('ServiceAccount', id)),
    edges: ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => e('CAN_ASSUME', a, b))),
  };
}

/**
 * A graph where path search finds nothing but explores exponentially: `entry` reaches a (low-tier) resource
 * directly, and a clique whose only way to it runs back through `entry`, which is already on the path.
 */
export function trap(size: number): LoadedGraph {
  const c = clique(size);
  const nodes = [...c.nodes, n('ServiceAccount', 'entry'), n('Resource', 'target', { tier: 4 })];
  const edges = [
    ...c.edges, e('CAN_ACCESS', 'entry', 'target', { action: 'read' }),
    ...c.nodes.flatMap((x) => [e('CAN_ASSUME', 'entry', x.id), e('CAN_ASSUME', x.id, 'entry')]),
  ];
  return loadedOf(nodes, edges);
}
