// Permission grants → edges. Application permissions (appRoleAssignments): a tier-0 Microsoft Graph permission gives
// CAN_ACCESS admin to its tier-0 target, and the escalation it allows (credentials on any app, or Global
// Administrator) with its named technique. Delegated grants (oauth2PermissionGrants) → DELEGATED with the scopes,
// to the consenting user, or for tenant-wide (AllPrincipals) consent to every user the directory's exports name and
// to the tenant's "every user" node (standing for the others).
import { MICROSOFT_GRAPH_APP_ID, TIER0_GRAPH_PERMISSIONS, tier0Permission, type Tier0Permission } from './catalogue.js';
import { missing, principalNode } from './directory.js';
import { entraEdge, entraNode, escalationTarget, everyUserId, objectId, tier0PermissionTargetId } from './ids.js';
import { isObject, list, str, type Located } from './normalize.js';
import type { Out } from './out.js';

/** App roles of Microsoft Graph's service principal in the same file: resource object id → app role id → value. */
export type AppRoleIndex = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Indexes the appRoles of the Microsoft Graph service principal when the file lists it. */
export function indexAppRoles(sps: readonly Located[]): AppRoleIndex {
  const index = new Map<string, Map<string, string>>();
  for (const { value } of sps) {
    const id = str(value, 'id');
    if (id === undefined || str(value, 'appId')?.toLowerCase() !== MICROSOFT_GRAPH_APP_ID) continue;
    const roles = new Map<string, string>();
    for (const r of list(value, 'appRoles')) if (isObject(r) && str(r, 'id') && str(r, 'value')) roles.set((r['id'] as string).toLowerCase(), r['value'] as string);
    if (roles.size > 0) index.set(id.toLowerCase(), roles);
  }
  return index;
}

/** The tier-0 permission an assignment grants: by its well-known Graph app role id, or by the value its resource names. */
function resolvePermission(appRoleId: string, resourceId: string | undefined, roles: AppRoleIndex): Tier0Permission | undefined {
  const known = tier0Permission(appRoleId);
  if (known) return known;
  const value = resourceId === undefined ? undefined : roles.get(resourceId.toLowerCase())?.get(appRoleId.toLowerCase());
  return value === undefined ? undefined : TIER0_GRAPH_PERMISSIONS.find((p) => p.value === value);
}

/** One application permission assignment. Only tier-0 Graph permissions give edges; the others are not modelled. */
export function transformAppRoleAssignment(entry: Located, tenant: string, roles: AppRoleIndex, file: string, out: Out): void {
  const o = entry.value;
  const principal = str(o, 'principalId');
  const appRole = str(o, 'appRoleId');
  if (principal === undefined || appRole === undefined) return missing(out, file, `${entry.at}.${principal === undefined ? 'principalId' : 'appRoleId'}`, 'an app role assignment without principalId and appRoleId');
  const permission = resolvePermission(appRole, str(o, 'resourceId'), roles);
  if (permission === undefined) return;
  const type = str(o, 'principalType')?.toLowerCase();
  if (type === 'serviceprincipal' && str(o, 'principalDisplayName')) {
    const node = principalNode('servicePrincipal', { id: principal, displayName: o['principalDisplayName'] }, file, entry.at);
    if (node) out.node(node);
  }
  const from = objectId(principal);
  out.edge(entraEdge('CAN_ACCESS', from, tier0PermissionTargetId(tenant, permission.value), { action: 'admin' }, file, entry.at));
  if (permission.escalation) {
    const esc = escalationTarget(tenant, permission.escalation.via, permission.escalation.technique);
    out.edge(entraEdge(esc.kind, from, esc.to, { technique: [esc.technique] }, file, entry.at));
  }
}

/** One delegated permission grant → DELEGATED from the client service principal with the granted scopes. */
export function transformGrant(entry: Located, tenant: string, users: readonly string[], file: string, out: Out): void {
  const o = entry.value;
  const client = str(o, 'clientId');
  if (client === undefined) return missing(out, file, `${entry.at}.clientId`, 'a delegated permission grant without a clientId');
  const scopes = (str(o, 'scope') ?? '').split(/\s+/).filter((s) => s !== '');
  if (scopes.length === 0) return;
  const allPrincipals = str(o, 'consentType')?.toLowerCase() === 'allprincipals';
  const principal = str(o, 'principalId');
  if (!allPrincipals && principal === undefined) return missing(out, file, `${entry.at}.principalId`, 'a Principal consent without a principalId');
  if (!allPrincipals) {
    out.edge(entraEdge('DELEGATED', objectId(client), objectId(principal as string), { scopes }, file, entry.at));
    return;
  }
  const every = everyUserId(tenant);
  out.node(entraNode(every, 'Human', `every user of ${tenant === 'default' ? 'the tenant' : `tenant ${tenant}`}`, {
    description: 'Stands for any user who signs in to an app with tenant-wide (AllPrincipals) consent.',
  }, file));
  // NOTE: tenant-wide consent acts as whoever signs in: every user the directory's exports name, and the hub for the rest.
  const note = 'tenant-wide admin consent (AllPrincipals): acts as any user who signs in';
  for (const to of [every, ...users.map(objectId)]) out.edge(entraEdge('DELEGATED', objectId(client), to, { scopes, note }, file, entry.at));
}
