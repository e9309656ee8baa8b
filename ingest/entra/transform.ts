// transform: one parsed export (any mix of Entra and Azure objects) → records. Pure. Objects are normalised
// (camelCase, dates), classified one by one, and handed to the module of their type; a file with any directory
// object also carries its tenant's crown jewels (ids.ts), so an export alone produces tier-0 targets.
import type { Records } from '../../src/model/index.js';
import { indexAzureRoles, transformAzureAssignment, type AzureRoleIndex } from './azure.js';
import { classify, type EntityType } from './classify.js';
import { principalNode, transformApplication, transformServicePrincipal } from './directory.js';
import { indexAppRoles, transformAppRoleAssignment, transformGrant } from './grants.js';
import { DEFAULT_TENANT, entraEdge, objectId, SOURCE, tenantJewels } from './ids.js';
import { camelize, isObject, list, objectsOf, str, type Located } from './normalize.js';
import { Out } from './out.js';
import { transformDirectoryRole, transformRoleAssignment, transformRoleDefinition } from './roles.js';

/** What a file may need from beside it (context.ts): Azure role definitions, and the object ids of the tenant's users. */
export interface EntraContext {
  readonly azureRoles?: AzureRoleIndex;
  readonly users?: readonly string[];
}

/** The objects of a document grouped by entity type; app role assignments expanded on service principals included. */
export function groupObjects(doc: unknown): { byType: Map<EntityType, Located[]>; unknown: Located[]; tenantId?: string } {
  const { objects, tenantId } = objectsOf(camelize(doc));
  const byType = new Map<EntityType, Located[]>();
  const unknown: Located[] = [];
  const add = (type: EntityType, o: Located): void => { (byType.get(type) ?? byType.set(type, []).get(type) as Located[]).push(o); };
  for (const o of objects) {
    const type = classify(o.value);
    if (type === undefined) { unknown.push(o); continue; }
    add(type, o);
    for (const field of ['appRoleAssignments', 'appRoleAssignedTo'] as const) {
      list(o.value, field).forEach((a, i) => { if (isObject(a)) add('appRoleAssignment', { value: a, at: `${o.at}.${field}[${i}]` }); });
    }
  }
  return { byType, unknown, ...(tenantId !== undefined ? { tenantId } : {}) };
}

/** Transforms one export document. */
export function transformEntra(doc: unknown, file: string, context: EntraContext = {}): Records {
  const out = new Out();
  const { byType, unknown, tenantId } = groupObjects(doc);
  const tenant = (tenantId ?? DEFAULT_TENANT).toLowerCase();
  const of = (type: EntityType): Located[] => byType.get(type) ?? [];
  if (byType.size === 0) {
    out.diagnostic({ severity: 'error', code: 'bad-value', source: SOURCE, file, field: '$', message: 'no Entra ID or Azure RBAC object found (service principals, applications, grants, role assignments, role definitions…); nothing was loaded from this file' });
    return out.records();
  }
  if (unknown.length > 0) {
    out.diagnostic({ severity: 'warning', code: 'unknown-kind', source: SOURCE, file, field: (unknown[0] as Located).at, message: `${unknown.length} object(s) of no type this source reads were skipped, the first at ${(unknown[0] as Located).at}` });
  }
  for (const e of of('servicePrincipal')) transformServicePrincipal(e, tenant, file, out);
  for (const e of of('application')) transformApplication(e, tenant, file, out);
  for (const type of ['user', 'group'] as const) {
    for (const e of of(type)) {
      const node = principalNode(type, e.value, file, e.at);
      if (node === undefined) continue;
      out.node(node);
      list(e.value, 'members').forEach((m, i) => {
        const id = isObject(m) ? str(m, 'id') : undefined;
        if (id !== undefined) out.edge(entraEdge('MEMBER_OF', objectId(id), node.id, {}, file, `${e.at}.members[${i}]`));
      });
    }
  }
  for (const e of of('directoryRole')) transformDirectoryRole(e, tenant, file, out);
  for (const e of of('roleAssignment')) transformRoleAssignment(e, tenant, file, out);
  for (const e of of('roleDefinition')) transformRoleDefinition(e, tenant, file, out);
  const appRoles = indexAppRoles(of('servicePrincipal'));
  for (const e of of('appRoleAssignment')) transformAppRoleAssignment(e, tenant, appRoles, file, out);
  for (const e of of('oauth2PermissionGrant')) transformGrant(e, tenant, context.users ?? [], file, out);
  const azureRoles = new Map([...(context.azureRoles ?? []), ...indexAzureRoles(of('azureRoleDefinition'))]);
  for (const e of of('azureRoleAssignment')) transformAzureAssignment(e, azureRoles, file, out);
  const directory = [...byType.keys()].some((t) => !t.startsWith('azure'));
  if (directory) {
    const jewels = tenantJewels(tenant, file);
    for (const n of jewels.nodes) out.node(n);
    for (const e of jewels.edges) out.edge(e);
  }
  return out.records();
}
