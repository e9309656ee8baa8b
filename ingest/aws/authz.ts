// `aws iam get-account-authorization-details` output → typed users, groups, roles and managed policies. Pure.
// Both date styles (CLI `2021-03-13T18:42:09+00:00`, boto3 `2021-03-13 18:42:09+00:00`) and URL-encoded or decoded
// policy documents are accepted. A bad entry is a diagnostic naming its JSON path and is skipped; the rest load.
import type { Diagnostic } from '../../src/model/index.js';
import { parseIsoDate } from '../values.js';
import { parsePolicyDocument, type PolicyDocument } from './policy.js';

export const SOURCE = 'aws';

/** A managed policy: its default version (the one in force) and the others (SetDefaultPolicyVersion can switch). */
export interface ManagedPolicy {
  readonly arn: string;
  readonly name: string;
  /** True for policies AWS owns (`arn:aws:iam::aws:policy/…`): nobody can create versions of them. */
  readonly awsOwned: boolean;
  readonly defaultVersion?: PolicyDocument;
  readonly otherVersions: readonly PolicyDocument[];
}

/** What users, groups and roles share. */
export interface PrincipalBase {
  readonly arn: string;
  readonly name: string;
  readonly account: string;
  /** JSON path of the entry (`$.UserDetailList[2]`). */
  readonly at: string;
  readonly inline: readonly PolicyDocument[];
  /** ARNs of attached managed policies. */
  readonly managed: readonly string[];
  readonly createdAt?: string;
  readonly tags: readonly string[];
}

export interface AwsUser extends PrincipalBase {
  readonly type: 'user';
  readonly groups: readonly string[];
  readonly boundary?: string;
}
export interface AwsGroup extends PrincipalBase {
  readonly type: 'group';
}
export interface AwsRole extends PrincipalBase {
  readonly type: 'role';
  readonly trust?: PolicyDocument;
  readonly boundary?: string;
  readonly instanceProfiles: readonly { readonly name: string; readonly arn: string }[];
  readonly lastUsedAt?: string;
}

/** The parsed export. */
export interface AuthzExport {
  readonly users: readonly AwsUser[];
  readonly groups: readonly AwsGroup[];
  readonly roles: readonly AwsRole[];
  readonly policies: ReadonlyMap<string, ManagedPolicy>;
}

/** The keys that mark a JSON document as an authorization-details export. */
export const AUTHZ_KEYS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

type Obj = Record<string, unknown>;
type Report = (at: string, message: string, severity?: Diagnostic['severity'], code?: Diagnostic['code']) => void;

/** Parses the export; problems are reported through `diagnostics` with the file and JSON path. */
export function parseAuthz(doc: unknown, file: string, diagnostics: Diagnostic[]): AuthzExport {
  const report: Report = (at, message, severity = 'error', code = 'bad-value') => {
    diagnostics.push({ severity, code, message, source: SOURCE, file, field: at });
  };
  const empty: AuthzExport = { users: [], groups: [], roles: [], policies: new Map() };
  if (!isObj(doc)) {
    report('$', 'expected the JSON object `aws iam get-account-authorization-details` prints; nothing was loaded from this file');
    return empty;
  }
  const policies = new Map<string, ManagedPolicy>();
  for (const [raw, at] of listOf(doc, 'Policies', report)) {
    const p = parseManagedPolicy(raw, at, report);
    if (p) policies.set(p.arn, p);
  }
  const users: AwsUser[] = [];
  for (const [raw, at] of listOf(doc, 'UserDetailList', report)) {
    const base = parseBase(raw, at, 'UserName', 'UserPolicyList', report);
    if (!base) continue;
    const groups = stringsAt(base.raw, 'GroupList', at, report);
    users.push({ type: 'user', ...base.value, groups, ...boundaryOf(base.raw) });
  }
  const groups: AwsGroup[] = [];
  for (const [raw, at] of listOf(doc, 'GroupDetailList', report)) {
    const base = parseBase(raw, at, 'GroupName', 'GroupPolicyList', report);
    if (base) groups.push({ type: 'group', ...base.value });
  }
  const roles: AwsRole[] = [];
  for (const [raw, at] of listOf(doc, 'RoleDetailList', report)) {
    const base = parseBase(raw, at, 'RoleName', 'RolePolicyList', report);
    if (base) roles.push(parseRole(base.raw, base.value, at, report));
  }
  return { users, groups, roles, policies };
}

function parseRole(raw: Obj, base: PrincipalBase, at: string, report: Report): AwsRole {
  let trust: PolicyDocument | undefined;
  if (raw['AssumeRolePolicyDocument'] !== undefined) {
    const parsed = parsePolicyDocument(raw['AssumeRolePolicyDocument'], `trust policy of ${base.name}`);
    if ('reason' in parsed) report(`${at}.AssumeRolePolicyDocument${parsed.at}`, `${parsed.reason}; the role's trust policy was ignored`);
    else trust = parsed;
  }
  const instanceProfiles: { name: string; arn: string }[] = [];
  const list = raw['InstanceProfileList'];
  if (Array.isArray(list)) {
    for (const [i, p] of list.entries()) {
      if (isObj(p) && typeof p['InstanceProfileName'] === 'string' && typeof p['Arn'] === 'string') {
        instanceProfiles.push({ name: p['InstanceProfileName'], arn: p['Arn'] });
      } else report(`${at}.InstanceProfileList[${i}]`, 'an instance profile needs InstanceProfileName and Arn; it was skipped');
    }
  }
  const lastUsed = isObj(raw['RoleLastUsed']) ? dateOf(raw['RoleLastUsed']['LastUsedDate']) : undefined;
  return {
    type: 'role', ...base, instanceProfiles, ...(trust ? { trust } : {}), ...boundaryOf(raw),
    ...(lastUsed !== undefined ? { lastUsedAt: lastUsed } : {}),
  };
}

