// One rule per test (docs/sources.md, "GCP IAM"): each fixture folder under test/fixtures/gcp/cases holds one
// binding in the exact `gcloud … get-iam-policy --format=json` shape (plus the custom role it names), and the test
// asserts every edge the folder gives: the binding's MEMBER_OF and the one edge its role's permissions make.
import { describe, expect, it } from 'vitest';
import { diagTuples, nodesOf } from '../tuples.js';
import { ANY_SA, APP, BOB, MODELS, PROJECT, TRAINER, TRAINER_EMAIL, edgeRows, ingestDir, role } from './helpers.js';

const ON_TRAINER = `${PROJECT}/serviceAccounts/${TRAINER_EMAIL}`;

describe('gcp rules', () => {
  it('Token Creator on a project: its members impersonate every service account of the project (the hub)', async () => {
    const r = await ingestDir('cases/impersonate-project');
    const tc = role(PROJECT, 'roles/iam.serviceAccountTokenCreator');
    expect(r.diagnostics).toEqual([]);
    expect(edgeRows(r)).toEqual(new Set([`${BOB}|MEMBER_OF|${tc}`, `${tc}|CAN_IMPERSONATE|${ANY_SA}`]));
  });

  it('Token Creator on one service account (its own policy): CAN_IMPERSONATE that account only', async () => {
    const r = await ingestDir('cases/impersonate-service-account');
    const tc = role(ON_TRAINER, 'roles/iam.serviceAccountTokenCreator');
    expect(r.diagnostics).toEqual([]);
    expect(edgeRows(r)).toEqual(new Set([`${APP}|MEMBER_OF|${tc}`, `${tc}|CAN_IMPERSONATE|${TRAINER}`]));
  });

  it('Service Account User (actAs) on a service account: CAN_IMPERSONATE it', async () => {
    const r = await ingestDir('cases/act-as');
    const user = role(ON_TRAINER, 'roles/iam.serviceAccountUser');
    expect(edgeRows(r)).toEqual(new Set([`${APP}|MEMBER_OF|${user}`, `${user}|CAN_IMPERSONATE|${TRAINER}`]));
    expect(r.nodes.find((n) => n.id === user)?.properties['x_permissions']).toEqual(['iam.serviceAccounts.actAs']);
  });

  it('Workload Identity User for a workload identity pool set: the pool\'s workloads impersonate the account', async () => {
    const r = await ingestDir('cases/workload-identity-user');
    const wi = role(ON_TRAINER, 'roles/iam.workloadIdentityUser');
    const pool = 'projects/987654321098/locations/global/workloadIdentityPools/github';
    const set = `gcp/${pool}/attribute.repository/acme/ml-pipelines`;
    expect(edgeRows(r)).toEqual(new Set([`${set}|MEMBER_OF|${wi}`, `${wi}|CAN_IMPERSONATE|${TRAINER}`]));
    expect(r.nodes.find((n) => n.id === set)).toMatchObject({ kind: 'WorkloadIdentity', properties: { issuer: pool, subject: 'attribute.repository/acme/ml-pipelines', x_set: true, reference: true } });
  });

  it('Service Account Key Admin on a service account: CAN_MINT_CREDENTIAL it', async () => {
    const r = await ingestDir('cases/mint-key');
    const admin = role(ON_TRAINER, 'roles/iam.serviceAccountKeyAdmin');
    expect(edgeRows(r)).toEqual(new Set([`gcp/user/carol@example.com|MEMBER_OF|${admin}`, `${admin}|CAN_MINT_CREDENTIAL|${TRAINER}`]));
  });

  it('a custom role with aiplatform.tuningJobs.create (roles describe in the folder): CAN_ALTER fine_tune the project\'s models, nothing else', async () => {
    const r = await ingestDir('cases/vertex-alter-custom');
    const tuner = role(PROJECT, 'projects/acme-ml-prod/roles/vertexTuner');
    expect(r.diagnostics).toEqual([]);
    expect(edgeRows(r)).toEqual(new Set([`${APP}|MEMBER_OF|${tuner}`, `${tuner}|CAN_ALTER|${MODELS}|fine_tune`]));
    expect(r.nodes.find((n) => n.id === MODELS)).toMatchObject({ kind: 'Model', properties: { provider: 'vertex', reference: true } });
  });

  it('a custom role with aiplatform.endpoints.predict: CAN_INVOKE the project\'s models, nothing else', async () => {
    const r = await ingestDir('cases/vertex-invoke-custom');
    const invoker = role(PROJECT, 'projects/acme-ml-prod/roles/vertexInvoker');
    expect(edgeRows(r)).toEqual(new Set([`${APP}|MEMBER_OF|${invoker}`, `${invoker}|CAN_INVOKE|${MODELS}`]));
  });

  it('Vertex AI Viewer, Viewer and a role the table does not classify make no record', async () => {
    const r = await ingestDir('cases/viewer-only');
    expect(r.diagnostics).toEqual([]);
    expect(r.nodes).toEqual([]);
    expect(r.edges).toEqual([]);
  });

  it('a custom role no roles export of the folder defines: one dangling-ref warning at the binding, no record', async () => {
    const r = await ingestDir('cases/custom-role-undefined');
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'dangling-ref', 'acme-ml-prod.iam-policy.json', undefined, undefined, '$.bindings[0].role']]);
    expect(r.edges).toEqual([]);
  });

  it('a disabled custom role grants nothing', async () => {
    const r = await ingestDir('cases/custom-role-disabled');
    expect(r.diagnostics).toEqual([]);
    expect(r.edges).toEqual([]);
  });

  it('Storage Object Creator on a bucket: CAN_ALTER write_training_data the bucket\'s Dataset', async () => {
    const r = await ingestDir('cases/bucket-write');
    const creator = role('buckets/acme-training-data', 'roles/storage.objectCreator');
    expect(edgeRows(r)).toEqual(new Set([`${APP}|MEMBER_OF|${creator}`, `${creator}|CAN_ALTER|gcp/storage/acme-training-data|write_training_data`]));
    expect(nodesOf(r, 'Dataset')).toEqual(new Set(['gcp/storage/acme-training-data']));
  });

  it('an IAM condition makes the membership conditional, with its title and expression on the edge', async () => {
    const r = await ingestDir('cases/conditional');
    const tc = role(PROJECT, 'roles/iam.serviceAccountTokenCreator');
    const expression = 'request.time.getHours("Europe/Berlin") >= 9 && request.time.getHours("Europe/Berlin") < 17';
    expect(r.edges.filter((e) => e.kind === 'MEMBER_OF').map((e) => [e.from, e.to, e.properties])).toEqual([[BOB, tc, {
      conditional: true, note: `IAM condition "business hours": ${expression}`, x_condition_title: 'business hours', x_condition_expression: expression,
    }]]);
    expect(r.edges.find((e) => e.kind === 'CAN_IMPERSONATE')?.properties).toEqual({});
  });

  it('a condition that only ends the grant at a time is an expiry, not a condition', async () => {
    const r = await ingestDir('cases/expiring');
    expect(r.edges.filter((e) => e.kind === 'MEMBER_OF').map((e) => e.properties)).toEqual([{
      expires_at: '2026-12-31T00:00:00.000Z', x_condition_title: 'until end of 2026', x_condition_expression: 'request.time < timestamp("2026-12-31T00:00:00Z")',
    }]);
  });

  it('one member bound to one role by an expiring, a conditional and a plain binding: one permanent membership', async () => {
    const r = await ingestDir('cases/conditional-and-plain');
    const tc = role(PROJECT, 'roles/iam.serviceAccountTokenCreator');
    expect(r.edges.filter((e) => e.kind === 'MEMBER_OF').map((e) => [e.from, e.to, e.properties, e.provenance.path])).toEqual([[BOB, tc, {}, '$.bindings[2].members[0]']]);
  });

  it('every member type becomes its node kind (lower-cased e-mails); a deleted member is a warning and no node', async () => {
    const r = await ingestDir('cases/members');
    const tc = role('projects/prod-4821', 'roles/iam.serviceAccountTokenCreator');
    const members = r.edges.filter((e) => e.kind === 'MEMBER_OF' && e.to === tc).map((e) => [e.from, r.nodes.find((n) => n.id === e.from)?.kind]);
    expect(members.sort()).toEqual([
      ['gcp/allAuthenticatedUsers', 'Group'], ['gcp/allUsers', 'Group'], ['gcp/domain/example.com', 'Group'], ['gcp/group/ml-team@example.com', 'Group'],
      ['gcp/locations/global/workforcePools/partners/group/ml-contractors', 'Group'],
      ['gcp/locations/global/workforcePools/partners/subject/dana@partner.example', 'Human'],
      ['gcp/projects/987654321098/locations/global/workloadIdentityPools/github/subject/repo:acme/ml-pipelines:ref:refs/heads/main', 'WorkloadIdentity'],
      ['gcp/sa/trainer@prod-4821.iam.gserviceaccount.com', 'ServiceAccount'], ['gcp/user/bob@example.com', 'Human'],
    ]);
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'dangling-ref', 'prod-4821-iam-policy.json', undefined, undefined, '$.bindings[0].members[2]']]);
    expect(r.nodes.filter((n) => n.kind !== 'Role').every((n) => n.properties['reference'] === true)).toBe(true);
  });

  it('Cloud Asset Inventory: an organization grant also reaches the projects and Vertex AI resources the export places below it', async () => {
    const r = await ingestDir('cases/asset-inheritance');
    const user = role('organizations/123456789012', 'roles/aiplatform.user');
    expect(r.diagnostics).toEqual([]);
    expect(new Set(r.edges.filter((e) => e.kind === 'CAN_INVOKE').map((e) => `${e.from}|${e.to}`))).toEqual(new Set([
      `${user}|gcp/organizations/123456789012/models`, `${user}|${MODELS}`, `${user}|gcp/vertex/projects/987654321098/locations/us-central1/endpoints/5551212`,
    ]));
    expect(new Set(r.edges.filter((e) => e.kind === 'MEMBER_OF').map((e) => `${e.from}|${e.to}`))).toEqual(new Set([`gcp/group/ml-platform@example.com|${user}`]));
  });
});
