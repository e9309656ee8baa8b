// The GitHub OIDC join: resolve() on hand-made node records (one rule per test), then whole directories where the
// join runs inside loadDirectory next to an AWS account export and an Entra application export.
import { describe, expect, it } from 'vitest';
import { githubOidc, resolveGithubOidc } from '../../../ingest/github-actions/join.js';
import { globsIntersect, matchSubject } from '../../../ingest/github-actions/subject-match.js';
import { loadDirectory } from '../../../ingest/index.js';
import type { NodeRecord, PropValue } from '../../../src/model/index.js';
import { edgesOf } from '../tuples.js';

const JOB = 'github/acme/ml/workflow/deploy.yml/job/deploy';
const PROVIDER = 'aws/111122223333/oidc-provider/token.actions.githubusercontent.com';

function jobNode(subjects: string[] | undefined, id = JOB): NodeRecord {
  return {
    id, kind: 'Pipeline', name: 'deploy / deploy', tags: [], source: 'github-actions', provenance: { source: 'github-actions', file: 'deploy.yml', line: 9 },
    properties: { x_id_token: true, ...(subjects ? { x_oidc_subjects: subjects } : {}) },
  };
}
function subjectNode(id: string, properties: Record<string, PropValue>, source = 'aws'): NodeRecord {
  return { id, kind: 'WorkloadIdentity', name: id, tags: [], source, provenance: { source }, properties };
}
const aws = (subject: string, match?: string): NodeRecord => subjectNode(`${PROVIDER}/sub/${subject}`, {
  platform: 'aws', issuer: 'token.actions.githubusercontent.com', subject, ...(match ? { x_subject_match: match } : {}),
});
const resolve = (nodes: NodeRecord[]): [string, Readonly<Record<string, PropValue>>][] => resolveGithubOidc(nodes).edges.map((e) => [`${e.from}|${e.kind}|${e.to}`, e.properties]);
const MAIN = 'repo:acme/ml:ref:refs/heads/main';

describe('github-oidc join: resolve', () => {
  it('an exact AWS subject equal to the job\'s claim: RUNS_AS, unconditional', () => {
    expect(resolve([jobNode([MAIN]), aws(MAIN)])).toEqual([[`${JOB}|RUNS_AS|${PROVIDER}/sub/${MAIN}`, { note: `OIDC sub ${MAIN} accepted by subject ${MAIN}` }]]);
  });

  it('must not match: a trust for another repository or another branch', () => {
    expect(resolve([jobNode([MAIN]), aws('repo:acme/other:ref:refs/heads/main'), aws('repo:acme/ml:ref:refs/heads/dev')])).toEqual([]);
  });

  it('a StringLike glob accepting the claim: unconditional; a glob for another repository: nothing', () => {
    expect(resolve([jobNode([MAIN]), aws('repo:acme/ml:*', 'glob'), aws('repo:acme/other*', 'glob')]))
      .toEqual([[`${JOB}|RUNS_AS|${PROVIDER}/sub/repo:acme/ml:*`, { note: `OIDC sub ${MAIN} accepted by pattern repo:acme/ml:*` }]]);
  });

  it('a claim pattern (ref decided at run time) against an exact branch: conditional', () => {
    expect(resolve([jobNode(['repo:acme/ml:ref:refs/heads/*']), aws(MAIN)])).toEqual([[`${JOB}|RUNS_AS|${PROVIDER}/sub/${MAIN}`, {
      conditional: true, note: `OIDC sub repo:acme/ml:ref:refs/heads/* accepted by subject ${MAIN} only when the job runs on a matching ref`,
    }]]);
  });

  it('a trust that pins no sub accepts any repository, even a job whose repository is unknown: conditional=false with a note', () => {
    const provider = subjectNode(PROVIDER, { platform: 'aws', issuer: 'token.actions.githubusercontent.com' });
    expect(resolve([jobNode(undefined), provider])).toEqual([[`${JOB}|RUNS_AS|${PROVIDER}`, {
      conditional: false, note: 'the trust pins no `sub` claim: a workflow of any GitHub repository can assume it',
    }]]);
  });

  it('an Entra federated credential (https issuer, exact subject) and a flexible `matches` expression', () => {
    const entra = (subject: string): NodeRecord => subjectNode(`oidc/token.actions.githubusercontent.com/${subject}`, { issuer: 'https://token.actions.githubusercontent.com', subject }, 'entra');
    const expr = "claims['sub'] matches 'repo:acme/ml:ref:refs/heads/*'";
    const withMore = `${expr} and claims['job_workflow_ref'] eq 'x'`;
    expect(resolve([jobNode([MAIN]), entra(MAIN), entra(expr), entra(withMore), entra('repo:acme/ml:pull_request')])).toEqual([
      [`${JOB}|RUNS_AS|oidc/token.actions.githubusercontent.com/${expr}`, { note: `OIDC sub ${MAIN} accepted by pattern repo:acme/ml:ref:refs/heads/*` }],
      [`${JOB}|RUNS_AS|oidc/token.actions.githubusercontent.com/${withMore}`, { conditional: true, note: `OIDC sub ${MAIN} accepted by pattern repo:acme/ml:ref:refs/heads/*; the expression has further clauses` }],
      [`${JOB}|RUNS_AS|oidc/token.actions.githubusercontent.com/${MAIN}`, { note: `OIDC sub ${MAIN} accepted by subject ${MAIN}` }],
    ]);
  });

  it('wants only token-requesting jobs of this source and subjects of the GitHub issuer', () => {
    const noToken: NodeRecord = { ...jobNode([MAIN]), properties: {} };
    const inventoryPipeline: NodeRecord = { ...jobNode([MAIN]), source: 'csv-inventory' };
    const otherIssuer = subjectNode('aws/1/oidc-provider/gitlab.com/sub/x', { issuer: 'gitlab.com', subject: 'x' });
    expect([jobNode([MAIN]), noToken, inventoryPipeline, aws(MAIN), otherIssuer].map((n) => githubOidc.wants(n))).toEqual([true, false, false, true, false]);
  });
});

