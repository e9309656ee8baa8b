// End to end: a workflow file and an AWS export give issue #8's separation-of-duties finding with no inventory
// pipeline and no hand-written RUNS_AS row — the join links the job's token to the role's trust.
import { describe, expect, it } from 'vitest';
import { analyzeDirectory } from '../../../src/analysis/analyze.js';

const JOB = 'github/acme/ml/workflow/train.yml/job/train';
const OIDC = 'aws/111122223333/oidc-provider/token.actions.githubusercontent.com/sub/repo:acme/ml:ref:refs/heads/main';
const ENDPOINT = 'aws/model/arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scoring';

describe('workflow + AWS account → SoD finding from the job', () => {
  it('the job alters (through the passed role) and invokes the endpoint, starting with RUNS_AS from the join', async () => {
    const result = await analyzeDirectory('test/fixtures/github-actions/join/sagemaker', { at: new Date('2026-11-25T00:00:00Z'), exceptions: false });
    expect(result.diagnostics).toEqual([]);
    const fromJob = result.findings.filter((f) => f.source.id === JOB);
    expect(fromJob.map((f) => [f.rule, f.target.id])).toEqual([['sod-alter-invoke', ENDPOINT]]);
    const first = fromJob[0]?.pathSets[0]?.shortest.edges[0];
    expect([first?.from, first?.kind, first?.to]).toEqual([JOB, 'RUNS_AS', OIDC]);
  });
});
