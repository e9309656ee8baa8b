// The reverse view of a scoped credential or identity: who holds or runs as it directly, and which principals
// reach it by act-as at all (what breaks when it is revoked), each with a shortest path, at the graph's instant.
import { shortestSimplePath, type CompactGraph } from '../engine/index.js';
import { nodeRef, pathRefs } from '../findings/refs.js';
import type { EdgeRef, NodeRef } from '../findings/index.js';
import type { GraphLookup } from '../graph/lookup.js';
import { EDGE_KINDS, NODE_SPECS, type EdgeKind } from '../model/index.js';

/** In-edge kinds that mean "holds or runs with it" (AUTHENTICATES_AS: a credential that logs in as it). */
export const HOLDER_EDGE_KINDS = ['HAS_CREDENTIAL', 'CAN_READ_SECRET', 'RUNS_AS', 'AUTHENTICATES_AS'] as const satisfies readonly EdgeKind[];
/** Most transitive users listed per scoped node (the count is always complete). */
export const MAX_USERS = 200;

/** A path as node and edge references (no rank: scope reports routes, not findings). */
export interface ScopePath {
  readonly nodes: readonly NodeRef[];
  readonly edges: readonly EdgeRef[];
}

export interface ScopeHolders {
  /** Direct holders: one entry per in-edge of a HOLDER_EDGE_KINDS kind valid at the instant. */
  readonly direct: readonly { readonly node: NodeRef; readonly edge: EdgeRef }[];
  /** Every principal (identity, credential, pipeline) that can act as the node, shortest path first. */
  readonly users: readonly { readonly node: NodeRef; readonly path: ScopePath }[];
  /** Number of such principals (users holds at most MAX_USERS). */
  readonly userCount: number;
}

const HOLDER_KIND_INDEX = new Set<number>(HOLDER_EDGE_KINDS.map((k) => EDGE_KINDS.indexOf(k)));
const IS_PRINCIPAL = NODE_SPECS.map((s) => s.isSource);

/** Direct holders and transitive users of node `v`. */
export function holdersOf(lookup: GraphLookup, cg: CompactGraph, v: number): ScopeHolders {
  const direct: { node: NodeRef; edge: EdgeRef }[] = [];
  const preds = new Map<number, number[]>();
  for (let u = 0; u < cg.order; u++) {
    for (let s = cg.starts[u] as number; s < (cg.starts[u + 1] as number); s++) {
      const t = cg.targets[s] as number;
      preds.set(t, [...(preds.get(t) ?? []), u]);
      if (t === v && HOLDER_KIND_INDEX.has(cg.edgeKind[s] as number)) {
        direct.push({ node: nodeRef(lookup, cg.ids[u] as string), edge: lookup.slot(s) });
      }
    }
  }
  // Candidates: everything with a route of any edges into v; shortestSimplePath keeps those that act as it.
  const seen = new Set<number>([v]);
  const stack = [v];
  while (stack.length) {
    for (const u of preds.get(stack.pop() as number) ?? []) if (!seen.has(u)) { seen.add(u); stack.push(u); }
  }
  const users: { node: NodeRef; path: ScopePath }[] = [];
  for (const u of [...seen].sort((a, b) => a - b)) {
    if (u === v || !IS_PRINCIPAL[cg.nodeKind[u] as number] || cg.active[u] === 0) continue;
    const path = shortestSimplePath(cg, u, v);
    if (!path || path.edges.length !== path.nodes.length - 1 || path.nodes.at(-1) !== v) continue;
    users.push({ node: nodeRef(lookup, cg.ids[u] as string), path: pathRefs(lookup, cg, path) });
  }
  users.sort((a, b) => a.path.edges.length - b.path.edges.length || a.node.id.localeCompare(b.node.id));
  return { direct, users: users.slice(0, MAX_USERS), userCount: users.length };
}
