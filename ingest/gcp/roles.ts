// Custom role definitions: `gcloud iam roles describe ROLE --project=P --format=json` (one object) or a JSON list of
// them (`gcloud iam roles list --project=P --format=json` prints the same objects without `includedPermissions`:
// such roles are known by name but their permissions are not, a warning). A role's permissions are what a binding
// of it grants; a disabled or deleted role grants nothing.
import { isObject, str, type GcpOut } from './out.js';

/** A custom role: its permissions (undefined when the export does not list them) and whether it grants anything. */
export interface CustomRole {
  readonly name: string;
  /** JSON path of the entry. */
  readonly at: string;
  readonly permissions: readonly string[] | undefined;
  readonly active: boolean;
}

const ROLE_NAME = /^(projects|organizations)\/[^/]+\/roles\/[^/]+$/;

/** The custom roles of a roles export; bad entries are diagnostics when `out` is given, else skipped. */
export function parseCustomRoles(value: unknown, out?: GcpOut): CustomRole[] {
  const list = Array.isArray(value) ? value : [value];
  const roles: CustomRole[] = [];
  for (const [i, entry] of list.entries()) {
    const at = Array.isArray(value) ? `$[${i}]` : '$';
    const name = isObject(entry) ? str(entry, 'name') : undefined;
    if (!isObject(entry) || name === undefined || !ROLE_NAME.test(name)) {
      out?.diag('error', name === undefined ? 'missing-field' : 'bad-value', `${at}.name`, 'not a custom role (name projects/<project>/roles/<id> or organizations/<org>/roles/<id>); the entry was skipped');
      continue;
    }
    const included = entry['includedPermissions'];
    const permissions = Array.isArray(included) ? included.filter((p): p is string => typeof p === 'string') : undefined;
    if (included !== undefined && !Array.isArray(included)) out?.diag('error', 'bad-value', `${at}.includedPermissions`, `role ${name}: includedPermissions is not a list; its permissions are unknown`);
    roles.push({ name, at, permissions, active: entry['deleted'] !== true && str(entry, 'stage') !== 'DISABLED' });
  }
  const bare = roles.filter((r) => r.permissions === undefined);
  if (bare.length > 0) {
    out?.diag('warning', 'missing-field', `${(bare[0] as CustomRole).at}.includedPermissions`, `${bare.length} role(s) without includedPermissions (${bare.map((r) => r.name).join(', ')}): \`gcloud iam roles list\` leaves them out; export each with \`gcloud iam roles describe\` so their bindings can be evaluated`);
  }
  return roles;
}
