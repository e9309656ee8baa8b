// All-sources analysis (issue #5): for every source, its blast radius, its separation-of-duties breaks and the
// sensitive resources it reaches, each with the shortest witness path. One allocation-free breadth-first search
// per source over precomputed slot tables, carrying the delegation context of each node. The search gives up on
// a source, which then goes through the exact per-source search (reach.ts), only where one state per node is not
// enough: a node met again under a context its first visit does not cover, or a witness that would pass a node
// twice (an alterable pipeline on its own path). Results equal reach() + blastRadius() and the shortest paths of
// separationOfDuties()/sensitiveReach() (tested against them on random graphs).
import { ACCESS_ACTIONS, ALTER_ACTIONS, ENVIRONMENTS } from '../model/index.js';
import { ACCESS_WEIGHTS, DEFAULT_MODEL_TIER, MODEL_WEIGHTS, TIER_WEIGHTS, blastCounts, blastRadius } from './blast-radius.js';
import { Column } from './column.js';
import type { CompactGraph } from './compact.js';
import { contextAfter, isStep } from './hops.js';
import { K } from './kinds.js';
import { reach } from './reach.js';
import { DelegationScopes, UNRESTRICTED } from './scope.js';
import { isAccess } from './sensitive.js';
import { findingSources, isAlter, isProdInvoke } from './sod.js';
import type { Capability, EnginePath } from './types.js';

/** A separation-of-duties break of one source on one model, with the shortest path of each duty. */
export interface SodWitness {
  readonly model: number;
  /** Bit i set when the source holds ALTER_ACTIONS[i] on the model. */
  readonly alterActions: number;
  readonly alter: EnginePath;
  readonly invoke: EnginePath;
}

/** A sensitive resource one source reaches, with the shortest access path. */
export interface SensitiveWitness {
  readonly resource: number;
  readonly tier: number;
  /** Bit i set when the source holds ACCESS_ACTIONS[i] on the resource. */
  readonly actions: number;
  readonly access: EnginePath;
}

/** What one source reaches, as the all-sources pass reports it. */
export interface SourceReach {
  readonly source: number;
  /** False when the exact per-source search (reach.ts) had to answer. */
  readonly plain: boolean;
  /** blastRadius(cg, source).score */
  readonly blast: number;
  /** By model, ascending. */
  readonly sod: readonly SodWitness[];
  /** By resource, ascending. */
  readonly sensitive: readonly SensitiveWitness[];
}

export interface AllSourcesOptions {
  /** Sensitive resources: 0 <= tier <= maxTier (default 1). */
  readonly maxTier?: number;
  /** Sources (default: findingSources(cg)). */
  readonly sources?: readonly number[];
  /** Called after each source with the number done and the total (progress). */
  readonly onProgress?: (done: number, total: number) => void;
}

const NONE = 255;
const PROD = ENVIRONMENTS.indexOf('prod');
const CONFIGURE = ALTER_ACTIONS.indexOf('configure');
const WRITE_DATA = ALTER_ACTIONS.indexOf('write_training_data');
const TRAIN = ALTER_ACTIONS.indexOf('train');
const DEPLOY = ALTER_ACTIONS.indexOf('deploy');

/** What a slot does, precomputed once per graph so the per-source loop only reads small integers. */
const CAP = { NONE: 0, INVOKE_PROD: 1, INVOKE_OTHER: 2, ALTER: 3, ALTER_VIA: 4, ACCESS: 5 } as const;

interface SlotTables {
  readonly step: Uint8Array;
  readonly cap: Uint8Array;
  /** ALTER: ALTER_ACTIONS index; ACCESS: ACCESS_ACTIONS index. */
  readonly action: Uint8Array;
}

function slotTables(cg: CompactGraph): SlotTables {
  const step = new Uint8Array(cg.size);
  const cap = new Uint8Array(cg.size);
  const action = new Uint8Array(cg.size);
  for (let slot = 0; slot < cg.size; slot++) {
    step[slot] = isStep(cg, slot) ? 1 : 0;
    const kind = cg.edgeKind[slot] as number;
    const target = cg.targets[slot] as number;
    const targetKind = cg.nodeKind[target] as number;
    const a = cg.edgeAction[slot] as number;
    if (kind === K.CAN_INVOKE && targetKind === K.Model) {
      const env = a !== NONE ? a : (cg.nodeEnv[target] as number);
      cap[slot] = env === NONE || env === PROD ? CAP.INVOKE_PROD : CAP.INVOKE_OTHER;
    } else if (kind === K.CAN_ACCESS && targetKind === K.Resource) {
      cap[slot] = CAP.ACCESS;
      action[slot] = a === NONE ? 0 : a;
    } else if (kind === K.CAN_ALTER && targetKind === K.Model) {
      cap[slot] = CAP.ALTER;
      action[slot] = a === NONE ? CONFIGURE : a;
    } else if (kind === K.CAN_ALTER && (targetKind === K.Dataset || targetKind === K.Pipeline)) cap[slot] = CAP.ALTER_VIA;
  }
  return { step, cap, action };
}

