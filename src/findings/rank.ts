// Path rank: 10 × blast factor of the source × principal factor × exploitability of the path's entry credential
// × the target's weight × a length factor. Every factor is recorded so each ranked path can explain its score
// (docs/scoring.md).
import type { GraphLookup } from '../graph/lookup.js';
import { nodeSpec, type NodeKind, type NodeRecord } from '../model/index.js';
import type { NodeRef, PathRank, PathSet, RankFactor } from './types.js';

const DAY_MS = 86_400_000;
/** Age after which a credential counts as long-lived, stale or unrotated. */
export const STALE_AFTER_DAYS = 90;

/** Weights added to the exploitability multiplier (base 1) per risk factor of the entry credential. */
export const EXPLOITABILITY_WEIGHTS = {
  // NOTE: above 7, so within one finding a path whose entry credential is exposed outranks every other path even
  // at half the length factor (1 + 8 = 9 × 0.5 > 4, the most the other factors add up to, × 1).
  exposed: 8,
  no_expiry: 0.5,
  long_lived: 0.5,
  never_rotated: 0.5,
  unused: 0.25,
  shared_across_environments: 0.75,
  shared_by_many_holders: 0.5,
} as const;
export type CredentialRisk = keyof typeof EXPLOITABILITY_WEIGHTS;

/** Each extra hop beyond the first lowers the rank by this fraction (longer paths are harder to walk). */
export const HOP_PENALTY = 0.05;

/**
 * How much a path from this kind of principal weighs. pathwarden is about non-human identities: an agent acts
 * autonomously and can be steered by prompt injection, a bearer credential works for whoever holds a copy,
 * while a human signs in interactively (MFA, IGA reviews) and usually holds their access by design.
 */
export const PRINCIPAL_WEIGHTS = {
  AIAgent: 1.5, APIKey: 1.25, Token: 1.25, Secret: 1.25, OAuthApp: 1.25,
  ServiceAccount: 1, WorkloadIdentity: 1, Pipeline: 1, Human: 0.5,
} as const satisfies Partial<Record<NodeKind, number>>;

/** Weight of kinds that can start a path but are not listed in PRINCIPAL_WEIGHTS. */
const OTHER_PRINCIPAL = 1;

/** The tag of a Pipeline outsiders can run code as (a GitHub job on `pull_request_target` that checks out the head). */
export const ENTRY_POINT_TAG = 'entry-point';
/**
 * Multiplies the principal weight of a source tagged ENTRY_POINT_TAG: anyone who can open a pull request acts as
 * it, so it weighs what a leaked bearer credential's holder would (1.25 × 2 = 2.5 ≥ an agent's 1.5).
 */
export const ENTRY_POINT_WEIGHT = 2;

/** The principal weight of a source and its explanation: its kind's weight, doubled for a Pipeline entry point. */
export function sourceWeight(node: Pick<NodeRecord, 'kind' | 'tags' | 'properties'>): { weight: number; detail: string } {
  const base = principalWeight(node.kind);
  if (node.kind !== 'Pipeline' || !node.tags.includes(ENTRY_POINT_TAG)) return { weight: base, detail: `${node.kind} source` };
  const why = node.properties['x_entry_point'];
  return { weight: base * ENTRY_POINT_WEIGHT, detail: `${node.kind} source, entry point: ${typeof why === 'string' ? why : 'outsiders can run code as it'}` };
}

/** The blast factor: 1 + log10(1 + blast radius), so reach amplifies a path's rank without drowning the rest. */
export function blastFactor(blastRadius: number): number {
  return 1 + Math.log10(1 + Math.max(0, blastRadius));
}

function dateOf(node: NodeRecord, prop: string): number | undefined {
  const v = node.properties[prop];
  return typeof v === 'string' ? Date.parse(v) : undefined;
}

function daysBetween(a: number, b: number): number {
  return Math.floor((b - a) / DAY_MS);
}

