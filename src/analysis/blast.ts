// Blast radius view of one or more principals: score breakdown and everything reached, with a path to each.
import { graphLookup } from '../graph/lookup.js';
import { blastRadius, reach, toCompact, type BlastRadiusResult, type Capability } from '../engine/index.js';
import { findingContext, rankEnginePath } from '../findings/context.js';
import { nodeRef, type NodeRef, type RankedPath } from '../findings/index.js';
import { parseSelector, selectNodes } from '../graph/select.js';
import { NotFoundError } from '../model/index.js';
import { byStrength, byTier, groupCapabilities, strongestFilter, type ReachedTarget } from './reached.js';
import type { LoadedGraph } from './load.js';

/** Most principals one blast query expands. */
export const MAX_BLAST_SOURCES = 1000;

export interface ReachedCapability extends ReachedTarget {
  readonly path: RankedPath;
}

export interface PrincipalBlast {
  readonly source: NodeRef;
  readonly score: number;
  readonly breakdown: BlastRadiusResult['breakdown'];
  readonly actsAs: readonly NodeRef[];
  readonly reached: readonly ReachedCapability[];
}

export interface BlastReport {
  readonly at: string;
  readonly selector: string;
  readonly matched: number;
  readonly principals: readonly PrincipalBlast[];
}

/** Blast radius of every principal a selector matches, highest score first. */
export function blastOf(loaded: LoadedGraph, selector: string, options: { at?: Date } = {}): BlastReport {
  const at = options.at ?? new Date();
  const cg = toCompact(loaded.graph, { at });
  const ids = selectNodes(loaded.graph, parseSelector(selector));
  if (ids.length === 0) throw new NotFoundError(`"${selector}" matches no node`);
  const lookup = graphLookup(loaded.graph, cg);
  const ctx = findingContext(lookup, cg);
  const principals: PrincipalBlast[] = ids.slice(0, MAX_BLAST_SOURCES).map((id) => {
    const s = cg.indexOf.get(id) as number;
    const br = blastRadius(cg, s);
    const r = reach(cg, s);
    const reached: ReachedCapability[] = [];
    for (const caps of groupCapabilities(r.capabilities)) {
      const first = caps[0] as Capability;
      const path = r.shortest(first.target, strongestFilter(caps));
      if (!path) continue;
      const tier = cg.nodeTier[first.target] ?? -1;
      reached.push({
        effect: first.effect, target: nodeRef(lookup, cg.ids[first.target] as string),
        tier: tier >= 0 ? tier : undefined, actions: byStrength(caps.map((c) => c.action)),
        path: rankEnginePath(ctx, s, path, 1, tier >= 0 ? `tier ${tier}` : first.effect),
      });
    }
    reached.sort(byTier);
    const actsAs = r.actAs.filter((n) => n !== s).map((n) => nodeRef(lookup, cg.ids[n] as string));
    return { source: nodeRef(lookup, id), score: br.score, breakdown: br.breakdown, actsAs, reached };
  });
  principals.sort((a, b) => b.score - a.score || a.source.id.localeCompare(b.source.id));
  return { at: at.toISOString(), selector, matched: ids.length, principals };
}
