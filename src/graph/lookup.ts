// What findings need to know about the graph beyond its compiled form: node records, where each compiled slot
// came from, and who holds a credential. Two implementations: over the graphology graph (small graphs, every
// workflow) and over the columns of a graph built straight into compact form (large estates, compact-build.ts).
import type { CompactGraph } from '../engine/compact.js';
import { EngineError, type EdgeKind, type EdgeRecord, type NodeRecord } from '../model/index.js';
import type { PathwardenGraph } from './types.js';

/** An edge as findings show it: endpoints, display qualifier and provenance. */
export interface EdgeView {
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  /** action, environment or scopes, when the edge has them. */
  readonly qualifier?: string;
  readonly file?: string;
  readonly line?: number;
}

/** Holders of a credential (HAS_CREDENTIAL in-edges, whatever their validity) and the holders' environments. */
export interface CredentialHolders {
  readonly holders: number;
  /** Distinct environments of the holders, sorted. */
  readonly environments: readonly string[];
}

export interface GraphLookup {
  /** Nodes and edges of the graph as loaded (before evaluating validity at an instant). */
  readonly nodeCount: number;
  readonly edgeCount: number;
  hasNode(id: string): boolean;
  /** The record of node `id`; throws EngineError when there is none. */
  node(id: string): NodeRecord;
  /** The edge behind compiled slot `slot` of `cg` (the compact graph this lookup was made with). */
  slot(slot: number): EdgeView;
  credentialHolders(id: string): CredentialHolders;
}

/** action / environment / scopes of an edge, for display. */
export function edgeQualifier(edge: Pick<EdgeRecord, 'properties'>): string | undefined {
  const p = edge.properties;
  const scopes = p['scopes'];
  const base = typeof p['action'] === 'string' ? p['action'] : typeof p['environment'] === 'string' ? p['environment']
    : Array.isArray(scopes) && scopes.length > 0 ? `scopes=${scopes.join(' ')}` : undefined;
  // NOTE: an escalation edge says how (e.g. `admin via iam-001 iam:CreatePolicyVersion`), so a finding names it.
  const technique = p['technique'];
  if (!Array.isArray(technique) || technique.length === 0) return base;
  const via = `via ${technique.join(', ')}`;
  return base === undefined ? via : `${base} ${via}`;
}

/** The view of an edge record. */
export function edgeView(e: EdgeRecord): EdgeView {
  const qualifier = edgeQualifier(e);
  return {
    kind: e.kind, from: e.from, to: e.to,
    ...(qualifier !== undefined ? { qualifier } : {}),
    ...(e.provenance.file !== undefined ? { file: e.provenance.file } : {}),
    ...(e.provenance.line !== undefined ? { line: e.provenance.line } : {}),
  };
}

/** A lookup over a graphology graph and a compact graph compiled from it. */
export function graphLookup(graph: PathwardenGraph, cg: CompactGraph): GraphLookup {
  return {
    nodeCount: graph.order,
    edgeCount: graph.size,
    hasNode: (id) => graph.hasNode(id),
    node(id) {
      if (!graph.hasNode(id)) throw new EngineError(`graph: no node "${id}"`);
      return graph.getNodeAttributes(id);
    },
    slot: (slot) => edgeView(graph.getEdgeAttributes(cg.edgeKey(slot))),
    credentialHolders(id) {
      const holders = new Set<string>();
      const environments = new Set<string>();
      graph.forEachInEdge(id, (_key, edge, holder, _target, holderAttrs) => {
        if (edge.kind !== 'HAS_CREDENTIAL') return;
        holders.add(holder);
        if (holderAttrs.environment) environments.add(holderAttrs.environment);
      });
      return { holders: holders.size, environments: [...environments].sort() };
    },
  };
}
