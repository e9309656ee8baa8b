// Which env vars, headers and arguments of an MCP server carry a credential, and what kind of value each holds:
// a real secret, a placeholder, an environment reference, a prompted input or a redaction. Only this module and
// transform.ts see raw values; a value leaves here only as a fingerprint.
import type { NodeKind } from '../../src/model/index.js';
import { fingerprint, scrubSecrets } from '../secrets.js';

/** What a credential-carrying value is. */
export type ValueClass =
  | { readonly type: 'secret'; readonly fingerprint: string; readonly shape: string | undefined }
  | { readonly type: 'env'; readonly variable: string }
  | { readonly type: 'placeholder' | 'input' | 'redacted' | 'empty' };

/** Names of env vars / headers / flags that carry a credential. */
const CREDENTIAL_NAME = /(^|[_-])(api[_-]?key|apikey|key|token|secret|password|passwd|pwd|pat|credentials?|auth|authorization|bearer|cookie|session|private[_-]?key|client[_-]?secret|access[_-]?key([_-]?id)?)($|[_-])/i;
/** Well-known variables whose names run the word in (libpq's PGPASSWORD, MySQL's MYSQL_PWD). */
const KNOWN_CREDENTIAL_VARIABLE = /^(PGPASSWORD|MYSQL_PWD)$/;
/** Names that look like credentials but are not (ids of things, file paths, switches). */
const NOT_CREDENTIAL = /(^|[_-])(file|path|dir|url|endpoint|region|type|mode|enabled?|level|timeout)$/i;

const PLACEHOLDER = /^(your[_-]|<[^>]*>$|x{3,}$|\.\.\.$|changeme$|change[_-]me|replace[_-]?me|todo$|placeholder|insert[_-]|enter[_-]|put[_-]your|example)/i;
const REDACTED = /^(\[?redacted\]?|<redacted>|\*{3,}|•{3,}|\[hidden\]|\[masked\])$/i;
const INPUT = /\$\{input:[^}]*\}/;
const ENV_REF = /\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/;
/** Continue's `${{ secrets.NAME }}` (its secret store or `.env`): a reference by name, like an environment variable. */
const SECRET_REF = /\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/;
/** A bare `COPILOT_MCP_…` name: the Copilot coding agent reads it from the repository's Copilot environment secrets. */
const COPILOT_SECRET = /^COPILOT_MCP_[A-Za-z0-9_]+$/;
/** Known shapes this module adds to secrets.ts: AWS access key ids are identifiers there, credentials here. */
const AWS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;

/** True when an env var, header or flag with this name carries a credential. */
export function isCredentialName(name: string): boolean {
  const bare = name.replace(/^-+/, '');
  return KNOWN_CREDENTIAL_VARIABLE.test(bare) || (CREDENTIAL_NAME.test(bare) && !NOT_CREDENTIAL.test(bare));
}

/** Classifies a value that carries (or may carry) a credential. A `Bearer ` prefix is ignored. */
export function classifyValue(raw: string): ValueClass {
  const value = raw.trim().replace(/^(bearer|token|basic)\s+/i, '');
  if (value === '') return { type: 'empty' };
  if (INPUT.test(value)) return { type: 'input' };
  const named = SECRET_REF.exec(value)?.[1] ?? (COPILOT_SECRET.test(value) ? value : undefined);
  if (named !== undefined) return { type: 'env', variable: named };
  const env = ENV_REF.exec(value);
  if (env !== null) return { type: 'env', variable: (env[1] ?? env[2]) as string };
  if (REDACTED.test(value)) return { type: 'redacted' };
  if (PLACEHOLDER.test(value)) return { type: 'placeholder' };
  return { type: 'secret', fingerprint: fingerprint(value), shape: shapeOf(value) };
}

/** The known shape of a value, if any (AWS key id, GitHub, Slack, OpenAI, Anthropic, Google…). */
export function shapeOf(value: string): string | undefined {
  if (AWS_KEY_ID.test(value)) return 'AWS access key id';
  return scrubSecrets(value).found[0];
}

/** True when a value has a known secret shape, whatever the name it is given under. */
export function hasSecretShape(value: string): boolean {
  return shapeOf(value.trim()) !== undefined;
}

/** Credential node kind and provider for a shape (or, for env references, the variable name). */
export function credentialKind(shapeOrName: string | undefined): { kind: NodeKind; provider?: string } {
  const s = shapeOrName ?? '';
  if (/AWS access key id/.test(s)) return { kind: 'APIKey', provider: 'aws' };
  if (/GitHub/.test(s)) return { kind: 'Token', provider: 'github' };
  if (/Slack/.test(s)) return { kind: 'Token', provider: 'slack' };
  if (/Anthropic/.test(s)) return { kind: 'APIKey', provider: 'anthropic' };
  if (/OpenAI/.test(s)) return { kind: 'APIKey', provider: 'openai' };
  if (/Google/.test(s)) return { kind: 'APIKey', provider: 'google' };
  if (/Stripe/.test(s)) return { kind: 'APIKey', provider: 'stripe' };
  if (/web token|token|pat$|bearer|authorization|session|cookie/i.test(s)) return { kind: 'Token' };
  if (/key/i.test(s)) return { kind: 'APIKey' };
  return { kind: 'Secret' };
}

/** Capability flags that widen what a tool may do, as found in its arguments. */
export function capabilityFlags(args: readonly string[]): string[] {
  const flags = args.filter((a) => /^--(allow|enable|read-?only|readonly|disable|unsafe|dangerously)[\w-]*$/i.test(a.split('=')[0] ?? ''));
  return [...new Set(flags.map((a) => a.split('=')[0] as string))];
}
