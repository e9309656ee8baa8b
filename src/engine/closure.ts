// All-sources capability reach on the condensation of the act-as graph (issue #5): for every source at once,
// which capabilities it holds on a chosen set of targets, as bitsets propagated over strongly connected
// components sinks first, instead of one search per source. Exact where no delegation restriction and no
// pipeline-revisit can change the answer; those sources are flagged for the per-source search (reach.ts).
import { ACCESS_ACTIONS, ENVIRONMENTS } from '../model/index.js';
import type { CompactGraph } from './compact.js';
import { capabilitiesOf, isStep } from './hops.js';
import { IS_ACT_AS, K } from './kinds.js';
import { actAsComponents, type SccResult } from './scc.js';

/** Bits kept per target: models use ALTER and INVOKE_PROD, resources READ, WRITE and ADMIN. */
export const CAPABILITY_BITS = { ALTER: 0, INVOKE_PROD: 1, READ: 0, WRITE: 1, ADMIN: 2 } as const;
const BITS_PER_TARGET = 3;
const PROD = ENVIRONMENTS.indexOf('prod');

export interface ClosureResult {
  /** Targets in bit order (node indices). */
  readonly targets: readonly number[];
  /** 32-bit words per node. */
  readonly words: number;
  /** Capability bits of each node's component: `bits[node's component * words + w]`. */
  readonly bits: Uint32Array;
  readonly component: Int32Array;
  /** 1 when this node's answer may differ from the per-source search: use reach() for it. */
  readonly inexact: Uint8Array;
}

/** A scoped DELEGATED slot: it restricts what follows, so it is not a plain step. */
function restricted(cg: CompactGraph, slot: number): boolean {
  return cg.edgeKind[slot] === K.DELEGATED && (cg.edgeScopeSet[slot] as number) >= 0;
}

/** An act-as step that does not restrict what follows. */
export function plainStep(cg: CompactGraph, slot: number): boolean {
  return isStep(cg, slot) && !restricted(cg, slot);
}

/** The bit of one capability on a target of interest, or -1. */
function bitOf(cg: CompactGraph, effect: string, action: string): number {
  if (effect === 'alter') return CAPABILITY_BITS.ALTER;
  if (effect === 'invoke') return action === ENVIRONMENTS[PROD] ? CAPABILITY_BITS.INVOKE_PROD : -1;
  const i = ACCESS_ACTIONS.indexOf(action as (typeof ACCESS_ACTIONS)[number]);
  return i < 0 ? -1 : [CAPABILITY_BITS.READ, CAPABILITY_BITS.WRITE, CAPABILITY_BITS.ADMIN][i] as number;
}

/**
 * Pipelines someone can alter (`altered`), and those of them also reached by an act-as step (`risky`): a path
 * that entered such a pipeline by act-as, or starts at it, may only reach its alterer by coming back to it.
 */
function alterablePipelines(cg: CompactGraph): { altered: Uint8Array; risky: Uint8Array } {
  const risky = new Uint8Array(cg.order);
  const altered = new Uint8Array(cg.order);
  for (let slot = 0; slot < cg.size; slot++) {
    const v = cg.targets[slot] as number;
    if (cg.nodeKind[v] !== K.Pipeline) continue;
    if (IS_ACT_AS[cg.edgeKind[slot] as number] === 1) risky[v] = 1;
    if (cg.edgeKind[slot] === K.CAN_ALTER) altered[v] = 1;
  }
  for (let v = 0; v < cg.order; v++) risky[v] = (risky[v] as number) & (altered[v] as number);
  return { altered, risky };
}

/** Members of each component, grouped (counting sort): component c owns members[starts[c] .. starts[c + 1]). */
function groupMembers(component: Int32Array, count: number): { starts: Int32Array; members: Int32Array } {
  const starts = new Int32Array(count + 1);
  for (let u = 0; u < component.length; u++) starts[(component[u] as number) + 1] = (starts[(component[u] as number) + 1] as number) + 1;
  for (let c = 0; c < count; c++) starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number);
  const fill = starts.slice(0, count);
  const members = new Int32Array(component.length);
  for (let u = 0; u < component.length; u++) {
    const c = component[u] as number;
    const at = fill[c] as number;
    members[at] = u;
    fill[c] = at + 1;
  }
  return { starts, members };
}

