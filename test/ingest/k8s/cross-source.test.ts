// Cross-source: a kubectl export and an AWS export in one directory join on IRSA. A user who may create jobs in the
// namespace runs as the annotated service account, which assumes the AWS role (the AWS source's node id), an
// effective administrator: one path across both sources.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, type GraphAnalysis } from '../../../src/analysis/analyze.js';
import type { Finding } from '../../../src/findings/types.js';
import { K8S_FIXTURES } from './helpers.js';

let result: GraphAnalysis;
beforeAll(async () => {
  result = await analyzeDirectory(`${K8S_FIXTURES}/cross-source`, { at: new Date('2025-07-01T00:00:00Z') });
});

describe('k8s + aws: IRSA joins the two exports', () => {
  it('loads both without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => [f.file.split('/').pop(), f.source])).toEqual([['account-111122223333.json', 'aws'], ['prod.k8s.yaml', 'k8s']]);
  });

  it('the job creator reaches the AWS account\'s effective administrator through the service account and the role', () => {
    const f = result.findings.find((x) => x.source.id === 'k8s/prod/user/dev@example.com' && x.target.id === 'aws/111122223333/effective-admin') as Finding;
    expect(f.severity).toBe('critical');
    expect((f.pathSets[0]?.shortest.nodes ?? []).map((n) => n.id)).toEqual([
      'k8s/prod/user/dev@example.com', 'k8s/prod/sa/deploy/pipeline', 'aws/111122223333/role/eks-deployer', 'aws/111122223333/effective-admin',
    ]);
    expect((f.pathSets[0]?.shortest.edges ?? []).map((e) => e.kind)).toEqual(['CAN_ASSUME', 'CAN_ASSUME', 'CAN_ACCESS']);
  });
});
