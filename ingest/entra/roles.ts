// Directory roles → MEMBER_OF: activated roles with their members (`directoryRoles?$expand=members`,
// Get-MgDirectoryRole -ExpandProperty Members), unified role assignments (`roleManagement/directory/roleAssignments`)
// and role definitions, whose custom roles escalate when their actions add credentials or assign roles.
import { CUSTOM_ROLE_ACTIONS, techniqueLabel, tier0Role } from './catalogue.js';
import { classify } from './classify.js';
import { missing, principalNode } from './directory.js';
import { directoryRoleId, directoryRoleNode, entraEdge, escalationTarget, objectId } from './ids.js';
import { isObject, list, str, type Located } from './normalize.js';
import type { Out } from './out.js';

/** An activated directory role and its expanded members. */
export function transformDirectoryRole(entry: Located, tenant: string, file: string, out: Out): void {
  const o = entry.value;
  const template = str(o, 'roleTemplateId');
  if (template === undefined) return missing(out, file, `${entry.at}.roleTemplateId`, 'a directory role without a roleTemplateId');
  out.node(directoryRoleNode(tenant, template, str(o, 'displayName'), file));
  list(o, 'members').forEach((m, i) => {
    const path = `${entry.at}.members[${i}]`;
    if (!isObject(m)) return;
    const id = str(m, 'id');
    if (id === undefined) return missing(out, file, `${path}.id`, 'a role member without an id');
    const type = classify(m);
    const node = type ? principalNode(type, m, file, path) : undefined;
    if (node) out.node(node);
    out.edge(entraEdge('MEMBER_OF', objectId(id), directoryRoleId(tenant, template), {}, file, path));
  });
}

/** A unified role assignment: MEMBER_OF the role; one scoped below the tenant (`directoryScopeId` not `/`) is conditional. */
export function transformRoleAssignment(entry: Located, tenant: string, file: string, out: Out): void {
  const o = entry.value;
  const principal = str(o, 'principalId');
  const role = str(o, 'roleDefinitionId');
  if (principal === undefined || role === undefined) return missing(out, file, `${entry.at}.${principal === undefined ? 'principalId' : 'roleDefinitionId'}`, 'a role assignment without principalId and roleDefinitionId');
  const definition = isObject(o['roleDefinition']) ? o['roleDefinition'] : undefined;
  out.node(directoryRoleNode(tenant, role, definition ? str(definition, 'displayName') : undefined, file));
  if (isObject(o['principal'])) {
    const p = o['principal'];
    const type = classify(p);
    const node = type ? principalNode(type, { ...p, id: str(p, 'id') ?? principal }, file, `${entry.at}.principal`) : undefined;
    if (node) out.node(node);
  }
  const scope = str(o, 'directoryScopeId') ?? '/';
  out.edge(entraEdge('MEMBER_OF', objectId(principal), directoryRoleId(tenant, role), scope === '/' ? {} : { conditional: true, note: `scoped to ${scope}` }, file, entry.at));
}

/** A role definition: its node; a custom role whose allowed actions add credentials or assign roles escalates. */
export function transformRoleDefinition(entry: Located, tenant: string, file: string, out: Out): void {
  const o = entry.value;
  const template = str(o, 'templateId') ?? str(o, 'id');
  if (template === undefined) return missing(out, file, `${entry.at}.templateId`, 'a role definition without templateId or id');
  out.node(directoryRoleNode(tenant, template, str(o, 'displayName'), file));
  if (o['isBuiltIn'] === true || tier0Role(template)) return;
  const actions = list(o, 'rolePermissions').flatMap((p) => (isObject(p) ? list(p, 'allowedResourceActions') : [])).filter((a): a is string => typeof a === 'string');
  for (const rule of CUSTOM_ROLE_ACTIONS) {
    if (!actions.some((a) => rule.pattern.test(a))) continue;
    const esc = escalationTarget(tenant, rule.via, 'entra-010');
    out.edge(entraEdge(esc.kind, directoryRoleId(tenant, template), esc.to, { technique: [techniqueLabel('entra-010')] }, file, entry.at));
  }
}
