// Secret shapes: what is fingerprinted and what is kept as an identifier.
import { describe, expect, it } from 'vitest';
import { fingerprint, scrubSecrets } from '../../ingest/secrets.js';

describe('scrubSecrets', () => {
  it.each([
    ['GitHub token', 'ghp_Zq7Lk2mN9pQ4rS8tV1wX3yA5bC6dE0fGhIjK'],
    ['GitHub token', 'gho_Zq7Lk2mN9pQ4rS8tV1wX3yA5bC6dE0fGhIjK'],
    ['GitHub token', 'github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789'],
    ['OpenAI API key', 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z'],
    ['Anthropic API key', 'sk-ant-api03-Qw3rTy7uIo0pAs4dFg8hJk1lZx5cVb9nM'],
    ['Slack token', 'xoxb-1234567890-abcdefghij'],
    ['private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----'],
    ['AWS secret access key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ])('fingerprints a %s', (name, secret) => {
    expect(scrubSecrets(secret)).toEqual({ text: fingerprint(secret), found: [name] });
  });

  it('keeps AWS access key ids, ids and ordinary text', () => {
    for (const text of ['AKIAIOSFODNN7EXAMPLE', 'acme/sa/ci-deployer', 'task-runner', 'sk-short', 'mail.read files.*']) {
      expect(scrubSecrets(text)).toEqual({ text, found: [] });
    }
  });

  it('replaces only the secret inside a longer text', () => {
    const secret = 'xoxp-1234567890-abcdefghij';
    expect(scrubSecrets(`token ${secret} was pasted`).text).toBe(`token ${fingerprint(secret)} was pasted`);
  });

  it('fingerprint is sha256: plus 16 hex digits', () => {
    expect(fingerprint('abc')).toBe('sha256:ba7816bf8f01cfea');
  });
});
