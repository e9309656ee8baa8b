// The per-target pass (issue #5): every separation-of-duties break and every sensitive reach of the estate, each
// with a shortest witness path, and every principal's blast radius, from one backward search per target that
// matters (reverse-reach.ts) instead of one forward search per principal. In a big estate most principals reach a
// large part of the graph, so the forward searches cost principals × reach; the targets that matter are few and
// each search backwards visits only what reaches it.
//
// A backward witness may pass a node twice (a pipeline altered by what it can act as): reach() only counts simple
// paths, so every source with such a witness goes through the per-source pass instead (all-sources.ts, which
// falls back to reach() where it must), replacing everything the pass found for it. Results equal forEachSourceReach() up to the choice among
// shortest witnesses of equal length (tested on random graphs).
import { ACCESS_ACTIONS, ENVIRONMENTS } from '../model/index.js';
import { forEachSourceReach } from './all-sources.js';
import { ACCESS_WEIGHTS, DEFAULT_MODEL_TIER, MODEL_WEIGHTS, TIER_WEIGHTS, blastCounts } from './blast-radius.js';
import { Column } from './column.js';
import type { CompactGraph } from './compact.js';
import { IS_SOURCE, K } from './kinds.js';
import { capabilityIndex, reverseSteps, ReverseSearch, EFFECT } from './reverse-reach.js';

/** Rule of a pair row. */
export const PAIR = { SOD: 0, SENSITIVE: 1 } as const;

/**
 * Pair rows in columns: row r is (rule[r], source[r], target[r]) with the action mask (ALTER_ACTIONS bits for a
 * break, ACCESS_ACTIONS bits for a reach) and its witness paths packed in `pool` from `pathAt[r]` as
 * [length, slots…] — one path, or the alter path then the invoke path.
 */
export class PairRows {
  readonly rule = new Column(1024);
  readonly source = new Column(1024);
  readonly target = new Column(1024);
  readonly mask = new Column(1024);
  readonly pathAt = new Column(1024);
  readonly pool = new Column(4096);
  length = 0;
  poolLength = 0;

  /** Appends a row; `paths` are slot lists. */
  push(rule: number, source: number, target: number, mask: number, paths: readonly (readonly number[])[]): void {
    this.start(rule, source, target, mask);
    for (const p of paths) this.addPath(p);
  }

  /** Starts a row whose paths follow (addPath). */
  start(rule: number, source: number, target: number, mask: number): void {
    const r = this.length++;
    this.rule.set(r, rule);
    this.source.set(r, source);
    this.target.set(r, target);
    this.mask.set(r, mask);
    this.pathAt.set(r, this.poolLength);
  }

  /** Appends a path to the row started last. */
  addPath(slots: readonly number[]): void {
    this.pool.set(this.poolLength++, slots.length);
    for (const s of slots) this.pool.set(this.poolLength++, s);
  }

  /** Slots of the `which`-th path of row r (0: the only path or the alter path, 1: the invoke path). */
  path(r: number, which: number): number[] {
    const pool = this.pool.data;
    let at = this.pathAt.data[r] as number;
    for (let k = 0; k < which; k++) at += (pool[at] as number) + 1;
    return Array.from(pool.subarray(at + 1, at + 1 + (pool[at] as number)));
  }

  /** The rows as exact-length arrays (to send to another thread). */
  columns(): PairColumns {
    const n = this.length;
    return {
      rule: this.rule.data.slice(0, n), source: this.source.data.slice(0, n), target: this.target.data.slice(0, n),
      mask: this.mask.data.slice(0, n), pathAt: this.pathAt.data.slice(0, n), pool: this.pool.data.slice(0, this.poolLength),
    };
  }

  /** Rows from columns(). */
  static of(c: PairColumns): PairRows {
    const rows = new PairRows();
    rows.rule.data = c.rule;
    rows.source.data = c.source;
    rows.target.data = c.target;
    rows.mask.data = c.mask;
    rows.pathAt.data = c.pathAt;
    rows.pool.data = c.pool;
    rows.length = c.rule.length;
    rows.poolLength = c.pool.length;
    return rows;
  }

