// Rule leaked-alter: a credential a secret scanner found leaked (`exposed`) can alter a model — whoever found the
// leak can train, fine-tune, write weights or training data, edit prompts or guardrails, promote or deploy it.
import type { EnginePath, PathsResult } from '../../engine/index.js';
import { edgeSpec } from '../../model/index.js';
import { bestScore, findingId, firstActAs, makePathSet, type FindingContext } from '../context.js';
import { FRAMEWORKS, frameworksOfFactors, uniqueFrameworks } from '../frameworks.js';
import { nodeRef } from '../refs.js';
import type { Finding } from '../types.js';
import { sodWeight } from './sod-alter-invoke.js';
import type { RuleSpec } from './spec.js';

export const leakedAlter = {
  id: 'leaked-alter',
  title: 'Leaked credential can alter a model',
  summary: 'A credential a secret scanner found outside a secret store can alter a model (train, fine-tune, write weights or training data, edit prompt or guardrails, promote, deploy).',
  help: 'docs/findings.md#leaked-alter',
  frameworks: [FRAMEWORKS.NHI2, FRAMEWORKS.AGENTIC_T3, FRAMEWORKS.MAESTRO_L2],
} as const satisfies RuleSpec;

/** One exposed credential and a model it can alter, with the alter paths. */
export interface LeakedAlterResult {
  readonly source: number;
  readonly model: number;
  /** Alter actions held, sorted. */
  readonly actions: readonly string[];
  readonly shortest: EnginePath;
  readonly paths: PathsResult;
}

/** Findings of this rule. Always critical: the credential is in other hands already, and the model is its target. */
export function leakedAlterFindings(ctx: FindingContext, results: readonly LeakedAlterResult[]): Finding[] {
  return results.map((r) => {
    const source = nodeRef(ctx.lookup, ctx.cg.ids[r.source] as string);
    const target = nodeRef(ctx.lookup, ctx.cg.ids[r.model] as string);
    const tierRaw = ctx.cg.nodeTier[r.model] ?? -1;
    const detail = `model tier ${tierRaw < 0 ? '1 (default)' : tierRaw}, altered with a leaked credential`;
    const set = makePathSet(ctx, 'alter', r.actions, r.source, r.shortest, r.paths, sodWeight(tierRaw), detail);
    const best = [...set.paths, set.shortest].reduce((a, b) => (b.rank.score > a.rank.score ? b : a));
    const cut = firstActAs(best) ?? best.edges[0];
    return {
      id: findingId(leakedAlter.id, source.id, target.id),
      rule: leakedAlter.id,
      severity: 'critical',
      score: bestScore([set]),
      title: `leaked ${source.label} can alter (${r.actions.join(', ')}) ${target.label}`,
      source, target, pathSets: [set],
      frameworks: uniqueFrameworks([leakedAlter.frameworks, frameworksOfFactors(best.rank.factors)]),
      remediation: [
        `Revoke ${source.label} now (pathwarden scope --exposed plans every leaked credential at once), then review what changed on ${target.label} since the leak.`,
        ...(cut ? [`${cut.kind} ${cut.from} → ${cut.to}: ${edgeSpec(cut.kind).remediation}`] : []),
      ],
    } satisfies Finding;
  });
}
