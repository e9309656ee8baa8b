// Sensitive reach: every source that can read, write or administer a resource at or above a tier threshold,
// with the shortest path and every simple path within the limits.
import { ACCESS_ACTIONS } from '../model/index.js';
import type { CompactGraph } from './compact.js';
import { enumeratePaths, DEFAULT_CAP, DEFAULT_MAX_DEPTH, type PathsResult } from './paths.js';
import { reach } from './reach.js';
import { findingSources, type SourceSearchOptions } from './sod.js';
import type { Capability, EnginePath } from './types.js';

export interface SensitiveOptions extends SourceSearchOptions {
  /** Report resources with 0 <= tier <= maxTier (default 1). */
  readonly maxTier?: number;
}

export interface SensitiveResult {
  readonly source: number;
  readonly resource: number;
  readonly tier: number;
  /** Distinct access actions held, weakest first (the strongest is last). */
  readonly actions: readonly string[];
  readonly shortest: EnginePath;
  readonly paths: PathsResult;
}

/** True for an access capability (on a resource). */
export const isAccess = (c: Capability): boolean => c.effect === 'access';

/** Every (source, resource) pair where the source reaches a resource of tier <= maxTier, by source then resource. */
export function sensitiveReach(cg: CompactGraph, options: SensitiveOptions = {}): SensitiveResult[] {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const cap = options.cap ?? DEFAULT_CAP;
  const maxTier = options.maxTier ?? 1;
  const results: SensitiveResult[] = [];
  for (const source of options.sources ?? findingSources(cg)) {
    const r = options.reached?.get(source) ?? reach(cg, source);
    const actions = new Map<number, Set<string>>();
    for (const c of r.capabilities) {
      const tier = cg.nodeTier[c.target] as number;
      if (!isAccess(c) || tier < 0 || tier > maxTier) continue;
      actions.set(c.target, (actions.get(c.target) ?? new Set()).add(c.action));
    }
    for (const resource of [...actions.keys()].sort((a, b) => a - b)) {
      const shortest = r.shortest(resource, isAccess);
      if (!shortest) continue;
      const held = [...(actions.get(resource) ?? [])].sort((a, b) => ACCESS_ACTIONS.indexOf(a as never) - ACCESS_ACTIONS.indexOf(b as never));
      results.push({
        source, resource, tier: cg.nodeTier[resource] as number, actions: held, shortest,
        paths: enumeratePaths(cg, { source, target: resource, maxDepth, cap, filter: isAccess }),
      });
    }
  }
  return results;
}
