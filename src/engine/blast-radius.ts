// Blast radius: a deterministic score of what matters that one source reaches: the models it can alter or invoke
// in production and the critical resources (tier <= BLAST_MAX_TIER) by strongest action (docs/scoring.md).
// Counting every identity and low-tier resource reached would make the score quadratic in the estate (issue #5):
// each of these targets is scored once per source that reaches it, so the per-target pass gets every principal's
// score from the same searches that give its findings.
import { ACCESS_ACTIONS, type AccessAction } from '../model/index.js';
import type { CompactGraph } from './compact.js';
import { reach, type ReachResult } from './reach.js';
import type { Capability } from './types.js';

/** Weight of a reached resource or model by tier (0 = crown jewel … 4 = low). */
export const TIER_WEIGHTS: readonly number[] = [100, 40, 15, 5, 1];
/** Multiplier of a resource's tier weight by the strongest action held on it. */
export const ACCESS_WEIGHTS: Readonly<Record<AccessAction, number>> = { read: 1, write: 2, admin: 3 };
/** Multiplier of a model's tier weight by what the source can do to it (invoke counts in prod only). */
export const MODEL_WEIGHTS = { alter: 2, invoke: 0.5 } as const;
/** Tier assumed for a model that declares none. */
export const DEFAULT_MODEL_TIER = 1;
/** Resources of this tier or more sensitive count; a resource without a tier never does. */
export const BLAST_MAX_TIER = 1;

/** True when a resource of this tier (-1: none) counts in the blast radius. */
export function blastCounts(tier: number): boolean {
  return tier >= 0 && tier <= BLAST_MAX_TIER;
}

/** One line of a blast radius score: `count` items × `weight` = `points`. */
export interface BlastFactor {
  readonly label: string;
  readonly count: number;
  readonly weight: number;
  readonly points: number;
}

export interface BlastRadiusResult {
  readonly source: number;
  readonly score: number;
  /** Factors with a non-zero count, in a fixed order (models, then resources by tier). */
  readonly breakdown: readonly BlastFactor[];
}

function tierOf(cg: CompactGraph, node: number, fallback: number): number {
  const t = cg.nodeTier[node] as number;
  return t >= 0 ? t : fallback;
}

/** Strongest effect per target: alter > invoke(prod) for models, admin > write > read for resources. */
function strongest(cg: CompactGraph, caps: readonly Capability[]): { models: Map<number, 'alter' | 'invoke'>; resources: Map<number, AccessAction> } {
  const models = new Map<number, 'alter' | 'invoke'>();
  const resources = new Map<number, AccessAction>();
  for (const c of caps) {
    if (c.effect === 'alter') models.set(c.target, 'alter');
    else if (c.effect === 'invoke' && c.action === 'prod' && !models.has(c.target)) models.set(c.target, 'invoke');
    else if (c.effect === 'access') {
      const action = c.action as AccessAction;
      const prev = resources.get(c.target);
      if (prev === undefined || ACCESS_ACTIONS.indexOf(action) > ACCESS_ACTIONS.indexOf(prev)) resources.set(c.target, action);
    }
  }
  return { models, resources };
}

/** The blast radius of `source` (pass `reached` when it was already computed). */
export function blastRadius(cg: CompactGraph, source: number, reached: ReachResult = reach(cg, source)): BlastRadiusResult {
  const counts = new Map<string, { count: number; weight: number }>();
  const add = (label: string, weight: number): void => {
    const entry = counts.get(label);
    if (entry) entry.count++;
    else counts.set(label, { count: 1, weight });
  };
  const { models, resources } = strongest(cg, reached.capabilities);
  for (const [model, effect] of models) {
    const tier = tierOf(cg, model, DEFAULT_MODEL_TIER);
    add(`tier ${tier} model, ${effect === 'alter' ? 'alter' : 'invoke in prod'}`, (TIER_WEIGHTS[tier] as number) * MODEL_WEIGHTS[effect]);
  }
  for (const [resource, action] of resources) {
    const tier = cg.nodeTier[resource] as number;
    if (!blastCounts(tier)) continue;
    add(`tier ${tier} resource, ${action}`, (TIER_WEIGHTS[tier] as number) * ACCESS_WEIGHTS[action]);
  }
  const breakdown = [...counts].map(([label, { count, weight }]) => ({ label, count, weight, points: count * weight }));
  breakdown.sort((a, b) => order(a.label) - order(b.label) || b.weight - a.weight || a.label.localeCompare(b.label));
  const score = Math.round(breakdown.reduce((sum, f) => sum + f.points, 0) * 10) / 10;
  return { source, score, breakdown };
}

function order(label: string): number {
  return label.includes('model') ? 0 : 1;
}
