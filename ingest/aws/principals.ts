// The principals of an export (users and roles) with everything their permissions come from: own inline and
// managed policies, their groups' policies, and the permissions boundary. Pure.
import type { Diagnostic } from '../../src/model/index.js';
import { SOURCE, type AuthzExport, type AwsGroup, type AwsRole, type AwsUser, type ManagedPolicy } from './authz.js';
import { principalId } from './ids.js';
import type { PolicyDocument, Subject } from './policy.js';

/**
 * AWS managed policies whose meaning is certain, used when an export filtered with `--filter` leaves them out of
 * Policies: AdministratorAccess allows everything. Any other missing policy is a warning and counts as nothing.
 */
const WELL_KNOWN: ReadonlyMap<string, ManagedPolicy> = new Map([[
  'arn:aws:iam::aws:policy/AdministratorAccess',
  { arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess', awsOwned: true, otherVersions: [],
    defaultVersion: { label: 'AdministratorAccess', statements: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }] } },
]]);

/** A managed policy attached to a principal, directly or through one of its groups. */
export interface Attachment {
  readonly policy: ManagedPolicy;
  /** The group it comes through, when not attached directly. */
  readonly group?: AwsGroup;
}

/** A user or role and what its permissions come from. */
export interface Principal {
  readonly id: string;
  readonly entry: AwsUser | AwsRole;
  readonly groups: readonly AwsGroup[];
  readonly attachments: readonly Attachment[];
  readonly subject: Subject;
}

/** The export indexed for evaluation. */
export interface PrincipalIndex {
  readonly principals: readonly Principal[];
  readonly byArn: ReadonlyMap<string, Principal>;
  /** Groups by `account/name`. */
  readonly groups: ReadonlyMap<string, AwsGroup>;
  readonly policies: ReadonlyMap<string, ManagedPolicy>;
}

/** Indexes users and roles; unknown groups and managed policies are warned about once each. */
export function indexPrincipals(authz: AuthzExport, file: string, diagnostics: Diagnostic[]): PrincipalIndex {
  const groups = new Map(authz.groups.map((g) => [`${g.account}/${g.name}`, g]));
  const warned = new Set<string>();
  const warn = (key: string, at: string, message: string): void => {
    if (warned.has(key)) return;
    warned.add(key);
    diagnostics.push({ severity: 'warning', code: 'dangling-ref', source: SOURCE, file, field: at, message });
  };
  const managedOf = (owner: AwsUser | AwsRole | AwsGroup): ManagedPolicy[] => {
    const out: ManagedPolicy[] = [];
    for (const [i, arn] of owner.managed.entries()) {
      const policy = authz.policies.get(arn) ?? WELL_KNOWN.get(arn);
      if (policy) out.push(policy);
      else warn(arn, `${owner.at}.AttachedManagedPolicies[${i}]`, `managed policy ${arn} is not in the export's Policies; its permissions are unknown and were left out`);
    }
    return out;
  };
  const principals: Principal[] = [];
  for (const entry of [...authz.users, ...authz.roles]) {
    const memberOf: AwsGroup[] = [];
    if (entry.type === 'user') {
      for (const [i, name] of entry.groups.entries()) {
        const group = groups.get(`${entry.account}/${name}`);
        if (group) memberOf.push(group);
        else warn(`group:${entry.account}/${name}`, `${entry.at}.GroupList[${i}]`, `group ${name} is not in the export's GroupDetailList; its permissions were left out`);
      }
    }
    const attachments: Attachment[] = managedOf(entry).map((policy) => ({ policy }));
    for (const group of memberOf) for (const policy of managedOf(group)) attachments.push({ policy, group });
    const identity: PolicyDocument[] = [...entry.inline, ...memberOf.flatMap((g) => g.inline)];
    for (const a of attachments) if (a.policy.defaultVersion) identity.push(a.policy.defaultVersion);
    let boundary: PolicyDocument | undefined;
    if (entry.boundary !== undefined) {
      boundary = authz.policies.get(entry.boundary)?.defaultVersion;
      // NOTE: an unreadable boundary still bounds: an empty one allows nothing, which errs towards fewer edges.
      if (boundary === undefined) {
        warn(`boundary:${entry.boundary}`, `${entry.at}.PermissionsBoundary`, `permissions boundary ${entry.boundary} is not in the export's Policies; the principal is treated as allowed nothing`);
        boundary = { label: entry.boundary, statements: [] };
      }
    }
    principals.push({
      id: principalId(entry.account, entry.type, entry.name), entry, groups: memberOf, attachments,
      subject: { identity, ...(boundary ? { boundary } : {}), ...(entry.type === 'user' ? { userName: entry.name } : {}) },
    });
  }
  return { principals, byArn: new Map(principals.map((p) => [p.entry.arn, p])), groups, policies: authz.policies };
}
