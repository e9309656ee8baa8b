// Helpers for the k8s ingest tests: run the ingestor on one fixture, and edges as comparable strings.
import { basename } from 'node:path';
import type { Records } from '../../../src/model/index.js';
import { ingestK8sFile } from '../../../ingest/k8s/index.js';

export const K8S_FIXTURES = 'test/fixtures/k8s';
/** Node ids of the default cluster. */
export const id = (type: string, name: string): string => `k8s/default/${type}/${name}`;
export const CLUSTER_ADMIN = 'k8s/default/cluster-admin';
export const NODE_ACCESS = 'k8s/default/node-access';
export const KUBE_SYSTEM_SECRETS = 'k8s/default/kube-system-secrets';

/** Records of one fixture file. */
export async function ingestFixture(path: string): Promise<Records> {
  return ingestK8sFile(path, { display: basename(path) });
}

/** Edges leaving `from` (MEMBER_OF left out) as `KIND|to|techniques|conditional`, techniques joined by `,`. */
export function edgesFrom(records: Pick<Records, 'edges'>, from: string): Set<string> {
  return new Set(records.edges.filter((e) => e.from === from && e.kind !== 'MEMBER_OF').map((e) => {
    const techniques = (e.properties['technique'] as readonly string[] | undefined) ?? [];
    return `${e.kind}|${e.to}|${techniques.join(',')}|${e.properties['conditional'] === true ? 'conditional' : ''}`;
  }));
}
