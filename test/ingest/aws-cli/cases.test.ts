// The aws-cli ingestor, one rule per fixture directory (test/fixtures/aws-cli/cases/<rule>/): the expected nodes and
// edges and only those, through the directory loader as a user runs it.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { fingerprint } from '../../../ingest/secrets.js';
import { buildGraph } from '../../../src/graph/build.js';
import type { Records } from '../../../src/model/index.js';
import { diagTuples, edgesOf } from '../tuples.js';

const CASES = 'test/fixtures/aws-cli/cases';
const load = (name: string): Promise<Records> => loadDirectory(`${CASES}/${name}`);
const ids = (r: Records): Set<string> => new Set(r.nodes.map((n) => `${n.kind} ${n.id}${n.properties['reference'] === true ? ' (reference)' : ''}`));
const node = (r: Records, id: string) => r.nodes.find((n) => n.id === id);
const props = (r: Records, from: string, to: string) => r.edges.find((e) => e.from === from && e.to === to)?.properties;
const ACCOUNT = 'aws/111122223333';

describe('aws-cli rules', () => {
  it('each profile of a config file is a Secret aws-profile/<name>, a full record; settings that are not profiles make nothing', async () => {
    const r = await load('profiles');
    expect(ids(r)).toEqual(new Set(['Secret aws-profile/default', 'Secret aws-profile/dev']));
    expect(r.edges).toEqual([]);
    expect(node(r, 'aws-profile/dev')).toMatchObject({
      name: 'AWS CLI profile dev', source: 'aws-cli', properties: { provider: 'aws', platform: 'aws', x_region: 'eu-west-1' },
      provenance: { source: 'aws-cli', line: 5 },
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('source_profile: the profile reads its source profile\'s credentials, which assume the role (one edge for two profiles)', async () => {
    const r = await load('source-profile');
    const role = `${ACCOUNT}/role/ml-agent`;
    expect(edgesOf(r)).toEqual(new Set([
      'aws-profile/ml|CAN_READ_SECRET|aws-profile/base', 'aws-profile/ml-eu|CAN_READ_SECRET|aws-profile/base',
      `aws-profile/base|CAN_ASSUME|${role}`,
      'aws-profile/audit|CAN_READ_SECRET|aws-profile/corp', 'aws-profile/corp|CAN_ASSUME|aws/444455556666/role/OrganizationAuditor',
    ]));
    expect(props(r, 'aws-profile/base', role)).toEqual({ note: 'role_arn of profile ml (source_profile base); role_arn of profile ml-eu (source_profile base)' });
    expect(props(r, 'aws-profile/corp', 'aws/444455556666/role/OrganizationAuditor')?.['note']).toBe('role_arn of profile audit (source_profile corp), with an external id');
    // the role (its path dropped, as ingest/aws names roles) and a source profile defined elsewhere are references
    expect(node(r, role)).toMatchObject({ kind: 'Role', name: 'ml-agent', properties: { arn: 'arn:aws:iam::111122223333:role/agents/ml-agent', reference: true } });
    expect(ids(r)).toContain('Secret aws-profile/corp (reference)');
    expect(ids(r)).toContain('Secret aws-profile/base');
    expect(r.diagnostics).toEqual([]);
  });

  it('credential_source: the profile itself assumes the role', async () => {
    const r = await load('credential-source');
    expect(edgesOf(r)).toEqual(new Set([`aws-profile/deploy|CAN_ASSUME|${ACCOUNT}/role/deployer`]));
    expect(props(r, 'aws-profile/deploy', `${ACCOUNT}/role/deployer`)).toEqual({ note: 'role_arn of profile deploy with credential_source Ec2InstanceMetadata' });
    expect(r.diagnostics).toEqual([]);
  });

  it('web_identity_token_file + role_arn: the profile assumes the role; the token file is kept on the profile', async () => {
    const r = await load('web-identity');
    expect(edgesOf(r)).toEqual(new Set([`aws-profile/pod|CAN_ASSUME|${ACCOUNT}/role/eks-reader`]));
    expect(node(r, 'aws-profile/pod')?.properties['x_web_identity_token_file']).toBe('/var/run/secrets/eks.amazonaws.com/serviceaccount/token');
    expect(r.diagnostics).toEqual([]);
  });

  it('mfa_serial: the CAN_ASSUME is conditional (it needs the MFA code); a source_profile naming itself is its own keys', async () => {
    const r = await load('mfa');
    expect(edgesOf(r)).toEqual(new Set([`aws-profile/admin|CAN_ASSUME|${ACCOUNT}/role/Admin`]));
    expect(props(r, 'aws-profile/admin', `${ACCOUNT}/role/Admin`)).toEqual({
      conditional: true, note: 'role_arn of profile admin with its own keys (source_profile admin), needs a code from the MFA device in mfa_serial',
    });
  });

  it('static keys: the profile reads an APIKey with the key id and the secret key\'s fingerprint; no user is guessed', async () => {
    const r = await load('static-keys');
    const key = 'aws-access-key/AKIAEXAMPLEDEFAULT01';
    expect(ids(r)).toEqual(new Set(['Secret aws-profile/default (reference)', `APIKey ${key}`]));
    expect(edgesOf(r)).toEqual(new Set([`aws-profile/default|CAN_READ_SECRET|${key}`]));
    expect(node(r, key)?.properties).toEqual({
      provider: 'aws', platform: 'aws', key_id: 'AKIAEXAMPLEDEFAULT01', fingerprint: fingerprint('PLANTEDdefaultSecret/bbbbbbbbbbbbbbbbbbbb'),
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('a profile only the credentials file has stays a reference node, and builds without a diagnostic', async () => {
    const r = await load('credentials-only');
    expect(ids(r)).toEqual(new Set(['Secret aws-profile/build (reference)', 'APIKey aws-access-key/AKIAEXAMPLEBUILD0001']));
    expect(buildGraph(r).diagnostics).toEqual([]);
  });

  it('session credentials (ASIA… with a session token): a Token with both fingerprints and the tool\'s expiry', async () => {
    const r = await load('session-token');
    const key = 'aws-access-key/ASIAEXAMPLESESSION01';
    expect(ids(r)).toEqual(new Set(['Secret aws-profile/saml (reference)', `Token ${key}`]));
    expect(edgesOf(r)).toEqual(new Set([`aws-profile/saml|CAN_READ_SECRET|${key}`]));
    const secret = fingerprint('PLANTEDsessionSecret/cccccccccccccccccccc');
    const token = fingerprint('PLANTEDsessionToken//IQoJb3JpZ2luX2VjEPLANTEDddddddddddddddddddddddddddd==');
    expect(node(r, key)?.properties).toEqual({
      provider: 'aws', platform: 'aws', key_id: 'ASIAEXAMPLESESSION01', fingerprint: secret, x_fingerprints: [secret, token],
      expires_at: '2026-03-01T10:00:00.000Z',
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('SSO: the profile assumes (conditionally) the permission set of the account, by a documented id, not a guessed role', async () => {
    const r = await load('sso');
    const set = `${ACCOUNT}/sso-permission-set/DataScientist`;
    expect(ids(r)).toEqual(new Set(['Secret aws-profile/data-scientist', `Role ${set} (reference)`]));
    expect(edgesOf(r)).toEqual(new Set([`aws-profile/data-scientist|CAN_ASSUME|${set}`]));
    expect(props(r, 'aws-profile/data-scientist', set)).toEqual({
      conditional: true, note: 'IAM Identity Center: needs a live SSO sign-in (aws sso login at https://corp.awsapps.com/start) or its cached token',
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('credential_process: kept on the profile, no edge (whose credentials the process returns is unknown)', async () => {
    const r = await load('credential-process');
    expect(r.edges).toEqual([]);
    expect(node(r, 'aws-profile/vault')?.properties['x_credential_process']).toBe('/usr/local/bin/vault-aws-creds --role ml-readonly');
  });

  it('must not: a bare [dev] in a config file is no profile; a role_arn with no way to get credentials makes no edge', async () => {
    const r = await load('not-profiles');
    expect(ids(r)).toEqual(new Set(['Secret aws-profile/default', 'Secret aws-profile/orphan']));
    expect(r.edges).toEqual([]);
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'bad-value', 'config', 4, undefined, '[dev]'],
      ['warning', 'missing-field', 'config', 9, undefined, '[profile orphan].role_arn'],
    ]);
  });

  it('must not: a user ARN as role_arn, source_profile with credential_source, half an SSO pair make no edge', async () => {
    const r = await load('bad-role');
    expect(r.edges).toEqual([]);
    expect(diagTuples(r.diagnostics)).toEqual([
      ['error', 'bad-value', 'config', 2, undefined, '[profile wrong].role_arn'],
      ['warning', 'bad-value', 'config', 8, undefined, '[profile both].credential_source'],
      ['warning', 'missing-field', 'config', 11, undefined, '[profile half-sso].sso_account_id'],
    ]);
  });
});

describe('aws-cli files', () => {
  it('.aws/config and .aws/credentials at their real place: a profile in both is one full node with its settings and its key', async () => {
    const r = await loadDirectory('test/fixtures/aws-cli/home');
    expect(r.files.map((f) => [f.file.split('fixtures/aws-cli/home/')[1], f.source])).toEqual([['.aws/config', 'aws-cli'], ['.aws/credentials', 'aws-cli']]);
    const { graph, diagnostics } = buildGraph(r);
    expect(diagnostics).toEqual([]);
    expect(graph.getNodeAttributes('aws-profile/dev').properties).toEqual({ provider: 'aws', platform: 'aws', x_region: 'eu-west-1' });
    expect(new Set(graph.mapEdges((_k, e) => `${e.from}|${e.kind}|${e.to}`))).toEqual(new Set([
      'aws-profile/ml|CAN_READ_SECRET|aws-profile/dev', `aws-profile/dev|CAN_ASSUME|${ACCOUNT}/role/ml-agent`,
      'aws-profile/default|CAN_READ_SECRET|aws-access-key/AKIAEXAMPLEHOMEDEF01', 'aws-profile/dev|CAN_READ_SECRET|aws-access-key/AKIAEXAMPLEHOMEDEV01',
    ]));
  });

  it('malformed lines: one malformed-ini error each with file:line, the other profiles (and the rest of each) load', async () => {
    const r = await loadDirectory('test/fixtures/aws-cli/malformed');
    expect(diagTuples(r.diagnostics)).toEqual([
      ['error', 'malformed-ini', 'config', 4, 1, undefined],
      ['error', 'malformed-ini', 'config', 10, 1, '[profile ok]'],
      ['error', 'malformed-ini', 'config', 12, 1, '[profile ok]'],
      ['error', 'malformed-ini', 'credentials', 1, 3, undefined],
      ['warning', 'missing-field', 'credentials', 3, undefined, '[default].aws_secret_access_key'],
      ['error', 'malformed-ini', 'credentials', 4, 1, '[default]'],
      ['error', 'malformed-ini', 'credentials', 10, 1, '[backup]'],
    ]);
    expect(r.diagnostics.map((d) => d.message)[0]).toBe('a section header without its closing "]" (or with text after it); it and the settings under it were skipped');
    expect(edgesOf(r)).toEqual(new Set([
      'aws-profile/ok|CAN_READ_SECRET|aws-profile/default', `aws-profile/default|CAN_ASSUME|${ACCOUNT}/role/ok-role`,
      'aws-profile/backup|CAN_READ_SECRET|aws-access-key/AKIAEXAMPLEBACKUP001',
    ]));
    expect(node(r, 'aws-profile/ok')?.properties['x_region']).toBe('eu-west-1');
  });

  it('config, credentials and other names are recognised by content in a flat folder; INI files of other tools are not', async () => {
    const r = await loadDirectory('test/fixtures/aws-cli/detect');
    expect(r.files.map((f) => [f.file.split('/').pop(), f.source])).toEqual([['config', 'aws-cli'], ['credentials', 'aws-cli'], ['laptop-aws.ini', 'aws-cli']]);
    expect(buildGraph(r).diagnostics).toEqual([]);
    const other = await loadDirectory('test/fixtures/aws-cli/not-aws');
    expect(other.files).toEqual([]);
    expect(diagTuples(other.diagnostics)).toEqual([
      ['warning', 'unknown-file', 'gitconfig', undefined, undefined, undefined], ['warning', 'unknown-file', 'setup.cfg', undefined, undefined, undefined],
    ]);
  });
});
