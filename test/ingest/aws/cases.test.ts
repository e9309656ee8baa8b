// Cases a tool must not flag (allow + deny, AWS-owned ARNs, boundaries, the wrong service, `${aws:username}`,
// NotAction without IAM), and special grants it must (NotAction admin, resource-constrained grants covering the
// principal's own policy, conditions), plus trust policy principals.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { techniqueLabel } from '../../../ingest/aws/techniques.js';
import { diagTuples, edgesOf, nodesOf } from '../tuples.js';
import { ADMIN, AWS_FIXTURES, edgesFrom, id, ingestFixture } from './helpers.js';

const ATTACKER = id('user', 'attacker');

describe('aws: must not flag', () => {
  it.each([
    'allow-and-deny', 'deny-survives-admin-grant', 'aws-owned-policy', 'service-linked-role', 'boundary-caps-self-grant',
    'passrole-wrong-service', 'username-variable', 'resource-constrained-elsewhere', 'notaction-without-iam', 'impossible-condition',
    'existing-without-instance-profile',
  ])('%s: the attacker gets no edge', async (name) => {
    const records = await ingestFixture(`${AWS_FIXTURES}/negative/${name}.json`);
    expect(records.diagnostics).toEqual([]);
    expect(edgesFrom(records, ATTACKER)).toEqual(new Set());
  });
});

describe('aws: special grants', () => {
  it('NotAction without IAM in it is an effective administrator (plain grant, no technique)', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/notaction-admin.json`);
    expect(edgesFrom(records, ATTACKER)).toEqual(new Set([`CAN_ACCESS|${ADMIN}||`]));
  });

  it('permissions from two policies (group and own) combine into one technique', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/two-policies-combined.json`);
    expect(edgesFrom(records, ATTACKER)).toEqual(new Set([`CAN_ASSUME|${id('role', 'target')}|${techniqueLabel('lambda-001')}|`]));
  });

  it('a NotAction grant on one user covers every technique on it except the excluded actions', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/notaction-on-a-user.json`);
    expect(edgesFrom(records, ATTACKER)).toEqual(new Set([
      `CAN_MINT_CREDENTIAL|${id('user', 'target')}|iam-002 iam:CreateAccessKey,iam-004 iam:CreateLoginProfile|`,
      `CAN_ACCESS|${ADMIN}|${techniqueLabel('iam-015')},${techniqueLabel('iam-018')}|`,
    ]));
  });

  it('a resource-constrained grant that still covers the own policy escalates', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/resource-constrained-own-policy.json`);
    expect(edgesFrom(records, ATTACKER)).toEqual(new Set([`CAN_ACCESS|${ADMIN}|${techniqueLabel('iam-001')}|`]));
  });

  it('a bucket a policy names becomes a reference Dataset its writers alter (write_training_data), wildcard grants included; readers and denied writers do not', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/training-bucket.json`);
    expect(records.diagnostics).toEqual([]);
    const alters = records.edges.filter((e) => e.kind === 'CAN_ALTER').map((e) => [e.from, e.to, e.properties]);
    expect(alters).toEqual([
      [id('user', 'writer'), 'aws/s3/fraud-training', { action: 'write_training_data' }],
      [id('user', 'wildcard'), 'aws/s3/fraud-training', { action: 'write_training_data' }],
    ]);
    expect(records.nodes.filter((n) => n.kind === 'Dataset').map((n) => [n.id, n.name, n.properties])).toEqual([
      ['aws/s3/fraud-training', 'S3 bucket fraud-training', { platform: 'aws', x_arn: 'arn:aws:s3:::fraud-training', reference: true }],
    ]);
  });

  it('a conditional allow gives a conditional edge', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/conditional-grant.json`);
    expect(edgesFrom(records, ATTACKER)).toEqual(new Set([`CAN_MINT_CREDENTIAL|${id('user', 'target')}|iam-002 iam:CreateAccessKey|conditional`]));
  });

  it('a grant bounded by aws:CurrentTime gives an edge that expires, decided at analysis time', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/time-bound-grant.json`);
    expect(records.edges.filter((e) => e.from === ATTACKER).map((e) => [e.kind, e.to, e.properties])).toEqual([
      ['CAN_MINT_CREDENTIAL', id('user', 'target'), { technique: ['iam-002 iam:CreateAccessKey'], expires_at: '2025-01-01T00:00:00.000Z' }],
    ]);
  });

  it('a conditional deny that may apply makes the admin edge conditional', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/conditional-deny.json`);
    expect(edgesFrom(records, ATTACKER)).toEqual(new Set([`CAN_ACCESS|${ADMIN}||conditional`]));
  });
});

