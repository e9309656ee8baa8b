// Registry of node kinds. NODE_KINDS order is stable: compact graphs index kinds by position.
import { aiAgent } from './ai-agent.js';
import { apiKey } from './api-key.js';
import { dataset } from './dataset.js';
import { group } from './group.js';
import { human } from './human.js';
import { model } from './model.js';
import { oauthApp } from './oauth-app.js';
import { pipeline } from './pipeline.js';
import { resource } from './resource.js';
import { role } from './role.js';
import { secret } from './secret.js';
import { serviceAccount } from './service-account.js';
import { token } from './token.js';
import { workloadIdentity } from './workload-identity.js';
import type { NodeCategory, NodeSpec } from './spec.js';

export type { NodeCategory, NodeSpec } from './spec.js';

export const NODE_SPECS = [
  human, aiAgent, serviceAccount, workloadIdentity, oauthApp, group, role,
  apiKey, token, secret, model, dataset, pipeline, resource,
] as const;

export type NodeKind = (typeof NODE_SPECS)[number]['kind'];
export const NODE_KINDS: readonly NodeKind[] = NODE_SPECS.map((s) => s.kind);

const BY_KIND = new Map<string, NodeSpec>(NODE_SPECS.map((s) => [s.kind, s]));

/** The spec of a node kind. */
export function nodeSpec(kind: NodeKind): (typeof NODE_SPECS)[number] {
  return BY_KIND.get(kind) as (typeof NODE_SPECS)[number];
}

/** True when `raw` names a node kind (case-sensitive). */
export function isNodeKind(raw: string): raw is NodeKind {
  return BY_KIND.has(raw);
}

/** Resolves a kind name case-insensitively (`aiagent`, `AIAgent`); undefined when unknown. */
export function parseNodeKind(raw: string): NodeKind | undefined {
  if (BY_KIND.has(raw)) return raw as NodeKind;
  const lower = raw.trim().toLowerCase().replace(/[-_ ]/g, '');
  return NODE_KINDS.find((k) => k.toLowerCase() === lower);
}

/** Node kinds of one category. */
export function kindsOf(category: NodeCategory): NodeKind[] {
  return NODE_SPECS.filter((s) => s.category === category).map((s) => s.kind);
}

/** Kinds that can start a finding (identities, credentials, pipelines). */
export const SOURCE_KINDS: readonly NodeKind[] = NODE_SPECS.filter((s) => s.isSource).map((s) => s.kind);
