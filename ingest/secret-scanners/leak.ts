// What pathwarden keeps of one leaked value: its fingerprint (the same function every source uses, so they agree),
// the public key id of an AWS access key, and the credential kind and provider its shape gives. The only module of
// this source that sees a secret value; nothing but these facts leaves it.
import type { NodeKind } from '../../src/model/index.js';
import { credentialKind, shapeOf } from '../mcp/classify.js';
import { fingerprint } from '../secrets.js';

/** The facts kept of a leaked value. */
export interface LeakFacts {
  /** Fingerprint of the value as the scanner reported it. */
  readonly fingerprint: string;
  /** Other fingerprints of the same credential (the secret half of an AWS key pair trufflehog reports whole). */
  readonly also: readonly string[];
  /** AWS access key id (`AKIA…`, `ASIA…`): public, and what AWS exports and CLI configs name a key by. */
  readonly keyId: string | undefined;
  /** Shape name (`GitHub token`, `AWS access key id`…), when the value has a known one. */
  readonly shape: string | undefined;
  readonly kind: NodeKind;
  readonly provider: string | undefined;
}

const AWS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
/** An AWS secret access key: 40 characters of base64. */
const AWS_SECRET = /^[A-Za-z0-9/+]{40}$/;
/** What scanners write instead of a value they were told to redact (`gitleaks --redact`). */
const REDACTED = /^(REDACTED|\*+|<redacted>)$/i;

/** Facts of a leaked value, or why none can be kept (empty or redacted value). */
export function leakFacts(raw: string, pair?: string): LeakFacts | { readonly refused: 'empty' | 'redacted' } {
  const value = raw.trim();
  if (value === '') return { refused: 'empty' };
  if (REDACTED.test(value)) return { refused: 'redacted' };
  const keyId = AWS_KEY_ID.test(value) ? value : undefined;
  const also: string[] = [];
  // NOTE: trufflehog's RawV2 of an AWS finding is the key id immediately followed by its secret access key.
  const rest = keyId !== undefined && pair !== undefined && pair.startsWith(keyId) ? pair.slice(keyId.length).trim() : '';
  if (AWS_SECRET.test(rest)) also.push(fingerprint(rest));
  const shape = shapeOf(value);
  const { kind, provider } = credentialKind(shape);
  return { fingerprint: fingerprint(value), also, keyId, shape, kind, provider };
}
