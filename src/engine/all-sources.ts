// All-sources analysis (issue #5): for every source, its blast radius, its separation-of-duties breaks and the
// sensitive resources it reaches, each with the shortest witness path. One allocation-free breadth-first search
// per source over precomputed slot tables; sources whose answer the plain search could get wrong (scoped
// delegation, alterable pipelines: closure.ts inexactSources) go through the exact per-source search (reach.ts).
// Results equal reach() + blastRadius() + separationOfDuties()/sensitiveReach() shortest paths (tested).
import { ACCESS_ACTIONS, ALTER_ACTIONS, ENVIRONMENTS } from '../model/index.js';
import { ACCESS_WEIGHTS, ACT_AS_WEIGHTS, DEFAULT_MODEL_TIER, MODEL_WEIGHTS, TIER_WEIGHTS, blastRadius } from './blast-radius.js';
import { inexactSources } from './closure.js';
import type { CompactGraph } from './compact.js';
import { isStep } from './hops.js';
import { IS_CREDENTIAL, IS_IDENTITY_LIKE, K } from './kinds.js';
import { reach } from './reach.js';
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
  /** False when the exact per-source search answered (scoped delegation or alterable pipelines in reach). */
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
const UNTIERED_RESOURCE = 4;

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

/** Scratch state of the plain search, allocated once per pass and reused for every source. */
class PlainSearch {
  private readonly seen: Int32Array;
  private readonly parentSlot: Int32Array;
  private readonly parentNode: Int32Array;
  private readonly depth: Int32Array;
  private readonly queue: Int32Array;
  // Per model / resource reached by the current source (stamp = source).
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
    this.seen = new Int32Array(n).fill(-1);
    this.targetSeen = new Int32Array(n).fill(-1);
    this.parentSlot = new Int32Array(n);
    this.parentNode = new Int32Array(n);
    this.depth = new Int32Array(n);
    this.queue = new Int32Array(n);
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

  /** A model alter capability of length `len` held by `holder` through slots a (and b, or -1). */
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
    const edges: number[] = [];
    for (let v = holder; v !== source; v = this.parentNode[v] as number) edges.push(this.parentSlot[v] as number);
    edges.reverse();
    for (const s of tail) edges.push(s);
    const nodes = [source];
    for (const s of edges) nodes.push(this.cg.targets[s] as number);
    return { nodes, edges };
  }

  run(source: number): SourceReach {
    const { cg, t } = this;
    this.touched = [];
    let head = 0;
    let tail = 0;
    let actAsPoints = 0;
    this.queue[tail++] = source;
    this.seen[source] = source;
    this.depth[source] = 0;
    while (head < tail) {
      const u = this.queue[head++] as number;
      const d = this.depth[u] as number;
      if (u !== source) {
        const kind = cg.nodeKind[u] as number;
        if (IS_CREDENTIAL[kind] === 1) actAsPoints += ACT_AS_WEIGHTS.credential;
        else if (IS_IDENTITY_LIKE[kind] === 1) actAsPoints += ACT_AS_WEIGHTS.identity;
      }
      const end = cg.starts[u + 1] as number;
      for (let slot = cg.starts[u] as number; slot < end; slot++) {
        const v = cg.targets[slot] as number;
        if (t.step[slot] === 1 && this.seen[v] !== source) {
          this.seen[v] = source;
          this.parentSlot[v] = slot;
          this.parentNode[v] = u;
          this.depth[v] = d + 1;
          this.queue[tail++] = v;
        }
        const cap = t.cap[slot] as number;
        if (cap === CAP.NONE || cap === CAP.INVOKE_OTHER) continue;
        if (cap === CAP.ALTER) this.alter(v, source, t.action[slot] as number, d + 1, u, slot, -1);
        else if (cap === CAP.ALTER_VIA) {
          const viaEnd = cg.starts[v + 1] as number;
          for (let s = cg.starts[v] as number; s < viaEnd; s++) {
            const action = viaAction(cg, v, s);
            if (action >= 0) this.alter(cg.targets[s] as number, source, action, d + 2, u, slot, s);
          }
        } else if (cap === CAP.INVOKE_PROD) {
          this.touch(v, source);
          this.invokeProd[v] = 1;
          this.reached(v, d + 1, u, slot);
        } else {
          this.touch(v, source);
          this.mask[v] = (this.mask[v] as number) | (1 << (t.action[slot] as number));
          this.reached(v, d + 1, u, slot);
        }
      }
    }
    return this.collect(source, actAsPoints);
  }

  private collect(source: number, actAsPoints: number): SourceReach {
    const { cg } = this;
    let points = actAsPoints;
    const sod: SodWitness[] = [];
    const sensitive: SensitiveWitness[] = [];
    this.touched.sort((a, b) => a - b);
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
        points += (TIER_WEIGHTS[tier >= 0 ? tier : UNTIERED_RESOURCE] as number) * (ACCESS_WEIGHTS[ACCESS_ACTIONS[strongest] as keyof typeof ACCESS_WEIGHTS]);
        if (tier >= 0 && tier <= this.maxTier) {
          sensitive.push({
            resource: target, tier, actions: mask,
            access: this.pathTo(source, this.reachHolder[target] as number, [this.reachSlot[target] as number]),
          });
        }
      }
    }
    return { source, plain: true, blast: Math.round(points * 10) / 10, sod, sensitive };
  }
}

