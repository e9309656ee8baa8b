// End to end: an AWS export alone in a directory (authorization details + credential report, no inventory) →
// analyze ranks a sensitive-reach finding to the account's effective administrator for every escalating principal
// and its keys, and the escalation edge on each path names its technique.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, type GraphAnalysis } from '../../../src/analysis/analyze.js';
import type { Finding } from '../../../src/findings/types.js';
import { ADMIN, AWS_FIXTURES, id } from './helpers.js';

const DIR = `${AWS_FIXTURES}/e2e`;
const NOW = new Date('2025-07-01T00:00:00Z');
let result: GraphAnalysis;

beforeAll(async () => {
  result = await analyzeDirectory(DIR, { at: NOW });
});

/** The node ids of a finding's shortest path. */
const shortest = (f: Finding): string[] => (f.pathSets[0]?.shortest.nodes ?? []).map((n) => n.id);

/** The `technique` list of the graph edge `from → to` of a kind. */
function techniqueOn(from: string, kind: string, to: string): unknown {
  const graph = result.graph;
  const key = graph?.edges(from, to).find((e) => graph.getEdgeAttribute(e, 'kind') === kind);
  return key === undefined ? undefined : graph?.getEdgeAttribute(key, 'properties')['technique'];
}

describe('aws export alone → findings to the effective administrator', () => {
  it('loads cleanly', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => [f.file.split('/').pop(), f.source, f.rejected])).toEqual([
      ['account-111122223333.json', 'aws', 0], ['credential-report.csv', 'aws', 0],
    ]);
  });

  it('raises one sensitive-reach finding per escalating principal and credential, and none for the others', () => {
    const toAdmin = result.findings.filter((f) => f.target.id === ADMIN);
    expect(toAdmin.every((f) => f.rule === 'sensitive-reach' && f.severity === 'critical')).toBe(true);
    expect(toAdmin.map((f) => f.source.id).sort()).toEqual([
      id('user', 'alice'), `${id('user', 'alice')}/password`,
      id('user', 'ci-deployer'), `${id('user', 'ci-deployer')}/access-key-1`,
      id('user', 'dev'), `${id('user', 'dev')}/access-key-1`,
      id('user', 'support'), `${id('user', 'support')}/access-key-1`,
      'aws/111122223333/root',
      // any Lambda function given the admin role runs as an administrator
      'aws/service/lambda.amazonaws.com',
    ].sort());
    expect(result.findings.map((f) => f.source.id)).not.toContain(id('user', 'reader'));
    expect(result.findings.map((f) => f.source.id)).not.toContain(id('instance-profile', 'app'));
  });

  it('ranks the findings (scores descending) and draws the escalation paths', () => {
    const scores = result.findings.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const by = (source: string): Finding => result.findings.find((f) => f.source.id === source && f.target.id === ADMIN) as Finding;
    expect(shortest(by(`${id('user', 'ci-deployer')}/access-key-1`))).toEqual([`${id('user', 'ci-deployer')}/access-key-1`, id('user', 'ci-deployer'), id('role', 'lambda-admin'), ADMIN]);
    expect(shortest(by(id('user', 'support')))).toEqual([id('user', 'support'), id('user', 'alice'), ADMIN]);
    expect(shortest(by(id('user', 'dev')))).toEqual([id('user', 'dev'), ADMIN]);
  });

  it('names the technique on each escalation edge', () => {
    expect(techniqueOn(id('user', 'ci-deployer'), 'CAN_ASSUME', id('role', 'lambda-admin'))).toEqual([
      'lambda-001 iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction', 'lambda-003 lambda:UpdateFunctionCode',
      'lambda-004 lambda:UpdateFunctionCode + lambda:InvokeFunction',
    ]);
    expect(techniqueOn(id('user', 'support'), 'CAN_MINT_CREDENTIAL', id('user', 'alice'))).toEqual(['iam-002 iam:CreateAccessKey']);
    expect(techniqueOn(id('user', 'dev'), 'CAN_ACCESS', ADMIN)).toEqual(['iam-001 iam:CreatePolicyVersion']);
    expect(techniqueOn(id('user', 'alice'), 'CAN_ACCESS', ADMIN)).toBeUndefined();
  });

  it('shows the technique in the finding paths', () => {
    const finding = result.findings.find((f) => f.source.id === id('user', 'dev') && f.target.id === ADMIN) as Finding;
    expect(finding.pathSets[0]?.shortest.edges.map((e) => e.qualifier)).toEqual(['admin via iam-001 iam:CreatePolicyVersion']);
  });
});
