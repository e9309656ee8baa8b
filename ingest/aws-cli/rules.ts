// The graph rules of one AWS CLI profile (docs/sources.md, "AWS CLI profiles"): role_arn → CAN_ASSUME the IAM role
// from whichever profile's credentials call AssumeRole (source_profile chains), static keys → the access key the
// profile reads, sso_account_id + sso_role_name → the IAM Identity Center permission set. Only this module sees the
// secret values of a profile, and only to fingerprint them.
import type { PropValue } from '../../src/model/index.js';
import { fingerprint } from '../secrets.js';
import { parseIsoDate } from '../values.js';
import { accessKeyId, idOfArn, profileId, ssoPermissionSetId } from './ids.js';
import type { Profile } from './profiles.js';
import type { IniSection, IniSetting } from './read.js';
import type { FileOut } from './transform.js';

/** The value of a setting, or undefined when absent or empty (C2: optional fields are undefined, never ""). */
function get(profile: Profile, key: string): (IniSetting & { value: string }) | undefined {
  const s = profile.settings.get(key);
  return s !== undefined && s.value !== '' ? s : undefined;
}

const field = (profile: Profile, key: string): string => `[${profile.header}].${key}`;

/**
 * role_arn: CAN_ASSUME the role from the profile whose credentials call AssumeRole: the source_profile's (and the
 * profile CAN_READ_SECRET its source_profile, whose credentials it needs), else the profile itself
 * (credential_source, web_identity_token_file, or a source_profile naming itself). The role is a reference node.
 */
export function roleRules(profile: Profile, out: FileOut): void {
  const roleArn = get(profile, 'role_arn');
  if (roleArn === undefined) return;
  const self = profileId(profile.name);
  const role = idOfArn(roleArn.value);
  if (role === undefined || role.kind !== 'Role') {
    out.diag('error', 'bad-value', roleArn.line, field(profile, 'role_arn'), `profile "${profile.name}": role_arn is not an IAM role ARN (arn:aws:iam::<account>:role/<name>); no CAN_ASSUME was made`);
    return;
  }
  const source = get(profile, 'source_profile');
  const credentialSource = get(profile, 'credential_source');
  const webIdentity = get(profile, 'web_identity_token_file');
  if (source !== undefined && credentialSource !== undefined) {
    out.diag('warning', 'bad-value', credentialSource.line, field(profile, 'credential_source'), `profile "${profile.name}" sets both source_profile and credential_source, which the AWS CLI refuses; no CAN_ASSUME was made`);
    return;
  }
  let from = self;
  let how: string;
  if (source !== undefined && source.value !== profile.name) {
    from = profileId(source.value);
    how = `role_arn of profile ${profile.name} (source_profile ${source.value})`;
    out.profileReference(source.value, source.line);
    out.edge('CAN_READ_SECRET', self, from, { note: `source_profile: profile ${profile.name} gets its role session with the credentials of profile ${source.value}` }, source.line);
  } else if (source !== undefined) how = `role_arn of profile ${profile.name} with its own keys (source_profile ${source.value})`;
  else if (credentialSource !== undefined) how = `role_arn of profile ${profile.name} with credential_source ${credentialSource.value}`;
  else if (webIdentity !== undefined) how = `role_arn of profile ${profile.name} with the web identity token in web_identity_token_file`;
  else {
    out.diag('warning', 'missing-field', roleArn.line, field(profile, 'role_arn'), `profile "${profile.name}" has a role_arn but no source_profile, credential_source or web_identity_token_file, so the AWS CLI cannot assume the role; no CAN_ASSUME was made`);
    return;
  }
  out.node(role.id, 'Role', role.name, { arn: roleArn.value, platform: 'aws', reference: true }, roleArn.line);
  const mfa = get(profile, 'mfa_serial') !== undefined;
  const extra = [mfa ? 'needs a code from the MFA device in mfa_serial' : '', get(profile, 'external_id') ? 'with an external id' : ''].filter((x) => x !== '');
  const properties: Record<string, PropValue> = { note: [how, ...extra].join(', ') };
  if (mfa) properties['conditional'] = true;
  out.edge('CAN_ASSUME', from, role.id, properties, roleArn.line);
}

/** Key ids are 16 to 128 upper-case letters and digits (AKIA… long-term, ASIA… temporary). */
const KEY_ID = /^[A-Z0-9]{16,128}$/;
/** Where tools that write temporary credentials (saml2aws, aws-vault, gimme-aws-creds) put their expiry. */
const EXPIRY_KEYS = ['aws_expiration', 'x_security_token_expires', 'expiration'] as const;

/**
 * aws_access_key_id + aws_secret_access_key: the profile CAN_READ_SECRET an `APIKey` (a `Token` when it is a
 * temporary key: ASIA… or with a session token) with the key id and the fingerprint of the secret key. The IAM user
 * is not named by the file, so no AUTHENTICATES_AS is made.
 */
