// Ids and node records of the gcp source, built in one place. Service accounts are `gcp/sa/<email>` (the id the
// github-actions source gives a service account a workflow impersonates), so both sources meet on one node.
import type { NodeKind, NodeRecord, PropValue, Provenance } from '../../src/model/index.js';

export const SOURCE = 'gcp';

/** A resource an IAM policy is set on. `container`: a project, folder or organization (`projects/<id>`…). */
export type Scope =
  | { readonly type: 'container'; readonly key: string }
  | { readonly type: 'service-account'; readonly key: string; readonly project: string; readonly account: string }
  | { readonly type: 'bucket'; readonly key: string; readonly bucket: string }
  | { readonly type: 'vertex'; readonly key: string }
  | { readonly type: 'other'; readonly key: string };

/**
 * The scope a resource name stands for: a Cloud Asset Inventory full name (`//cloudresourcemanager.googleapis.com/
 * projects/p`, `//iam.googleapis.com/projects/p/serviceAccounts/x`, `//storage.googleapis.com/b`,
 * `//aiplatform.googleapis.com/projects/1/locations/l/endpoints/e`) or a relative one (`projects/p`, `folders/1`,
 * `organizations/1`, `gs://b`). Undefined when the text is no resource name.
 */
export function scopeOf(resource: string): Scope | undefined {
  const gs = /^gs:\/\/([^/]+)\/?$/.exec(resource);
  if (gs) return bucketScope(gs[1] as string);
  const full = /^\/\/([a-z0-9.-]+\.googleapis\.com)\/(.+)$/.exec(resource);
  const service = full ? full[1] as string : undefined;
  const name = full ? full[2] as string : resource;
  if (service === 'storage.googleapis.com') return bucketScope(name.replace(/^projects\/_\/buckets\//, ''));
  const container = /^(projects|folders|organizations)\/([^/]+)$/.exec(name);
  if (container && (service === undefined || service === 'cloudresourcemanager.googleapis.com')) return { type: 'container', key: name };
  const sa = /^projects\/([^/]+)\/serviceAccounts\/([^/]+)$/.exec(name);
  if (sa && (service === undefined || service === 'iam.googleapis.com')) {
    return { type: 'service-account', key: name, project: sa[1] as string, account: (sa[2] as string).toLowerCase() };
  }
  if (service === 'aiplatform.googleapis.com' || service === 'ml.googleapis.com') return { type: 'vertex', key: name };
  if (service === undefined && !/^[a-z]+\/[^/]+/.test(name)) return undefined;
  return { type: 'other', key: full ? resource : name };
}

function bucketScope(bucket: string): Scope {
  return { type: 'bucket', key: `buckets/${bucket}`, bucket };
}

/** A service account by e-mail (lower case, as Google compares them). */
export function serviceAccountId(email: string): string {
  return `gcp/sa/${email.toLowerCase()}`;
}

/** A user-managed key of a service account. */
export function keyId(email: string, key: string): string {
  return `${serviceAccountId(email)}/key/${key}`;
}

/** The role a binding grants on one resource: `gcp/<resource>/role/<role>`. */
export function bindingRoleId(scope: Scope, role: string): string {
  return `gcp/${scope.key}/role/${role}`;
}

/** Stands for every service account of a project, folder or organization (project-wide impersonation targets it). */
export function anyServiceAccountId(container: string): string {
  return `gcp/${container}/service-accounts`;
}

/** Stands for every Vertex AI and AI Platform model of a project, folder or organization. */
export function containerModelsId(container: string): string {
  return `gcp/${container}/models`;
}

/** Stands for every Cloud Storage bucket of a project, folder or organization. */
export function containerBucketsId(container: string): string {
  return `gcp/${container}/buckets`;
}

/** A Vertex AI (or AI Platform) resource with its own policy: an endpoint, a model. */
export function vertexModelId(name: string): string {
  return `gcp/vertex/${name}`;
}

/** A Cloud Storage bucket. */
export function bucketId(bucket: string): string {
  return `gcp/storage/${bucket}`;
}

/** Builds a node record of this source. */
export function gcpNode(id: string, kind: NodeKind, name: string, properties: Record<string, PropValue>, provenance: Provenance): NodeRecord {
  return { id, kind, name, tags: [], source: SOURCE, properties: { platform: 'gcp', ...properties }, provenance };
}

/** The hub of a container's service accounts (a Role each of them is reachable from). */
export function anyServiceAccountNode(container: string, provenance: Provenance): NodeRecord {
  return gcpNode(anyServiceAccountId(container), 'Role', `any service account of ${container}`, {
    description: `Stands for every service account of ${container}: a grant at this level reaches each of them.`,
  }, provenance);
}

/** The project id in a user-created service account's e-mail (`<name>@<project>.iam.gserviceaccount.com`), else undefined. */
export function projectOfEmail(email: string): string | undefined {
  return /^[^@]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/i.exec(email)?.[1]?.toLowerCase();
}
