// Who reaches one target (issue #5, the per-target pass for estates where principals reach most of the graph):
// a breadth-first search backwards from the holders of a capability on the target, over act-as steps, carrying
// the scope keys the rest of the path needs from any delegation met earlier. Where the forward search
// (reach.ts) carries the delegation context forward, this carries its requirement backward: a scoped DELEGATED
// slot may be crossed backwards only when its scope set allows every key still required, and entering a
// credential (which resets the context forward) clears the requirement.
import { Column } from './column.js';
import type { CompactGraph } from './compact.js';
import { capabilitiesOf, isStep } from './hops.js';
import { ACCESS_ACTIONS, ALTER_ACTIONS, ENVIRONMENTS } from '../model/index.js';
import { FREE_UNDER_SCOPE, IS_CAPABILITY, IS_CREDENTIAL, K } from './kinds.js';
import { IntSets, scopeMatches } from './scope.js';
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

/** Effect codes of a capability index entry. */
export const EFFECT = { alter: 0, invoke: 1, access: 2 } as const;
const EFFECT_CODES: Readonly<Record<Capability['effect'], number>> = EFFECT;
const ACTION_NAMES: readonly (readonly string[])[] = [ALTER_ACTIONS, ENVIRONMENTS, ACCESS_ACTIONS];

/**
 * The capabilities on each target in slot order, as CSR arrays: entry e of target t (starts[t] <= e <
 * starts[t + 1]) is capability number `which[e]` of capabilitiesOf(holder of slot[e], slot[e]); its effect and
 * action are coded in `effect[e]` (EFFECT) and `action[e]` (index into ALTER_ACTIONS, ENVIRONMENTS or
 * ACCESS_ACTIONS by effect), and `via[e]` is its TRAINS/DEPLOYS slot through a dataset or pipeline, or -1.
 */
export interface CapabilityIndex {
  readonly starts: Int32Array;
  readonly slot: Int32Array;
  readonly which: Uint16Array;
  readonly effect: Uint8Array;
  readonly action: Uint8Array;
  readonly via: Int32Array;
}

/** Indexes every capability of `cg` by its target. */
export function capabilityIndex(cg: CompactGraph, rev: ReverseSteps): CapabilityIndex {
  const starts = new Int32Array(cg.order + 1);
  const each = (fn: (cap: Capability, slot: number, which: number) => void): void => {
    for (let s = 0; s < cg.size; s++) {
      if (IS_CAPABILITY[cg.edgeKind[s] as number] !== 1) continue;
      capabilitiesOf(cg, rev.from[s] as number, s).forEach((cap, k) => fn(cap, s, k));
    }
  };
  each((cap) => { starts[cap.target + 1] = (starts[cap.target + 1] as number) + 1; });
  for (let t = 0; t < cg.order; t++) starts[t + 1] = (starts[t + 1] as number) + (starts[t] as number);
  const fill = starts.slice(0, cg.order);
  const n = starts[cg.order] as number;
  const index = { starts, slot: new Int32Array(n), which: new Uint16Array(n), effect: new Uint8Array(n), action: new Uint8Array(n), via: new Int32Array(n) };
  each((cap, s, k) => {
    const at = fill[cap.target] as number;
    const effect = EFFECT_CODES[cap.effect];
    index.slot[at] = s;
    index.which[at] = k;
    index.effect[at] = effect;
    index.action[at] = (ACTION_NAMES[effect] as readonly string[]).indexOf(cap.action);
    index.via[at] = cap.edges.length > 1 ? (cap.edges[1] as number) : -1;
    fill[cap.target] = at + 1;
  });
  return index;
}

/** The capability of index entry `e` (for callers that filter Capability objects; the searches use the codes). */
export function capabilityAt(cg: CompactGraph, rev: ReverseSteps, index: CapabilityIndex, e: number): Capability {
  const slot = index.slot[e] as number;
  return capabilitiesOf(cg, rev.from[slot] as number, slot)[index.which[e] as number] as Capability;
}

/** Interned requirement sets: sorted scope-key ids a path still needs allowed (0 = a slot no scope allows). */
class Requirements extends IntSets {
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
}

/**
 * 1 for nodes a path can reach from a scoped DELEGATED grant without entering a credential since: only there can
 * a scope requirement still meet a restricting grant further back, so elsewhere the search drops requirements
 * (one state per node, a plain breadth-first search, in estates without scoped grants).
 */
