// Issue #8's cross-source chain: a CI pipeline from the inventory runs as a GitHub OIDC subject the AWS export's
// role trusts; that role may pass a SageMaker execution role to a training job (a named escalation technique) and
// invoke an endpoint the execution role may update. One separation-of-duties finding joins both sources, with the
// technique on its path. Fixture: test/fixtures/cross-source/ci-oidc-sagemaker (our own files in the real formats).
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, type GraphAnalysis } from '../../src/analysis/analyze.js';
import type { Finding } from '../../src/findings/types.js';

const DIR = 'test/fixtures/cross-source/ci-oidc-sagemaker';
const PIPELINE = 'acme/pipeline/ml-train';
const OIDC = 'aws/111122223333/oidc-provider/token.actions.githubusercontent.com/sub/repo:acme/ml:ref:refs/heads/main';
const ENDPOINT = 'aws/model/arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scoring';
let result: GraphAnalysis;

beforeAll(async () => {
  result = await analyzeDirectory(DIR, { at: new Date('2026-11-25T00:00:00Z'), exceptions: false });
});

const drawn = (f: Finding, i: number): string[] => (f.pathSets[i]?.shortest.edges ?? []).map((e) => `${e.from} -${e.kind}${e.qualifier ? ` ${e.qualifier}` : ''}-> ${e.to}`);

describe('CI OIDC → AWS role → SageMaker with a passed role → the model the chain invokes', () => {
  it('loads both sources without a diagnostic', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => [f.file.split('/').pop(), f.source])).toEqual([
      ['account-111122223333.json', 'aws'], ['assets.csv', 'csv-inventory'], ['bindings.csv', 'csv-inventory'],
    ]);
  });

  it('raises one SoD finding for the pipeline, its alter path through the passed role and its invoke path', () => {
    const fromPipeline = result.findings.filter((f) => f.source.id === PIPELINE);
    expect(fromPipeline.map((f) => [f.rule, f.target.id])).toEqual([['sod-alter-invoke', ENDPOINT]]);
    const [f] = fromPipeline as [Finding];
    expect(drawn(f, 0)).toEqual([
      `${PIPELINE} -RUNS_AS-> ${OIDC}`, `${OIDC} -CAN_ASSUME-> aws/111122223333/role/ci-trainer`,
      'aws/111122223333/role/ci-trainer -CAN_ASSUME via sagemaker-002 iam:PassRole + sagemaker:CreateTrainingJob-> aws/111122223333/role/sagemaker-exec',
      `aws/111122223333/role/sagemaker-exec -CAN_ALTER deploy-> ${ENDPOINT}`,
    ]);
    expect(drawn(f, 1)).toEqual([
      `${PIPELINE} -RUNS_AS-> ${OIDC}`, `${OIDC} -CAN_ASSUME-> aws/111122223333/role/ci-trainer`,
      `aws/111122223333/role/ci-trainer -CAN_INVOKE prod-> ${ENDPOINT}`,
    ]);
    // the OIDC subject itself (whoever gets a token for that branch) is the other source of the same break
    expect(result.findings.map((f) => f.source.id).sort()).toEqual([PIPELINE, OIDC].sort());
  });
});
