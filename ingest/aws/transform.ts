// transform: a parsed authorization-details export → records. Pure. Users become ServiceAccount nodes, groups
// Group, roles Role, instance profiles WorkloadIdentity (RUNS_AS their role); MEMBER_OF for group membership;
// CAN_ASSUME from trust policies; CAN_ACCESS admin on the account's tier-0 target for effective administrators; and
// the escalation techniques of techniques.ts as CAN_ACCESS admin / CAN_MINT_CREDENTIAL / CAN_ASSUME with `technique`;
// CAN_ALTER / CAN_INVOKE on the Bedrock and SageMaker models policies name (ai-actions.ts).
import { emptyRecords, type NodeRecord, type PropValue, type Records } from '../../src/model/index.js';
import { parseEnvironment } from '../values.js';
import { deriveBucketEdges, deriveModelEdges } from './ai-actions.js';
import { SOURCE, parseAuthz, type PrincipalBase } from './authz.js';
import { EdgeCollector } from './collect.js';
import { assumeGrantProps, trustedAccountProps } from './cross-account.js';
import { deriveEscalations } from './escalation.js';
import { adminTargetNode, awsNode, principalId } from './ids.js';
import { indexPrincipals } from './principals.js';
import { resolveTrust } from './trust.js';

/** Transforms one authorization-details document. */
export function transformAuthz(doc: unknown, file: string): Records {
  const out = emptyRecords();
  const authz = parseAuthz(doc, file, out.diagnostics);
  const index = indexPrincipals(authz, file, out.diagnostics);
  const accounts = new Set<string>();
  const node = (entry: PrincipalBase, kind: NodeRecord['kind'], type: 'user' | 'group' | 'role', extra: Record<string, PropValue> = {}): void => {
    accounts.add(entry.account);
    const environment = envOf(entry.tags);
    const record = awsNode(principalId(entry.account, type, entry.name), kind, entry.name, {
      arn: entry.arn, ...(entry.createdAt ? { x_created_at: entry.createdAt } : {}), ...extra,
    }, { source: SOURCE, file, path: entry.at }, entry.tags);
    out.nodes.push(environment ? { ...record, environment } : record);
  };
  const grants = new Map(index.principals.map((p) => [p.id, assumeGrantProps(p)]));
  for (const g of authz.groups) node(g, 'Group', 'group');
  for (const u of authz.users) {
    node(u, 'ServiceAccount', 'user', { ...(u.boundary ? { x_permissions_boundary: u.boundary } : {}), ...grants.get(principalId(u.account, 'user', u.name)) });
  }
  for (const r of authz.roles) {
    node(r, 'Role', 'role', {
      ...(r.boundary ? { x_permissions_boundary: r.boundary } : {}), ...(r.lastUsedAt ? { x_last_used_at: r.lastUsedAt } : {}),
      ...grants.get(principalId(r.account, 'role', r.name)), ...trustedAccountProps(r),
    });
  }
  const edges = new EdgeCollector(file);
  for (const p of index.principals) {
    for (const g of p.groups) edges.add('MEMBER_OF', p.id, principalId(g.account, 'group', g.name), undefined, { conditional: false }, p.entry.at);
  }
  const profiles = new Map<string, NodeRecord>();
  for (const r of authz.roles) {
    for (const [i, ip] of r.instanceProfiles.entries()) {
      const id = principalId(r.account, 'instance-profile', ip.name);
      const path = `${r.at}.InstanceProfileList[${i}]`;
      if (!profiles.has(id)) profiles.set(id, awsNode(id, 'WorkloadIdentity', `instance profile ${ip.name}`, { x_arn: ip.arn, issuer: 'ec2.amazonaws.com', subject: ip.arn }, { source: SOURCE, file, path }));
      edges.add('RUNS_AS', id, principalId(r.account, 'role', r.name), undefined, { conditional: false }, path);
    }
  }
  const trust = resolveTrust(index, authz.roles, file, out.diagnostics);
  for (const e of trust.edges) edges.addRecord(e);
  deriveEscalations(index, trust.assumers, edges);
  const models = [...deriveModelEdges(index, file, edges), ...deriveBucketEdges(index, file, edges)];
  for (const n of profiles.values()) out.nodes.push(n);
  for (const n of trust.nodes) out.nodes.push(n);
  for (const n of models) out.nodes.push(n);
  for (const account of [...accounts].sort()) out.nodes.push(adminTargetNode(account, file));
  for (const e of edges.records()) out.edges.push(e);
  return out;
}

/** The environment an `environment`/`env`/`stage` tag names, if any. */
function envOf(tags: readonly string[]): NodeRecord['environment'] {
  for (const tag of tags) {
    const m = /^(environment|env|stage)=(.*)$/i.exec(tag);
    const env = m ? parseEnvironment(m[2] as string) : undefined;
    if (env) return env;
  }
  return undefined;
}
