// Seeded random identity graphs for oracle tests: every edge respects its spec's from/to kinds, with random
// actions, environments, delegation scopes, explicit scopes, expired edges and inactive credentials.
import {
  ACCESS_ACTIONS, ALTER_ACTIONS, EDGE_SPECS, ENVIRONMENTS, NODE_KINDS, type EdgeKind, type EdgeRecord, type NodeKind, type NodeRecord,
  type PropValue,
} from '../../src/model/index.js';
import { e, graphOf, n } from './tiny-graph.js';
import type { PathwardenGraph } from '../../src/graph/types.js';

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCOPE_POOL = ['alter:*', 'invoke', 'access:read', 'access:*', 'files.read', '*', 'alter:train'];

export interface RandomGraphOptions {
  readonly nodes: number;
  readonly edges: number;
}

/** A random graph; the same seed gives the same graph. */
export function randomGraph(seed: number, options: RandomGraphOptions): PathwardenGraph {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const nodes: NodeRecord[] = [];
  for (let i = 0; i < options.nodes; i++) {
    const kind = pick(NODE_KINDS);
    const props: Record<string, PropValue> = {};
    if (kind === 'Resource' || kind === 'Model') props['tier'] = Math.floor(r() * 5);
    if (kind === 'APIKey' || kind === 'Token' || kind === 'Secret') {
      const roll = r();
      if (roll < 0.1) props['status'] = 'revoked';
      else if (roll < 0.2) props['expires_at'] = '2020-01-01T00:00:00.000Z';
      else if (roll < 0.3) props['expires_at'] = '2031-01-01T00:00:00.000Z';
    }
    const env = r() < 0.5 ? pick(ENVIRONMENTS) : undefined;
    nodes.push(n(kind, `${kind.toLowerCase()}-${i}`, props, env ? { environment: env } : {}));
  }
  const byKind = new Map<NodeKind, string[]>();
  for (const node of nodes) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node.id]);
  const edges: EdgeRecord[] = [];
  const seen = new Set<string>();
  for (let tries = 0; edges.length < options.edges && tries < options.edges * 20; tries++) {
    const spec = pick(EDGE_SPECS);
    const froms = (spec.from as readonly NodeKind[]).flatMap((k) => byKind.get(k) ?? []);
    const tos = (spec.to as readonly NodeKind[]).flatMap((k) => byKind.get(k) ?? []);
    if (froms.length === 0 || tos.length === 0) continue;
    const from = pick(froms);
    const to = pick(tos);
    if (from === to || seen.has(`${from}>${to}>${spec.kind}`)) continue;
    seen.add(`${from}>${to}>${spec.kind}`);
    edges.push(e(spec.kind as EdgeKind, from, to, edgeProps(spec.kind as EdgeKind, r, pick)));
  }
  return graphOf(nodes, edges);
}

function edgeProps(kind: EdgeKind, r: () => number, pick: <T>(l: readonly T[]) => T): Record<string, PropValue> {
  const props: Record<string, PropValue> = {};
  if (kind === 'CAN_ALTER') props['action'] = pick(ALTER_ACTIONS);
  if (kind === 'CAN_ACCESS') props['action'] = pick(ACCESS_ACTIONS);
  if (kind === 'CAN_INVOKE' && r() < 0.7) props['environment'] = pick(ENVIRONMENTS);
  if (kind === 'DELEGATED' && r() < 0.7) props['scopes'] = [pick(SCOPE_POOL), ...(r() < 0.3 ? [pick(SCOPE_POOL)] : [])];
  if (kind !== 'DELEGATED' && r() < 0.15) props['scope'] = pick(SCOPE_POOL.filter((s) => !s.includes('*')));
  if (r() < 0.08) props['expires_at'] = '2021-06-01T00:00:00.000Z';
  return props;
}
