// Registry of edge kinds. EDGE_KINDS order is stable: compact graphs index kinds by position.
import { authenticatesAs } from './authenticates-as.js';
import { canAccess } from './can-access.js';
import { canAlter } from './can-alter.js';
import { canAssume } from './can-assume.js';
import { canImpersonate } from './can-impersonate.js';
import { canInvoke } from './can-invoke.js';
import { canMintCredential } from './can-mint-credential.js';
import { canReadSecret } from './can-read-secret.js';
import { delegated } from './delegated.js';
import { deploys } from './deploys.js';
import { hasCredential } from './has-credential.js';
import { memberOf } from './member-of.js';
import { runsAs } from './runs-as.js';
import { trains } from './trains.js';
import type { EdgeFamily, EdgeSpec } from './spec.js';

export type { EdgeFamily, EdgeSpec } from './spec.js';

export const EDGE_SPECS = [
  authenticatesAs, hasCredential, canAssume, memberOf, delegated, canImpersonate, canMintCredential,
  canReadSecret, runsAs, canAlter, canInvoke, canAccess, trains, deploys,
] as const;

export type EdgeKind = (typeof EDGE_SPECS)[number]['kind'];
export const EDGE_KINDS: readonly EdgeKind[] = EDGE_SPECS.map((s) => s.kind);

const BY_KIND = new Map<string, EdgeSpec>(EDGE_SPECS.map((s) => [s.kind, s]));

/** The spec of an edge kind. */
export function edgeSpec(kind: EdgeKind): EdgeSpec {
  return BY_KIND.get(kind) as EdgeSpec;
}

/** True when `raw` names an edge kind. */
export function isEdgeKind(raw: string): raw is EdgeKind {
  return BY_KIND.has(raw);
}

/** Resolves an edge kind name case-insensitively (`can-alter`, `CAN_ALTER`); undefined when unknown. */
export function parseEdgeKind(raw: string): EdgeKind | undefined {
  const norm = raw.trim().toUpperCase().replace(/[- ]/g, '_');
  return BY_KIND.has(norm) ? (norm as EdgeKind) : undefined;
}

/** Edge kinds of one family. */
export function edgeKindsOf(family: EdgeFamily): EdgeKind[] {
  return EDGE_SPECS.filter((s) => s.family === family).map((s) => s.kind);
}
