// Issue #10's agent chain: an MCP server runs with AWS_PROFILE=ml; the AWS CLI config maps profile ml to an IAM role
// (with the keys of its source_profile); the AWS export lets that role pass a SageMaker execution role to a training
// job and invoke the endpoint the passed role may update. One separation-of-duties finding runs from the agent through
// the MCP, AWS CLI and AWS sources. Fixture: test/fixtures/cross-source/mcp-profile-sagemaker (our files, real formats).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../ingest/index.js';
import { analyzeDirectory, type GraphAnalysis } from '../../src/analysis/analyze.js';
import type { Finding } from '../../src/findings/types.js';
import { buildGraph } from '../../src/graph/build.js';

const DIR = 'test/fixtures/cross-source/mcp-profile-sagemaker';
const AGENT = 'mcp/.mcp.json';
const ROLE = 'aws/111122223333/role/ml-agent';
const EXEC = 'aws/111122223333/role/sagemaker-exec';
const ENDPOINT = 'aws/model/arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scoring';
let result: GraphAnalysis;

beforeAll(async () => {
  result = await analyzeDirectory(DIR, { at: new Date('2026-11-25T00:00:00Z'), exceptions: false });
});

const drawn = (f: Finding, i: number): string[] => (f.pathSets[i]?.shortest.edges ?? []).map((e) => `${e.from} -${e.kind}${e.qualifier ? ` ${e.qualifier}` : ''}-> ${e.to}`);

describe('MCP agent → AWS CLI profile → IAM role → SageMaker with a passed role → the model the chain invokes', () => {
  it('loads the three sources without a diagnostic; the references (profile, role) give way to the full records', async () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => [f.file.slice(DIR.length + 1), f.source])).toEqual([
      ['.aws/config', 'aws-cli'], ['.aws/credentials', 'aws-cli'], ['.mcp.json', 'mcp'], ['account-111122223333.json', 'aws'],
    ]);
    const { graph } = buildGraph(await loadDirectory(DIR));
    expect(graph.getNodeAttributes(ROLE)).toMatchObject({ source: 'aws', properties: { arn: 'arn:aws:iam::111122223333:role/agents/ml-agent' } });
    expect(graph.getNodeAttributes(ROLE).properties['reference']).toBeUndefined();
    expect(graph.getNodeAttributes('aws-profile/ml')).toMatchObject({ source: 'aws-cli', properties: { x_role_arn: 'arn:aws:iam::111122223333:role/agents/ml-agent' } });
    expect(graph.getNodeAttributes('aws-profile/ml').properties['reference']).toBeUndefined();
  });

  it('raises one SoD finding for the agent: agent → profile → source profile → role → passed role → model, and the invoke path', () => {
    const fromAgent = result.findings.filter((f) => f.source.id === AGENT);
    expect(fromAgent.map((f) => [f.rule, f.target.id])).toEqual([['sod-alter-invoke', ENDPOINT]]);
    const [f] = fromAgent as [Finding];
    const head = [
      `${AGENT} -HAS_CREDENTIAL-> aws-profile/ml`, 'aws-profile/ml -CAN_READ_SECRET-> aws-profile/base', `aws-profile/base -CAN_ASSUME-> ${ROLE}`,
    ];
    expect(drawn(f, 0)).toEqual([
      ...head, `${ROLE} -CAN_ASSUME via sagemaker-002 iam:PassRole + sagemaker:CreateTrainingJob-> ${EXEC}`, `${EXEC} -CAN_ALTER deploy-> ${ENDPOINT}`,
    ]);
    expect(drawn(f, 1)).toEqual([...head, `${ROLE} -CAN_INVOKE prod-> ${ENDPOINT}`]);
    // the same break from each credential on the way, and from the IAM user the role trusts (the export's own path)
    expect(result.findings.map((x) => `${x.rule} ${x.source.id}`).sort()).toEqual([
      `sod-alter-invoke ${AGENT}`, 'sod-alter-invoke aws-profile/base', 'sod-alter-invoke aws-profile/ml', 'sod-alter-invoke aws/111122223333/user/dev',
    ].sort());
  });
});
