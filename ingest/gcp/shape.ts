// Which gcloud export a file is, by the shape of its text (detect: first 16 KB) or of its parsed value (transform).
// None of these exports has a fixed file name.
import { isObject } from '../values.js';

/** The exports this source reads. */
export type GcpShape = 'policy' | 'asset-policies' | 'service-accounts' | 'keys' | 'roles' | 'key-file';

const SA_NAME = /^projects\/[^/]+\/serviceAccounts\/[^/]+$/;
const KEY_NAME = /^projects\/[^/]+\/serviceAccounts\/[^/]+\/keys\/[^/]+$/;
const ROLE_NAME = /^(projects|organizations)\/[^/]+\/roles\/[^/]+$/;

const HEADS: readonly [GcpShape, RegExp][] = [
  ['key-file', /"type"\s*:\s*"service_account"[^]*"private_key(_id)?"\s*:|"private_key(_id)?"\s*:[^]*"type"\s*:\s*"service_account"/],
  ['keys', /"name"\s*:\s*"projects\/[^"/]+\/serviceAccounts\/[^"/]+\/keys\/[^"/]+"/],
  ['service-accounts', /"name"\s*:\s*"projects\/[^"/]+\/serviceAccounts\/[^"/]+@[^"/]+"/],
  ['roles', /"name"\s*:\s*"(projects|organizations)\/[^"/]+\/roles\/[^"/]+"/],
  ['asset-policies', /"resource"\s*:\s*"\/\/[a-z0-9.-]+\.googleapis\.com\/[^]*"policy"\s*:\s*\{|"policy"\s*:\s*\{[^]*"resource"\s*:\s*"\/\/[a-z0-9.-]+\.googleapis\.com\//],
  ['policy', /"bindings"\s*:\s*\[\s*(\]|\{[^]*"(role|members)"\s*:)/],
];

/** The export the start of a file looks like, if any. */
export function shapeOfHead(head: string): GcpShape | undefined {
  const text = head.trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  return HEADS.find(([, re]) => re.test(text))?.[0];
}



function named(v: unknown, re: RegExp): boolean {
  return isObject(v) && typeof v['name'] === 'string' && re.test(v['name']);
}

/** The export a parsed document is: a list is typed by its first entry, an object by its own fields. */
export function shapeOf(value: unknown): GcpShape | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (!isObject(first)) return undefined;
  if (first['type'] === 'service_account' && ('private_key' in first || 'private_key_id' in first)) return 'key-file';
  if (named(first, KEY_NAME)) return 'keys';
  if (named(first, SA_NAME) || typeof first['email'] === 'string') return 'service-accounts';
  if (named(first, ROLE_NAME) || Array.isArray(first['includedPermissions'])) return 'roles';
  if (Array.isArray(value) && isObject(first['policy'])) return 'asset-policies';
  if (!Array.isArray(value) && ('bindings' in first || ('etag' in first && 'version' in first))) return 'policy';
  return undefined;
}
