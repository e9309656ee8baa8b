// gitleaks JSON reports: one leak node per leaked value, by fingerprint; the AWS key id kept; where it was found.
import { describe, expect, it } from 'vitest';
import { loadOwn } from './own.js';
import { fingerprint } from '../../../ingest/secrets.js';
import { transformFindings } from '../../../ingest/secret-scanners/transform.js';

const DIR = 'test/fixtures/secret-scanners/gitleaks';
const FILE = `${DIR}/gitleaks-report.json`;
const GHP = 'ghp_PLANTEDfakeGitHubToken0123456789abcd';
const KEY = 'AKIAIOSFODNN7EXAMPLE';
const C1 = '3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39';
const C2 = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';

describe('gitleaks report', () => {
  it('one leak node per value: id, kind, name and provider from the value shape', async () => {
    const r = await loadOwn(DIR);
    expect(r.nodes.map((n) => [n.id, n.kind, n.name, n.properties['provider']])).toEqual([
      [`leak/${fingerprint(KEY)}`, 'APIKey', `leaked AWS access key ${KEY}`, 'aws'],
      [`leak/${fingerprint(GHP)}`, 'Token', `leaked GitHub token ${fingerprint(GHP)}`, 'github'],
      [`leak/${fingerprint('AIzaPLANTEDfakeGoogleApiKey0123456789ab')}`, 'APIKey', `leaked Google API key ${fingerprint('AIzaPLANTEDfakeGoogleApiKey0123456789ab')}`, 'google'],
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.files).toEqual([{ file: FILE, source: 'secret-scanners', nodes: 3, edges: 0, rejected: 0 }]);
  });

  it('the same value in two commits is one node with both places', async () => {
    const r = await loadOwn(DIR);
    const gh = r.nodes.find((n) => n.id === `leak/${fingerprint(GHP)}`);
    expect(gh?.properties).toEqual({
      reference: true, fingerprint: fingerprint(GHP), provider: 'github',
      exposed_in: [`.github/scripts/release.sh:3 (commit ${C1})`, `.github/scripts/release.sh:5 (commit ${C2})`],
      x_scanner: ['gitleaks'], x_rule: ['github-pat'],
    });
    expect(gh?.provenance).toEqual({ source: 'secret-scanners', file: FILE, line: 22, path: '$[1]' });
  });

  it('an AWS access key keeps its key id (public), the fingerprint of the value, and no exposed mark before the join', async () => {
    const r = await loadOwn(DIR);
    const aws = r.nodes.find((n) => n.properties['key_id'] !== undefined);
    expect([aws?.properties['key_id'], aws?.properties['fingerprint'], aws?.properties['exposed']]).toEqual([KEY, fingerprint(KEY), undefined]);
  });

  it('a --no-git finding (empty Commit) is placed by file and line only', () => {
    const r = transformFindings('gitleaks', [{ value: { RuleID: 'generic-api-key', File: 'app/.env', StartLine: 3, Commit: '', Secret: 'PLANTEDgeneric' }, line: 2, path: '$[0]' }], { file: 'g.json' });
    expect(r.nodes.map((n) => [n.kind, n.properties['exposed_in']])).toEqual([['Secret', ['app/.env:3']]]);
  });

  it('no rule id falls back to the description', () => {
    const r = transformFindings('gitleaks', [{ value: { Description: 'Custom', File: 'a', StartLine: 1, Secret: 'PLANTEDx' }, line: 1, path: '$[0]' }], { file: 'g.json' });
    expect(r.nodes[0]?.properties['x_rule']).toEqual(['Custom']);
  });
});