function maskOf(values: readonly string[], names: readonly string[]): number {
  let mask = 0;
  for (const v of values) {
    const i = names.indexOf(v);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/** The exact per-source search, reduced to what the all-sources pass reports. */
function exactReach(cg: CompactGraph, source: number, maxTier: number): SourceReach {
  const r = reach(cg, source);
  const alter = new Map<number, Capability[]>();
  const invoke = new Set<number>();
  const access = new Map<number, string[]>();
  for (const c of r.capabilities) {
    if (isAlter(c)) alter.set(c.target, [...(alter.get(c.target) ?? []), c]);
    else if (isProdInvoke(c)) invoke.add(c.target);
    else if (c.effect === 'access') access.set(c.target, [...(access.get(c.target) ?? []), c.action]);
  }
  const sod: SodWitness[] = [];
  for (const model of [...alter.keys()].filter((m) => invoke.has(m)).sort((a, b) => a - b)) {
    const a = r.shortest(model, isAlter);
    const i = r.shortest(model, isProdInvoke);
    if (a && i) sod.push({ model, alterActions: maskOf((alter.get(model) ?? []).map((c) => c.action), ALTER_ACTIONS), alter: a, invoke: i });
  }
  const sensitive: SensitiveWitness[] = [];
  for (const resource of [...access.keys()].sort((a, b) => a - b)) {
    const tier = cg.nodeTier[resource] as number;
    if (tier < 0 || tier > maxTier) continue;
    const path = r.shortest(resource, (c) => c.effect === 'access');
    if (path) sensitive.push({ resource, tier, actions: maskOf(access.get(resource) ?? [], ACCESS_ACTIONS), access: path });
  }
  return { source, plain: false, blast: blastRadius(cg, source, r).score, sod, sensitive };
}

/** Calls `onSource` with what each source reaches, sources ascending. */
export function forEachSourceReach(cg: CompactGraph, onSource: (r: SourceReach) => void, options: AllSourcesOptions = {}): void {
  const maxTier = options.maxTier ?? 1;
  const sources = options.sources ?? findingSources(cg);
  const inexact = inexactSources(cg);
  const search = new PlainSearch(cg, slotTables(cg), maxTier);
  let done = 0;
  for (const source of sources) {
    onSource(inexact[source] === 1 || cg.active[source] === 0 ? exactReach(cg, source, maxTier) : search.run(source));
    options.onProgress?.(++done, sources.length);
  }
}
