// Rule sensitive-reach: an identity or credential reaches a resource at or above the tier threshold.
import { ACCESS_WEIGHTS, TIER_WEIGHTS, type SensitiveResult } from '../../engine/index.js';
import { edgeSpec, type AccessAction } from '../../model/index.js';
import { bestScore, findingId, firstActAs, makePathSet, type FindingContext } from '../context.js';
import { FRAMEWORKS, frameworksOfFactors, uniqueFrameworks } from '../frameworks.js';
import { nodeRef } from '../refs.js';
import { SEVERITIES, type Finding, type Severity } from '../types.js';
import type { RuleSpec } from './spec.js';

export const sensitiveReach = {
  id: 'sensitive-reach',
  title: 'Identity or credential reaches a sensitive system',
  summary: 'An identity or credential can read, write or administer a resource at or above the sensitivity tier threshold.',
  help: 'docs/findings.md#sensitive-reach',
  frameworks: [FRAMEWORKS.NHI5, FRAMEWORKS.AGENTIC_T3, FRAMEWORKS.MAESTRO_L4],
} as const satisfies RuleSpec;

/** Severity of reaching a resource of `tier` with `action` (the strongest held) through a path of this exploitability. */
export function sensitiveSeverity(tier: number, action: string, exploitability: number): Severity {
  const strong = action !== 'read';
  let rank = tier === 0 ? (strong ? 4 : 3) : tier === 1 ? (strong ? 3 : 2) : tier === 2 ? 2 : 1;
  if (exploitability >= 2) rank = Math.min(4, rank + 1);
  return SEVERITIES[rank] as Severity;
}

/** Target weight of reaching a resource of `tier` with `strongest` access. */
export function sensitiveWeight(tier: number, strongest: string): number {
  return ((TIER_WEIGHTS[tier] ?? 1) * (ACCESS_WEIGHTS[strongest as AccessAction] ?? 1)) / (TIER_WEIGHTS[1] ?? 1);
}

/** Findings of this rule from the engine's sensitive-reach results. */
export function sensitiveFindings(ctx: FindingContext, results: readonly SensitiveResult[]): Finding[] {
  return results.map((r) => {
    const source = nodeRef(ctx.lookup, ctx.cg.ids[r.source] as string);
    const target = nodeRef(ctx.lookup, ctx.cg.ids[r.resource] as string);
    const strongest = (r.actions[r.actions.length - 1] ?? 'read') as AccessAction;
    const weight = sensitiveWeight(r.tier, strongest);
    const detail = `tier ${r.tier} resource, ${strongest} access`;
    const set = makePathSet(ctx, 'access', r.actions, r.source, r.shortest, r.paths, weight, detail);
    // NOTE: ranked paths first, so a tie goes to the enumeration's order rather than to which shortest path was found.
    const best = [...set.paths, set.shortest].reduce((a, b) => (b.rank.score > a.rank.score ? b : a));
    const viaDelegation = best.edges.some((e) => e.kind === 'DELEGATED' || e.kind === 'CAN_IMPERSONATE');
    const frameworks = uniqueFrameworks([
      sensitiveReach.frameworks,
      source.kind === 'AIAgent' ? [FRAMEWORKS.AGENTIC_T2] : [],
      source.kind === 'OAuthApp' ? [FRAMEWORKS.NHI3, FRAMEWORKS.GOVERN_6_1] : [],
      viaDelegation ? [FRAMEWORKS.AGENTIC_T9] : [],
      frameworksOfFactors(best.rank.factors),
    ]);
    const cut = firstActAs(best) ?? best.edges[0];
    return {
      id: findingId(sensitiveReach.id, source.id, target.id),
      rule: sensitiveReach.id,
      severity: sensitiveSeverity(r.tier, strongest, best.rank.exploitability),
      score: bestScore([set]),
      title: `${source.label} can ${r.actions.join('/')} tier-${r.tier} ${target.label}`,
      source, target, pathSets: [set], frameworks,
      remediation: cut ? [`${cut.kind} ${cut.from} → ${cut.to}: ${edgeSpec(cut.kind).remediation}`] : [],
    } satisfies Finding;
  });
}
