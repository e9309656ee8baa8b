// aws ingest: exports are recognised by content (no fixed names), both date styles and URL-encoded documents are
// read, the credential report loads as CSV or base64 JSON, and a truncated export is one diagnostic with its JSON path.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectIngestor, ingestorFor, listInventory, loadDirectory } from '../../../ingest/index.js';
import { buildGraph } from '../../../src/graph/build.js';
import { detectAws } from '../../../ingest/aws/index.js';
import { jsonPathAt } from '../../../ingest/aws/read.js';
import { diagTuples, edgesOf, nodesOf } from '../tuples.js';

const DIR = 'test/fixtures/aws';
const tmp: string[] = [];
afterEach(async () => { for (const d of tmp.splice(0)) await rm(d, { recursive: true, force: true }); });

describe('aws detection', () => {
  it('recognises each export by its first bytes and nothing else', () => {
    expect(detectAws('{\n    "UserDetailList": [')).toBe(true);
    expect(detectAws('{"RoleDetailList":[')).toBe(true);
    expect(detectAws('{ "Policies": [ { "PolicyName": "x", "PolicyVersionList": [')).toBe(true);
    expect(detectAws('user,arn,user_creation_time,password_enabled\n')).toBe(true);
    expect(detectAws('{"Content": "dXNlcixhcm4sdXNlcl9jcmVhdGlvbl90aW1lLHBh')).toBe(true);
    expect(detectAws('{"Content": "user,arn,user_creation_time,password_enabled')).toBe(true);
    expect(detectAws('[\n  {\n    "UserDetailList": [')).toBe(true);
    expect(detectAws('{"Policies": ["a"]}')).toBe(false);
    expect(detectAws('{"nodes": [], "edges": []}')).toBe(false);
    expect(detectAws('{"Content": "hello"}')).toBe(false);
    expect(detectAws('id,kind,name\n')).toBe(false);
  });

  it('keeps name-based choice first: inventory names never go to aws', async () => {
    expect(ingestorFor('identities.csv')?.id).toBe('csv-inventory');
    expect(ingestorFor('graph.json')?.id).toBe('json-graph');
    expect(ingestorFor('111122223333-cli.json')).toBeUndefined();
    expect((await detectIngestor(`${DIR}/formats/111122223333-cli.json`, '111122223333-cli.json'))?.id).toBe('aws');
    expect(await detectIngestor(`${DIR}/does-not-exist.json`, 'does-not-exist.json')).toBeUndefined();
  });

  it('lists a mixed directory with the ingestor each file goes to', async () => {
    const entries = await listInventory(`${DIR}/formats`);
    expect(entries.map((e) => [e.display.split('/').pop(), 'ingestor' in e ? e.ingestor.id : e.diagnostic.code])).toEqual([
      ['111122223333-boto3.json', 'aws'], ['111122223333-cli.json', 'aws'], ['444455556666-get-credential-report.json', 'aws'], ['credential-report.csv', 'aws'],
    ]);
  });

  it('warns about a JSON file nobody recognises', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathwarden-aws-'));
    tmp.push(dir);
    await writeFile(join(dir, 'other.json'), '{"Items": []}');
    const records = await loadDirectory(dir);
    expect(diagTuples(records.diagnostics)).toEqual([['warning', 'unknown-file', 'other.json', undefined, undefined, undefined]]);
  });
});