describe('aws: boto3 pages', () => {
  it('a JSON list of paginator pages is one export (membership across pages resolves)', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/boto3-pages.json`);
    expect(records.diagnostics).toEqual([]);
    expect(edgesOf(records)).toEqual(new Set([`${id('user', 'alice')}|MEMBER_OF|${id('group', 'admins')}`, `${id('user', 'alice')}|CAN_ACCESS|${ADMIN}`]));
    expect(records.nodes.find((n) => n.id === id('user', 'alice'))?.properties['x_created_at']).toBe('2024-05-01T10:00:00.000Z');
  });
});

describe('aws: trust policies', () => {
  it('resolves account, named, federated, cross-account principals and trust denies', async () => {
    const records = await ingestFixture(`${AWS_FIXTURES}/cases/trust-principals.json`);
    const gh = `aws/111122223333/oidc-provider/token.actions.githubusercontent.com/sub/repo:example-org/deploy:ref:refs/heads/main`;
    const saml = 'aws/111122223333/saml-provider/corp-idp';
    expect(edgesOf(records, 'CAN_ASSUME')).toEqual(new Set([
      `${id('user', 'can-assume')}|CAN_ASSUME|${id('role', 'shared')}`,
      `${id('user', 'named')}|CAN_ASSUME|${id('role', 'named-only')}`,
      `${gh}|CAN_ASSUME|${id('role', 'ci')}`,
      `${saml}|CAN_ASSUME|${id('role', 'sso')}`,
      `aws/444455556666/role/auditor|CAN_ASSUME|${id('role', 'partner')}`,
    ]));
    expect(records.edges.filter((e) => e.kind === 'CAN_ASSUME').every((e) => e.properties['conditional'] === undefined)).toBe(true);
    expect(nodesOf(records, 'WorkloadIdentity')).toEqual(new Set([gh, saml]));
    expect(records.nodes.find((n) => n.id === gh)?.properties).toEqual({
      platform: 'aws', issuer: 'token.actions.githubusercontent.com', subject: 'repo:example-org/deploy:ref:refs/heads/main',
      x_arn: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
    });
    expect(records.nodes.find((n) => n.id === 'aws/444455556666/role/auditor')).toMatchObject({ kind: 'Role', properties: { arn: 'arn:aws:iam::444455556666:role/auditor' } });
    expect(diagTuples(records.diagnostics)).toEqual([['warning', 'dangling-ref', 'trust-principals.json', undefined, undefined, '$.RoleDetailList[1].AssumeRolePolicyDocument.Statement[0].Principal.AWS']]);
  });
});

describe('aws: filtered exports', () => {
  it('AdministratorAccess missing from Policies is still known; another missing policy is a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathwarden-aws-'));
    try {
      const user = (name: string, arn: string) => ({ UserName: name, Arn: `arn:aws:iam::111122223333:user/${name}`, UserPolicyList: [], GroupList: [], AttachedManagedPolicies: [{ PolicyName: arn.split('/').pop(), PolicyArn: arn }] });
      await writeFile(join(dir, 'users-only.json'), JSON.stringify({ UserDetailList: [user('root-like', 'arn:aws:iam::aws:policy/AdministratorAccess'), user('other', 'arn:aws:iam::111122223333:policy/custom')] }));
      const records = await ingestFixture(join(dir, 'users-only.json'));
      expect(edgesOf(records, 'CAN_ACCESS')).toEqual(new Set([`${id('user', 'root-like')}|CAN_ACCESS|${ADMIN}`]));
      expect(diagTuples(records.diagnostics)).toEqual([['warning', 'dangling-ref', 'users-only.json', undefined, undefined, '$.UserDetailList[1].AttachedManagedPolicies[0]']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
