// The Entra crown jewels and escalation techniques, declared once: tier-0 directory roles (by role template id,
// the same in every tenant), tier-0 Microsoft Graph application permissions (by app role id, the same in every
// tenant) and the named techniques their holders get. docs/sources.md renders the same rows (tested).

/** One escalation technique: its id and name, as the `technique` edge property shows it. */
export interface EntraTechnique {
  readonly id: string;
  readonly name: string;
  /** Where it is described (primary source first). */
  readonly reference: string;
}

/** What holding a role or permission gives: credentials on every app, or every directory role. */
export type Escalation = 'mint-any-app' | 'assume-global-admin';

export const TECHNIQUES = {
  'entra-001': { id: 'entra-001', name: 'owner adds a credential', reference: 'https://learn.microsoft.com/en-us/graph/api/application-addpassword' },
  'entra-002': { id: 'entra-002', name: 'Application.ReadWrite.All adds a credential to any app', reference: 'https://posts.specterops.io/azure-privilege-escalation-via-azure-api-permissions-abuse-74aee1006f48' },
  'entra-003': { id: 'entra-003', name: 'AppRoleAssignment.ReadWrite.All grants itself RoleManagement.ReadWrite.Directory', reference: 'https://posts.specterops.io/azure-privilege-escalation-via-azure-api-permissions-abuse-74aee1006f48' },
  'entra-004': { id: 'entra-004', name: 'RoleManagement.ReadWrite.Directory assigns itself Global Administrator', reference: 'https://posts.specterops.io/azure-privilege-escalation-via-azure-api-permissions-abuse-74aee1006f48' },
  'entra-005': { id: 'entra-005', name: 'PIM schedule write assigns itself Global Administrator', reference: 'https://learn.microsoft.com/en-us/graph/api/rbacapplication-post-roleassignmentschedulerequests' },
  'entra-006': { id: 'entra-006', name: 'UserAuthenticationMethod.ReadWrite.All adds a Temporary Access Pass to a Global Administrator', reference: 'https://learn.microsoft.com/en-us/graph/api/authentication-post-temporaryaccesspassmethods' },
  'entra-007': { id: 'entra-007', name: 'Privileged Role Administrator assigns Global Administrator', reference: 'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference#privileged-role-administrator' },
  'entra-008': { id: 'entra-008', name: 'Privileged Authentication Administrator resets a Global Administrator\'s credentials', reference: 'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference#privileged-authentication-administrator' },
  'entra-009': { id: 'entra-009', name: 'application administrator role adds a credential to any app', reference: 'https://dirkjanm.io/azure-ad-privilege-escalation-application-admin/' },
  'entra-010': { id: 'entra-010', name: 'custom directory role with credential or role-assignment actions', reference: 'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/custom-available-permissions' },
} as const satisfies Record<string, EntraTechnique>;
export type TechniqueId = keyof typeof TECHNIQUES;

/** `<id> <name>`, the `technique` value. */
export function techniqueLabel(id: TechniqueId): string {
  return `${id} ${TECHNIQUES[id].name}`;
}

/** A tier-0 directory role (built-in, by template id). */
export interface Tier0Role {
  readonly templateId: string;
  readonly name: string;
  readonly escalation?: { readonly via: Escalation; readonly technique: TechniqueId };
}

export const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

/** Tier-0 directory roles: full control of the tenant, or one step from it. */
export const TIER0_ROLES = [
  { templateId: GLOBAL_ADMIN, name: 'Global Administrator' },
  { templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814', name: 'Privileged Role Administrator', escalation: { via: 'assume-global-admin', technique: 'entra-007' } },
  { templateId: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', name: 'Privileged Authentication Administrator', escalation: { via: 'assume-global-admin', technique: 'entra-008' } },
  { templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', name: 'Application Administrator', escalation: { via: 'mint-any-app', technique: 'entra-009' } },
  { templateId: '158c047a-c907-4556-b7ef-446551a6b5f7', name: 'Cloud Application Administrator', escalation: { via: 'mint-any-app', technique: 'entra-009' } },
  { templateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', name: 'Hybrid Identity Administrator' },
  { templateId: 'd29b2b05-8046-44ba-8758-1e26182fcf32', name: 'Directory Synchronization Accounts' },
  { templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d', name: 'Security Administrator' },
] as const satisfies readonly Tier0Role[];

/** A tier-0 Microsoft Graph application permission (app role of Microsoft Graph, by id). */
export interface Tier0Permission {
  readonly appRoleId: string;
  readonly value: string;
  readonly escalation?: { readonly via: Escalation; readonly technique: TechniqueId };
}

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export const TIER0_GRAPH_PERMISSIONS = [
  { appRoleId: '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8', value: 'RoleManagement.ReadWrite.Directory', escalation: { via: 'assume-global-admin', technique: 'entra-004' } },
  { appRoleId: '06b708a9-e830-4db3-a914-8e69da51d44f', value: 'AppRoleAssignment.ReadWrite.All', escalation: { via: 'assume-global-admin', technique: 'entra-003' } },
  { appRoleId: '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9', value: 'Application.ReadWrite.All', escalation: { via: 'mint-any-app', technique: 'entra-002' } },
  { appRoleId: 'dd199f4a-f148-40a4-a2ec-f0069cc799ec', value: 'RoleAssignmentSchedule.ReadWrite.Directory', escalation: { via: 'assume-global-admin', technique: 'entra-005' } },
  { appRoleId: 'fee28b28-e1f3-4841-818e-2704dc62245f', value: 'RoleEligibilitySchedule.ReadWrite.Directory', escalation: { via: 'assume-global-admin', technique: 'entra-005' } },
  { appRoleId: '50483e42-d915-4231-9639-7fdb7fd190e5', value: 'UserAuthenticationMethod.ReadWrite.All', escalation: { via: 'assume-global-admin', technique: 'entra-006' } },
  { appRoleId: '19dbc75e-c2e2-444c-a770-ec69d8559fc7', value: 'Directory.ReadWrite.All' },
  { appRoleId: '01c0a623-fc9b-48e9-b794-0756f8e8f067', value: 'Policy.ReadWrite.ConditionalAccess' },
] as const satisfies readonly Tier0Permission[];

/** Custom directory role actions (rolePermissions.allowedResourceActions) that escalate, checked in order. */
export const CUSTOM_ROLE_ACTIONS: readonly { readonly pattern: RegExp; readonly via: Escalation }[] = [
  { pattern: /^microsoft\.directory\/roleAssignments\/(create|allProperties\/(allTasks|update))$/i, via: 'assume-global-admin' },
  { pattern: /^microsoft\.directory\/(applications|servicePrincipals)\/(credentials\/update|allProperties\/(allTasks|update))$/i, via: 'mint-any-app' },
];

/** The tier-0 role of a template id, if any. */
export function tier0Role(templateId: string): Tier0Role | undefined {
  const id = templateId.toLowerCase();
  return (TIER0_ROLES as readonly Tier0Role[]).find((r) => r.templateId === id);
}

/** The tier-0 Graph permission of an app role id, if any. */
export function tier0Permission(appRoleId: string): Tier0Permission | undefined {
  const id = appRoleId.toLowerCase();
  return (TIER0_GRAPH_PERMISSIONS as readonly Tier0Permission[]).find((p) => p.appRoleId === id);
}

/** Delegated scope that lets an app use its signed-in user's directory roles (matched by DELEGATED scopes). */
export const DIRECTORY_AS_USER_SCOPE = 'Directory.AccessAsUser.All';
