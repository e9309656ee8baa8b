// Secret material in input: known secret shapes are found in any text cell and replaced by a fingerprint,
// so a secret value never enters a record, a diagnostic, a log or an output.
import { createHash } from 'node:crypto';

/** A known shape of secret material. */
interface SecretShape {
  readonly name: string;
  readonly pattern: RegExp;
}

/**
 * Shapes of bearer secrets. AWS access key ids (`AKIA…`, `ASIA…`) are identifiers, not secrets, and are kept;
 * the 40-character AWS secret access key has no prefix and is handled by `looksLikeAwsSecretKey`.
 * NOTE: every pattern is global so `replace` fingerprints each occurrence in a cell.
 */
const SHAPES: readonly SecretShape[] = [
  { name: 'private key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g },
  { name: 'Anthropic API key', pattern: /\bsk-ant-[A-Za-z0-9_-]{16,}/g },
  { name: 'OpenAI API key', pattern: /\bsk-[A-Za-z0-9_-]{20,}/g },
  { name: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { name: 'Slack token', pattern: /\bxox[abpr]-[A-Za-z0-9-]{10,}/g },
  { name: 'Stripe key', pattern: /\b[rs]k_live_[A-Za-z0-9]{16,}/g },
  { name: 'Google API key', pattern: /\bAIza[A-Za-z0-9_-]{35}/g },
  { name: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { name: 'AWS secret access key', pattern: /(?<=aws_secret_access_key\s*[=:]\s*)[A-Za-z0-9/+]{40}/gi },
];

/** Cheap pre-check: a cell that contains none of these cannot match a prefixed shape. */
const PREFILTER = /-----BEGIN|sk-|gh[pousr]_|github_pat_|xox[abpr]-|k_live_|AIza|eyJ|aws_secret_access_key/i;

/** `sha256:` + the first 16 hex digits of the SHA-256 of the value. */
export function fingerprint(value: string): string {
  return `sha256:${createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 16)}`;
}

/** True for a bare 40-character AWS secret access key (base64 alphabet, mixed case and digits). */
function looksLikeAwsSecretKey(text: string): boolean {
  return text.length === 40 && /^[A-Za-z0-9/+]{40}$/.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text)
    && /[0-9]/.test(text) && /[/+]/.test(text);
}

/** Result of scrubbing one text: the safe text and the names of the shapes that were replaced. */
export interface ScrubResult {
  readonly text: string;
  readonly found: readonly string[];
}

/** Replaces every known secret shape in `text` by its fingerprint; `found` is empty when nothing matched. */
export function scrubSecrets(text: string): ScrubResult {
  const trimmed = text.trim();
  if (looksLikeAwsSecretKey(trimmed)) return { text: fingerprint(trimmed), found: ['AWS secret access key'] };
  if (!PREFILTER.test(text)) return { text, found: [] };
  const found: string[] = [];
  let out = text;
  for (const shape of SHAPES) {
    out = out.replace(shape.pattern, (match) => {
      if (!found.includes(shape.name)) found.push(shape.name);
      return fingerprint(match);
    });
  }
  return { text: out, found };
}