/** Risk factors of one credential at time `at`. Pure; used by ranking and by scope reports. */
export function credentialRisks(lookup: GraphLookup, id: string, at: number): RankFactor[] {
  const node = lookup.node(id);
  const factors: RankFactor[] = [];
  const add = (name: CredentialRisk, detail: string): void => {
    factors.push({ name, detail, weight: EXPLOITABILITY_WEIGHTS[name] });
  };
  if (node.properties['exposed'] === true) {
    const where = node.properties['exposed_in'];
    add('exposed', Array.isArray(where) && where.length > 0 ? `was found leaked at ${(where as readonly string[]).join('; ')}` : 'was found leaked by a secret scanner');
  }
  const created = dateOf(node, 'created_at');
  const expires = dateOf(node, 'expires_at');
  const used = dateOf(node, 'last_used_at');
  const rotated = dateOf(node, 'last_rotated_at');
  if (expires === undefined) add('no_expiry', 'has no expiry date');
  if (created !== undefined && daysBetween(created, at) > STALE_AFTER_DAYS) {
    add('long_lived', `issued ${daysBetween(created, at)} days ago`);
  }
  const lastChange = rotated ?? created;
  if (lastChange === undefined) add('never_rotated', 'no issue or rotation date recorded');
  else if (daysBetween(lastChange, at) > STALE_AFTER_DAYS) {
    add('never_rotated', rotated === undefined ? 'never rotated since issue' : `last rotated ${daysBetween(rotated, at)} days ago`);
  }
  if (used === undefined) add('unused', 'no recorded use (nobody would notice it being used or revoked)');
  else if (daysBetween(used, at) > STALE_AFTER_DAYS) add('unused', `last used ${daysBetween(used, at)} days ago`);
  const { holders, environments } = lookup.credentialHolders(id);
  const envs = new Set<string>(environments);
  if (node.environment) envs.add(node.environment);
  if (envs.size > 1) add('shared_across_environments', `held in ${[...envs].sort().join(', ')}`);
  if (holders > 2) add('shared_by_many_holders', `held by ${holders} identities or systems`);
  return factors;
}

/** True when a path's rank factors say its entry credential is exposed (a secret scanner found its value). */
export function isExposedRank(rank: { readonly factors: readonly RankFactor[] }): boolean {
  return rank.factors.some((f) => f.name === 'exposed');
}

/**
 * True when a finding's best path has an exposed entry credential. EXPLOITABILITY_WEIGHTS.exposed makes any such
 * path outrank the finding's other paths, so it is enough that one ranked path has one.
 */
export function isExposedFinding(f: { readonly pathSets: readonly PathSet[] }): boolean {
  return f.pathSets.some((s) => isExposedRank(s.shortest.rank) || s.paths.some((p) => isExposedRank(p.rank)));
}

/** The first credential on a path (the source itself when it is a credential). */
export function entryCredential(nodes: readonly NodeRef[]): NodeRef | undefined {
  return nodes.find((n) => nodeSpec(n.kind).category === 'credential');
}

/** The weight of a source kind (PRINCIPAL_WEIGHTS, else 1). */
export function principalWeight(kind: NodeKind): number {
  return (PRINCIPAL_WEIGHTS as Partial<Record<NodeKind, number>>)[kind] ?? OTHER_PRINCIPAL;
}

/** 1 for one hop, minus HOP_PENALTY per further hop, never below 0.5. */
export function lengthFactorOf(edgeCount: number): number {
  return Math.max(0.5, 1 - HOP_PENALTY * Math.max(0, edgeCount - 1));
}

/** 1 plus the weights of the entry credential's risk factors. */
export function exploitabilityOf(risks: readonly RankFactor[]): number {
  return risks.reduce((sum, f) => sum + f.weight, 1);
}

/** The score of a path from its parts (docs/scoring.md), rounded to one decimal. */
export function pathScore(blastRadius: number, principal: number, exploitability: number, targetWeight: number, edgeCount: number): number {
  return round(10 * blastFactor(blastRadius) * principal * exploitability * targetWeight * lengthFactorOf(edgeCount), 1);
}

/** Ranks one path. `targetWeight` comes from the rule (tier and action of what the path reaches). */
export function rankPath(
  lookup: GraphLookup, nodes: readonly NodeRef[], edgeCount: number, blastRadius: number,
  targetWeight: number, targetDetail: string, at: number,
): PathRank {
  const entry = entryCredential(nodes);
  const source = nodes[0] as NodeRef;
  const blast = blastFactor(blastRadius);
  const { weight: principal, detail: principalDetail } = sourceWeight(lookup.node(source.id));
  const factors: RankFactor[] = [
    { name: 'blast_radius', detail: `source blast radius ${blastRadius}`, weight: round(blast, 2) },
    { name: 'principal', detail: principalDetail, weight: principal },
    { name: 'target', detail: targetDetail, weight: targetWeight },
  ];
  const risks = entry ? credentialRisks(lookup, entry.id, at) : [];
  if (entry) for (const f of risks) factors.push({ ...f, detail: `${entry.label} ${f.detail}` });
  else factors.push({ name: 'no_credential', detail: 'no bearer credential on the path (interactive or federated sign-in)', weight: 0 });
  const exploitability = exploitabilityOf(risks);
  const lengthFactor = lengthFactorOf(edgeCount);
  factors.push({ name: 'path_length', detail: `${edgeCount} hop${edgeCount === 1 ? '' : 's'}`, weight: lengthFactor });
  return {
    score: pathScore(blastRadius, principal, exploitability, targetWeight, edgeCount), blastRadius, blastFactor: round(blast, 2),
    principalWeight: principal, exploitability: round(exploitability, 2), targetWeight, lengthFactor,
    ...(entry ? { entryCredential: entry.id } : {}), factors,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
