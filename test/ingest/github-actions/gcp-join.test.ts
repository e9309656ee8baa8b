// join:github-gcp-wif: a job signing in with google-github-actions/auth through a workload identity pool RUNS_AS the
// pool's WorkloadIdentity members (from a GCP allow policy) that accept it. resolve() on hand-made records, then a
// temporary inventory (a workflow per repository + a service account's get-iam-policy export) through loadDirectory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { githubGcpWif, poolOfProvider, resolveGithubGcpWif } from '../../../ingest/github-actions/gcp-join.js';
import { loadDirectory } from '../../../ingest/index.js';
import { JOINS } from '../../../ingest/joins/index.js';
import type { NodeRecord, PropValue } from '../../../src/model/index.js';
import { edgesOf } from '../tuples.js';

const POOL = 'projects/123/locations/global/workloadIdentityPools/gh';
const PROVIDER = `${POOL}/providers/github`;
const VIA = `google-github-actions/auth provider ${PROVIDER}`;
const MAPPING = 'assumes the provider maps attribute.repository from assertion.repository and attribute.repository_owner from assertion.repository_owner (Google\'s documented GitHub mapping)';
const MAIN = 'repo:acme/app:ref:refs/heads/main';
const APP_SET = `gcp/${POOL}/attribute.repository/acme/app`;
const MAIN_SUBJECT = `gcp/${POOL}/subject/${MAIN}`;

function jobNode(id: string, repository: string | undefined, providers: string[], subjects: string[]): NodeRecord {
  return {
    id, kind: 'Pipeline', name: id, tags: [], source: 'github-actions', provenance: { source: 'github-actions', file: 'deploy.yml', line: 8 },
    properties: { ...(repository ? { repository: `github.com/${repository}` } : {}), x_id_token: true, x_gcp_providers: providers, x_oidc_subjects: subjects },
  };
}
function wi(selector: string, pool = POOL): NodeRecord {
  return { id: `gcp/${pool}/${selector}`, kind: 'WorkloadIdentity', name: selector, tags: [], source: 'gcp', provenance: { source: 'gcp' }, properties: { issuer: pool, subject: selector, reference: true } };
}
const resolve = (nodes: NodeRecord[]): [string, Readonly<Record<string, PropValue>>][] => resolveGithubGcpWif(nodes).edges.map((e) => [`${e.from}|${e.kind}|${e.to}`, e.properties]);
const JOB = 'github/acme/app/workflow/deploy.yml/job/deploy';

describe('github-gcp-wif join: resolve', () => {
  it('provider → pool path (plain, or after //iam.googleapis.com/); anything else is no provider', () => {
    expect([poolOfProvider(PROVIDER), poolOfProvider(`//iam.googleapis.com/${PROVIDER}`), poolOfProvider(POOL), poolOfProvider('projects/123/locations/global/workloadIdentityPools/gh/providers/a/b')])
      .toEqual([POOL, POOL, undefined, undefined]);
  });

  it('attribute.repository and attribute.repository_owner: the job\'s repository and owner, case-insensitive, unconditional', () => {
    expect(resolve([jobNode(JOB, 'Acme/App', [PROVIDER], [MAIN]), wi('attribute.repository/acme/app'), wi('attribute.repository_owner/ACME'), wi('attribute.repository/acme/other'), wi('attribute.repository_owner/other')])).toEqual([
      [`${JOB}|RUNS_AS|${APP_SET}`, { conditional: false, note: `principalSet attribute.repository/acme/app names the job's repository acme/app through ${VIA}; ${MAPPING}` }],
      [`${JOB}|RUNS_AS|gcp/${POOL}/attribute.repository_owner/ACME`, { conditional: false, note: `principalSet attribute.repository_owner/ACME names the job's owner acme through ${VIA}; ${MAPPING}` }],
    ]);
  });

  it('subject/: the job\'s sub claim exactly (yes: unconditional; a ref pattern: conditional); another branch: nothing', () => {
    const base = `OIDC sub ${MAIN} accepted by principal subject ${MAIN} through ${VIA}; assumes the provider maps google.subject from assertion.sub`;
    expect(resolve([jobNode(JOB, 'acme/app', [PROVIDER], [MAIN]), wi(`subject/${MAIN}`), wi('subject/repo:acme/app:ref:refs/heads/dev')]))
      .toEqual([[`${JOB}|RUNS_AS|${MAIN_SUBJECT}`, { note: base }]]);
    expect(resolve([jobNode(JOB, 'acme/app', [PROVIDER], ['repo:acme/app:ref:refs/heads/*']), wi(`subject/${MAIN}`)])).toEqual([[`${JOB}|RUNS_AS|${MAIN_SUBJECT}`, {
      conditional: true, note: `OIDC sub repo:acme/app:ref:refs/heads/* accepted by principal subject ${MAIN} through ${VIA}; assumes the provider maps google.subject from assertion.sub, only when the job runs on a matching ref`,
    }]]);
  });

  it('* matches every job of the pool (even without a repository); another attribute is conditional; group/ and another pool are skipped', () => {
    const other = 'projects/123/locations/global/workloadIdentityPools/other';
    expect(resolve([jobNode(JOB, undefined, [PROVIDER], []), wi('*'), wi('attribute.workflow/deploy'), wi('group/admins'), wi('*', other), wi('attribute.repository/acme/app', other)])).toEqual([
      [`${JOB}|RUNS_AS|gcp/${POOL}/*`, { conditional: false, note: `principalSet * of the pool: every identity of the pool, every job signing in through ${VIA}` }],
      [`${JOB}|RUNS_AS|gcp/${POOL}/attribute.workflow/deploy`, { conditional: true, note: `principalSet attribute.workflow/deploy through ${VIA}: whether the job's token gives attribute.workflow that value depends on the provider's attribute mapping, which is not in this input` }],
    ]);
  });

  it('wants jobs of this source with GCP providers and workload identities of a pool; is registered after join:github-oidc', () => {
    const noProvider: NodeRecord = { ...jobNode(JOB, 'acme/app', [], []), properties: { x_id_token: true } };
    const otherSource: NodeRecord = { ...jobNode(JOB, 'acme/app', [PROVIDER], []), source: 'csv-inventory' };
    const githubIssuer = { ...wi(MAIN), properties: { issuer: 'token.actions.githubusercontent.com', subject: MAIN } };
    expect([jobNode(JOB, 'acme/app', [PROVIDER], []), noProvider, otherSource, wi('*'), githubIssuer].map((n) => githubGcpWif.wants(n))).toEqual([true, false, false, true, false]);
    expect(JOINS.map((j) => j.id).indexOf('join:github-gcp-wif')).toBe(JOINS.map((j) => j.id).indexOf('join:github-oidc') + 1);
  });
});