describe('subject matching', () => {
  it.each([
    ['repo:a/b:ref:refs/heads/main', 'repo:a/b:ref:refs/heads/main', 'exact', 'yes'],
    ['repo:A/B:ref:refs/heads/main', 'repo:a/b:ref:refs/heads/main', 'ignore-case', 'yes'],
    ['repo:A/B:ref:refs/heads/main', 'repo:a/b:ref:refs/heads/main', 'exact', 'no'],
    ['repo:a/b:ref:refs/heads/*', 'repo:a/b:ref:refs/heads/*', 'exact', 'maybe'],
    ['repo:a/b:ref:refs/heads/*', 'repo:a/b:ref:refs/heads/r*', 'glob', 'maybe'],
    ['repo:a/b:ref:refs/tags/*', 'repo:a/b:ref:refs/heads/*', 'glob', 'no'],
    ['repo:a/b:pull_request', 'repo:a/b:ref:*', 'glob', 'no'],
  ] as const)('%s against %s (%s) → %s', (claim, pattern, mode, expected) => {
    expect(matchSubject(claim, { pattern, mode })).toBe(expected);
  });

  it('glob intersection', () => {
    expect([globsIntersect('a*c', 'ab*'), globsIntersect('a?c', 'a*d'), globsIntersect('*', ''), globsIntersect('x*', '*y'), globsIntersect('ab', 'a')]).toEqual([true, false, true, true, false]);
  });
});

describe('github-oidc join inside loadDirectory', () => {
  it('AWS: jobs RUNS_AS exactly the subjects their trusts accept (same branch, repo glob, no sub pinned, one of two subjects)', async () => {
    const r = await loadDirectory('test/fixtures/github-actions/join/aws');
    const deploy = 'github/acme/ml/workflow/deploy.yml/job/deploy';
    const plan = 'github/acme/ml/workflow/pr.yml/job/plan';
    expect(edgesOf(r, 'RUNS_AS')).toEqual(new Set([
      `${deploy}|RUNS_AS|${PROVIDER}`, `${deploy}|RUNS_AS|${PROVIDER}/sub/repo:acme/ml:*`, `${deploy}|RUNS_AS|${PROVIDER}/sub/${MAIN}`,
      `${plan}|RUNS_AS|${PROVIDER}`, `${plan}|RUNS_AS|${PROVIDER}/sub/repo:acme/ml:*`, `${plan}|RUNS_AS|${PROVIDER}/sub/repo:acme/ml:pull_request`,
    ]));
    expect(r.edges.filter((e) => e.kind === 'RUNS_AS').every((e) => e.source === 'join:github-oidc' && e.properties['conditional'] !== true)).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('Entra: the environment credential and the release-branch expression; not the other repository\'s', async () => {
    const r = await loadDirectory('test/fixtures/github-actions/join/azure');
    const oidc = 'oidc/token.actions.githubusercontent.com';
    expect(edgesOf(r, 'RUNS_AS')).toEqual(new Set([
      `github/acme/ml/workflow/release.yml/job/publish|RUNS_AS|${oidc}/repo:acme/ml:environment:production`,
      `github/acme/ml/workflow/aml.yml/job/score|RUNS_AS|${oidc}/claims['sub'] matches 'repo:acme/ml:ref:refs/heads/release/*'`,
    ]));
    expect(r.diagnostics).toEqual([]);
  });
});