/** Name, ARN, account, inline and attached policies, shared by the three detail lists. */
function parseBase(raw: unknown, at: string, nameKey: string, inlineKey: string, report: Report): { raw: Obj; value: PrincipalBase } | undefined {
  if (!isObj(raw)) {
    report(at, 'expected an object; the entry was skipped');
    return undefined;
  }
  const name = raw[nameKey];
  const arn = raw['Arn'];
  if (typeof name !== 'string' || name === '') { report(`${at}.${nameKey}`, `${nameKey} is required; the entry was skipped`, 'error', 'missing-field'); return undefined; }
  if (typeof arn !== 'string' || arnAccount(arn) === undefined) { report(`${at}.Arn`, 'Arn must be an IAM ARN (arn:aws:iam::<account>:…); the entry was skipped', 'error', 'missing-field'); return undefined; }
  const inline: PolicyDocument[] = [];
  const list = raw[inlineKey];
  if (Array.isArray(list)) {
    for (const [i, p] of list.entries()) {
      const pat = `${at}.${inlineKey}[${i}]`;
      const policyName = isObj(p) && typeof p['PolicyName'] === 'string' ? p['PolicyName'] : `inline policy ${i}`;
      const parsed = isObj(p) ? parsePolicyDocument(p['PolicyDocument'], `${policyName} (inline, ${name})`) : { at: '', reason: 'expected an object' };
      if ('reason' in parsed) report(`${pat}.PolicyDocument${parsed.at}`, `${parsed.reason}; the inline policy was ignored`);
      else inline.push(parsed);
    }
  }
  const managed: string[] = [];
  const attached = raw['AttachedManagedPolicies'];
  if (Array.isArray(attached)) {
    for (const [i, p] of attached.entries()) {
      if (isObj(p) && typeof p['PolicyArn'] === 'string') managed.push(p['PolicyArn']);
      else report(`${at}.AttachedManagedPolicies[${i}]`, 'an attached policy needs PolicyArn; it was skipped');
    }
  }
  const createdAt = dateOf(raw['CreateDate']);
  if (raw['CreateDate'] !== undefined && createdAt === undefined) report(`${at}.CreateDate`, 'CreateDate is not a date; it was left out', 'warning', 'bad-date');
  return {
    raw,
    value: { arn, name, account: arnAccount(arn) as string, at, inline, managed, tags: tagsOf(raw['Tags']), ...(createdAt ? { createdAt } : {}) },
  };
}

function parseManagedPolicy(raw: unknown, at: string, report: Report): ManagedPolicy | undefined {
  if (!isObj(raw) || typeof raw['Arn'] !== 'string' || typeof raw['PolicyName'] !== 'string') {
    report(at, 'a managed policy needs Arn and PolicyName; it was skipped', 'error', 'missing-field');
    return undefined;
  }
  const arn = raw['Arn'];
  const name = raw['PolicyName'];
  const defaultId = raw['DefaultVersionId'];
  let defaultVersion: PolicyDocument | undefined;
  const otherVersions: PolicyDocument[] = [];
  const versions = Array.isArray(raw['PolicyVersionList']) ? raw['PolicyVersionList'] : [];
  for (const [i, v] of versions.entries()) {
    if (!isObj(v)) continue;
    const isDefault = v['IsDefaultVersion'] === true || (defaultId !== undefined && v['VersionId'] === defaultId);
    const parsed = parsePolicyDocument(v['Document'], `${name} ${String(v['VersionId'] ?? i)}`);
    if ('reason' in parsed) {
      report(`${at}.PolicyVersionList[${i}].Document${parsed.at}`, `${parsed.reason}; this version was ignored`);
      continue;
    }
    if (isDefault && defaultVersion === undefined) defaultVersion = parsed;
    else otherVersions.push(parsed);
  }
  if (defaultVersion === undefined) report(at, `managed policy ${name} has no readable default version; its permissions are unknown`, 'warning', 'missing-field');
  return { arn, name, awsOwned: arnAccount(arn) === 'aws', otherVersions, ...(defaultVersion ? { defaultVersion } : {}) };
}

/** The account of an IAM ARN (`arn:aws:iam::123456789012:user/x` → 123456789012; AWS-owned policies → `aws`). */
export function arnAccount(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[4] === '') return undefined;
  return parts[4];
}

function boundaryOf(raw: Obj): { boundary?: string } {
  const b = raw['PermissionsBoundary'];
  return isObj(b) && typeof b['PermissionsBoundaryArn'] === 'string' ? { boundary: b['PermissionsBoundaryArn'] } : {};
}

/** AWS tags as `key=value` strings. */
function tagsOf(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObj).filter((t) => typeof t['Key'] === 'string').map((t) => `${String(t['Key'])}=${String(t['Value'] ?? '')}`);
}

/** A date in either export style, as UTC ISO; undefined when absent or not a date. */
export function dateOf(raw: unknown): string | undefined {
  return typeof raw === 'string' ? parseIsoDate(raw) : undefined;
}

function listOf(doc: Obj, key: string, report: Report): [unknown, string][] {
  const list = doc[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    report(`$.${key}`, `${key} must be a list; it was skipped`);
    return [];
  }
  return list.map((item, i) => [item, `$.${key}[${i}]`]);
}

function stringsAt(raw: Obj, key: string, at: string, report: Report): string[] {
  const v = raw[key];
  if (v === undefined) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  report(`${at}.${key}`, `${key} must be a list of names; it was ignored`);
  return [];
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
