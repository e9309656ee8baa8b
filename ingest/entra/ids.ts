// Node ids and shared nodes of the Entra source. Directory objects (users, groups, service principals) have
// object ids unique across Entra, so their ids are unscoped (`entra/<objectId>`) and every file that names one —
// a role's members, a grant, an Azure role assignment — points at the same node. Things that exist once per
// tenant (directory roles by template id, the tier-0 targets, the "any app" hub) are scoped by tenant.
import type { EdgeKind, EdgeRecord, NodeKind, NodeRecord, PropValue } from '../../src/model/index.js';
import type { SourceId } from '../types.js';
import { DIRECTORY_AS_USER_SCOPE, GLOBAL_ADMIN, TIER0_GRAPH_PERMISSIONS, TIER0_ROLES, techniqueLabel, type Escalation, type TechniqueId } from './catalogue.js';

export const SOURCE = 'entra' satisfies SourceId;
/** The tenant of exports that do not name one (Graph and PowerShell output never do). */
export const DEFAULT_TENANT = 'default';

export const objectId = (id: string): string => `entra/${id.toLowerCase()}`;
export const appId = (clientId: string): string => `entra/app/${clientId.toLowerCase()}`;
export const directoryRoleId = (tenant: string, templateId: string): string => `entra/${tenant}/directory-role/${templateId.toLowerCase()}`;
export const tier0RoleTargetId = (tenant: string, templateId: string): string => `entra/${tenant}/tier0/directory-role/${templateId.toLowerCase()}`;
export const tier0PermissionTargetId = (tenant: string, value: string): string => `entra/${tenant}/tier0/graph/${value}`;
export const anyAppId = (tenant: string): string => `entra/${tenant}/any-app`;
export const everyUserId = (tenant: string): string => `entra/${tenant}/every-user`;

/**
 * Id of an external workload that a federated credential trusts: `oidc/<issuer host and path>/<subject>`, e.g.
 * `oidc/token.actions.githubusercontent.com/repo:org/app:ref:refs/heads/main`. Any source that sees the same issuer
 * and subject (a CI export, another cloud) can produce the same id, so the nodes merge.
 */
export function workloadId(issuer: string, subject: string): string {
  return `oidc/${issuer.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '')}/${subject}`;
}

/** A node of this source. */
export function entraNode(id: string, kind: NodeKind, name: string, properties: Record<string, PropValue>, file: string, path?: string): NodeRecord {
  return { id, kind, name, tags: [], source: SOURCE, properties: { platform: 'entra', ...properties }, provenance: { source: SOURCE, file, ...(path ? { path } : {}) } };
}

/** An edge of this source. */
export function entraEdge(kind: EdgeKind, from: string, to: string, properties: Record<string, PropValue>, file: string, path?: string): EdgeRecord {
  return { kind, from, to, source: SOURCE, properties, provenance: { source: SOURCE, file, ...(path ? { path } : {}) } };
}

/** The node of a directory role (built-in roles are named from the catalogue so every file names them alike). */
export function directoryRoleNode(tenant: string, templateId: string, displayName: string | undefined, file: string): NodeRecord {
  const known = TIER0_ROLES.find((r) => r.templateId === templateId.toLowerCase());
  const name = known?.name ?? displayName ?? `directory role ${templateId}`;
  return entraNode(directoryRoleId(tenant, templateId), 'Role', name, { arn: templateId.toLowerCase() }, file);
}

/** Where an escalation leads in a tenant, and its technique label. */
export function escalationTarget(tenant: string, via: Escalation, technique: TechniqueId): { kind: EdgeKind; to: string; technique: string } {
  return via === 'mint-any-app'
    ? { kind: 'CAN_MINT_CREDENTIAL', to: anyAppId(tenant), technique: techniqueLabel(technique) }
    : { kind: 'CAN_ASSUME', to: directoryRoleId(tenant, GLOBAL_ADMIN), technique: techniqueLabel(technique) };
}

/**
 * The tenant's crown jewels, emitted identically by every file of the tenant: a tier-0 `Resource` per tier-0
 * directory role (reached by the role with CAN_ACCESS admin) and per tier-0 Graph permission, the tier-0 role
 * nodes, the escalations between them, and the "any app" hub that credential-adding rights lead to.
 */
export function tenantJewels(tenant: string, file: string): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  const label = tenant === DEFAULT_TENANT ? 'the tenant' : `tenant ${tenant}`;
  nodes.push(entraNode(anyAppId(tenant), 'Role', `any application or service principal of ${label}`, {
    description: 'Whoever can add a credential to every application and service principal can act as any of them.',
  }, file));
  for (const role of TIER0_ROLES) {
    nodes.push(directoryRoleNode(tenant, role.templateId, undefined, file));
    const target = tier0RoleTargetId(tenant, role.templateId);
    nodes.push(entraNode(target, 'Resource', `${role.name} of ${label}`, {
      tier: 0, type: 'entra-directory-role', description: `Tier-0 directory role ${role.name} (template ${role.templateId}).`,
    }, file));
    edges.push(entraEdge('CAN_ACCESS', directoryRoleId(tenant, role.templateId), target, { action: 'admin', scope: DIRECTORY_AS_USER_SCOPE }, file));
    if ('escalation' in role) {
      const esc = escalationTarget(tenant, role.escalation.via, role.escalation.technique);
      edges.push(entraEdge(esc.kind, directoryRoleId(tenant, role.templateId), esc.to, { technique: [esc.technique] }, file));
    }
  }
  for (const p of TIER0_GRAPH_PERMISSIONS) {
    nodes.push(entraNode(tier0PermissionTargetId(tenant, p.value), 'Resource', `Microsoft Graph ${p.value} of ${label}`, {
      tier: 0, type: 'entra-graph-permission', description: `Tier-0 Microsoft Graph application permission ${p.value} (app role ${p.appRoleId}).`,
    }, file));
  }
  return { nodes, edges };
}
