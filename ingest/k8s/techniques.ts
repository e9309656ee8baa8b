// The Kubernetes escalation techniques, declared once: the `technique` label each derived edge carries, the edge it
// gives, what it needs and a reference. derive-*.ts use the ids; docs/sources.md lists them (a test checks both agree).
import type { EdgeKind } from '../../src/model/index.js';

export interface K8sTechniqueSpec {
  /** The label on the edge's `technique` property. */
  readonly id: string;
  readonly edge: EdgeKind;
  /** The RBAC permission (or pod setting) that gives it. */
  readonly needs: string;
  /** What the edge points at. */
  readonly yields: string;
  readonly reference: string;
}

const GOOD_PRACTICES = 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';

export const K8S_TECHNIQUES = [
  { id: 'k8s secrets read', edge: 'CAN_READ_SECRET', needs: '`get`, `list` or `watch` on `secrets` (resourceNames restrict)', yields: 'each Secret of the namespace the grant covers; `CAN_ACCESS read` on kube-system secrets when any kube-system secret may be read', reference: `${GOOD_PRACTICES}#listing-secrets` },
  { id: 'k8s secrets create (service-account token)', edge: 'CAN_MINT_CREDENTIAL', needs: '`create` and `get`/`list` on `secrets`', yields: 'every service account of the namespace (a `kubernetes.io/service-account-token` secret the token controller fills)', reference: `${GOOD_PRACTICES}#listing-secrets` },
  { id: 'k8s serviceaccounts/token', edge: 'CAN_MINT_CREDENTIAL', needs: '`create` on `serviceaccounts/token`', yields: 'each service account the grant covers', reference: `${GOOD_PRACTICES}#token-request` },
  { id: 'k8s pods create', edge: 'CAN_ASSUME', needs: '`create` on `pods`', yields: 'every service account of the namespace; also `CAN_ACCESS admin` node access, conditional (a privileged pod, unless Pod Security admission forbids it)', reference: `${GOOD_PRACTICES}#workload-creation` },
  { id: 'k8s workloads create', edge: 'CAN_ASSUME', needs: '`create` on deployments, daemonsets, statefulsets, replicasets, jobs, cronjobs or replicationcontrollers', yields: 'as `k8s pods create`', reference: `${GOOD_PRACTICES}#workload-creation` },
  { id: 'k8s workloads patch', edge: 'CAN_ASSUME', needs: '`patch` or `update` on those workloads', yields: 'as `k8s pods create` (the pod template, its service account included, can be rewritten)', reference: `${GOOD_PRACTICES}#workload-creation` },
  { id: 'k8s pods/exec', edge: 'CAN_ASSUME', needs: '`create` (or `get`) on `pods/exec`', yields: 'each pod of the namespace (a `WorkloadIdentity` that `RUNS_AS` its service account); with no pod in the export, every service account of the namespace, conditional', reference: 'https://kubehound.io/reference/attacks/POD_EXEC/' },
  { id: 'k8s pods/attach', edge: 'CAN_ASSUME', needs: '`create` (or `get`) on `pods/attach`', yields: 'as `k8s pods/exec`', reference: 'https://kubehound.io/reference/attacks/POD_EXEC/' },
  { id: 'k8s pods/ephemeralcontainers', edge: 'CAN_ASSUME', needs: '`patch` or `update` on `pods/ephemeralcontainers`', yields: 'as `k8s pods/exec`', reference: `${GOOD_PRACTICES}#ephemeral-containers` },
  { id: 'k8s pods patch', edge: 'CAN_ASSUME', needs: '`patch` or `update` on `pods` (a container image can be replaced)', yields: 'as `k8s pods/exec`', reference: 'https://kubehound.io/reference/attacks/POD_PATCH/' },
  { id: 'k8s impersonate users', edge: 'CAN_IMPERSONATE', needs: '`impersonate` on `users`', yields: 'each user bound in the export that the grant covers', reference: `${GOOD_PRACTICES}#impersonate-verb` },
  { id: 'k8s impersonate serviceaccounts', edge: 'CAN_IMPERSONATE', needs: '`impersonate` on `serviceaccounts`', yields: 'each service account the grant covers', reference: `${GOOD_PRACTICES}#impersonate-verb` },
  { id: 'k8s impersonate groups', edge: 'CAN_ACCESS', needs: '`impersonate` on `groups` covering `system:masters`', yields: '`CAN_ACCESS admin` on cluster-admin', reference: `${GOOD_PRACTICES}#impersonate-verb` },
  { id: 'k8s clusterrolebindings create + bind', edge: 'CAN_ACCESS', needs: '`create` on `clusterrolebindings` and `bind` on the `cluster-admin` ClusterRole, cluster-wide', yields: '`CAN_ACCESS admin` on cluster-admin', reference: `${GOOD_PRACTICES}#bind-verb` },
  { id: 'k8s clusterroles escalate', edge: 'CAN_ACCESS', needs: '`escalate` and `update`/`patch` on any ClusterRole or one bound to the principal cluster-wide', yields: '`CAN_ACCESS admin` on cluster-admin', reference: `${GOOD_PRACTICES}#escalate-verb` },
  { id: 'k8s rolebindings create + bind', edge: 'CAN_ASSUME', needs: '`create` on `rolebindings` and `bind` on the `cluster-admin` or `admin` ClusterRole in a namespace', yields: 'administrator of the namespace: `CAN_ASSUME` every service account and `CAN_READ_SECRET` every secret of it (kube-system: `CAN_ACCESS read` on its secrets)', reference: `${GOOD_PRACTICES}#bind-verb` },
  { id: 'k8s roles escalate', edge: 'CAN_ASSUME', needs: '`escalate` and `update`/`patch` on `roles` of a namespace where the principal is bound to a Role (or may create rolebindings)', yields: 'as `k8s rolebindings create + bind`', reference: `${GOOD_PRACTICES}#escalate-verb` },
  { id: 'k8s nodes/proxy', edge: 'CAN_ACCESS', needs: '`get` or `create` on `nodes/proxy`, cluster-wide', yields: '`CAN_ACCESS admin` on node access (the kubelet API runs commands in any pod)', reference: `${GOOD_PRACTICES}#access-to-proxy-subresource-of-nodes` },
  { id: 'k8s privileged pod', edge: 'CAN_ACCESS', needs: 'a container with `securityContext.privileged: true`', yields: '`CAN_ACCESS admin` on node access, from the pod', reference: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
  { id: 'k8s hostPID pod', edge: 'CAN_ACCESS', needs: '`hostPID: true`', yields: 'as `k8s privileged pod`', reference: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
  { id: 'k8s hostPath pod', edge: 'CAN_ACCESS', needs: 'a `hostPath` volume', yields: 'as `k8s privileged pod`', reference: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
  { id: 'k8s model serving write', edge: 'CAN_ALTER', needs: '`update`/`patch` on a KServe `inferenceservices` or Seldon `seldondeployments` object (or `create` on any)', yields: '`CAN_ALTER` (action `deploy`) the `Model` it serves', reference: 'https://kserve.github.io/website/latest/modelserving/v1beta1/serving_runtime/' },
] as const satisfies readonly K8sTechniqueSpec[];

export type K8sTechniqueId = (typeof K8S_TECHNIQUES)[number]['id'];