  /** Rows of passes over disjoint target sets (each in ascending target order), merged in target order. */
  static merge(parts: readonly PairRows[]): PairRows {
    const out = new PairRows();
    const at = parts.map(() => 0);
    for (;;) {
      let best = -1;
      for (let k = 0; k < parts.length; k++) {
        const p = parts[k] as PairRows;
        const r = at[k] as number;
        if (r < p.length && (best < 0 || (p.target.data[r] as number) < ((parts[best] as PairRows).target.data[at[best] as number] as number))) best = k;
      }
      if (best < 0) return out;
      const p = parts[best] as PairRows;
      const target = p.target.data[at[best] as number] as number;
      for (let r = at[best] as number; r < p.length && p.target.data[r] === target; r++, at[best] = r) {
        out.start(p.rule.data[r] as number, p.source.data[r] as number, target, p.mask.data[r] as number);
        const end = r + 1 < p.length ? (p.pathAt.data[r + 1] as number) : p.poolLength;
        for (let i = p.pathAt.data[r] as number; i < end; i++) out.pool.set(out.poolLength++, p.pool.data[i] as number);
      }
    }
  }

  /** Keeps the rows `keep` says yes to, in order. */
  filter(keep: (r: number) => boolean): void {
    let out = 0;
    let outPool = 0;
    const pool = this.pool.data;
    for (let r = 0; r < this.length; r++) {
      if (!keep(r)) continue;
      const at = this.pathAt.data[r] as number;
      const end = r + 1 < this.length ? (this.pathAt.data[r + 1] as number) : this.poolLength;
      pool.copyWithin(outPool, at, end);
      for (const col of [this.rule, this.source, this.target, this.mask]) col.data[out] = col.data[r] as number;
      this.pathAt.data[out] = outPool;
      outPool += end - at;
      out++;
    }
    this.length = out;
    this.poolLength = outPool;
  }
}

/** PairRows as plain typed arrays of exact length. */
export interface PairColumns {
  readonly rule: Int32Array;
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly mask: Int32Array;
  readonly pathAt: Int32Array;
  readonly pool: Int32Array;
}

export interface TargetPassResult {
  readonly rows: PairRows;
  /** Blast radius of every node (0 for nodes that are not finding sources). */
  readonly blast: Float64Array;
  /** Sources answered by the per-source pass (a backward witness passed a node twice). */
  readonly forward: number;
  /** Of those, the sources the per-source pass handed to the exact search (reach()). */
  readonly exact: number;
}

export interface TargetPassOptions {
  /** Sensitive resources: 0 <= tier <= maxTier (default 1). */
  readonly maxTier?: number;
  /** Called after each target with the number done and the total (progress). */
  readonly onProgress?: (done: number, total: number) => void;
}

const PROD = ENVIRONMENTS.indexOf('prod');
const NONE_FOUND = new Int32Array(0);

/** Per-node values of the current target, stamped by target number so nothing is cleared between targets. */
class Marks {
  readonly stamp: Int32Array;
  readonly value: Int32Array;
  constructor(n: number) {
    this.stamp = new Int32Array(n).fill(-1);
    this.value = new Int32Array(n);
  }
  get(node: number, stamp: number): number {
    return this.stamp[node] === stamp ? (this.value[node] as number) : 0;
  }
  or(node: number, stamp: number, bits: number): void {
    this.value[node] = this.get(node, stamp) | bits;
    this.stamp[node] = stamp;
  }
}

/**
 * One backward search and what it found for the current target: the action bits of each source and the state
 * that starts its shortest witness (valid until the search runs again).
 */
class TargetSearch {
  readonly search: ReverseSearch;
  readonly bits: Marks;
  readonly state: Marks;
  /** The sources the last search met, in order (a view is valid until the next search). */
  readonly found = new Column(1024);
  private readonly buffer: number[] = [];
  constructor(cg: CompactGraph, rev: ReturnType<typeof reverseSteps>, index: ReturnType<typeof capabilityIndex>) {
    this.search = new ReverseSearch(cg, rev, index);
    this.bits = new Marks(cg.order);
    this.state = new Marks(cg.order);
  }

