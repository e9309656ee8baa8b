// trufflehog JSON Lines: source metadata as the place, the AWS pair (Raw = key id, RawV2 = id + secret), verified
// findings, credentials in a repository URL dropped, and trufflehog's own log lines skipped.
import { describe, expect, it } from 'vitest';
import { loadOwn } from './own.js';
import { fingerprint } from '../../../ingest/secrets.js';
import { transformFindings } from '../../../ingest/secret-scanners/transform.js';

const DIR = 'test/fixtures/secret-scanners/trufflehog';
const KEY = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SLACK = 'xoxb-000000000000-PLANTEDfakeSlackBotToken';
const OPENAI = 'sk-PLANTEDfakeOpenAIkey0123456789abcdef';

describe('trufflehog JSON Lines', () => {
  it('one leak node per finding line; the log line is skipped without a diagnostic', async () => {
    const r = await loadOwn(DIR);
    expect(r.nodes.map((n) => [n.id, n.kind, n.provenance.line])).toEqual([
      [`leak/${fingerprint(KEY)}`, 'APIKey', 1], [`leak/${fingerprint(SLACK)}`, 'Token', 3], [`leak/${fingerprint(OPENAI)}`, 'APIKey', 4],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('an AWS finding: key id, the fingerprint of the secret half of RawV2, verified, the ARN of ExtraData', async () => {
    const r = await loadOwn(DIR);
    expect(r.nodes[0]?.properties).toEqual({
      reference: true, fingerprint: fingerprint(KEY), key_id: KEY, provider: 'aws',
      exposed_in: ['https://github.com/acme/payments deploy/settings.py:14 (commit 3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39)'],
      x_fingerprints: [fingerprint(AWS_SECRET)], x_scanner: ['trufflehog'], x_rule: ['AWS'], x_verified: true,
      x_arn: 'arn:aws:iam::123456789012:user/ci-deployer',
    });
  });

  it('the place: repository without the credentials in its URL, file, line, commit; a filesystem path', async () => {
    const r = await loadOwn(DIR);
    expect(r.nodes.slice(1).map((n) => n.properties['exposed_in'])).toEqual([
      ['https://github.com/acme/payments.git notify.py:7 (commit 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b)'], ['/srv/app/.env:2'],
    ]);
  });

  it('an empty Raw falls back to RawV2; no source metadata is an unknown location', () => {
    const r = transformFindings('trufflehog', [{ value: { DetectorName: 'URI', Raw: '', RawV2: 'PLANTEDuri' }, line: 1, path: '$' }], { file: 't.json' });
    expect(r.nodes.map((n) => [n.properties['fingerprint'], n.properties['exposed_in']])).toEqual([[fingerprint('PLANTEDuri'), ['unknown location']]]);
  });

  it('an unverified finding carries no x_verified', async () => {
    const r = await loadOwn(DIR);
    expect(r.nodes.map((n) => n.properties['x_verified'])).toEqual([true, undefined, undefined]);
  });
});
