// transform: a parsed gcloud export → records, by its shape (shape.ts). Pure but for the directory context the
// caller passes (custom roles, service-account unique ids). A policy from `get-iam-policy` does not name its
// resource: it comes from a `resource` field when present, else from the file name (resourceOfFileName).
import type { Records } from '../../src/model/index.js';
import { transformKeyFile, transformKeys, transformServiceAccounts } from './accounts.js';
import type { GcpContext } from './context.js';
import { projectOfEmail, scopeOf, type Scope } from './ids.js';
import { GcpOut, isObject, str } from './out.js';
import { transformPolicies, type PolicyEntry } from './policy.js';
import { parseCustomRoles } from './roles.js';
import { shapeOf } from './shape.js';

/** Transforms one export; `fileName` is the base name (for a policy's resource). */
export function transformGcp(value: unknown, file: string, fileName: string, ctx: GcpContext): Records {
  const out = new GcpOut(file);
  switch (shapeOf(value)) {
    case 'policy': {
      const scope = policyScope(value as Record<string, unknown>, fileName, out);
      if (scope !== undefined) transformPolicies([{ scope, at: '$', policy: value }], out, ctx);
      break;
    }
    case 'asset-policies': transformPolicies(assetEntries(value as unknown[], out), out, ctx); break;
    case 'service-accounts': transformServiceAccounts(value, out); break;
    case 'keys': transformKeys(value, out); break;
    case 'roles': parseCustomRoles(value, out); break;
    case 'key-file': transformKeyFile(value, out); break;
    case undefined:
      if (!(Array.isArray(value) && value.length === 0)) {
        out.diag('error', 'bad-value', '$', 'not a gcloud IAM export this source reads (get-iam-policy, asset search-all-iam-policies, service-accounts list, keys list, roles describe, a key file); nothing was loaded from this file');
      }
  }
  return out.records();
}

/** `<resource>.iam-policy.json` (also `-iam-policy`, `_iam_policy`): the resource part of a policy file's name. */
export function resourceOfFileName(fileName: string): string | undefined {
  const m = /^(.+?)[._-]iam[._-]?policy\.json$/i.exec(fileName);
  if (!m) return undefined;
  const name = m[1] as string;
  const prefixed = /^(folder|folders|org|organization|organizations|bucket)[._-](.+)$/.exec(name);
  if (prefixed) {
    const [, type, id] = prefixed as unknown as [string, string, string];
    return type === 'bucket' ? `gs://${id}` : `${type.startsWith('folder') ? 'folders' : 'organizations'}/${id}`;
  }
  if (name.includes('@')) return `projects/${projectOfEmail(name) ?? '-'}/serviceAccounts/${name}`;
  return /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(name) ? `projects/${name}` : undefined;
}

function policyScope(policy: Record<string, unknown>, fileName: string, out: GcpOut): Scope | undefined {
  const resource = str(policy, 'resource') ?? resourceOfFileName(fileName);
  const scope = resource === undefined ? undefined : scopeOf(resource);
  if (scope === undefined) {
    out.diag('error', 'missing-field', '$.resource', `the policy does not say which resource it is set on ("${fileName}" names none): name the file <project-id>.iam-policy.json `
      + '(a project id is 6 to 30 lower-case letters, digits and hyphens; or folder-<n>, organization-<n>, <service-account e-mail>, bucket-<name>), '
      + 'add a "resource" field, or use `gcloud asset search-all-iam-policies`; nothing was loaded from this file');
  }
  return scope;
}

function assetEntries(list: readonly unknown[], out: GcpOut): PolicyEntry[] {
  const found: { scope: Scope; at: string; entry: Record<string, unknown> }[] = [];
  for (const [i, entry] of list.entries()) {
    const resource = isObject(entry) ? str(entry, 'resource') : undefined;
    const scope = resource === undefined ? undefined : scopeOf(resource);
    if (!isObject(entry) || scope === undefined) {
      out.diag('error', resource === undefined ? 'missing-field' : 'bad-value', `$[${i}].resource`, 'the result names no resource this source reads; it was skipped');
      continue;
    }
    found.push({ scope, at: `$[${i}].policy`, entry });
  }
  const below = resourcesBelow(found);
  return found.map(({ scope, at, entry }) => ({ scope, at, policy: entry['policy'], below: scope.type === 'container' ? below.get(scope.key) ?? [] : [] }));
}

/**
 * What each project, folder and organization holds, from the results' `project` (a number), `folders` and
 * `organization`: projects, buckets and Vertex AI resources below it. A project's number is its id when its own
 * result names both (`resource` …/projects/<id>, `project` projects/<number>). Service accounts are left out: a
 * project-wide grant reaches them through the project's hub.
 */
function resourcesBelow(found: readonly { scope: Scope; entry: Record<string, unknown> }[]): Map<string, Scope[]> {
  const idOfNumber = new Map<string, string>();
  for (const { scope, entry } of found) {
    const number = str(entry, 'project');
    if (scope.type === 'container' && scope.key.startsWith('projects/') && number !== undefined) idOfNumber.set(number, scope.key);
  }
  const below = new Map<string, Map<string, Scope>>();
  for (const { scope, entry } of found) {
    if (scope.type === 'service-account' || scope.type === 'other') continue;
    const number = str(entry, 'project');
    const project = number === undefined ? undefined : idOfNumber.get(number) ?? number;
    const folders = Array.isArray(entry['folders']) ? entry['folders'].filter((f): f is string => typeof f === 'string') : [];
    const ancestors = [...(project !== undefined ? [project] : []), ...folders, ...(str(entry, 'organization') !== undefined ? [str(entry, 'organization') as string] : [])];
    for (const a of ancestors) {
      if (a === scope.key) continue;
      const set = below.get(a) ?? new Map<string, Scope>();
      set.set(scope.key, scope);
      below.set(a, set);
    }
  }
  return new Map([...below].map(([k, v]) => [k, [...v.values()]]));
}
