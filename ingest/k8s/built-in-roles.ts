// The rules of the default user-facing ClusterRoles (cluster-admin, admin, edit, view), used when an export binds one
// without listing it. Data, transcribed from Kubernetes' bootstrap policy (Apache-2.0, © The Kubernetes Authors):
// kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml at commit
// 025f2834a128798cef30018a5e6a6ae82b5ad885 (v1.27+ content; see README.md). Non-resource URL rules are left out.
import type { Rule } from './objects.js';

const rule = (group: string, resources: readonly string[], verbs: readonly string[]): Rule =>
  ({ verbs, apiGroups: [group], resources, resourceNames: [] });

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** ClusterRole `system:aggregate-to-view` (label aggregate-to-view): `view` is the union of these. */
const AGGREGATE_TO_VIEW: readonly Rule[] = [
  rule('', ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers',
    'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], READ),
  rule('', ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status',
    'resourcequotas', 'resourcequotas/status'], READ),
  rule('', ['namespaces'], READ),
  rule('discovery.k8s.io', ['endpointslices'], READ),
  rule('apps', ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status',
    'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], READ),
  rule('autoscaling', ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  rule('batch', ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  rule('extensions', ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses',
    'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'], READ),
  rule('policy', ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  rule('networking.k8s.io', ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
];

/** ClusterRole `system:aggregate-to-edit` (label aggregate-to-edit): `edit` is these plus `view` (labelled aggregate-to-edit). */
const AGGREGATE_TO_EDIT: readonly Rule[] = [
  rule('', ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  rule('', ['serviceaccounts'], ['impersonate']),
  rule('', ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  rule('', ['pods/eviction'], ['create']),
  rule('', ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets',
    'serviceaccounts', 'services', 'services/proxy'], WRITE),
  rule('', ['serviceaccounts/token'], ['create']),
  rule('apps', ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale',
    'statefulsets', 'statefulsets/scale'], WRITE),
  rule('autoscaling', ['horizontalpodautoscalers'], WRITE),
  rule('batch', ['cronjobs', 'jobs'], WRITE),
  rule('extensions', ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies',
    'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'], WRITE),
  rule('policy', ['poddisruptionbudgets'], WRITE),
  rule('networking.k8s.io', ['ingresses', 'networkpolicies'], WRITE),
  rule('coordination.k8s.io', ['leases'], READ_WRITE),
];

/** ClusterRole `system:aggregate-to-admin` (label aggregate-to-admin): `admin` is these plus `edit` (labelled aggregate-to-admin). */
const AGGREGATE_TO_ADMIN: readonly Rule[] = [
  rule('authorization.k8s.io', ['localsubjectaccessreviews'], ['create']),
  rule('rbac.authorization.k8s.io', ['rolebindings', 'roles'], READ_WRITE),
];

/**
 * Effective rules of each built-in ClusterRole, as the aggregation controller fills them on a fresh cluster.
 * NOTE: admin has no `bind`/`escalate`: it may only grant what it holds (the API server's escalation check).
 */
export const BUILT_IN_ROLE_RULES = {
  'cluster-admin': [rule('*', ['*'], ['*'])],
  admin: [...AGGREGATE_TO_ADMIN, ...AGGREGATE_TO_EDIT, ...AGGREGATE_TO_VIEW],
  edit: [...AGGREGATE_TO_EDIT, ...AGGREGATE_TO_VIEW],
  view: AGGREGATE_TO_VIEW,
} as const satisfies Readonly<Record<string, readonly Rule[]>>;
