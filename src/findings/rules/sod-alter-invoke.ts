// Rule sod-alter-invoke: one identity or credential can both alter a model and invoke it in production.
import { DEFAULT_MODEL_TIER, MODEL_WEIGHTS, TIER_WEIGHTS, type SodResult } from '../../engine/index.js';
import { edgeSpec } from '../../model/index.js';
import { bestScore, findingId, firstActAs, makePathSet, type FindingContext } from '../context.js';
import { FRAMEWORKS, frameworksOfFactors, uniqueFrameworks } from '../frameworks.js';
import { nodeRef } from '../refs.js';
import { SEVERITIES, type Finding, type PathSet, type Severity } from '../types.js';
import type { RuleSpec } from './spec.js';

export const sodAlterInvoke = {
  id: 'sod-alter-invoke',
  title: 'Separation-of-duties break on a model',
  summary: 'One identity or credential can both alter a model (train, fine-tune, write weights or training data, edit prompt or guardrails, promote, deploy) and invoke it in production.',
  help: 'docs/findings.md#sod-alter-invoke',
  frameworks: [FRAMEWORKS.NHI5, FRAMEWORKS.AGENTIC_T3, FRAMEWORKS.MAESTRO_L1, FRAMEWORKS.GOVERN_2_1],
} as const satisfies RuleSpec;

/** Severity of a break on a model of `tier` through a path of this exploitability. */
export function sodSeverity(tier: number, exploitability: number): Severity {
  let rank = tier === 0 ? 4 : tier <= 2 ? 3 : 2;
  if (exploitability >= 2) rank = Math.min(4, rank + 1);
  return SEVERITIES[rank] as Severity;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** Target weight of a break on a model whose tier is `tierRaw` (-1: none declared). */
export function sodWeight(tierRaw: number): number {
  const tier = tierRaw < 0 ? DEFAULT_MODEL_TIER : tierRaw;
  // NOTE: holding both duties weighs what altering and invoking weigh together in the blast radius.
  return ((TIER_WEIGHTS[tier] ?? 1) * (MODEL_WEIGHTS.alter + MODEL_WEIGHTS.invoke)) / (TIER_WEIGHTS[DEFAULT_MODEL_TIER] ?? 1);
}

/** Findings of this rule from the engine's SoD results. */
export function sodFindings(ctx: FindingContext, results: readonly SodResult[]): Finding[] {
  return results.map((r) => {
    const source = nodeRef(ctx.lookup, ctx.cg.ids[r.source] as string);
    const target = nodeRef(ctx.lookup, ctx.cg.ids[r.model] as string);
    const tierRaw = ctx.cg.nodeTier[r.model] ?? -1;
    const tier = tierRaw < 0 ? DEFAULT_MODEL_TIER : tierRaw;
    const weight = sodWeight(tierRaw);
    const detail = `model tier ${tier}${tierRaw < 0 ? ' (default)' : ''}`;
    const alterActions = distinct(r.alter.map((c) => c.action));
    const sets: PathSet[] = [
      makePathSet(ctx, 'alter', alterActions, r.source, r.shortestAlter, r.alterPaths, weight, detail),
      makePathSet(ctx, 'invoke', ['prod'], r.source, r.shortestInvoke, r.invokePaths, weight, detail),
    ];
    // NOTE: ranked paths first, so a tie goes to the enumeration's order rather than to which shortest path was found.
    const best = [...sets.flatMap((s) => s.paths), ...sets.map((s) => s.shortest)].reduce((a, b) => (b.rank.score > a.rank.score ? b : a));
    const frameworks = uniqueFrameworks([
      sodAlterInvoke.frameworks,
      alterActions.includes('write_training_data') ? [FRAMEWORKS.MAESTRO_L2] : [],
      source.kind === 'AIAgent' ? [FRAMEWORKS.AGENTIC_T2] : [],
      frameworksOfFactors(best.rank.factors),
    ]);
    const alterBest = sets[0]?.paths[0] ?? sets[0]?.shortest;
    const cut = alterBest ? firstActAs(alterBest) : undefined;
    return {
      id: findingId(sodAlterInvoke.id, source.id, target.id),
      rule: sodAlterInvoke.id,
      severity: sodSeverity(tier, best.rank.exploitability),
      score: bestScore(sets),
      title: `${source.label} can alter (${alterActions.join(', ')}) and invoke in prod ${target.label}`,
      source, target, pathSets: sets, frameworks,
      remediation: [
        `Split the duties: the identities that ${alterActions.join('/')} ${target.label} must not be able to invoke it in production.`,
        ...(cut ? [`${cut.kind} ${cut.from} → ${cut.to}: ${edgeSpec(cut.kind).remediation}`] : []),
      ],
    } satisfies Finding;
  });
}
