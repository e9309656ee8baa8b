// Each gcloud export in its exact format (test/fixtures/gcp/formats): recognised by content whatever its name, and
// what each contributes — service accounts under their project's hub, user-managed keys with their age and expiry,
// a downloaded key file fingerprinted (never its private key), and Cloud Asset Inventory results by resource.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/build.js';
import { fingerprint } from '../../../ingest/secrets.js';
import { diagTuples } from '../tuples.js';
import { ANY_SA, APP, BOB, GCP_FIXTURES, PROJECT, TRAINER, edgeRows, ingestDir, role } from './helpers.js';

const KEY = `${TRAINER}/key/3f1c9a7e5b2d4c6e8f0a1b2c3d4e5f60718293a4`;
const OLD_KEY = `${TRAINER}/key/9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3`;
const PLANTED = (JSON.parse(readFileSync(`${GCP_FIXTURES}/formats/trainer-key.json`, 'utf8')) as { private_key: string }).private_key;

describe('gcp formats', () => {
  it('recognises every export by content (no fixed names)', async () => {
    const r = await ingestDir('formats');
    expect(r.files.map((f) => [basename(f.file), f.source])).toEqual([
      ['acme-ml-prod.iam-policy.json', 'gcp'], ['asset-iam-policies.json', 'gcp'], ['roles-list.json', 'gcp'], ['sa-list.json', 'gcp'],
      ['trainer-key.json', 'gcp'], ['trainer-keys.json', 'gcp'], ['vertex-invoker-role.json', 'gcp'],
    ]);
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'missing-field', 'roles-list.json', undefined, undefined, '$[0].includedPermissions'],
      ['warning', 'secret-fingerprinted', 'trainer-key.json', undefined, undefined, '$.private_key'],
    ]);
  });

  it('service-accounts list: a ServiceAccount per entry, reachable from its project\'s any-service-account hub', async () => {
    const r = await ingestDir('formats');
    const sas = r.nodes.filter((n) => n.kind === 'ServiceAccount' && n.properties['reference'] !== true);
    expect(sas.map((n) => [n.id, n.properties['x_project'], n.properties['x_unique_id'], n.properties['x_disabled']])).toEqual([
      [TRAINER, 'acme-ml-prod', '104857600000000000001', undefined], [APP, 'acme-ml-prod', '104857600000000000002', true],
    ]);
    expect(new Set([...edgeRows(r)].filter((e) => e.startsWith(`${ANY_SA}|CAN_ASSUME`)))).toEqual(new Set([`${ANY_SA}|CAN_ASSUME|${TRAINER}`, `${ANY_SA}|CAN_ASSUME|${APP}`]));
  });

  it('keys list: user-managed keys with created/expiry and status, AUTHENTICATES_AS their account; Google-managed keys skipped', async () => {
    const r = await ingestDir('formats');
    const keys = r.nodes.filter((n) => n.kind === 'APIKey' && n.properties['reference'] !== true);
    expect(keys.map((n) => [n.id, n.properties['status'], n.properties['created_at'], n.properties['expires_at'], n.properties['key_id']])).toEqual([
      [KEY, 'active', '2024-03-01T09:15:00.000Z', undefined, '3f1c9a7e5b2d4c6e8f0a1b2c3d4e5f60718293a4'],
      [OLD_KEY, 'disabled', '2025-01-10T12:00:00.000Z', '2026-01-10T12:00:00.000Z', '9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3'],
    ]);
    expect(new Set([...edgeRows(r)].filter((e) => e.includes('AUTHENTICATES_AS')))).toEqual(new Set([`${KEY}|AUTHENTICATES_AS|${TRAINER}`, `${OLD_KEY}|AUTHENTICATES_AS|${TRAINER}`]));
  });

  it('a key file: the same key by id with the private key\'s fingerprint; the value is in no record or diagnostic', async () => {
    const r = await ingestDir('formats');
    const fromFile = r.nodes.find((n) => n.id === KEY && n.properties['reference'] === true);
    expect(fromFile?.properties).toEqual({ platform: 'gcp', provider: 'gcp', key_id: '3f1c9a7e5b2d4c6e8f0a1b2c3d4e5f60718293a4', reference: true, fingerprint: fingerprint(PLANTED) });
    expect(PLANTED).toContain('PLANTED');
    const text = JSON.stringify(r);
    expect(text.includes('PLANTEDfakeGcpPrivateKey')).toBe(false);
    // the graph keeps one key: the keys list's record, with the file's fingerprint
    const { graph } = buildGraph(r);
    expect(graph.getNodeAttributes(KEY).properties).toMatchObject({ status: 'active', fingerprint: fingerprint(PLANTED) });
    expect(graph.getNodeAttributes(KEY).properties['reference']).toBeUndefined();
  });

  it('Cloud Asset Inventory results: a project, a service account by unique id (resolved by the list), a Vertex AI endpoint, a bucket', async () => {
    const r = await ingestDir('formats');
    const onSa = role(`${PROJECT}/serviceAccounts/104857600000000000001`, 'roles/iam.serviceAccountUser');
    const endpoint = 'projects/987654321098/locations/us-central1/endpoints/5551212';
    const invoker = role(endpoint, 'projects/acme-ml-prod/roles/vertexInvoker');
    const admin = role('buckets/acme-training-data', 'roles/storage.objectAdmin');
    const fromAssets = new Set(r.edges.filter((e) => e.provenance.file?.endsWith('asset-iam-policies.json')).map((e) => `${e.from}|${e.kind}|${e.to}|${e.provenance.path}`));
    const tc = role(PROJECT, 'roles/iam.serviceAccountTokenCreator');
    expect(fromAssets).toEqual(new Set([
      `${BOB}|MEMBER_OF|${tc}|$[0].policy.bindings[0].members[0]`, `${tc}|CAN_IMPERSONATE|${ANY_SA}|$[0].policy.bindings[0]`,
      `${APP}|MEMBER_OF|${onSa}|$[1].policy.bindings[0].members[0]`, `${onSa}|CAN_IMPERSONATE|${TRAINER}|$[1].policy.bindings[0]`,
      `${APP}|MEMBER_OF|${invoker}|$[2].policy.bindings[0].members[0]`, `${invoker}|CAN_INVOKE|gcp/vertex/${endpoint}|$[2].policy.bindings[0]`,
      `${TRAINER}|MEMBER_OF|${admin}|$[3].policy.bindings[0].members[0]`, `${admin}|CAN_ALTER|gcp/storage/acme-training-data|$[3].policy.bindings[0]`,
    ]));
  });

  it('the whole folder builds one graph without a conflict', async () => {
    const r = await ingestDir('formats');
    const { diagnostics } = buildGraph(r);
    expect(diagnostics.filter((d) => d.code === 'duplicate-conflict' || d.code === 'kind-mismatch')).toEqual([]);
  });
});
