// Binding members (`user:`, `serviceAccount:`, `group:`, `domain:`, `allUsers`, `allAuthenticatedUsers`,
// `principal://` and `principalSet://` of workload and workforce identity pools, `deleted:…`) → the node each names.
// Every member node is a reference: a binding only names it; the service-accounts list describes service accounts.
import type { NodeKind, PropValue } from '../../src/model/index.js';
import { serviceAccountId } from './ids.js';

/** The node a member names. */
export interface MemberNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly properties: Record<string, PropValue>;
}

export type ParsedMember =
  | { readonly type: 'node'; readonly node: MemberNode }
  | { readonly type: 'deleted'; readonly what: string }
  | { readonly type: 'unknown' };

const IAM = 'iam.googleapis.com/';

/** What a member string names. */
export function parseMember(member: string): ParsedMember {
  if (member.startsWith('deleted:')) return { type: 'deleted', what: member.slice('deleted:'.length).replace(/\?uid=\d+$/, '') };
  if (member === 'allUsers') return node('gcp/allUsers', 'Group', 'allUsers (anyone on the internet)', {});
  if (member === 'allAuthenticatedUsers') return node('gcp/allAuthenticatedUsers', 'Group', 'allAuthenticatedUsers (any Google account)', {});
  const colon = member.indexOf(':');
  const prefix = member.slice(0, colon);
  const value = member.slice(colon + 1);
  if (colon <= 0 || value === '') return { type: 'unknown' };
  switch (prefix) {
    case 'serviceAccount': return node(serviceAccountId(value), 'ServiceAccount', value.toLowerCase(), { arn: value.toLowerCase() });
    case 'user': return node(`gcp/user/${value.toLowerCase()}`, 'Human', value.toLowerCase(), { email: value.toLowerCase() });
    case 'group': return node(`gcp/group/${value.toLowerCase()}`, 'Group', `group ${value.toLowerCase()}`, { x_email: value.toLowerCase() });
    case 'domain': return node(`gcp/domain/${value.toLowerCase()}`, 'Group', `every account of ${value.toLowerCase()}`, {});
    case 'principal':
    case 'principalSet': return poolMember(prefix, value);
    default: return { type: 'unknown' };
  }
}

/**
 * `principal://iam.googleapis.com/<pool>/subject/<s>` is one federated identity; `principalSet://…/<pool>/group/<g>`,
 * `…/attribute.<name>/<value>` and `…/*` are sets of them. Workload pools give a WorkloadIdentity (issuer = the pool,
 * subject = the selector); workforce pools a Human (one subject) or a Group (a set).
 */
function poolMember(prefix: 'principal' | 'principalSet', value: string): ParsedMember {
  if (!value.startsWith(`//${IAM}`)) return { type: 'unknown' };
  const path = value.slice(`//${IAM}`.length);
  const m = /^(.*\/(workloadIdentityPools|workforcePools)\/[^/]+)\/(.+)$/.exec(path);
  if (!m) return { type: 'unknown' };
  const [, pool, type, selector] = m as unknown as [string, string, string, string];
  const id = `gcp/${path}`;
  if (type === 'workloadIdentityPools') {
    return node(id, 'WorkloadIdentity', `${selector} in ${pool}`, { issuer: pool, subject: selector, ...(prefix === 'principalSet' ? { x_set: true } : {}) });
  }
  return prefix === 'principal' ? node(id, 'Human', `${selector} in ${pool}`, { x_pool: pool }) : node(id, 'Group', `${selector} in ${pool}`, { x_pool: pool });
}

function node(id: string, kind: NodeKind, name: string, properties: Record<string, PropValue>): ParsedMember {
  return { type: 'node', node: { id, kind, name, properties } };
}
