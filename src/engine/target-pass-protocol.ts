// What the parallel per-target pass sends to its worker and back: the arrays of a compact graph the searches read
// (not its ids, which the pass never needs), and the worker's part of the pass.
import type { CompactGraph } from './compact.js';
import type { PairColumns } from './target-pass.js';

/** The fields of a CompactGraph the per-target searches read. */
export type PassGraphArrays = Pick<CompactGraph,
  'order' | 'size' | 'at' | 'nodeKind' | 'nodeTier' | 'nodeEnv' | 'active' | 'starts' | 'targets' | 'edgeKind' | 'edgeAction'
  | 'edgeScope' | 'edgeScopeSet' | 'scopeNames' | 'scopeSets'>;

/** The arrays of `cg` to send (structured clone copies them). */
export function passGraphArrays(cg: CompactGraph): PassGraphArrays {
  const { order, size, at, nodeKind, nodeTier, nodeEnv, active, starts, targets, edgeKind, edgeAction, edgeScope, edgeScopeSet, scopeNames, scopeSets } = cg;
  return { order, size, at, nodeKind, nodeTier, nodeEnv, active, starts, targets, edgeKind, edgeAction, edgeScope, edgeScopeSet, scopeNames, scopeSets };
}

/** A CompactGraph over received arrays; ids, lookups by id and edge keys are not there (the pass never asks). */
export function passGraph(arrays: PassGraphArrays): CompactGraph {
  return {
    ...arrays, ids: [], indexOf: new Map(),
    edgeKey(): string {
      throw new Error('engine/target-pass-worker: edge keys are not sent to the worker');
    },
  };
}

export type WorkerReply =
  | { readonly ok: true; readonly rows: PairColumns; readonly blast: Float64Array; readonly doubtful: Uint8Array }
  | { readonly ok: false; readonly message: string };