/** The alter action of the TRAINS/DEPLOYS slot `s` out of dataset or pipeline `via`, or -1 when it is none. */
function viaAction(cg: CompactGraph, via: number, s: number): number {
  if (cg.nodeKind[cg.targets[s] as number] !== K.Model) return -1;
  const k = cg.edgeKind[s] as number;
  const viaKind = cg.nodeKind[via] as number;
  if (k === K.TRAINS) return viaKind === K.Dataset ? WRITE_DATA : TRAIN;
  if (k === K.DEPLOYS && viaKind === K.Pipeline) return DEPLOY;
  return -1;
}

/**
 * Scratch state of the search, allocated once per pass and reused for every source (stamps = source). A state
 * is a (node, delegation context) pair as in reach.ts; states of one node after the first are kept in `extra`.
 */
class StateSearch {
  private readonly nodeSeen: Int32Array;
  private readonly firstState: Int32Array;
  private extra = new Map<number, number[]>();
  private readonly stateNode: Column;
  private readonly stateCtx: Column;
  private readonly stateParent: Column;
  private readonly stateSlot: Column;
  private readonly stateDepth: Column;
  /** 1 when the state's path from the source passes a node twice (possible only once a node has two states). */
  private readonly stateDup: Column;
  private readonly scopes: DelegationScopes;
  // Per model / resource reached by the current source (stamp = source); holders are states.
  private readonly targetSeen: Int32Array;
  private readonly mask: Uint16Array;
  private readonly invokeProd: Uint8Array;
  private readonly alterLen: Int32Array;
  private readonly alterHolder: Int32Array;
  private readonly alterSlots: Int32Array;
  private readonly reachLen: Int32Array;
  private readonly reachHolder: Int32Array;
  private readonly reachSlot: Int32Array;
  private touched: number[] = [];

  constructor(private readonly cg: CompactGraph, private readonly t: SlotTables, private readonly maxTier: number) {
    const n = cg.order;
    this.nodeSeen = new Int32Array(n).fill(-1);
    this.firstState = new Int32Array(n);
    this.stateNode = new Column(n);
    this.stateCtx = new Column(n);
    this.stateParent = new Column(n);
    this.stateSlot = new Column(n);
    this.stateDepth = new Column(n);
    this.stateDup = new Column(n);
    this.scopes = new DelegationScopes(cg);
    this.targetSeen = new Int32Array(n).fill(-1);
    this.mask = new Uint16Array(n);
    this.invokeProd = new Uint8Array(n);
    this.alterLen = new Int32Array(n);
    this.alterHolder = new Int32Array(n);
    this.alterSlots = new Int32Array(2 * n);
    this.reachLen = new Int32Array(n);
    this.reachHolder = new Int32Array(n);
    this.reachSlot = new Int32Array(n);
  }

  private touch(target: number, source: number): void {
    if (this.targetSeen[target] === source) return;
    this.targetSeen[target] = source;
    this.mask[target] = 0;
    this.invokeProd[target] = 0;
    this.alterLen[target] = -1;
    this.reachLen[target] = -1;
    this.touched.push(target);
  }

  /** A model alter capability of length `len` held by state `holder` through slots a (and b, or -1). */
  private alter(model: number, source: number, action: number, len: number, holder: number, a: number, b: number): void {
    this.touch(model, source);
    this.mask[model] = (this.mask[model] as number) | (1 << action);
    const best = this.alterLen[model] as number;
    if (best >= 0 && best <= len) return;
    this.alterLen[model] = len;
    this.alterHolder[model] = holder;
    this.alterSlots[2 * model] = a;
    this.alterSlots[2 * model + 1] = b;
  }

  /** Invoke-in-prod (models) or access (resources): the first shortest is kept in reachLen/Holder/Slot. */
  private reached(target: number, len: number, holder: number, slot: number): void {
    const best = this.reachLen[target] as number;
    if (best >= 0 && best <= len) return;
    this.reachLen[target] = len;
    this.reachHolder[target] = holder;
    this.reachSlot[target] = slot;
  }

  private pathTo(source: number, holder: number, tail: readonly number[]): EnginePath {
    const parent = this.stateParent.data;
    const slot = this.stateSlot.data;
    const edges: number[] = [];
    for (let st = holder; parent[st] as number >= 0; st = parent[st] as number) edges.push(slot[st] as number);
    edges.reverse();
    for (const x of tail) edges.push(x);
    const nodes = [source];
    for (const x of edges) nodes.push(this.cg.targets[x] as number);
    return { nodes, edges };
  }

