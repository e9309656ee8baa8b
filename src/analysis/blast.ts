// Blast radius view of one or more principals: score breakdown and everything reached, with a path to each.
import { blastRadius, reach, toCompact, type BlastRadiusResult, type Capability } from '../engine/index.js';
import { findingContext, rankEnginePath } from '../findings/context.js';
import { nodeRef, type NodeRef, type RankedPath } from '../findings/index.js';
import { parseSelector, selectNodes } from '../graph/select.js';
import { ACCESS_ACTIONS, NotFoundError, type AccessAction } from '../model/index.js';
import type { LoadedGraph } from './load.js';

/** Most principals one blast query expands. */
export const MAX_BLAST_SOURCES = 1000;

export interface ReachedCapability {
  readonly effect: Capability['effect'];
  readonly target: NodeRef;
  readonly tier: number | undefined;
  readonly actions: readonly string[];
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

function groupCapabilities(caps: readonly Capability[]): Map<string, Capability[]> {
  const groups = new Map<string, Capability[]>();
  for (const c of caps) {
    const key = `${c.effect}\u0000${c.target}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/** The strongest access action among a resource's capabilities (undefined for model effects). */
function strongestAction(caps: readonly Capability[]): string | undefined {
  if (caps[0]?.effect !== 'access') return undefined;
  return byStrength(caps.map((c) => c.action)).at(-1);
}

/** Access actions weakest first (read, write, admin); other actions alphabetically. */
function byStrength(actions: string[]): string[] {
  const rank = (a: string): number => ACCESS_ACTIONS.indexOf(a as AccessAction);
  return actions.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Blast radius of every principal a selector matches, highest score first. */
export function blastOf(loaded: LoadedGraph, selector: string, options: { at?: Date } = {}): BlastReport {
  const at = options.at ?? new Date();
  const cg = toCompact(loaded.graph, { at });
  const ids = selectNodes(loaded.graph, parseSelector(selector));
  if (ids.length === 0) throw new NotFoundError(`"${selector}" matches no node`);
  const ctx = findingContext(loaded.graph, cg);
  const principals: PrincipalBlast[] = ids.slice(0, MAX_BLAST_SOURCES).map((id) => {
    const s = cg.indexOf.get(id) as number;
    const br = blastRadius(cg, s);
    const r = reach(cg, s);
    const reached: ReachedCapability[] = [];
    for (const caps of groupCapabilities(r.capabilities).values()) {
      const first = caps[0] as Capability;
      const strongest = strongestAction(caps);
      // NOTE: draw a path that carries the strongest action shown (admin, not the read next to it).
      const path = r.shortest(first.target, (c) => c.effect === first.effect && (strongest === undefined || c.action === strongest));
      if (!path) continue;
      const tier = cg.nodeTier[first.target] ?? -1;
      reached.push({
        effect: first.effect, target: nodeRef(loaded.graph, cg.ids[first.target] as string),
        tier: tier >= 0 ? tier : undefined, actions: byStrength([...new Set(caps.map((c) => c.action))]),
        path: rankEnginePath(ctx, s, path, 1, tier >= 0 ? `tier ${tier}` : first.effect),
      });
    }
    reached.sort((a, b) => (a.tier ?? 9) - (b.tier ?? 9) || a.effect.localeCompare(b.effect) || a.target.id.localeCompare(b.target.id));
    const actsAs = r.actAs.filter((n) => n !== s).map((n) => nodeRef(loaded.graph, cg.ids[n] as string));
    return { source: nodeRef(loaded.graph, id), score: br.score, breakdown: br.breakdown, actsAs, reached };
  });
  principals.sort((a, b) => b.score - a.score || a.source.id.localeCompare(b.source.id));
  return { at: at.toISOString(), selector, matched: ids.length, principals };
}