  /** Appends the witness of source v (found by the last search, at `stamp`) to the row started last. */
  addWitness(v: number, stamp: number, rows: PairRows): void {
    this.buffer.length = 0;
    this.search.witness(this.state.get(v, stamp) - 1, this.buffer);
    rows.addPath(this.buffer);
  }
}

/** What a pass over some of the targets found, before the doubtful sources are settled (finishPass). */
export interface PartialPass {
  readonly rows: PairRows;
  /** Blast points by node from these targets (unrounded; doubtful sources' are replaced later). */
  readonly blast: Float64Array;
  /** 1 for sources whose witness to one of these targets passed a node twice. */
  readonly doubtful: Uint8Array;
}

/** The targets a pass searches, ascending: every model, and every resource the blast radius or the findings count. */
export function passTargets(cg: CompactGraph, maxTier: number): number[] {
  const targets: number[] = [];
  for (let t = 0; t < cg.order; t++) {
    const kind = cg.nodeKind[t] as number;
    const tier = cg.nodeTier[t] as number;
    if (kind === K.Model || (kind === K.Resource && (blastCounts(tier) || (tier >= 0 && tier <= maxTier)))) targets.push(t);
  }
  return targets;
}

/** Finds every pair, its witness and every blast radius; see the file comment. */
export function targetPass(cg: CompactGraph, options: TargetPassOptions = {}): TargetPassResult {
  const maxTier = options.maxTier ?? 1;
  const part = searchTargets(cg, passTargets(cg, maxTier), maxTier, options.onProgress);
  return finishPass(cg, [part], maxTier);
}

/** The pairs, witnesses and blast points of `targets` (ascending). */
export function searchTargets(cg: CompactGraph, targets: readonly number[], maxTier: number, onProgress?: (done: number, total: number) => void): PartialPass {
  const rev = reverseSteps(cg);
  const index = capabilityIndex(cg, rev);
  // NOTE: two searches, so a model's alter witnesses survive the invoke search that tells which are breaks.
  const alter = new TargetSearch(cg, rev, index);
  const main = new TargetSearch(cg, rev, index);
  const rows = new PairRows();
  const blast = new Float64Array(cg.order);
  const isSource = (v: number): boolean => IS_SOURCE[cg.nodeKind[v] as number] === 1 && cg.active[v] === 1;
  const doubtful = new Uint8Array(cg.order);
  let stamp = 0;

  /**
   * The sources reaching `target` by a capability of `effect` (invoke: in production only), in the order met,
   * each with its action bits and the state of its shortest witness in `ts`. When the target has capabilities
   * of several actions, one search per action gives the bits first; the last search, over every action, leaves
   * the witnesses. A source whose witness passes a node twice becomes doubtful (see finish).
   */
  const searchTarget = (ts: TargetSearch, target: number, effect: number): Int32Array => {
    const ok = (e: number): boolean => index.effect[e] === effect && (effect !== EFFECT.invoke || index.action[e] === PROD);
    let actions = 0;
    for (let e = index.starts[target] as number; e < (index.starts[target + 1] as number); e++) if (ok(e)) actions |= 1 << (index.action[e] as number);
    if (actions === 0) return NONE_FOUND;
    const several = (actions & (actions - 1)) !== 0;
    for (let a = 0; several && 1 << a <= actions; a++) {
      if ((actions & (1 << a)) === 0) continue;
      ts.search.forEachSource(target, (e) => ok(e) && index.action[e] === a, (v, st) => {
        if (!isSource(v) || doubtful[v] === 1) return;
        if (ts.search.simple(st)) ts.bits.or(v, stamp, 1 << a);
        else doubtful[v] = 1;
      });
    }
    let found = 0;
    ts.search.forEachSource(target, ok, (v, st) => {
      if (!isSource(v) || doubtful[v] === 1) return;
      if (!ts.search.simple(st)) {
        doubtful[v] = 1;
        return;
      }
      ts.found.set(found++, v);
      ts.state.or(v, stamp, st + 1);
      if (!several) ts.bits.or(v, stamp, actions);
    });
    return ts.found.data.subarray(0, found);
  };

  let done = 0;
  for (const t of targets) {
    stamp++;
    const tier = cg.nodeTier[t] as number;
    if (cg.nodeKind[t] === K.Model) {
      const weight = TIER_WEIGHTS[tier >= 0 ? tier : DEFAULT_MODEL_TIER] as number;
      for (const v of searchTarget(alter, t, EFFECT.alter)) if (doubtful[v] === 0) blast[v] = (blast[v] as number) + weight * MODEL_WEIGHTS.alter;
      for (const v of searchTarget(main, t, EFFECT.invoke)) {
        if (doubtful[v] === 1) continue;
        if (alter.state.get(v, stamp) === 0) blast[v] = (blast[v] as number) + weight * MODEL_WEIGHTS.invoke;
        else {
          rows.start(PAIR.SOD, v, t, alter.bits.get(v, stamp));
          alter.addWitness(v, stamp, rows);
          main.addWitness(v, stamp, rows);
        }
      }
    } else {
      for (const v of searchTarget(main, t, EFFECT.access)) {
        if (doubtful[v] === 1) continue;
        const mask = main.bits.get(v, stamp);
        if (blastCounts(tier)) {
          const strongest = ACCESS_ACTIONS[31 - Math.clz32(mask)] as keyof typeof ACCESS_WEIGHTS;
          blast[v] = (blast[v] as number) + (TIER_WEIGHTS[tier] as number) * ACCESS_WEIGHTS[strongest];
        }
        if (tier >= 0 && tier <= maxTier) {
          rows.start(PAIR.SENSITIVE, v, t, mask);
          main.addWitness(v, stamp, rows);
        }
      }
    }
    onProgress?.(++done, targets.length);
  }
  return { rows, blast, doubtful };
}

