// GCP IAM permissions pathwarden classifies, and the permissions of the predefined roles that matter, declared once:
// docs/sources.md renders the same rows (tested). Only classified permissions make edges; a role's other permissions
// are not listed here (a predefined role below lists only the classified permissions it includes).
import type { AlterAction } from '../../src/model/index.js';

/** What a permission lets its holder do, and to which target of the binding's resource. */
export type PermissionUse = 'impersonate' | 'mint' | 'alter' | 'consume' | 'write-data';

export interface PermissionSpec {
  readonly permission: string;
  readonly use: PermissionUse;
  /** The CAN_ALTER action, for alter and write-data permissions. */
  readonly alter?: AlterAction;
  readonly why: string;
}

/**
 * The one table. impersonate → CAN_IMPERSONATE a service account; mint → CAN_MINT_CREDENTIAL on it; alter → CAN_ALTER a
 * model (Vertex AI, legacy AI Platform); consume → CAN_INVOKE it; write-data → CAN_ALTER write_training_data a bucket.
 */
export const GCP_PERMISSIONS = [
  { permission: 'iam.serviceAccounts.getAccessToken', use: 'impersonate', why: 'mints an OAuth access token as the service account' },
  { permission: 'iam.serviceAccounts.getOpenIdToken', use: 'impersonate', why: 'mints an OIDC ID token as the service account' },
  { permission: 'iam.serviceAccounts.signJwt', use: 'impersonate', why: 'signs a JWT the service account can exchange for an access token' },
  { permission: 'iam.serviceAccounts.signBlob', use: 'impersonate', why: 'signs arbitrary bytes with the service account\'s Google-managed key' },
  { permission: 'iam.serviceAccounts.implicitDelegation', use: 'impersonate', why: 'delegation chains: tokens of accounts the service account may impersonate' },
  { permission: 'iam.serviceAccounts.actAs', use: 'impersonate', why: 'attaches the service account to a VM, job or function and runs code as it' },
  { permission: 'iam.serviceAccounts.setIamPolicy', use: 'impersonate', why: 'grants itself Service Account Token Creator on the service account' },
  { permission: 'iam.serviceAccountKeys.create', use: 'mint', why: 'creates a user-managed key (a private key file) for the service account' },
  { permission: 'aiplatform.models.upload', use: 'alter', alter: 'write_weights', why: 'uploads a model or a new version of one to the Model Registry' },
  { permission: 'aiplatform.models.update', use: 'alter', alter: 'configure', why: 'changes a model\'s metadata, version aliases (default version) and labels' },
  { permission: 'aiplatform.tuningJobs.create', use: 'alter', alter: 'fine_tune', why: 'tunes a (Gemini or open) model on chosen data' },
  { permission: 'aiplatform.customJobs.create', use: 'alter', alter: 'train', why: 'runs training code of its choice' },
  { permission: 'aiplatform.trainingPipelines.create', use: 'alter', alter: 'train', why: 'runs a training pipeline that uploads the model it trains' },
  { permission: 'aiplatform.hyperparameterTuningJobs.create', use: 'alter', alter: 'train', why: 'runs training trials of its choice' },
  { permission: 'aiplatform.pipelineJobs.create', use: 'alter', alter: 'train', why: 'runs a Vertex AI pipeline (training, evaluation, upload, deployment steps)' },
  { permission: 'aiplatform.endpoints.deploy', use: 'alter', alter: 'deploy', why: 'deploys a model (any version) to an endpoint' },
  { permission: 'aiplatform.endpoints.undeploy', use: 'alter', alter: 'deploy', why: 'removes a deployed model from an endpoint (traffic moves to the others)' },
  { permission: 'aiplatform.endpoints.update', use: 'alter', alter: 'configure', why: 'changes an endpoint\'s traffic split and settings' },
  { permission: 'aiplatform.datasets.import', use: 'alter', alter: 'write_training_data', why: 'imports data items into a Vertex AI dataset' },
  { permission: 'aiplatform.datasets.update', use: 'alter', alter: 'write_training_data', why: 'changes a Vertex AI dataset' },
  { permission: 'ml.jobs.create', use: 'alter', alter: 'train', why: 'legacy AI Platform: runs a training job' },
  { permission: 'ml.versions.create', use: 'alter', alter: 'deploy', why: 'legacy AI Platform: deploys a model version' },
  { permission: 'ml.versions.update', use: 'alter', alter: 'configure', why: 'legacy AI Platform: changes a model version' },
  { permission: 'aiplatform.endpoints.predict', use: 'consume', why: 'online prediction on an endpoint (also rawPredict, streamRawPredict and Gemini generateContent on publisher models)' },
  { permission: 'aiplatform.endpoints.explain', use: 'consume', why: 'online explanation (a prediction with attributions)' },
  { permission: 'ml.models.predict', use: 'consume', why: 'legacy AI Platform: online prediction' },
  { permission: 'storage.objects.create', use: 'write-data', alter: 'write_training_data', why: 'writes (and, with delete, overwrites) objects in a bucket: training data for any model trained from it' },
] as const satisfies readonly PermissionSpec[];