export function behindScopedGrant(cg: CompactGraph): Uint8Array {
  const mark = new Uint8Array(cg.order);
  const queue: number[] = [];
  for (let s = 0; s < cg.size; s++) {
    const v = cg.targets[s] as number;
    if (cg.edgeKind[s] === K.DELEGATED && (cg.edgeScopeSet[s] as number) >= 0 && isStep(cg, s) && mark[v] === 0 && IS_CREDENTIAL[cg.nodeKind[v] as number] !== 1) {
      mark[v] = 1;
      queue.push(v);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i] as number;
    for (let s = cg.starts[u] as number; s < (cg.starts[u + 1] as number); s++) {
      const v = cg.targets[s] as number;
      if (mark[v] === 1 || !isStep(cg, s) || IS_CREDENTIAL[cg.nodeKind[v] as number] === 1) continue;
      mark[v] = 1;
      queue.push(v);
    }
  }
  return mark;
}

/**
 * The reverse search, with scratch arrays allocated once and reused for every target (stamps = search number).
 * A state is (node, requirement); a node keeps the requirements no other of its states asks less than.
 */
export class ReverseSearch {
  private readonly req = new Requirements();
  private readonly behind: Uint8Array;
  private readonly seen: Int32Array;
  private readonly first: Int32Array;
  private extra = new Map<number, number[]>();
  private readonly stateNode = new Column(1024);
  private readonly stateReq = new Column(1024);
  /** The state this one steps to (toward the target), or -1 for a seed. */
  private readonly stateNext = new Column(1024);
  /** The slot out of the state's node: an act-as step, or for a seed its capability entry in the index. */
  private readonly stateSlot = new Column(1024);
  /** The dataset or pipeline the state's capability goes through (-1: none): no path may pass it before. */
  private readonly stateVia = new Column(1024);
  private readonly allowedMemo = new Map<number, boolean>();
  private search = 0;
  private readonly onPath: Int32Array;
  private walkStamp = 0;

  constructor(private readonly cg: CompactGraph, private readonly rev: ReverseSteps, private readonly index: CapabilityIndex) {
    this.behind = behindScopedGrant(cg);
    this.seen = new Int32Array(cg.order).fill(-1);
    this.first = new Int32Array(cg.order);
    this.onPath = new Int32Array(cg.order);
  }

  /** True when the scoped DELEGATED slot `slot` allows every key of requirement `r`. */
  private allows(slot: number, r: number): boolean {
    const set = this.cg.edgeScopeSet[slot] as number;
    const key = set * 4_194_304 + r;
    let ok = this.allowedMemo.get(key);
    if (ok === undefined) {
      const patterns = this.cg.scopeSets[set] as readonly string[];
      ok = this.req.get(r).every((k) => k !== 0 && patterns.some((p) => scopeMatches(p, this.cg.scopeNames[k] as string)));
      this.allowedMemo.set(key, ok);
    }
    return ok;
  }

  /** True when state `st` allows whatever a state (req, via) of the same node would. */
  private covers(st: number, req: number, via: number): boolean {
    const stVia = this.stateVia.data[st] as number;
    const stReq = this.stateReq.data[st] as number;
    return (stVia === -1 || stVia === via) && (stReq === req || this.req.subset(stReq, req));
  }

  /**
   * Adds state (node, r, via) unless the node is the capability's own dataset or pipeline (a path through it
   * would pass it twice) or has a state that allows as much; returns the new number of states.
   */
  private add(count: number, node: number, r: number, next: number, slot: number, via: number): number {
    if (node === via) return count;
    const req = this.behind[node] === 1 ? r : 0;
    if (this.seen[node] === this.search) {
      if (this.covers(this.first[node] as number, req, via)) return count;
      const more = this.extra.get(node);
      if (more?.some((st) => this.covers(st, req, via))) return count;
      if (more) more.push(count);
      else this.extra.set(node, [count]);
    } else {
      this.seen[node] = this.search;
      this.first[node] = count;
    }
    this.stateNode.set(count, node);
    this.stateReq.set(count, req);
    this.stateNext.set(count, next);
    this.stateSlot.set(count, slot);
    this.stateVia.set(count, via);
    return count + 1;
  }

