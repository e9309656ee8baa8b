// Node ids and shared nodes of the Kubernetes source. Ids are scoped by cluster (`k8s/<cluster>/sa/<ns>/<name>`);
// kubectl output does not name its cluster, so the cluster is taken from the file name (`<cluster>.k8s.yaml`) or is
// `default`. The three tier-0 targets of a cluster are emitted identically by every file.
import type { NodeKind, NodeRecord, PropValue, Provenance } from '../../src/model/index.js';

export const SOURCE = 'k8s';
/** The cluster name of an export whose file name does not give one. */
export const DEFAULT_CLUSTER = 'default';

/** Id of a service account. */
export function saId(cluster: string, namespace: string, name: string): string {
  return `k8s/${cluster}/sa/${namespace}/${name}`;
}
/** Id of a user subject; `system:serviceaccount:<ns>:<name>` is the service account itself. */
export function userId(cluster: string, name: string): string {
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(name);
  return sa ? saId(cluster, sa[1] as string, sa[2] as string) : `k8s/${cluster}/user/${name}`;
}
export function groupId(cluster: string, name: string): string {
  return `k8s/${cluster}/group/${name}`;
}
/** Id of the credential standing for every client certificate in group system:masters. */
export function masterCertificateId(cluster: string): string {
  return `k8s/${cluster}/certificate/system:masters`;
}
/** Id of a Role (namespace given) or a ClusterRole. */
export function roleId(cluster: string, namespace: string | undefined, name: string): string {
  return namespace === undefined ? `k8s/${cluster}/clusterrole/${name}` : `k8s/${cluster}/role/${namespace}/${name}`;
}
export function podId(cluster: string, namespace: string, name: string): string {
  return `k8s/${cluster}/pod/${namespace}/${name}`;
}
export function secretId(cluster: string, namespace: string, name: string): string {
  return `k8s/${cluster}/secret/${namespace}/${name}`;
}
/** Id of the Model a serving resource (KServe InferenceService, Seldon SeldonDeployment) serves. */
export function modelId(cluster: string, namespace: string, name: string): string {
  return `k8s/${cluster}/model/${namespace}/${name}`;
}

/** The tier-0 targets of every cluster (docs/sources.md#crown-jewels-per-cluster). */
export const CROWN_JEWELS = {
  'cluster-admin': { type: 'k8s-cluster-admin', title: 'cluster-admin', description: 'Every verb on every resource of the cluster (the cluster-admin ClusterRole bound cluster-wide, or the system:masters group).' },
  'node-access': { type: 'k8s-node', title: 'node/host access', description: 'Root on a node: a privileged, hostPID or hostPath pod, or the kubelet API through nodes/proxy.' },
  'kube-system-secrets': { type: 'k8s-secrets', title: 'secrets in kube-system', description: 'Any secret of the kube-system namespace (controller and add-on credentials).' },
} as const;
export type CrownJewel = keyof typeof CROWN_JEWELS;

/** Id of one of the cluster's tier-0 targets. */
export function jewelId(cluster: string, jewel: CrownJewel): string {
  return `k8s/${cluster}/${jewel}`;
}

/** Builds a node record of this source. */
export function k8sNode(
  id: string, kind: NodeKind, name: string, properties: Record<string, PropValue>, provenance: Provenance, tags: readonly string[] = [],
): NodeRecord {
  return { id, kind, name, tags, source: SOURCE, properties: { platform: 'k8s', ...properties }, provenance };
}

/** The cluster's tier-0 Resource nodes (identical from every file but for provenance). */
export function jewelNodes(cluster: string, file: string): NodeRecord[] {
  return (Object.keys(CROWN_JEWELS) as CrownJewel[]).map((j) => {
    const spec = CROWN_JEWELS[j];
    return k8sNode(jewelId(cluster, j), 'Resource', `Kubernetes cluster ${cluster}: ${spec.title}`, {
      tier: 0, type: spec.type, description: spec.description,
    }, { source: SOURCE, file });
  });
}
