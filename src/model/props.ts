// Property specifications shared by node and edge specs: the one place where a property's type,
// allowed values and meaning are declared. Ingest validation, JSON schemas and docs derive from these.

/** Environments a node or an invoke edge can belong to. Aliases are accepted at parse time. */
export const ENVIRONMENTS = ['prod', 'staging', 'dev'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Spellings accepted for each environment (lower-cased input). */
export const ENVIRONMENT_ALIASES: Readonly<Record<string, Environment>> = {
  prod: 'prod', production: 'prod', prd: 'prod', live: 'prod',
  staging: 'staging', stage: 'staging', stg: 'staging', preprod: 'staging', qa: 'staging', test: 'staging',
  dev: 'dev', development: 'dev', sandbox: 'dev', local: 'dev',
};

/** Ways an identity can change a model, its data, its pipeline or its guardrails. */
export const ALTER_ACTIONS = [
  'train', 'fine_tune', 'write_weights', 'write_training_data', 'edit_prompt', 'edit_guardrail',
  'configure', 'promote', 'deploy',
] as const;
export type AlterAction = (typeof ALTER_ACTIONS)[number];

/** Access levels on a resource, weakest first. */
export const ACCESS_ACTIONS = ['read', 'write', 'admin'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** Lifecycle states of a credential; only `active` credentials are traversable. */
export const CREDENTIAL_STATUSES = ['active', 'disabled', 'revoked'] as const;

/** Sensitivity tiers of a resource or model: 0 = crown jewel … 4 = low. */
export const TIERS = [0, 1, 2, 3, 4] as const;
export type Tier = (typeof TIERS)[number];

export type PropType = 'string' | 'integer' | 'boolean' | 'datetime' | 'string[]' | 'enum';

/** Declaration of one property of a node or edge kind. */
export interface PropSpec {
  readonly type: PropType;
  readonly summary: string;
  /** Allowed values for `enum` properties. */
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly required?: boolean;
}

/** A property value as stored on a record (dates are ISO-8601 strings in UTC). */
export type PropValue = string | number | boolean | readonly string[];

/** Credential lifecycle properties, shared by every credential kind (declared once here). */
export const CREDENTIAL_PROPS = {
  created_at: { type: 'datetime', summary: 'When the credential was issued.' },
  expires_at: { type: 'datetime', summary: 'When it stops working; absent means it never expires.' },
  last_used_at: { type: 'datetime', summary: 'Last time it was seen authenticating.' },
  last_rotated_at: { type: 'datetime', summary: 'Last time its value was rotated.' },
  status: { type: 'enum', values: CREDENTIAL_STATUSES, summary: 'active, disabled or revoked; only active credentials are traversable.' },
  fingerprint: { type: 'string', summary: 'sha256 fingerprint of the secret value (never the value itself).' },
  key_id: { type: 'string', summary: 'Public identifier of the credential that is not itself secret (AWS access key id, GCP key id); joins sources that name the same key.' },
  exposed: { type: 'boolean', summary: 'True when a secret scanner found this credential\'s value outside a secret store (a leak): it ranks first and `scope --exposed` plans its revocation.' },
  exposed_in: { type: 'string[]', summary: 'Where the value was found (`file:line` in a repository or commit, as the scanner reported it).' },
  provider: { type: 'string', summary: 'Issuer of the credential (aws, github, openai, vault…).' },
} as const satisfies Record<string, PropSpec>;

/** Validity window properties shared by edges that can be granted for a limited time. */
export const VALIDITY_PROPS = {
  created_at: { type: 'datetime', summary: 'When the grant or binding became valid.' },
  expires_at: { type: 'datetime', summary: 'When it stops being valid; absent means no expiry.' },
} as const satisfies Record<string, PropSpec>;

/** Properties every edge kind may carry. */
export const COMMON_EDGE_PROPS = {
  ...VALIDITY_PROPS,
  scope: { type: 'string', summary: 'Permission or OAuth scope this edge represents; matched against DELEGATED scopes.' },
  conditional: { type: 'boolean', summary: 'True when the edge depends on a condition pathwarden could not decide.' },
  note: { type: 'string', summary: 'Free-text explanation from the source.' },
  technique: { type: 'string[]', summary: 'Privilege-escalation techniques that give this edge (catalogue id and name, e.g. `iam-001 iam:CreatePolicyVersion`; docs/sources.md); absent for a plain grant.' },
} as const satisfies Record<string, PropSpec>;

/** Properties every node kind may carry besides the common fields. */
export const COMMON_NODE_PROPS = {
  description: { type: 'string', summary: 'Free-text description.' },
  platform: { type: 'string', summary: 'Platform the node lives on (aws, gcp, github, k8s, openai…).' },
  reference: { type: 'boolean', summary: 'True when the source only names this node (a binding subject, a principal of another account, a profile a config refers to) without describing it. A full record of the same id from any source replaces it and keeps the properties only the reference had; references of one id merge silently.' },
} as const satisfies Record<string, PropSpec>;
