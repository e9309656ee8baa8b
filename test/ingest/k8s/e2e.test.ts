// End to end: a kubectl export alone (prod.k8s.yaml, no inventory) → analyze ranks sensitive-reach findings to the
// cluster's cluster-admin for every subject, pod and token that reaches it, with the technique on each edge.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, type GraphAnalysis } from '../../../src/analysis/analyze.js';
import type { Finding } from '../../../src/findings/types.js';
import { K8S_FIXTURES } from './helpers.js';

const DIR = `${K8S_FIXTURES}/e2e`;
const NOW = new Date('2025-07-01T00:00:00Z');
const id = (type: string, name: string): string => `k8s/prod/${type}/${name}`;
const ADMIN = 'k8s/prod/cluster-admin';
let result: GraphAnalysis;

beforeAll(async () => {
  result = await analyzeDirectory(DIR, { at: NOW });
});

const shortest = (f: Finding): string[] => (f.pathSets[0]?.shortest.nodes ?? []).map((n) => n.id);
const qualifiers = (f: Finding): string[] => (f.pathSets[0]?.shortest.edges ?? []).map((e) => e.qualifier ?? '');
const find = (source: string, target: string): Finding => result.findings.find((f) => f.source.id === source && f.target.id === target) as Finding;

describe('k8s export alone → findings to cluster-admin', () => {
  it('loads cleanly as cluster prod', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => [f.file.split('/').pop(), f.source, f.rejected])).toEqual([['prod.k8s.yaml', 'k8s', 0]]);
  });

  it('raises a critical sensitive-reach finding for everything that reaches cluster-admin, and nothing for the frontend', () => {
    const toAdmin = result.findings.filter((f) => f.target.id === ADMIN);
    expect(toAdmin.every((f) => f.rule === 'sensitive-reach' && f.severity === 'critical')).toBe(true);
    expect(toAdmin.map((f) => f.source.id).sort()).toEqual([
      // the client certificates of system:masters (bound to cluster-admin in the export) are cluster-admin too
      'k8s/prod/certificate/system:masters',
      id('pod', 'ci/build-123'), id('pod', 'monitoring/node-exporter'), id('sa', 'ci/deployer'),
      id('sa', 'kube-system/clusterrole-aggregation-controller'), id('sa', 'monitoring/agent'),
      id('secret', 'kube-system/clusterrole-aggregation-controller-token'), id('user', 'dev@example.com'),
    ].sort());
    const sources = new Set(result.findings.map((f) => f.source.id));
    expect(sources.has(id('sa', 'web/frontend'))).toBe(false);
    expect(sources.has(id('pod', 'web/frontend-6d9f'))).toBe(false);
  });

  it('ranks the findings and draws the escalation paths with their techniques', () => {
    const scores = result.findings.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const dev = find(id('user', 'dev@example.com'), ADMIN);
    expect(shortest(dev)).toEqual([id('user', 'dev@example.com'), id('sa', 'ci/deployer'), ADMIN]);
    expect(qualifiers(dev)).toEqual(['via k8s pods create', 'admin']);
    const agent = find(id('sa', 'monitoring/agent'), ADMIN);
    expect(shortest(agent)).toEqual([
      id('sa', 'monitoring/agent'), id('secret', 'kube-system/clusterrole-aggregation-controller-token'),
      id('sa', 'kube-system/clusterrole-aggregation-controller'), ADMIN,
    ]);
    expect(qualifiers(agent)).toEqual(['via k8s secrets read', '', 'admin via k8s clusterroles escalate']);
  });

  it('also reaches the other two crown jewels: node access and kube-system secrets', () => {
    expect(qualifiers(find(id('pod', 'monitoring/node-exporter'), 'k8s/prod/node-access'))).toEqual(['admin via k8s hostPID pod, k8s hostPath pod']);
    expect(qualifiers(find(id('sa', 'monitoring/agent'), 'k8s/prod/kube-system-secrets'))).toEqual(['read via k8s secrets read']);
    expect(find(id('user', 'dev@example.com'), 'k8s/prod/node-access')).toBeDefined();
  });
});