describe('aws formats', () => {
  it('loads CLI and boto3 styles, URL-encoded documents and both credential report forms', async () => {
    const r = await loadDirectory(`${DIR}/formats`);
    expect(r.diagnostics).toEqual([]);
    expect(r.files.map((f) => [f.file.split('/').pop(), f.source, f.nodes, f.edges, f.rejected])).toEqual([
      ['111122223333-boto3.json', 'aws', 3, 1, 0],
      ['111122223333-cli.json', 'aws', 8, 5, 0],
      ['444455556666-get-credential-report.json', 'aws', 2, 1, 0],
      ['credential-report.csv', 'aws', 7, 4, 0],
    ]);
    const node = (id: string) => r.nodes.find((n) => n.id === id);
    expect(node('aws/111122223333/role/partner-audit')?.properties).toEqual({ platform: 'aws', arn: 'arn:aws:iam::111122223333:role/partner-audit', x_created_at: '2024-04-02T07:15:00.000Z', x_trusted_accounts_conditional: ['444455556666'] });
    expect(node('aws/111122223333/user/alice')).toMatchObject({ kind: 'ServiceAccount', environment: 'prod', tags: ['environment=production'], properties: { x_created_at: '2024-01-15T09:30:00.000Z' } });
    expect(node('aws/111122223333/user/deployer')?.properties['x_permissions_boundary']).toBe('arn:aws:iam::111122223333:policy/ci-boundary');
    expect(edgesOf(r, 'CAN_ASSUME')).toEqual(new Set([
      'aws/444455556666/any-principal|CAN_ASSUME|aws/111122223333/role/partner-audit',
      'aws/service/ec2.amazonaws.com|CAN_ASSUME|aws/111122223333/role/app-server',
    ]));
    expect(r.edges.find((e) => e.to === 'aws/111122223333/role/partner-audit')?.properties).toEqual({ conditional: true });
    expect(edgesOf(r, 'RUNS_AS')).toEqual(new Set(['aws/111122223333/instance-profile/app-server|RUNS_AS|aws/111122223333/role/app-server']));
    expect(edgesOf(r, 'MEMBER_OF')).toEqual(new Set(['aws/111122223333/user/alice|MEMBER_OF|aws/111122223333/group/admins']));
    expect(edgesOf(r, 'CAN_ACCESS')).toEqual(new Set([
      'aws/111122223333/user/alice|CAN_ACCESS|aws/111122223333/effective-admin',
      'aws/111122223333/root|CAN_ACCESS|aws/111122223333/effective-admin',
      'aws/444455556666/root|CAN_ACCESS|aws/444455556666/effective-admin',
    ]));
    expect(nodesOf(r, 'APIKey')).toEqual(new Set(['aws/111122223333/user/deployer/access-key-1', 'aws/111122223333/user/deployer/access-key-2']));
    expect(nodesOf(r, 'Secret')).toEqual(new Set(['aws/111122223333/user/alice/password']));
    expect(node('aws/111122223333/user/deployer/access-key-1')?.properties).toEqual({
      platform: 'aws', provider: 'aws', status: 'active', created_at: '2024-02-01T12:05:00.000Z', last_rotated_at: '2024-02-01T12:05:00.000Z',
      last_used_at: '2025-06-11T03:00:00.000Z', x_last_used_service: 's3',
    });
    expect(node('aws/111122223333/user/deployer/access-key-2')?.properties['status']).toBe('disabled');
    expect(node('aws/111122223333/user/alice/password')?.properties).toEqual({
      platform: 'aws', provider: 'aws', status: 'active', last_used_at: '2025-06-10T08:00:00.000Z', last_rotated_at: '2024-01-15T09:31:00.000Z', x_mfa_active: 'true',
    });
    expect(edgesOf(r, 'AUTHENTICATES_AS')).toEqual(new Set([
      'aws/111122223333/user/deployer/access-key-1|AUTHENTICATES_AS|aws/111122223333/user/deployer',
      'aws/111122223333/user/deployer/access-key-2|AUTHENTICATES_AS|aws/111122223333/user/deployer',
      'aws/111122223333/user/alice/password|AUTHENTICATES_AS|aws/111122223333/user/alice',
    ]));
  });

  it('a truncated export is one diagnostic with file, line, column and JSON path; the other file still loads', async () => {
    const r = await loadDirectory(`${DIR}/malformed`);
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'malformed-json', 'authz-truncated.json', 44, 55, '$.UserDetailList[1].PermissionsBoundary.PermissionsBoundaryArn']]);
    expect(r.diagnostics[0]?.message).toBe('the JSON ends unexpectedly (truncated file?) while reading $.UserDetailList[1].PermissionsBoundary.PermissionsBoundaryArn; nothing was loaded from this file');
    expect(r.files.map((f) => [f.file.split('/').pop(), f.nodes, f.edges, f.rejected])).toEqual([['authz-truncated.json', 0, 0, 1], ['report.csv', 4, 2, 0]]);
    // The report's users are references: their keys keep a holder though the authorization export was lost.
    expect(buildGraph(r).diagnostics).toEqual([]);
    expect(r.nodes.filter((n) => n.properties['reference'] === true).map((n) => n.id)).toEqual(['aws/111122223333/user/alice']);
  });

  it('names the JSON path of a bad policy document and keeps the rest of the export', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathwarden-aws-'));
    tmp.push(dir);
    const role = (name: string, trust: unknown) => ({ RoleName: name, Arn: `arn:aws:iam::111122223333:role/${name}`, AssumeRolePolicyDocument: trust, RolePolicyList: [], AttachedManagedPolicies: [], InstanceProfileList: [] });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    await writeFile(join(dir, 'export.json'), JSON.stringify({ RoleDetailList: [role('ok', trust), role('bad', '%7Bnot json'), role('worse', { Statement: [{ Effect: 'Maybe', Action: '*' }] })] }));
    const r = await loadDirectory(dir);
    expect(diagTuples(r.diagnostics)).toEqual([
      ['error', 'bad-value', 'export.json', undefined, undefined, '$.RoleDetailList[1].AssumeRolePolicyDocument'],
      ['error', 'bad-value', 'export.json', undefined, undefined, '$.RoleDetailList[2].AssumeRolePolicyDocument.Statement[0].Effect'],
    ]);
    expect(nodesOf(r, 'Role')).toEqual(new Set(['aws/111122223333/role/ok', 'aws/111122223333/role/bad', 'aws/111122223333/role/worse']));
    expect(edgesOf(r, 'CAN_ASSUME')).toEqual(new Set(['aws/service/lambda.amazonaws.com|CAN_ASSUME|aws/111122223333/role/ok']));
  });

  it('finds the JSON path open at an offset', () => {
    const text = '{"A": [1, {"B": {"C": "x';
    expect(jsonPathAt(text, text.length)).toBe('$.A[1].B.C');
    expect(jsonPathAt('{"A": [1, 2], "B": [', 20)).toBe('$.B[0]');
    expect(jsonPathAt('{"a b": {', 9)).toBe('$["a b"]');
  });
});