export type ClassifiedPermission = (typeof GCP_PERMISSIONS)[number]['permission'];

const BY_PERMISSION = new Map<string, PermissionSpec>(GCP_PERMISSIONS.map((p) => [p.permission, p]));

/** The spec of a classified permission, or undefined for any other permission. */
export function permissionSpec(permission: string): PermissionSpec | undefined {
  return BY_PERMISSION.get(permission);
}

const IMPERSONATE_TOKENS: readonly ClassifiedPermission[] = [
  'iam.serviceAccounts.getAccessToken', 'iam.serviceAccounts.getOpenIdToken', 'iam.serviceAccounts.signJwt',
  'iam.serviceAccounts.signBlob', 'iam.serviceAccounts.implicitDelegation',
];
const VERTEX: readonly ClassifiedPermission[] = GCP_PERMISSIONS.filter((p) => p.permission.startsWith('aiplatform.')).map((p) => p.permission);
const ALL: readonly ClassifiedPermission[] = GCP_PERMISSIONS.map((p) => p.permission);

/** A predefined role: the classified permissions it includes, and where that list comes from. */
export interface PredefinedRoleSpec {
  readonly role: string;
  readonly permissions: readonly ClassifiedPermission[];
  /** The reference page the list is read from. */
  readonly source: string;
  /** Why the list is what it is, when it is not the page's list itself. */
  readonly note?: string;
}

const ROLES_INDEX = 'https://cloud.google.com/iam/docs/roles-permissions';
const BASIC_ROLES = 'https://cloud.google.com/iam/docs/roles-overview#basic';

/** Predefined roles whose classified permissions pathwarden knows (any other predefined role makes no edge). */
export const PREDEFINED_ROLES = [
  { role: 'roles/owner', permissions: ALL, source: BASIC_ROLES, note: 'Owner holds resourcemanager.projects.setIamPolicy, so it can grant itself any role; every classified permission is counted' },
  { role: 'roles/editor', permissions: ['iam.serviceAccounts.actAs', 'iam.serviceAccountKeys.create', ...VERTEX, 'ml.jobs.create', 'ml.versions.create', 'ml.versions.update', 'ml.models.predict', 'storage.objects.create'], source: BASIC_ROLES, note: 'Editor includes the write permissions of most services, actAs and service account key creation, not token creation' },
  { role: 'roles/viewer', permissions: [], source: BASIC_ROLES, note: 'read-only' },
  { role: 'roles/iam.serviceAccountTokenCreator', permissions: IMPERSONATE_TOKENS, source: `${ROLES_INDEX}/iam` },
  { role: 'roles/iam.serviceAccountUser', permissions: ['iam.serviceAccounts.actAs'], source: `${ROLES_INDEX}/iam` },
  { role: 'roles/iam.workloadIdentityUser', permissions: ['iam.serviceAccounts.getAccessToken', 'iam.serviceAccounts.getOpenIdToken'], source: `${ROLES_INDEX}/iam` },
  { role: 'roles/iam.serviceAccountKeyAdmin', permissions: ['iam.serviceAccountKeys.create'], source: `${ROLES_INDEX}/iam` },
  { role: 'roles/iam.serviceAccountAdmin', permissions: ['iam.serviceAccounts.setIamPolicy'], source: `${ROLES_INDEX}/iam` },
  { role: 'roles/aiplatform.admin', permissions: VERTEX, source: `${ROLES_INDEX}/aiplatform`, note: 'aiplatform.*' },
  { role: 'roles/aiplatform.user', permissions: VERTEX, source: `${ROLES_INDEX}/aiplatform`, note: 'Vertex AI User creates and runs training, tuning and pipeline jobs, uploads models, deploys and predicts' },
  { role: 'roles/aiplatform.viewer', permissions: [], source: `${ROLES_INDEX}/aiplatform`, note: 'get and list only' },
  { role: 'roles/ml.admin', permissions: ['ml.jobs.create', 'ml.versions.create', 'ml.versions.update', 'ml.models.predict'], source: `${ROLES_INDEX}/ml` },
  { role: 'roles/storage.admin', permissions: ['storage.objects.create'], source: `${ROLES_INDEX}/storage` },
  { role: 'roles/storage.objectAdmin', permissions: ['storage.objects.create'], source: `${ROLES_INDEX}/storage` },
  { role: 'roles/storage.objectCreator', permissions: ['storage.objects.create'], source: `${ROLES_INDEX}/storage` },
  { role: 'roles/storage.objectUser', permissions: ['storage.objects.create'], source: `${ROLES_INDEX}/storage` },
  { role: 'roles/storage.objectViewer', permissions: [], source: `${ROLES_INDEX}/storage`, note: 'read only' },
] as const satisfies readonly PredefinedRoleSpec[];

const PREDEFINED = new Map<string, readonly string[]>(PREDEFINED_ROLES.map((r) => [r.role, r.permissions]));

/** The classified permissions of a predefined role, or undefined when the table does not know the role. */
export function predefinedPermissions(role: string): readonly string[] | undefined {
  return PREDEFINED.get(role);
}
