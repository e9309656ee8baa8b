// Which Entra or Azure object a (camelCased) export object is, by `@odata.type` when present, else by its fields.
export const ENTITY_TYPES = [
  'servicePrincipal', 'application', 'user', 'group', 'oauth2PermissionGrant', 'appRoleAssignment', 'directoryRole',
  'roleAssignment', 'roleDefinition', 'azureRoleAssignment', 'azureRoleDefinition',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const ODATA: Readonly<Record<string, EntityType>> = {
  '#microsoft.graph.serviceprincipal': 'servicePrincipal', '#microsoft.graph.application': 'application',
  '#microsoft.graph.user': 'user', '#microsoft.graph.group': 'group', '#microsoft.graph.oauth2permissiongrant': 'oauth2PermissionGrant',
  '#microsoft.graph.approleassignment': 'appRoleAssignment', '#microsoft.graph.directoryrole': 'directoryRole',
  '#microsoft.graph.unifiedroleassignment': 'roleAssignment', '#microsoft.graph.unifiedroledefinition': 'roleDefinition',
};

const has = (o: Record<string, unknown>, ...keys: string[]): boolean => keys.every((k) => k in o);

/** The entity type of an object, or undefined when it is none this source reads. */
export function classify(o: Record<string, unknown>): EntityType | undefined {
  const odata = o['@odata.type'];
  if (typeof odata === 'string' && ODATA[odata.toLowerCase()] !== undefined) return ODATA[odata.toLowerCase()];
  if (has(o, 'roleName', 'permissions')) return 'azureRoleDefinition';
  if (has(o, 'roleDefinitionId', 'principalId', 'scope')) return 'azureRoleAssignment';
  if (has(o, 'roleDefinitionId', 'principalId')) return 'roleAssignment';
  if ('rolePermissions' in o) return 'roleDefinition';
  if (has(o, 'appRoleId', 'principalId', 'resourceId')) return 'appRoleAssignment';
  if (has(o, 'clientId', 'consentType')) return 'oauth2PermissionGrant';
  if ('roleTemplateId' in o) return 'directoryRole';
  if ('appId' in o && ('servicePrincipalType' in o || 'servicePrincipalNames' in o || 'appOwnerOrganizationId' in o || 'appRoleAssignmentRequired' in o)) return 'servicePrincipal';
  if ('appId' in o && ('requiredResourceAccess' in o || 'signInAudience' in o || 'identifierUris' in o)) return 'application';
  if ('userPrincipalName' in o) return 'user';
  if ('securityEnabled' in o || 'groupTypes' in o) return 'group';
  return undefined;
}