/**
 * 1 for every node whose reach the plain breadth-first search may get wrong, so the per-source search
 * (reach.ts) must answer for it: it can reach a scoped DELEGATED slot (contexts then split nodes into
 * states), or an alterable pipeline entered by act-as (a witness may come back through it), or it is an
 * alterable pipeline itself (a path never revisits its source). Flags flow over the condensation of the
 * plain act-as graph, sinks first.
 */
export function inexactSources(cg: CompactGraph, scc: SccResult = actAsComponents(cg, plainStep)): Uint8Array {
  const { component, count } = scc;
  const flagged = new Uint8Array(count);
  const { altered, risky } = alterablePipelines(cg);
  const { starts, members } = groupMembers(component, count);
  for (let c = 0; c < count; c++) {
    for (let m = starts[c] as number; m < (starts[c + 1] as number) && flagged[c] === 0; m++) {
      const u = members[m] as number;
      if (risky[u] === 1) flagged[c] = 1;
      for (let slot = cg.starts[u] as number; slot < (cg.starts[u + 1] as number); slot++) {
        if (restricted(cg, slot)) flagged[c] = 1;
        else if (plainStep(cg, slot) && flagged[component[cg.targets[slot] as number] as number] === 1) flagged[c] = 1;
      }
    }
  }
  const inexact = new Uint8Array(cg.order);
  for (let u = 0; u < cg.order; u++) inexact[u] = flagged[component[u] as number] === 1 || altered[u] === 1 ? 1 : 0;
  return inexact;
}

/** Capability bits on `targets` for every node, with the nodes whose answer needs the per-source search. */
export function capabilityClosure(cg: CompactGraph, targets: readonly number[]): ClosureResult {
  const targetIndex = new Int32Array(cg.order).fill(-1);
  targets.forEach((t, i) => { targetIndex[t] = i; });
  const words = Math.max(1, Math.ceil((targets.length * BITS_PER_TARGET) / 32));
  const scc = actAsComponents(cg, plainStep);
  const { component, count } = scc;
  const bits = new Uint32Array(count * words);
  // NOTE: components are numbered sinks first, so every successor component is final before its predecessors read it.
  const { starts, members } = groupMembers(component, count);
  for (let c = 0; c < count; c++) {
    const base = c * words;
    for (let m = starts[c] as number; m < (starts[c + 1] as number); m++) {
      const u = members[m] as number;
      for (let slot = cg.starts[u] as number; slot < (cg.starts[u + 1] as number); slot++) {
        const v = cg.targets[slot] as number;
        const cv = component[v] as number;
        if (cv !== c && plainStep(cg, slot)) {
          const other = cv * words;
          for (let w = 0; w < words; w++) bits[base + w] = (bits[base + w] as number) | (bits[other + w] as number);
        }
        for (const cap of capabilitiesOf(cg, u, slot)) {
          const t = targetIndex[cap.target] as number;
          const b = t < 0 ? -1 : bitOf(cg, cap.effect, cap.action);
          if (b < 0) continue;
          const bit = t * BITS_PER_TARGET + b;
          bits[base + (bit >>> 5)] = (bits[base + (bit >>> 5)] as number) | (1 << (bit & 31));
        }
      }
    }
  }
  return { targets, words, bits, component, inexact: inexactSources(cg, scc) };
}

/** True when node `u` holds capability bit `b` on the target at `targetIndex`. */
export function holds(closure: ClosureResult, u: number, targetIndex: number, b: number): boolean {
  const bit = targetIndex * BITS_PER_TARGET + b;
  const word = closure.bits[(closure.component[u] as number) * closure.words + (bit >>> 5)] as number;
  return ((word >>> (bit & 31)) & 1) === 1;
}