  /**
   * True when the witness path of `state` from its node passes no node twice (no allocation). The path's nodes
   * are the states' nodes, then the capability's dataset or pipeline, then the target.
   */
  simple(state: number): boolean {
    const { stateNext, stateNode, index, cg } = this;
    const mark = ++this.walkStamp;
    const onPath = this.onPath;
    let st = state;
    for (;;) {
      const node = stateNode.data[st] as number;
      if (onPath[node] === mark) return false;
      onPath[node] = mark;
      const next = stateNext.data[st] as number;
      if (next < 0) break;
      st = next;
    }
    const e = this.stateSlot.data[st] as number;
    const via = index.via[e] as number;
    if (via >= 0 && onPath[cg.targets[index.slot[e] as number] as number] === mark) return false;
    return onPath[cg.targets[via >= 0 ? via : (index.slot[e] as number)] as number] !== mark;
  }

  /**
   * The slots of the witness path of `state`, in path order: its act-as steps toward the target, then the
   * capability's own slots (one, or two through a dataset or pipeline). Appended to `out`; returns its length.
   */
  witness(state: number, out: number[]): number {
    const { stateNext, stateSlot, index } = this;
    let st = state;
    for (let next = stateNext.data[st] as number; next >= 0; st = next, next = stateNext.data[st] as number) out.push(stateSlot.data[st] as number);
    const e = stateSlot.data[st] as number;
    out.push(index.slot[e] as number);
    if ((index.via[e] as number) >= 0) out.push(index.via[e] as number);
    return out.length;
  }

  /**
   * Calls `visit` once for every node that holds by act-as a capability on `target` whose index entry `accept`s,
   * in order of distance, with its first state: `witness(state)` is then a shortest path from the node to the target.
   */
  forEachSource(target: number, accept: (entry: number) => boolean, visit: (node: number, state: number) => void): void {
    const { cg, rev, req } = this;
    this.search++;
    if (this.extra.size) this.extra = new Map();
    let count = 0;
    // Seeds: holders of a capability slot on the target (direct, or through a dataset or pipeline that trains
    // or deploys it); the capability slot itself is what their context must allow. A capability through a
    // dataset or pipeline is one edge longer, so its holder joins the queue with the first step back.
    const { index } = this;
    const indirect: number[] = [];
    for (let e = index.starts[target] as number; e < (index.starts[target + 1] as number); e++) {
      if (!accept(e)) continue;
      const slot = index.slot[e] as number;
      if ((index.via[e] as number) >= 0) indirect.push(e);
      else count = this.add(count, rev.from[slot] as number, req.of(cg, slot), -1, e, -1);
    }
    const direct = count;
    for (let i = 0; i < count || i === direct; i++) {
      if (i === direct) {
        count = this.seedIndirect(count, indirect);
        if (i === count) break;
      }
      const v = this.stateNode.data[i] as number;
      const r = this.stateReq.data[i] as number;
      if (this.first[v] === i) visit(v, i);
      const credential = IS_CREDENTIAL[cg.nodeKind[v] as number] === 1;
      for (let j = rev.starts[v] as number; j < (rev.starts[v + 1] as number); j++) {
        const slot = rev.slots[j] as number;
        const u = rev.from[slot] as number;
        // NOTE: entering a credential resets the context, so only the slot into it must be allowed; a scoped
        // grant must allow whatever the rest of the path needs; any other step adds its own scope key.
        const via = this.stateVia.data[i] as number;
        if (credential) count = this.add(count, u, req.of(cg, slot), i, slot, via);
        else if (cg.edgeKind[slot] === K.DELEGATED && (cg.edgeScopeSet[slot] as number) >= 0) {
          if (this.allows(slot, r)) count = this.add(count, u, r, i, slot, via);
        } else count = this.add(count, u, this.behind[u] === 1 ? req.union(r, req.of(cg, slot)) : 0, i, slot, via);
      }
    }
  }

  private seedIndirect(count: number, entries: readonly number[]): number {
    let out = count;
    for (const e of entries) {
      const slot = this.index.slot[e] as number;
      out = this.add(out, this.rev.from[slot] as number, this.req.of(this.cg, slot), -1, e, this.cg.targets[slot] as number);
    }
    return out;
  }
}

/**
 * Every node that holds, by act-as, a capability on `target` passing `filter`, ascending. Nodes themselves are
 * not checked for being principals or active (inactive credentials have no slots, so they never appear).
 */
export function sourcesReaching(
  cg: CompactGraph, rev: ReverseSteps, index: CapabilityIndex, target: number, filter: (c: Capability) => boolean,
): number[] {
  const out: number[] = [];
  new ReverseSearch(cg, rev, index).forEachSource(target, (e) => filter(capabilityAt(cg, rev, index, e)), (v) => out.push(v));
  return out.sort((a, b) => a - b);
}
