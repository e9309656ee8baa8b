// Separation of duties: for each source and model, whether the source can both alter the model and invoke it
// in production, with the shortest path of each and every simple path of each within the limits.
import type { CompactGraph } from './compact.js';
import { IS_SOURCE } from './kinds.js';
import { enumeratePaths, DEFAULT_CAP, DEFAULT_MAX_DEPTH, type PathsResult } from './paths.js';
import { reach, type ReachResult } from './reach.js';
import type { Capability, EnginePath } from './types.js';

/** Options every per-source finding search takes (SoD, sensitive reach). */
export interface SourceSearchOptions {
  /** Longest path enumerated, in edges (default 8). */
  readonly maxDepth?: number;
  /** Most paths enumerated per result (default 1000). */
  readonly cap?: number;
  /** Sources to check (default: every active node whose kind can start a finding). */
  readonly sources?: readonly number[];
  /** Reach results already computed, by source. */
  readonly reached?: ReadonlyMap<number, ReachResult>;
}

export type SodOptions = SourceSearchOptions;

export interface SodResult {
  readonly source: number;
  readonly model: number;
  /** The alter capabilities the source holds on the model. */
  readonly alter: readonly Capability[];
  /** The invoke-in-prod capabilities. */
  readonly invoke: readonly Capability[];
  readonly shortestAlter: EnginePath;
  readonly shortestInvoke: EnginePath;
  readonly alterPaths: PathsResult;
  readonly invokePaths: PathsResult;
}

/** True for an alter capability. */
export const isAlter = (c: Capability): boolean => c.effect === 'alter';
/** True for an invoke capability in production. */
export const isProdInvoke = (c: Capability): boolean => c.effect === 'invoke' && c.action === 'prod';

/** Active nodes whose kind can start a finding, ascending. */
export function findingSources(cg: CompactGraph): number[] {
  const out: number[] = [];
  for (let n = 0; n < cg.order; n++) if (IS_SOURCE[cg.nodeKind[n] as number] === 1 && cg.active[n] === 1) out.push(n);
  return out;
}

/** Every (source, model) separation-of-duties break, ordered by source then model. */
export function separationOfDuties(cg: CompactGraph, options: SodOptions = {}): SodResult[] {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const cap = options.cap ?? DEFAULT_CAP;
  const results: SodResult[] = [];
  for (const source of options.sources ?? findingSources(cg)) {
    const r = options.reached?.get(source) ?? reach(cg, source);
    const alter = new Map<number, Capability[]>();
    const invoke = new Map<number, Capability[]>();
    for (const c of r.capabilities) {
      const into = isAlter(c) ? alter : isProdInvoke(c) ? invoke : undefined;
      if (into) into.set(c.target, [...(into.get(c.target) ?? []), c]);
    }
    const models = [...alter.keys()].filter((m) => invoke.has(m)).sort((a, b) => a - b);
    for (const model of models) {
      const shortestAlter = r.shortest(model, isAlter);
      const shortestInvoke = r.shortest(model, isProdInvoke);
      if (!shortestAlter || !shortestInvoke) continue;
      results.push({
        source, model, alter: alter.get(model) ?? [], invoke: invoke.get(model) ?? [], shortestAlter, shortestInvoke,
        alterPaths: enumeratePaths(cg, { source, target: model, maxDepth, cap, filter: isAlter }),
        invokePaths: enumeratePaths(cg, { source, target: model, maxDepth, cap, filter: isProdInvoke }),
      });
    }
  }
  return results;
}
