// Node kind groups used by several edge specs, so each list is written once.

/** Identities that act on their own. */
export const IDENTITIES = ['Human', 'AIAgent', 'ServiceAccount', 'WorkloadIdentity', 'OAuthApp'] as const;
/** Bearer credentials. */
export const CREDENTIALS = ['APIKey', 'Token', 'Secret'] as const;
/** Everything that can hold a permission: identities, groups, roles, credentials and pipelines. */
export const ACTORS = [...IDENTITIES, 'Group', 'Role', ...CREDENTIALS, 'Pipeline'] as const;
/** Anything that can hold or run with a credential. */
export const HOLDERS = [...IDENTITIES, 'Pipeline', 'Resource'] as const;
/** Things an identity can become. */
export const ACT_AS_TARGETS = [...IDENTITIES, 'Role', 'Pipeline'] as const;
