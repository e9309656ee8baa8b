// Who reaches one target (issue #5, the per-target pass for estates where principals reach most of the graph):
// a breadth-first search backwards from the holders of a capability on the target, over act-as steps, carrying
// the scope keys the rest of the path needs from any delegation met earlier. Where the forward search
// (reach.ts) carries the delegation context forward, this carries its requirement backward: a scoped DELEGATED
// slot may be crossed backwards only when its scope set allows every key still required, and entering a
// credential (which resets the context forward) clears the requirement.
import type { CompactGraph } from './compact.js';
import { capabilitiesOf, isStep } from './hops.js';
import { FREE_UNDER_SCOPE, IS_CREDENTIAL, K } from './kinds.js';
import { scopeMatches } from './scope.js';
import type { Capability } from './types.js';

/** Reverse step slots (act-as steps only), by target node. */
export interface ReverseSteps {
  readonly starts: Int32Array;
  /** The slot of each reverse entry (its source node is `from[slot]`). */
  readonly slots: Int32Array;
  /** Source node of every slot of the compact graph. */
  readonly from: Int32Array;
}

/** The reverse act-as adjacency of `cg`. */
export function reverseSteps(cg: CompactGraph): ReverseSteps {
  const from = new Int32Array(cg.size);
  const starts = new Int32Array(cg.order + 1);
  for (let u = 0; u < cg.order; u++) {
    for (let s = cg.starts[u] as number; s < (cg.starts[u + 1] as number); s++) {
      from[s] = u;
      if (isStep(cg, s)) starts[(cg.targets[s] as number) + 1] = (starts[(cg.targets[s] as number) + 1] as number) + 1;
    }
  }
  for (let v = 0; v < cg.order; v++) starts[v + 1] = (starts[v + 1] as number) + (starts[v] as number);
  const fill = starts.slice(0, cg.order);
  const slots = new Int32Array(starts[cg.order] as number);
  for (let s = 0; s < cg.size; s++) {
    if (!isStep(cg, s)) continue;
    const v = cg.targets[s] as number;
    slots[fill[v] as number] = s;
    fill[v] = (fill[v] as number) + 1;
  }
  return { starts, slots, from };
}

/** The capabilities on each target, with their holder and slot, in slot order. */
export type CapabilityIndex = ReadonlyMap<number, readonly { readonly slot: number; readonly cap: Capability }[]>;

/** Indexes every capability of `cg` by its target. */
export function capabilityIndex(cg: CompactGraph, rev: ReverseSteps): CapabilityIndex {
  const out = new Map<number, { slot: number; cap: Capability }[]>();
  for (let s = 0; s < cg.size; s++) {
    for (const cap of capabilitiesOf(cg, rev.from[s] as number, s)) {
      const list = out.get(cap.target);
      if (list) list.push({ slot: s, cap });
      else out.set(cap.target, [{ slot: s, cap }]);
    }
  }
  return out;
}

/** Interned requirement sets: sorted scope-key ids a path still needs allowed (0 = a slot no scope allows). */
class Requirements {
  private readonly sets: (readonly number[])[] = [[]];
  private readonly ids = new Map<string, number>([['', 0]]);

  get(id: number): readonly number[] {
    return this.sets[id] as readonly number[];
  }

  /** The requirement `id` plus key `key`. */
  add(id: number, key: number): number {
    const set = this.get(id);
    if (set.includes(key)) return id;
    const next = [...set, key].sort((a, b) => a - b);
    const k = next.join(',');
    let out = this.ids.get(k);
    if (out === undefined) {
      out = this.sets.length;
      this.sets.push(next);
      this.ids.set(k, out);
    }
    return out;
  }

  /** The requirement of one slot taken under a context: nothing for free kinds, else its scope key. */
  of(cg: CompactGraph, slot: number): number {
    if (FREE_UNDER_SCOPE[cg.edgeKind[slot] as number] === 1) return 0;
    return this.add(0, cg.edgeScope[slot] as number);
  }

  union(a: number, b: number): number {
    let out = a;
    for (const k of this.get(b)) out = this.add(out, k);
    return out;
  }

  /** True when `a` asks for no more than `b` (so whatever satisfies b satisfies a). */
  subset(a: number, b: number): boolean {
    const sb = this.get(b);
    return this.get(a).every((k) => sb.includes(k));
  }
}

/**
 * Every node that holds, by act-as, a capability on `target` passing `filter`, ascending. Nodes themselves are
 * not checked for being principals or active (inactive credentials have no slots, so they never appear).
 */
export function sourcesReaching(
  cg: CompactGraph, rev: ReverseSteps, index: CapabilityIndex, target: number, filter: (c: Capability) => boolean,
): number[] {
  const req = new Requirements();
  const states: { node: number; req: number }[] = [];
  const byNode = new Map<number, number[]>();
  const add = (node: number, r: number): void => {
    const have = byNode.get(node) ?? [];
    if (have.some((x) => req.subset(x, r))) return;
    byNode.set(node, [...have.filter((x) => !req.subset(r, x)), r]);
    states.push({ node, req: r });
  };
  // Seeds: holders of a capability slot on the target (direct, or through a dataset or pipeline that trains or
  // deploys it); the capability slot itself is what their context must allow.
  for (const { slot, cap } of index.get(target) ?? []) if (filter(cap)) add(cap.holder, req.of(cg, slot));
  for (let i = 0; i < states.length; i++) {
    const { node: v, req: r } = states[i] as { node: number; req: number };
    if (!(byNode.get(v) ?? []).includes(r)) continue;
    for (let j = rev.starts[v] as number; j < (rev.starts[v + 1] as number); j++) {
      const slot = rev.slots[j] as number;
      const u = rev.from[slot] as number;
      let before: number;
      if (IS_CREDENTIAL[cg.nodeKind[v] as number] === 1) before = req.of(cg, slot);
      else if (cg.edgeKind[slot] === K.DELEGATED && (cg.edgeScopeSet[slot] as number) >= 0) {
        const patterns = cg.scopeSets[cg.edgeScopeSet[slot] as number] as readonly string[];
        const allowed = req.get(r).every((k) => k !== 0 && patterns.some((p) => scopeMatches(p, cg.scopeNames[k] as string)));
        if (!allowed) continue;
        before = r;
      } else before = req.union(r, req.of(cg, slot));
      add(u, before);
    }
  }
  return [...byNode.keys()].sort((a, b) => a - b);
}
