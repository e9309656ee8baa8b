// Lookup tables derived from the model registries, indexed by the kind numbers a CompactGraph stores.
// The engine's hot loops test these typed arrays instead of comparing kind strings.
import { EDGE_KINDS, EDGE_SPECS, NODE_KINDS, NODE_SPECS, type EdgeKind, type NodeKind } from '../model/index.js';

const NODE_KIND_COUNT = NODE_KINDS.length;

/** Index of a node kind in NODE_KINDS (what `CompactGraph.nodeKind` stores). */
export function nodeKindIndex(kind: NodeKind): number {
  return NODE_KINDS.indexOf(kind);
}

/** Index of an edge kind in EDGE_KINDS (what `CompactGraph.edgeKind` stores). */
export function edgeKindIndex(kind: EdgeKind): number {
  return EDGE_KINDS.indexOf(kind);
}

function nodeFlags(test: (spec: (typeof NODE_SPECS)[number]) => boolean): Uint8Array {
  return Uint8Array.from(NODE_SPECS, (s) => (test(s) ? 1 : 0));
}

function edgeFlags(test: (spec: (typeof EDGE_SPECS)[number]) => boolean): Uint8Array {
  return Uint8Array.from(EDGE_SPECS, (s) => (test(s) ? 1 : 0));
}

/** 1 for act-as edge kinds (traversable). */
export const IS_ACT_AS = edgeFlags((s) => s.family === 'act-as');
/** 1 for capability edge kinds (terminal). */
export const IS_CAPABILITY = edgeFlags((s) => s.family === 'capability');
/** 1 for edge kinds allowed under any delegation context (MEMBER_OF, DELEGATED). */
export const FREE_UNDER_SCOPE = edgeFlags((s) => s.kind === 'MEMBER_OF' || s.kind === 'DELEGATED');

/** 1 at `edgeKind * NODE_KINDS.length + nodeKind` when that capability also enters a target of that kind. */
export const ENTERS_TARGET: Uint8Array = (() => {
  const table = new Uint8Array(EDGE_KINDS.length * NODE_KIND_COUNT);
  EDGE_SPECS.forEach((spec, e) => {
    const enters: readonly string[] = 'entersTarget' in spec ? spec.entersTarget : [];
    for (const kind of enters) table[e * NODE_KIND_COUNT + NODE_KINDS.indexOf(kind as NodeKind)] = 1;
  });
  return table;
})();

/** True when a slot of kind `edgeKind` into a node of kind `nodeKind` is an act-as step. */
export function isTraversal(edgeKind: number, nodeKind: number): boolean {
  return IS_ACT_AS[edgeKind] === 1 || ENTERS_TARGET[edgeKind * NODE_KIND_COUNT + nodeKind] === 1;
}

/** 1 for credential node kinds: entering one resets the delegation context. */
export const IS_CREDENTIAL = nodeFlags((s) => s.category === 'credential');
/** 1 for node kinds that findings start from. */
export const IS_SOURCE = nodeFlags((s) => s.isSource);

/** Kind numbers the terminal-hop rules name. */
export const K = {
  CAN_ALTER: edgeKindIndex('CAN_ALTER'),
  CAN_INVOKE: edgeKindIndex('CAN_INVOKE'),
  CAN_ACCESS: edgeKindIndex('CAN_ACCESS'),
  TRAINS: edgeKindIndex('TRAINS'),
  DEPLOYS: edgeKindIndex('DEPLOYS'),
  DELEGATED: edgeKindIndex('DELEGATED'),
  Model: nodeKindIndex('Model'),
  Dataset: nodeKindIndex('Dataset'),
  Pipeline: nodeKindIndex('Pipeline'),
  Resource: nodeKindIndex('Resource'),
} as const;
