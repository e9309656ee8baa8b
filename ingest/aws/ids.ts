// Node ids and the shared nodes of the AWS source. Ids are scoped by account (`aws/<account>/role/<name>`) so two
// exports of one account merge, and the credential report's keys point at the users of the authorization export.
import type { NodeKind, NodeRecord, PropValue, Provenance } from '../../src/model/index.js';
import { SOURCE } from './authz.js';

/** Id of an IAM user, group, role or instance profile (names are unique per account and type, whatever the path). */
export function principalId(account: string, type: 'user' | 'group' | 'role' | 'instance-profile', name: string): string {
  return `aws/${account}/${type}/${name}`;
}

/** Id of the account's tier-0 target: its effective administrator. */
export function adminTargetId(account: string): string {
  return `aws/${account}/effective-admin`;
}

/** Id of the account's root user. */
export function rootId(account: string): string {
  return `aws/${account}/root`;
}

/** The node of an IAM principal ARN (`arn:aws:iam::1:user/path/x`, `…:role/x`, `…:root`), or undefined for other ARNs. */
export function idOfArn(arn: string): { id: string; kind: NodeKind; account: string; name: string } | undefined {
  const m = /^arn:aws[a-z-]*:(iam|sts)::([^:]+):(.+)$/.exec(arn);
  if (!m) return undefined;
  const [, service, account, rest] = m as unknown as [string, string, string, string];
  if (rest === 'root') return { id: rootId(account), kind: 'ServiceAccount', account, name: `root of account ${account}` };
  const slash = rest.indexOf('/');
  const type = rest.slice(0, slash);
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  if (slash < 0 || name === '') return undefined;
  if (service === 'iam' && type === 'user') return { id: principalId(account, 'user', name), kind: 'ServiceAccount', account, name };
  if (service === 'iam' && type === 'role') return { id: principalId(account, 'role', name), kind: 'Role', account, name };
  // NOTE: an assumed-role session ARN is `assumed-role/<role>/<session>`: the session acts as the role.
  if (service === 'sts' && type === 'assumed-role') {
    const role = rest.split('/')[1];
    return role ? { id: principalId(account, 'role', role), kind: 'Role', account, name: role } : undefined;
  }
  return undefined;
}

/** Builds a node record of this source. */
export function awsNode(
  id: string, kind: NodeKind, name: string, properties: Record<string, PropValue>, provenance: Provenance, tags: readonly string[] = [],
): NodeRecord {
  return { id, kind, name, tags, source: SOURCE, properties: { platform: 'aws', ...properties }, provenance };
}

/**
 * The account's effective administrator: a tier-0 resource that every principal able to write any IAM policy of any
 * user and role (or to make itself able to) reaches with CAN_ACCESS admin. Emitted identically by every file.
 */
export function adminTargetNode(account: string, file: string): NodeRecord {
  return awsNode(adminTargetId(account), 'Resource', `AWS account ${account} (effective administrator)`, {
    tier: 0, type: 'aws-account-admin',
    description: `Full control of AWS account ${account}: IAM write on every user and role, hence any permission.`,
  }, { source: SOURCE, file });
}