  /** True when node `x` is on the path of state `st` (both ends included). */
  private onPath(x: number, st: number): boolean {
    const node = this.stateNode.data;
    const parent = this.stateParent.data;
    for (let s = st; s >= 0; s = parent[s] as number) if (node[s] === x) return true;
    return false;
  }

  /** Adds a state unless one of the node's states already covers `ctx`; returns the new count of states. */
  private addState(count: number, source: number, v: number, ctx: number, parent: number, slot: number): number {
    if (this.nodeSeen[v] === source) {
      const first = this.firstState[v] as number;
      if (this.scopes.subset(this.stateCtx.data[first] as number, ctx)) return count;
      const more = this.extra.get(v);
      if (more?.some((st) => this.scopes.subset(this.stateCtx.data[st] as number, ctx))) return count;
      if (more) more.push(count);
      else this.extra.set(v, [count]);
    } else {
      this.nodeSeen[v] = source;
      this.firstState[v] = count;
    }
    this.stateNode.set(count, v);
    this.stateCtx.set(count, ctx);
    this.stateParent.set(count, parent);
    this.stateSlot.set(count, slot);
    this.stateDepth.set(count, parent < 0 ? 0 : (this.stateDepth.data[parent] as number) + 1);
    // NOTE: only a node with an earlier state can already be on this state's path.
    const dup = parent >= 0 && ((this.stateDup.data[parent] as number) === 1 || (this.firstState[v] !== count && this.onPath(v, parent)));
    this.stateDup.set(count, dup ? 1 : 0);
    return count + 1;
  }

  /** What `source` reaches, or undefined when a witness would not be a simple path (reach() decides those). */
  run(source: number): SourceReach | undefined {
    const { cg, t, scopes } = this;
    this.touched = [];
    if (this.extra.size) this.extra = new Map();
    let count = this.addState(0, source, source, UNRESTRICTED, -1, -1);
    for (let st = 0; st < count; st++) {
      const u = this.stateNode.data[st] as number;
      const ctx = this.stateCtx.data[st] as number;
      const d = this.stateDepth.data[st] as number;
      const dup = this.stateDup.data[st] === 1;
      const end = cg.starts[u + 1] as number;
      for (let slot = cg.starts[u] as number; slot < end; slot++) {
        if (ctx !== UNRESTRICTED && !scopes.allowed(ctx, slot)) continue;
        const v = cg.targets[slot] as number;
        if (t.step[slot] === 1) {
          const next = ctx === UNRESTRICTED && cg.edgeKind[slot] !== K.DELEGATED ? UNRESTRICTED : contextAfter(cg, scopes, ctx, slot);
          count = this.addState(count, source, v, next, st, slot);
        }
        const cap = t.cap[slot] as number;
        if (cap === CAP.NONE || cap === CAP.INVOKE_OTHER) continue;
        // NOTE: a path never comes back to its source, so a capability through the source itself (a pipeline
        // altered by what it can act as) does not exist; reach() drops it too, after an exhaustive search.
        if (v === source) continue;
        // NOTE: a witness that repeats a node, or passes its target or dataset/pipeline twice, is not a simple path.
        if (dup || (this.nodeSeen[v] === source && this.onPath(v, st))) return undefined;
        if (cap === CAP.ALTER) this.alter(v, source, t.action[slot] as number, d + 1, st, slot, -1);
        else if (cap === CAP.ALTER_VIA) {
          const viaEnd = cg.starts[v + 1] as number;
          for (let s = cg.starts[v] as number; s < viaEnd; s++) {
            const action = viaAction(cg, v, s);
            if (action < 0) continue;
            const model = cg.targets[s] as number;
            if (this.nodeSeen[model] === source && this.onPath(model, st)) return undefined;
            this.alter(model, source, action, d + 2, st, slot, s);
          }
        } else if (cap === CAP.INVOKE_PROD) {
          this.touch(v, source);
          this.invokeProd[v] = 1;
          this.reached(v, d + 1, st, slot);
        } else {
          this.touch(v, source);
          this.mask[v] = (this.mask[v] as number) | (1 << (t.action[slot] as number));
          this.reached(v, d + 1, st, slot);
        }
      }
    }
    return this.collect(source);
  }

