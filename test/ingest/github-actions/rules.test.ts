// Unit tests of the github-actions rules without files: recognising a workflow, the repository convention, the
// `sub` claims per trigger, permissions, cloud logins, secret references and untrusted checkouts.
import { describe, expect, it } from 'vitest';
import { detectWorkflow } from '../../../ingest/github-actions/index.js';
import { repoOf } from '../../../ingest/github-actions/repo.js';
import { cloudLogins, secretUses, untrustedCheckout } from '../../../ingest/github-actions/steps.js';
import { effectivePermissions, hasIdTokenWrite, subjectsOf, triggersOf } from '../../../ingest/github-actions/triggers.js';

const REPO = { owner: 'acme', name: 'ml' };
const subjects = (on: unknown, env?: string): string[] => subjectsOf(REPO, triggersOf(on), env);

describe('detectWorkflow', () => {
  it.each([
    ['a workflow', 'name: ci\non:\n  push:\njobs:\n  b:\n    runs-on: x\n', 'ci.yml', true],
    ['quoted "on" and .yaml', '"on": [push]\njobs: {}\n', 'x.yaml', true],
    ['no jobs', 'on: push\nsteps: []\n', 'x.yml', false],
    ['a Kubernetes object', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: on\n', 'pod.yaml', false],
    ['indented keys only', 'x:\n  on: push\n  jobs: {}\n', 'x.yml', false],
    ['not a YAML name', 'on: push\njobs: {}\n', 'x.json', false],
  ])('%s → %s', (_what, head, name, expected) => {
    expect(detectWorkflow(head, name)).toBe(expected);
  });
});

describe('repoOf', () => {
  it('the header line wins over the path; the path form needs .github/workflows', () => {
    expect(repoOf('# pathwarden: repo=acme/ml\non: push\n', 'x/other/repo/.github/workflows/a.yml')).toEqual({ repo: REPO, origin: 'header' });
    expect(repoOf('on: push\n', 'inv/acme/ml/.github/workflows/a.yml')).toEqual({ repo: REPO, origin: 'path' });
    expect(repoOf('on: push\n', 'inv\\acme\\ml\\.github\\workflows\\a.yml')).toEqual({ repo: REPO, origin: 'path' });
    expect(repoOf('on: push\n', 'inv/acme/ml/workflows/a.yml')).toBeUndefined();
    expect(repoOf('on: push # pathwarden: repo=acme/ml\n', 'a.yml')).toBeUndefined();
  });
});

describe('subjectsOf: one rule per trigger', () => {
  it.each([
    ['push to branches', { push: { branches: ['main', 'release/**'] } }, ['repo:acme/ml:ref:refs/heads/main', 'repo:acme/ml:ref:refs/heads/release/*']],
    ['push to tags only', { push: { tags: ['v1.2'] } }, ['repo:acme/ml:ref:refs/tags/v1.2']],
    ['unfiltered push', 'push', ['repo:acme/ml:ref:refs/heads/*', 'repo:acme/ml:ref:refs/tags/*']],
    ['branches-ignore', { push: { 'branches-ignore': ['dev'] } }, ['repo:acme/ml:ref:refs/heads/*']],
    ['a negated branch filter', { push: { branches: ['*', '!dev'] } }, ['repo:acme/ml:ref:refs/heads/*']],
    ['pull_request', ['pull_request'], ['repo:acme/ml:pull_request']],
    ['pull_request_target', 'pull_request_target', ['repo:acme/ml:pull_request']],
    ['schedule (default branch)', { schedule: [{ cron: '0 3 * * *' }] }, ['repo:acme/ml:ref:refs/heads/*']],
    ['release', { release: { types: ['published'] } }, ['repo:acme/ml:ref:refs/tags/*']],
    ['workflow_call (the caller\'s subject)', 'workflow_call', ['repo:acme/ml:*']],
  ])('%s', (_what, on, expected) => {
    expect(subjects(on)).toEqual(expected);
  });

  it('an environment replaces every trigger form; an expression in its name is a pattern', () => {
    expect(subjects(['push', 'pull_request'], 'prod')).toEqual(['repo:acme/ml:environment:prod']);
    expect(subjects('push', '${{ inputs.env }}')).toEqual(['repo:acme/ml:environment:*']);
  });
});

describe('permissions', () => {
  it('the job\'s permissions replace the workflow\'s; only id-token: write and write-all allow a token', () => {
    expect(effectivePermissions({ permissions: { 'id-token': 'write' } }, { permissions: 'read-all' })).toEqual(['id-token:write']);
    expect(effectivePermissions({}, { permissions: 'write-all' })).toEqual(['write-all']);
    expect(effectivePermissions({ permissions: {} }, { permissions: 'write-all' })).toEqual([]);
    expect(effectivePermissions({}, {})).toBeUndefined();
    expect([['id-token:write'], ['write-all'], ['read-all'], ['id-token:read'], [], undefined].map(hasIdTokenWrite)).toEqual([true, true, false, false, false, false]);
  });
});

describe('steps', () => {
  it('cloud logins: AWS with a role (not static keys), Azure with client and tenant ids (not creds), Google with a provider', () => {
    const job = {
      steps: [
        { uses: 'aws-actions/configure-aws-credentials@v4', with: { 'role-to-assume': 'arn:aws:iam::1:role/a', audience: 'custom' } },
        { uses: 'aws-actions/configure-aws-credentials@v4', with: { 'aws-access-key-id': '${{ secrets.K }}', 'role-to-assume': 'arn:aws:iam::1:role/b' } },
        { uses: 'Azure/login@v2', with: { 'client-id': 'c', 'tenant-id': 't' } },
        { uses: 'azure/login@v2', with: { creds: '${{ secrets.AZ }}' } },
        { uses: 'google-github-actions/auth@v2', with: { workload_identity_provider: 'projects/1/locations/global/workloadIdentityPools/p/providers/q' } },
      ],
    };
    expect(cloudLogins(job)).toEqual([
      { cloud: 'aws', step: 0, role: 'arn:aws:iam::1:role/a', audience: 'custom' },
      { cloud: 'azure', step: 2, clientId: 'c', tenantId: 't', audience: 'api://AzureADTokenExchange' },
      { cloud: 'gcp', step: 4, provider: 'projects/1/locations/global/workloadIdentityPools/p/providers/q', serviceAccount: undefined, audience: 'https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q' },
    ]);
  });

  it('secret references inside expressions only; GITHUB_TOKEN left out', () => {
    expect(secretUses({ env: { A: '${{ secrets.A_KEY }}', B: 'secrets.NOT_IN_EXPR', C: '${{ secrets.GITHUB_TOKEN }}' }, run: 'x ${{ secrets["B_KEY"] }}' }))
      .toEqual([{ name: 'A_KEY', via: 'env.A', path: ['env', 'A'] }, { name: 'B_KEY', via: 'run', path: ['run'] }]);
  });

  it('untrusted checkout: the PR head or the triggering run\'s head, not the default checkout', () => {
    const checkout = (ref?: string): { steps: unknown[] } => ({ steps: [{ run: 'x' }, { uses: 'actions/checkout@v4', ...(ref ? { with: { ref } } : {}) }] });
    expect(untrustedCheckout(checkout('${{ github.event.pull_request.head.ref }}'))).toBe(1);
    expect(untrustedCheckout(checkout('${{ github.head_ref }}'))).toBe(1);
    expect(untrustedCheckout(checkout('refs/pull/${{ github.event.number }}/merge'))).toBe(1);
    expect(untrustedCheckout(checkout())).toBeUndefined();
    expect(untrustedCheckout(checkout('${{ github.sha }}'))).toBeUndefined();
  });
});