/**
 * Settles a pass from its parts (over disjoint target sets, each ascending): rows merged in target order, blast
 * points added up; then what was found for doubtful sources is replaced by the per-source pass (which skips
 * capabilities through the source itself and hands the rest of its doubts to reach()), and blast radii rounded.
 * The result does not depend on how the targets were split.
 */
export function finishPass(cg: CompactGraph, parts: readonly PartialPass[], maxTier: number): TargetPassResult {
  const doubtful = new Uint8Array(cg.order);
  const blast = new Float64Array(cg.order);
  for (const part of parts) {
    for (let v = 0; v < cg.order; v++) {
      doubtful[v] = (doubtful[v] as number) | (part.doubtful[v] as number);
      blast[v] = (blast[v] as number) + (part.blast[v] as number);
    }
  }
  const rows = parts.length === 1 ? (parts[0] as PartialPass).rows : PairRows.merge(parts.map((p) => p.rows));
  const sources: number[] = [];
  for (let v = 0; v < cg.order; v++) if (doubtful[v] === 1) sources.push(v);
  if (sources.length) rows.filter((r) => doubtful[rows.source.data[r] as number] === 0);
  let exact = 0;
  forEachSourceReach(cg, (x) => {
    if (!x.plain) exact++;
    blast[x.source] = x.blast;
    for (const w of x.sod) rows.push(PAIR.SOD, x.source, w.model, w.alterActions, [w.alter.edges, w.invoke.edges]);
    for (const w of x.sensitive) rows.push(PAIR.SENSITIVE, x.source, w.resource, w.actions, [w.access.edges]);
  }, { sources, maxTier });
  // NOTE: points are sums of halves (exact in floating point, in any order); rounding matches blastRadius().
  for (let v = 0; v < cg.order; v++) blast[v] = Math.round((blast[v] as number) * 10) / 10;
  return { rows, blast, forward: sources.length, exact };
}
