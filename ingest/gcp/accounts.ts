// Service accounts and their keys: `gcloud iam service-accounts list|describe --format=json` → ServiceAccount nodes
// (each reachable from its project's any-service-account hub); `gcloud iam service-accounts keys list
// --iam-account=… --format=json` → an APIKey per user-managed key, AUTHENTICATES_AS its account (Google-managed keys
// cannot leave Google and are skipped); a downloaded key file → the same key, its private key fingerprinted and never
// kept. Pure.
import type { PropValue } from '../../src/model/index.js';
import { fingerprint } from '../secrets.js';
import { anyServiceAccountId, anyServiceAccountNode, gcpNode, keyId, serviceAccountId, SOURCE } from './ids.js';
import { isObject, str, type GcpOut } from './out.js';

const SA_NAME = /^projects\/([^/]+)\/serviceAccounts\/([^/]+)$/;
const KEY_NAME = /^projects\/([^/]+)\/serviceAccounts\/([^/]+)\/keys\/([^/]+)$/;
/** `validBeforeTime` of a key that never expires. */
const NEVER = '9999-';

function entries(value: unknown): [unknown, string][] {
  return Array.isArray(value) ? value.map((v, i) => [v, `$[${i}]`]) : [[value, '$']];
}

/** The service-accounts list (or one `describe` object). */
export function transformServiceAccounts(value: unknown, out: GcpOut): void {
  for (const [sa, at] of entries(value)) {
    const email = isObject(sa) ? str(sa, 'email')?.toLowerCase() : undefined;
    if (!isObject(sa) || email === undefined) {
      out.diag('error', 'missing-field', `${at}.email`, 'the service account has no email; it was skipped');
      continue;
    }
    const project = str(sa, 'projectId') ?? SA_NAME.exec(str(sa, 'name') ?? '')?.[1];
    const prov = { source: SOURCE, file: out.file, path: at };
    const description = str(sa, 'description') ?? str(sa, 'displayName');
    out.node(gcpNode(serviceAccountId(email), 'ServiceAccount', email, {
      arn: email, ...opt('x_project', project), ...opt('x_unique_id', str(sa, 'uniqueId')), ...opt('description', description),
      ...(sa['disabled'] === true ? { x_disabled: true } : {}),
    }, prov));
    if (project === undefined) {
      out.diag('warning', 'missing-field', `${at}.projectId`, `service account ${email} names no project; project-wide grants do not reach it`);
      continue;
    }
    out.node(anyServiceAccountNode(`projects/${project}`, prov));
    out.edge('CAN_ASSUME', anyServiceAccountId(`projects/${project}`), serviceAccountId(email), at, { note: `any service account of projects/${project}` });
  }
}

/** The keys list of one or more service accounts. */
export function transformKeys(value: unknown, out: GcpOut): void {
  for (const [key, at] of entries(value)) {
    const name = isObject(key) ? str(key, 'name') : undefined;
    const m = name === undefined ? null : KEY_NAME.exec(name);
    if (!isObject(key) || !m) {
      out.diag('error', name === undefined ? 'missing-field' : 'bad-value', `${at}.name`, 'not a service account key (name projects/<project>/serviceAccounts/<email>/keys/<key id>); the entry was skipped');
      continue;
    }
    if (str(key, 'keyType') === 'SYSTEM_MANAGED') continue;
    const [, , email, id] = m as unknown as [string, string, string, string];
    const created = date(key, 'validAfterTime', at, out);
    const until = date(key, 'validBeforeTime', at, out);
    const props: Record<string, PropValue> = {
      provider: 'gcp', key_id: id, status: key['disabled'] === true ? 'disabled' : 'active', ...opt('created_at', created),
      ...(until !== undefined && !until.startsWith(NEVER) ? { expires_at: until } : {}),
      ...opt('x_key_algorithm', str(key, 'keyAlgorithm')), ...opt('x_key_origin', str(key, 'keyOrigin')),
    };
    keyRecords(email.toLowerCase(), id, props, at, out);
  }
}

/** A downloaded key file: the key by its id, with the private key's fingerprint (a reference: the keys list describes it). */
export function transformKeyFile(value: unknown, out: GcpOut): void {
  const file = isObject(value) ? value : {};
  const email = str(file, 'client_email')?.toLowerCase();
  const id = str(file, 'private_key_id');
  const secret = str(file, 'private_key');
  if (email === undefined || id === undefined) {
    out.diag('error', 'missing-field', email === undefined ? '$.client_email' : '$.private_key_id', 'the service account key file has no client_email or private_key_id; nothing was loaded from it');
    return;
  }
  const props: Record<string, PropValue> = { provider: 'gcp', key_id: id, reference: true, ...(secret !== undefined ? { fingerprint: fingerprint(secret) } : {}) };
  keyRecords(email, id, props, '$', out);
  if (secret !== undefined) {
    out.diag('warning', 'secret-fingerprinted', '$.private_key', `the private key of ${email} (key ${id}) is in this file; it was fingerprinted and not stored. Delete the file, or the key if it was shared`);
  }
}

function keyRecords(email: string, id: string, props: Record<string, PropValue>, at: string, out: GcpOut): void {
  const prov = { source: SOURCE, file: out.file, path: at };
  out.node(gcpNode(keyId(email, id), 'APIKey', `key ${id} of ${email}`, props, prov));
  out.node(gcpNode(serviceAccountId(email), 'ServiceAccount', email, { arn: email, reference: true }, prov));
  out.edge('AUTHENTICATES_AS', keyId(email, id), serviceAccountId(email), at);
}

function date(o: Record<string, unknown>, field: string, at: string, out: GcpOut): string | undefined {
  const raw = str(o, field);
  if (raw === undefined) return undefined;
  if (raw.startsWith(NEVER)) return raw;
  const d = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? new Date(raw) : undefined;
  if (d === undefined || Number.isNaN(d.getTime())) {
    out.diag('warning', 'bad-date', `${at}.${field}`, `${field} is not a date; it was left out`);
    return undefined;
  }
  return d.toISOString();
}

function opt(name: string, value: PropValue | undefined): Record<string, PropValue> {
  return value === undefined ? {} : { [name]: value };
}