export function keyRules(profile: Profile, out: FileOut): void {
  const keyId = get(profile, 'aws_access_key_id');
  if (keyId === undefined) return;
  if (!KEY_ID.test(keyId.value)) {
    out.diag('error', 'bad-value', keyId.line, field(profile, 'aws_access_key_id'), `profile "${profile.name}": aws_access_key_id is not an access key id (16 to 128 upper-case letters and digits); no key was made`);
    return;
  }
  const secret = get(profile, 'aws_secret_access_key');
  if (secret === undefined) {
    out.diag('warning', 'missing-field', keyId.line, field(profile, 'aws_secret_access_key'), `profile "${profile.name}" has an aws_access_key_id without aws_secret_access_key, which cannot sign a request; no key was made`);
    return;
  }
  const token = get(profile, 'aws_session_token') ?? get(profile, 'aws_security_token');
  const temporary = token !== undefined || keyId.value.startsWith('ASIA');
  if (temporary && token === undefined) {
    out.diag('warning', 'missing-field', keyId.line, field(profile, 'aws_session_token'), `profile "${profile.name}" has a temporary key (ASIA…) without aws_session_token, which AWS refuses`);
  }
  const properties: Record<string, PropValue> = { provider: 'aws', platform: 'aws', key_id: keyId.value, fingerprint: fingerprint(secret.value) };
  if (token !== undefined) properties['x_fingerprints'] = [fingerprint(secret.value), fingerprint(token.value)];
  for (const key of EXPIRY_KEYS) {
    const expiry = get(profile, key);
    if (expiry === undefined) continue;
    const at = parseIsoDate(expiry.value);
    if (at !== undefined) properties['expires_at'] = at;
    else out.diag('warning', 'bad-date', expiry.line, field(profile, key), `profile "${profile.name}": ${key} is not an ISO-8601 date; the key's expiry is unknown`);
    break;
  }
  const id = accessKeyId(keyId.value);
  out.node(id, temporary ? 'Token' : 'APIKey', `AWS ${temporary ? 'session credentials' : 'access key'} ${keyId.value}`, properties, keyId.line);
  out.edge('CAN_READ_SECRET', profileId(profile.name), id, { note: `the profile's aws_access_key_id and aws_secret_access_key (${out.ctx.kind} file)` }, keyId.line);
}

/**
 * sso_account_id + sso_role_name: the profile CAN_ASSUME (conditional: it needs a live SSO sign-in) the permission
 * set's reference node, whose IAM role name (`AWSReservedSSO_<name>_<suffix>`) the profile does not give.
 */
export function ssoRules(profile: Profile, sessions: ReadonlyMap<string, IniSection>, out: FileOut): void {
  const account = get(profile, 'sso_account_id');
  const roleName = get(profile, 'sso_role_name');
  if (account === undefined && roleName === undefined) return;
  if (account === undefined || roleName === undefined) {
    const missing = account === undefined ? 'sso_account_id' : 'sso_role_name';
    out.diag('warning', 'missing-field', (account ?? roleName)?.line ?? profile.line, field(profile, missing), `profile "${profile.name}" has ${missing === 'sso_account_id' ? 'sso_role_name' : 'sso_account_id'} without ${missing}; no permission set was linked`);
    return;
  }
  if (!/^\d{12}$/.test(account.value)) {
    out.diag('error', 'bad-value', account.line, field(profile, 'sso_account_id'), `profile "${profile.name}": sso_account_id is not a 12-digit AWS account id; no permission set was linked`);
    return;
  }
  const sessionName = get(profile, 'sso_session');
  const session = sessionName === undefined ? undefined : sessions.get(sessionName.value);
  if (sessionName !== undefined && session === undefined && out.ctx.kind === 'config') {
    out.diag('warning', 'dangling-ref', sessionName.line, field(profile, 'sso_session'), `profile "${profile.name}" names sso_session "${sessionName.value}", which has no [sso-session ${sessionName.value}] section in this file`);
  }
  const startUrl = get(profile, 'sso_start_url')?.value ?? session?.settings.get('sso_start_url')?.value;
  const id = ssoPermissionSetId(account.value, roleName.value);
  out.node(id, 'Role', `AWSReservedSSO_${roleName.value}_* in ${account.value}`, {
    platform: 'aws', reference: true, x_account: account.value, x_permission_set: roleName.value,
    description: `IAM Identity Center permission set ${roleName.value} in account ${account.value}; its IAM role is AWSReservedSSO_${roleName.value}_<suffix>`,
  }, roleName.line);
  out.edge('CAN_ASSUME', profileId(profile.name), id, {
    conditional: true,
    note: `IAM Identity Center: needs a live SSO sign-in (aws sso login${startUrl ? ` at ${startUrl}` : ''}) or its cached token`,
  }, roleName.line);
}
