// The github-actions ingestor, one rule per fixture directory (test/fixtures/github-actions/cases/<rule>/): the
// expected nodes and edges and only those, through the directory loader as a user runs it.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import type { NodeRecord, Records } from '../../../src/model/index.js';
import { diagTuples, edgesOf } from '../tuples.js';

const CASES = 'test/fixtures/github-actions/cases';
const load = (name: string): Promise<Records & { files: { file: string; source: string }[] }> => loadDirectory(`${CASES}/${name}`);
const ids = (r: Records): Set<string> => new Set(r.nodes.map((n) => `${n.kind} ${n.id}`));
const node = (r: Records, id: string): NodeRecord | undefined => r.nodes.find((n) => n.id === id);
const job = (file: string, name: string): string => `github/acme/ml/workflow/${file}/job/${name}`;

describe('github-actions: OIDC token claims', () => {
  it('push to a branch with id-token: write and configure-aws-credentials: sub per branch, aud sts.amazonaws.com, no edge of its own', async () => {
    const r = await load('oidc-aws-push');
    const id = job('deploy.yml', 'deploy');
    expect(ids(r)).toEqual(new Set([`Pipeline ${id}`]));
    expect(edgesOf(r)).toEqual(new Set());
    expect(node(r, id)).toMatchObject({ name: 'deploy / deploy', tags: [], provenance: { source: 'github-actions', line: 11, path: '$.jobs.deploy' } });
    expect(node(r, id)?.properties).toEqual({
      platform: 'github', repository: 'github.com/acme/ml', x_workflow: '.github/workflows/deploy.yml', x_workflow_name: 'deploy', x_job: 'deploy',
      x_triggers: ['push'], x_permissions: ['contents:read', 'id-token:write'], x_id_token: true,
      x_oidc_subjects: ['repo:acme/ml:ref:refs/heads/main'],
      x_oidc_logins: ['aws role arn:aws:iam::111122223333:role/deploy-main'], x_oidc_audiences: ['sts.amazonaws.com'],
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('a job with an environment (write-all) carries the environment subject, whatever the trigger', async () => {
    const r = await load('oidc-environment');
    const p = node(r, job('release.yml', 'publish'))?.properties;
    expect([p?.['x_oidc_subjects'], p?.['x_environment'], p?.['x_permissions'], p?.['x_oidc_audiences']]).toEqual([
      ['repo:acme/ml:environment:production'], 'production', ['write-all'], ['api://AzureADTokenExchange'],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('azure/login with client-id and tenant-id: pull_request and branch subjects (a `**` filter is a pattern)', async () => {
    const r = await load('azure');
    const p = node(r, job('aml.yml', 'score'))?.properties;
    expect(p?.['x_oidc_subjects']).toEqual(['repo:acme/ml:pull_request', 'repo:acme/ml:ref:refs/heads/main', 'repo:acme/ml:ref:refs/heads/release/*']);
    expect(p?.['x_oidc_logins']).toEqual(['azure client 3f2b7c1e-0000-4000-8000-00000000c11d tenant 9a1e5b0c-0000-4000-8000-0000000071e4']);
    expect(edgesOf(r)).toEqual(new Set());
  });

  it('google-github-actions/auth: a reference service account the job RUNS_AS, conditional', async () => {
    const r = await load('gcp');
    const id = job('vertex.yml', 'upload');
    const sa = 'gcp/sa/vertex-uploader@acme-ml.iam.gserviceaccount.com';
    expect(ids(r)).toEqual(new Set([`Pipeline ${id}`, `ServiceAccount ${sa}`]));
    expect(edgesOf(r)).toEqual(new Set([`${id}|RUNS_AS|${sa}`]));
    expect(r.edges[0]?.properties['conditional']).toBe(true);
    expect(node(r, sa)?.properties).toEqual({ arn: 'vertex-uploader@acme-ml.iam.gserviceaccount.com', platform: 'gcp', reference: true });
  });
});

describe('github-actions: secrets', () => {
  it('each secret read in env, with: or run: is a Secret the job HAS_CREDENTIAL of; GITHUB_TOKEN is not', async () => {
    const r = await load('secrets');
    const id = job('publish.yml', 'image');
    const secret = (name: string): string => `github/acme/ml/secret/${name}`;
    expect(ids(r)).toEqual(new Set([`Pipeline ${id}`, ...['DOCKERHUB_PASSWORD', 'HF_TOKEN', 'NPM_TOKEN'].map((s) => `Secret ${secret(s)}`)]));
    expect(edgesOf(r)).toEqual(new Set(['DOCKERHUB_PASSWORD', 'HF_TOKEN', 'NPM_TOKEN'].map((s) => `${id}|HAS_CREDENTIAL|${secret(s)}`)));
    expect(r.edges.map((e) => [e.to.split('/').pop(), e.properties['via'], e.provenance.line]).sort()).toEqual([
      ['DOCKERHUB_PASSWORD', 'steps[0].with.password', 17], ['HF_TOKEN', 'workflow env.HF_TOKEN', 7], ['NPM_TOKEN', 'env.NPM_TOKEN, steps[1].run', 12],
    ]);
    expect(node(r, secret('NPM_TOKEN'))?.properties).toEqual({ provider: 'github', platform: 'github', reference: true });
    expect(r.diagnostics).toEqual([]);
  });
});

describe('github-actions: entry points', () => {
  it('pull_request_target checking out the PR head: that job (only) is tagged entry-point', async () => {
    const r = await load('pr-target-checkout');
    expect(r.nodes.filter((n) => n.kind === 'Pipeline').map((n) => [n.id, n.tags])).toEqual([
      [job('pr.yml', 'label'), []], [job('pr.yml', 'build'), ['entry-point']],
    ]);
    expect(node(r, job('pr.yml', 'build'))?.properties['x_entry_point'])
      .toBe('pull_request_target runs steps[0]\'s checkout of the untrusted head with the repository\'s secrets and token');
    expect(edgesOf(r)).toEqual(new Set([`${job('pr.yml', 'build')}|HAS_CREDENTIAL|github/acme/ml/secret/PREVIEW_DEPLOY_KEY`]));
  });

  it('workflow_run checking out the triggering head_sha is an entry point', async () => {
    const r = await load('workflow-run-checkout');
    expect(r.nodes.map((n) => [n.id, n.tags])).toEqual([[job('report.yml', 'report'), ['entry-point']]]);
  });

  it('must not flag: pull_request checking out the head, without id-token (no tag, no token, no edge)', async () => {
    const r = await load('pull-request-checkout');
    expect(r.nodes.map((n) => [n.id, n.tags, n.properties['x_id_token'], n.properties['x_entry_point']])).toEqual([[job('test.yml', 'test'), [], undefined, undefined]]);
    expect(r.edges).toEqual([]);
  });
});

describe('github-actions: what does not load, and where the repository comes from', () => {
  it('must not load: a job with `if: ${{ false }}` and a workflow with no trigger (a warning)', async () => {
    const r = await load('disabled');
    expect(ids(r)).toEqual(new Set([`Pipeline ${job('nightly.yml', 'lint')}`]));
    expect(r.edges).toEqual([]);
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'bad-value', 'off.yml', 3, undefined, '$.on']]);
  });

  it('without a repository: the job loads under the file id with a warning and no subject', async () => {
    const r = await load('no-repo');
    expect(ids(r)).toEqual(new Set(['Pipeline github-actions/ci.yml/job/build']));
    expect(node(r, 'github-actions/ci.yml/job/build')?.properties).toMatchObject({ x_id_token: true });
    expect(node(r, 'github-actions/ci.yml/job/build')?.properties['x_oidc_subjects']).toBeUndefined();
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'missing-field', 'ci.yml', undefined, undefined, undefined]]);
    expect(r.diagnostics[0]?.message).toMatch(/# pathwarden: repo=<owner>\/<name>/);
  });

  it('the repository from the path <owner>/<repo>/.github/workflows/ (manual dispatch: any branch or tag)', async () => {
    const r = await load('repo-by-path');
    expect(r.files.map((f) => [f.file.replace(`${CASES}/repo-by-path/`, ''), f.source])).toEqual([['acme/ml/.github/workflows/train.yml', 'github-actions']]);
    expect(node(r, job('train.yml', 'train'))?.properties['x_oidc_subjects']).toEqual(['repo:acme/ml:ref:refs/heads/*', 'repo:acme/ml:ref:refs/tags/*']);
    expect(r.diagnostics).toEqual([]);
  });

  it('malformed YAML: one error naming file, line and path; the other file still loads', async () => {
    const r = await load('malformed');
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'malformed-yaml', 'bad.yml', 10, 1, '$.jobs.build.steps[0].run']]);
    expect(ids(r)).toEqual(new Set([`Pipeline ${job('good.yml', 'deploy')}`]));
  });
});