describe('github-gcp-wif join inside loadDirectory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathwarden-gh-gcp-wif-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const SA_EMAIL = 'deployer@acme-prod.iam.gserviceaccount.com';
  const SA = `gcp/sa/${SA_EMAIL}`;
  const workflow = (repo: string, provider: string): string => [
    `# pathwarden: repo=${repo}`, 'name: deploy', 'on:', '  push:', '    branches: [main]', 'permissions:', '  id-token: write', 'jobs:', '  deploy:',
    '    runs-on: ubuntu-latest', '    steps:', '      - uses: google-github-actions/auth@v2', '        with:',
    `          workload_identity_provider: ${provider}`, `          service_account: ${SA_EMAIL}`, '',
  ].join('\n');
  writeFileSync(join(dir, 'deploy.yml'), workflow('acme/app', PROVIDER));
  writeFileSync(join(dir, 'other-repo.yml'), workflow('acme/other', PROVIDER));
  writeFileSync(join(dir, 'other-pool.yml'), workflow('acme/app', 'projects/123/locations/global/workloadIdentityPools/ci/providers/github'));
  writeFileSync(join(dir, `${SA_EMAIL}.iam-policy.json`), JSON.stringify({
    bindings: [{ role: 'roles/iam.workloadIdentityUser', members: [`principalSet://iam.googleapis.com/${POOL}/attribute.repository/acme/app`, `principal://iam.googleapis.com/${POOL}/subject/${MAIN}`] }],
    etag: 'BwYh3Jb2X8s=', version: 1,
  }, null, 2));
  const job = (repo: string, file: string): string => `github/${repo}/workflow/${file}/job/deploy`;

  it('acme/app on push to main RUNS_AS the repository set and its main-branch subject; acme/other and the other pool do not', async () => {
    const r = await loadDirectory(dir);
    expect(r.diagnostics).toEqual([]);
    const joined = r.edges.filter((e) => e.source === 'join:github-gcp-wif').map((e) => [`${e.from}|${e.kind}|${e.to}`, e.properties, e.provenance]);
    const app = job('acme/app', 'deploy.yml');
    const at = { source: 'join:github-gcp-wif', file: join(dir, 'deploy.yml'), line: 9, path: '$.jobs.deploy' };
    expect(joined).toEqual([
      [`${app}|RUNS_AS|${APP_SET}`, { conditional: false, note: `principalSet attribute.repository/acme/app names the job's repository acme/app through ${VIA}; ${MAPPING}` }, at],
      [`${app}|RUNS_AS|${MAIN_SUBJECT}`, { note: `OIDC sub ${MAIN} accepted by principal subject ${MAIN} through ${VIA}; assumes the provider maps google.subject from assertion.sub` }, at],
    ]);
    // The transform's own conditional job → service account edges stay, one per job.
    expect(edgesOf(r, 'RUNS_AS')).toEqual(new Set([
      `${app}|RUNS_AS|${APP_SET}`, `${app}|RUNS_AS|${MAIN_SUBJECT}`,
      `${app}|RUNS_AS|${SA}`, `${job('acme/other', 'other-repo.yml')}|RUNS_AS|${SA}`, `${job('acme/app', 'other-pool.yml')}|RUNS_AS|${SA}`,
    ]));
    expect(r.edges.filter((e) => e.kind === 'RUNS_AS' && e.to === SA).every((e) => e.properties['conditional'] === true)).toBe(true);
  });

  it('the path job → WorkloadIdentity → Workload Identity User → service account has no conditional edge', async () => {
    const r = await loadDirectory(dir);
    const role = `gcp/projects/acme-prod/serviceAccounts/${SA_EMAIL}/role/roles/iam.workloadIdentityUser`;
    const path = [[job('acme/app', 'deploy.yml'), 'RUNS_AS', APP_SET], [APP_SET, 'MEMBER_OF', role], [role, 'CAN_IMPERSONATE', SA]];
    const found = path.map(([from, kind, to]) => r.edges.find((e) => e.from === from && e.kind === kind && e.to === to));
    expect(found.map((e) => e === undefined ? 'missing' : e.properties['conditional'] === true ? 'conditional' : 'unconditional'))
      .toEqual(['unconditional', 'unconditional', 'unconditional']);
  });
});