  private collect(source: number): SourceReach {
    const { cg } = this;
    let points = 0;
    const sod: SodWitness[] = [];
    const sensitive: SensitiveWitness[] = [];
    // NOTE: points are sums of halves (exact in floating point), so the order of targets does not matter;
    // only the few findings are sorted.
    for (const target of this.touched) {
      const tier = cg.nodeTier[target] as number;
      const mask = this.mask[target] as number;
      if (cg.nodeKind[target] === K.Model) {
        const weight = TIER_WEIGHTS[tier >= 0 ? tier : DEFAULT_MODEL_TIER] as number;
        const altered = (this.alterLen[target] as number) >= 0;
        if (altered) points += weight * MODEL_WEIGHTS.alter;
        else if (this.invokeProd[target] === 1) points += weight * MODEL_WEIGHTS.invoke;
        if (altered && this.invokeProd[target] === 1) {
          const b = this.alterSlots[2 * target + 1] as number;
          sod.push({
            model: target, alterActions: mask,
            alter: this.pathTo(source, this.alterHolder[target] as number, b >= 0 ? [this.alterSlots[2 * target] as number, b] : [this.alterSlots[2 * target] as number]),
            invoke: this.pathTo(source, this.reachHolder[target] as number, [this.reachSlot[target] as number]),
          });
        }
      } else {
        const strongest = 31 - Math.clz32(mask);
        if (blastCounts(tier)) points += (TIER_WEIGHTS[tier] as number) * (ACCESS_WEIGHTS[ACCESS_ACTIONS[strongest] as keyof typeof ACCESS_WEIGHTS]);
        if (tier >= 0 && tier <= this.maxTier) {
          sensitive.push({
            resource: target, tier, actions: mask,
            access: this.pathTo(source, this.reachHolder[target] as number, [this.reachSlot[target] as number]),
          });
        }
      }
    }
    if (sod.length > 1) sod.sort((a, b) => a.model - b.model);
    if (sensitive.length > 1) sensitive.sort((a, b) => a.resource - b.resource);
    return { source, plain: true, blast: Math.round(points * 10) / 10, sod, sensitive };
  }
}

/** The shortest path per target among capabilities passing `filter` (ties: first found, as ReachResult.shortest). */
function shortestByTarget(paths: ReadonlyMap<Capability, EnginePath>, filter: (c: Capability) => boolean): Map<number, EnginePath> {
  const out = new Map<number, EnginePath>();
  for (const [cap, path] of paths) {
    if (!filter(cap)) continue;
    const best = out.get(cap.target);
    if (best === undefined || path.edges.length < best.edges.length) out.set(cap.target, path);
  }
  return out;
}

/** The exact per-source search, reduced to what the all-sources pass reports. */
export function exactReach(cg: CompactGraph, source: number, maxTier: number): SourceReach {
  const r = reach(cg, source);
  const paths = r.capabilityPaths();
  const alterPaths = shortestByTarget(paths, isAlter);
  const invokePaths = shortestByTarget(paths, isProdInvoke);
  const accessPaths = shortestByTarget(paths, isAccess);
  const alterMask = new Map<number, number>();
  const accessMask = new Map<number, number>();
  for (const c of r.capabilities) {
    if (isAlter(c)) alterMask.set(c.target, (alterMask.get(c.target) ?? 0) | (1 << ALTER_ACTIONS.indexOf(c.action as never)));
    else if (c.effect === 'access') accessMask.set(c.target, (accessMask.get(c.target) ?? 0) | (1 << ACCESS_ACTIONS.indexOf(c.action as never)));
  }
  const sod: SodWitness[] = [];
  for (const model of [...alterMask.keys()].sort((a, b) => a - b)) {
    const a = alterPaths.get(model);
    const i = invokePaths.get(model);
    if (a && i) sod.push({ model, alterActions: alterMask.get(model) as number, alter: a, invoke: i });
  }
  const sensitive: SensitiveWitness[] = [];
  for (const resource of [...accessMask.keys()].sort((a, b) => a - b)) {
    const tier = cg.nodeTier[resource] as number;
    const path = accessPaths.get(resource);
    if (tier >= 0 && tier <= maxTier && path) sensitive.push({ resource, tier, actions: accessMask.get(resource) as number, access: path });
  }
  return { source, plain: false, blast: blastRadius(cg, source, r).score, sod, sensitive };
}

/** Calls `onSource` with what each source reaches, sources ascending. */
export function forEachSourceReach(cg: CompactGraph, onSource: (r: SourceReach) => void, options: AllSourcesOptions = {}): void {
  const maxTier = options.maxTier ?? 1;
  const sources = options.sources ?? findingSources(cg);
  const search = new StateSearch(cg, slotTables(cg), maxTier);
  let done = 0;
  for (const source of sources) {
    onSource((cg.active[source] === 1 ? search.run(source) : undefined) ?? exactReach(cg, source, maxTier));
    options.onProgress?.(++done, sources.length);
  }
}
