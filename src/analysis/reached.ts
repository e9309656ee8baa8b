// What a principal reaches, grouped per (effect, target), shared by the blast and scope views: the actions held
// ordered by strength, the one to draw, and an order of targets by tier.
import type { Capability } from '../engine/index.js';
import type { NodeRef } from '../findings/index.js';
import { ACCESS_ACTIONS, type AccessAction } from '../model/index.js';

/** One model or resource a principal reaches: the effect, the target, its tier and the actions held. */
export interface ReachedTarget {
  readonly effect: Capability['effect'];
  readonly target: NodeRef;
  /** The target's tier, when it has one. */
  readonly tier: number | undefined;
  /** Actions held, weakest first (access: read, write, admin; invoke: environments). */
  readonly actions: readonly string[];
}

/** Capabilities grouped by effect and target, in first-seen order. */
export function groupCapabilities(caps: readonly Capability[]): Capability[][] {
  const out = new Map<string, Capability[]>();
  for (const c of caps) {
    const key = `${c.effect}\u0000${c.target}`;
    const list = out.get(key);
    if (list) list.push(c);
    else out.set(key, [c]);
  }
  return [...out.values()];
}

/** Distinct actions, access actions weakest first (read, write, admin), other actions alphabetically. */
export function byStrength(actions: Iterable<string>): string[] {
  const rank = (a: string): number => ACCESS_ACTIONS.indexOf(a as AccessAction);
  return [...new Set(actions)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The filter for a path that carries the strongest action of one group: admin rather than the read next to it,
 * invoke in prod rather than in staging; any action for alter.
 */
export function strongestFilter(group: readonly Capability[]): (c: Capability) => boolean {
  const first = group[0] as Capability;
  const actions = byStrength(group.map((c) => c.action));
  const strongest = first.effect === 'access' ? actions.at(-1) : first.effect === 'invoke' && actions.includes('prod') ? 'prod' : undefined;
  return (c) => c.effect === first.effect && (strongest === undefined || c.action === strongest);
}

/** Most sensitive tier first (no tier last), then effect, then target id. */
export function byTier<T extends { readonly tier: number | undefined; readonly effect: string; readonly target: { readonly id: string } }>(a: T, b: T): number {
  return (a.tier ?? 9) - (b.tier ?? 9) || a.effect.localeCompare(b.effect) || a.target.id.localeCompare(b.target.id);
}
