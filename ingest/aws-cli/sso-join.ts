// The IAM Identity Center join `join:aws-sso`: a profile's permission-set reference (`aws/<account>/sso-permission-set/
// <name>`, rules.ts ssoRules) is the IAM role Identity Center provisions for that set in that account,
// `AWSReservedSSO_<name>_<16 hex>` under the path `/aws-reserved/sso.amazonaws.com/`. No profile gives the suffix, so
// the two are matched once both are loaded: the reference MEMBER_OF the role (it holds every permission of the role
// without a further step), so `AWS_PROFILE=<sso profile>` reaches the role's real permissions. Unmatched: nothing. Pure.
import type { EdgeRecord, NodeRecord } from '../../src/model/index.js';
import type { Join, JoinOutput } from '../joins/types.js';

const JOIN_ID = 'join:aws-sso';
/** A role Identity Center provisioned: its account, the permission set's name (which may hold `_`) and the suffix. */
const SSO_ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/aws-reserved\/sso\.amazonaws\.com\/(?:[^/]+\/)*AWSReservedSSO_(.+)_([0-9a-f]{16})$/i;

/** The account and permission set of a provisioned Identity Center role, or undefined for any other role. */
export function ssoRoleOf(arn: string): { account: string; permissionSet: string } | undefined {
  const m = SSO_ROLE_ARN.exec(arn);
  return m === null ? undefined : { account: m[1] as string, permissionSet: m[2] as string };
}

/** The account and permission set a profile's reference node names. */
function referenceOf(n: NodeRecord): { account: string; permissionSet: string } | undefined {
  const account = n.properties['x_account'];
  const permissionSet = n.properties['x_permission_set'];
  return typeof account === 'string' && typeof permissionSet === 'string' ? { account, permissionSet } : undefined;
}

const isSsoRole = (n: NodeRecord): boolean => n.kind === 'Role' && typeof n.properties['arn'] === 'string' && ssoRoleOf(n.properties['arn']) !== undefined;

/** Matches each permission-set reference to the provisioned roles of the same account and the same set name. */
export function resolveSsoRoles(nodes: readonly NodeRecord[]): JoinOutput {
  const roles = new Map<string, NodeRecord[]>();
  const references = new Map<string, NodeRecord>();
  const seen = new Set<string>();
  for (const n of nodes) {
    const ref = referenceOf(n);
    if (ref !== undefined) { if (!references.has(n.id)) references.set(n.id, n); continue; }
    const role = typeof n.properties['arn'] === 'string' ? ssoRoleOf(n.properties['arn']) : undefined;
    if (role === undefined || seen.has(n.id)) continue;
    seen.add(n.id);
    // NOTE: the set name is compared whole: AWSReservedSSO_AdminRead_… is not a role of the permission set Admin.
    const key = `${role.account}/${role.permissionSet}`;
    roles.set(key, [...(roles.get(key) ?? []), n]);
  }
  const edges: EdgeRecord[] = [];
  for (const ref of references.values()) {
    const { account, permissionSet } = referenceOf(ref) as { account: string; permissionSet: string };
    for (const role of roles.get(`${account}/${permissionSet}`) ?? []) {
      edges.push({
        kind: 'MEMBER_OF', from: ref.id, to: role.id, source: JOIN_ID,
        properties: { note: `IAM Identity Center provisions permission set ${permissionSet} in account ${account} as the role ${role.name}` },
        provenance: { source: JOIN_ID, ...(role.provenance.file !== undefined ? { file: role.provenance.file } : {}), ...(role.provenance.path !== undefined ? { path: role.provenance.path } : {}) },
      });
    }
  }
  return { nodes: [], edges, diagnostics: [] };
}

/** The join: permission-set references of AWS CLI profiles, and Identity Center roles of any source. */
export const awsSsoJoin: Join = {
  id: JOIN_ID,
  wants: (n) => n.kind === 'Role' && (referenceOf(n) !== undefined || isSsoRole(n)),
  resolve: resolveSsoRoles,
};
