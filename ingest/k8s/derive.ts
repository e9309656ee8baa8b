// Effective permissions of each subject → edges, each named by its technique (techniques.ts): secrets, workload
// creation and exec, impersonation, bind/escalate, token minting, nodes/proxy, model serving; and cluster-admin.
// A cluster-wide grant covers every namespace of the export; a RoleBinding's grant only its own namespace. Pure.
import type { K8sEdges } from './collect.js';
import { jewelId, modelId, podId, secretId } from './ids.js';
import { RBAC_GROUP, type K8sPod, type K8sSecret, type K8sServed } from './objects.js';
import { allowing, isClusterAdmin, type Grant, type Request } from './rbac.js';
import type { Holder } from './subjects.js';
import type { K8sTechniqueId } from './techniques.js';

/** What the export holds, by namespace: the targets of derived edges. */
export interface Scope {
  readonly cluster: string;
  readonly namespaces: readonly string[];
  /** Service accounts that exist (listed, or run by a pod), by namespace. */
  readonly sas: ReadonlyMap<string, readonly { readonly id: string; readonly name: string }[]>;
  readonly secrets: ReadonlyMap<string, readonly K8sSecret[]>;
  readonly pods: ReadonlyMap<string, readonly K8sPod[]>;
  /** False when the export lists no pod at all (RBAC only): exec then reaches every service account, conditionally. */
  readonly anyPods: boolean;
  readonly served: ReadonlyMap<string, readonly K8sServed[]>;
  /** User subjects (not service accounts) bound in the export. */
  readonly users: readonly Holder[];
}

const WORKLOADS: readonly [string, string][] = [
  ['apps', 'deployments'], ['apps', 'daemonsets'], ['apps', 'statefulsets'], ['apps', 'replicasets'],
  ['batch', 'jobs'], ['batch', 'cronjobs'], ['', 'replicationcontrollers'],
];
const READ = ['get', 'list', 'watch'];

/** Every edge the holder's grants give, added to `out`. */
export function derivePermissions(h: Holder, scope: Scope, out: K8sEdges): void {
  const g = h.grants;
  if (g.length === 0) return;
  const admin = isClusterAdmin(g) ? g.find((x) => x.namespace === undefined) : undefined;
  if (admin) {
    // NOTE: cluster-admin can do everything below; the one edge says so and keeps the graph small.
    out.add('CAN_ACCESS', h.id, jewelId(scope.cluster, 'cluster-admin'), undefined, admin.at, { action: 'admin' });
    return;
  }
  deriveClusterWide(h, scope, out);
  const clusterWide = g.filter((x) => x.namespace === undefined);
  for (const ns of scope.namespaces) {
    // NOTE: most subjects are bound in one namespace; only the grants that apply there are checked.
    const local = clusterWide.length === g.length ? g : g.filter((x) => x.namespace === undefined || x.namespace === ns);
    if (local.length > 0) deriveNamespace(local, h.id, ns, scope, out);
  }
}

const req = (verb: string, group: string, resource: string, namespace?: string, name?: string): Request =>
  ({ verb, group, resource, ...(namespace !== undefined ? { namespace } : {}), ...(name !== undefined ? { name } : {}) });

function deriveClusterWide(h: Holder, scope: Scope, out: K8sEdges): void {
  const g = h.grants;
  const toJewel = (jewel: 'cluster-admin' | 'node-access', t: K8sTechniqueId, grant: Grant | undefined): void => {
    if (grant) out.add('CAN_ACCESS', h.id, jewelId(scope.cluster, jewel), t, grant.at, { action: 'admin' });
  };
  toJewel('cluster-admin', 'k8s impersonate groups', allowing(g, req('impersonate', '', 'groups', undefined, 'system:masters')));
  const crb = allowing(g, ...['create', 'update', 'patch'].map((v) => req(v, RBAC_GROUP, 'clusterrolebindings')));
  if (crb) toJewel('cluster-admin', 'k8s clusterrolebindings create + bind', allowing(g, req('bind', RBAC_GROUP, 'clusterroles', undefined, 'cluster-admin')));
  const roles = [undefined, ...[...h.clusterBound].map((r) => r.slice('ClusterRole/'.length))];
  for (const name of roles) {
    const esc = allowing(g, req('escalate', RBAC_GROUP, 'clusterroles', undefined, name));
    if (esc && allowing(g, req('update', RBAC_GROUP, 'clusterroles', undefined, name), req('patch', RBAC_GROUP, 'clusterroles', undefined, name))) {
      toJewel('cluster-admin', 'k8s clusterroles escalate', esc);
      break;
    }
  }
  toJewel('node-access', 'k8s nodes/proxy', allowing(g, req('get', '', 'nodes/proxy'), req('create', '', 'nodes/proxy')));
  for (const u of scope.users) {
    const grant = allowing(g, req('impersonate', '', 'users', undefined, u.name));
    if (grant) out.add('CAN_IMPERSONATE', h.id, u.id, 'k8s impersonate users', grant.at);
  }
}

function deriveNamespace(g: readonly Grant[], holder: string, ns: string, scope: Scope, out: K8sEdges): void {
  const sas = scope.sas.get(ns) ?? [];
  const secrets = scope.secrets.get(ns) ?? [];
  const pods = scope.pods.get(ns) ?? [];
  const everySa = (t: K8sTechniqueId, grant: Grant, conditional = false): void => {
    for (const sa of sas) out.add('CAN_ASSUME', holder, sa.id, t, grant.at, {}, conditional);
  };
  const nsAdmin = (t: K8sTechniqueId, grant: Grant): void => {
    everySa(t, grant);
    for (const s of secrets) out.add('CAN_READ_SECRET', holder, secretId(scope.cluster, ns, s.name), t, grant.at);
    if (ns === 'kube-system') out.add('CAN_ACCESS', holder, jewelId(scope.cluster, 'kube-system-secrets'), t, grant.at, { action: 'read' });
  };
  // Secrets.
  for (const s of secrets) {
    const grant = allowing(g, ...READ.map((v) => req(v, '', 'secrets', ns, s.name)));
    if (grant) out.add('CAN_READ_SECRET', holder, secretId(scope.cluster, ns, s.name), 'k8s secrets read', grant.at);
  }
  const readAny = allowing(g, ...READ.map((v) => req(v, '', 'secrets', ns)));
  if (readAny && ns === 'kube-system') out.add('CAN_ACCESS', holder, jewelId(scope.cluster, 'kube-system-secrets'), 'k8s secrets read', readAny.at, { action: 'read' });
  const createSecret = allowing(g, req('create', '', 'secrets', ns));
  if (createSecret && readAny) for (const sa of sas) out.add('CAN_MINT_CREDENTIAL', holder, sa.id, 'k8s secrets create (service-account token)', createSecret.at);
  for (const sa of sas) {
    const grant = allowing(g, req('create', '', 'serviceaccounts/token', ns, sa.name));
    if (grant) out.add('CAN_MINT_CREDENTIAL', holder, sa.id, 'k8s serviceaccounts/token', grant.at);
    const imp = allowing(g, req('impersonate', '', 'serviceaccounts', ns, sa.name));
    if (imp) out.add('CAN_IMPERSONATE', holder, sa.id, 'k8s impersonate serviceaccounts', imp.at);
  }
  // Workloads: a new or rewritten pod runs as any service account of the namespace, and may be privileged.
  const creators: [K8sTechniqueId, Grant | undefined][] = [
    ['k8s pods create', allowing(g, req('create', '', 'pods', ns))],
    ['k8s workloads create', allowing(g, ...WORKLOADS.map(([grp, r]) => req('create', grp, r, ns)))],
    ['k8s workloads patch', allowing(g, ...WORKLOADS.flatMap(([grp, r]) => [req('patch', grp, r, ns), req('update', grp, r, ns)]))],
  ];
  for (const [t, grant] of creators) {
    if (!grant) continue;
    everySa(t, grant);
    // NOTE: conditional: Pod Security admission (not in the export) may forbid privileged pods in the namespace.
    out.add('CAN_ACCESS', holder, jewelId(scope.cluster, 'node-access'), t, grant.at, { action: 'admin' }, true);
  }
  // Running pods: exec, attach, ephemeral containers, patch.
  const intoPod: [K8sTechniqueId, (name?: string) => Request[]][] = [
    ['k8s pods/exec', (n) => [req('create', '', 'pods/exec', ns, n), req('get', '', 'pods/exec', ns, n)]],
    ['k8s pods/attach', (n) => [req('create', '', 'pods/attach', ns, n), req('get', '', 'pods/attach', ns, n)]],
    ['k8s pods/ephemeralcontainers', (n) => [req('patch', '', 'pods/ephemeralcontainers', ns, n), req('update', '', 'pods/ephemeralcontainers', ns, n)]],
    ['k8s pods patch', (n) => [req('patch', '', 'pods', ns, n), req('update', '', 'pods', ns, n)]],
  ];
  for (const [t, reqs] of intoPod) {
    if (!scope.anyPods) {
      const grant = allowing(g, ...reqs());
      if (grant) everySa(t, grant, true);
      continue;
    }
    for (const p of pods) {
      const grant = allowing(g, ...reqs(p.name));
      if (grant) out.add('CAN_ASSUME', holder, podId(scope.cluster, ns, p.name), t, grant.at);
    }
  }
  // Bind and escalate within the namespace: its administrator.
  const rb = allowing(g, req('create', RBAC_GROUP, 'rolebindings', ns));
  const bind = rb && allowing(g, req('bind', RBAC_GROUP, 'clusterroles', ns, 'cluster-admin'), req('bind', RBAC_GROUP, 'clusterroles', ns, 'admin'));
  if (rb && bind) nsAdmin('k8s rolebindings create + bind', rb);
  const esc = allowing(g, req('escalate', RBAC_GROUP, 'roles', ns));
  const boundHere = rb !== undefined || g.some((x) => x.role.startsWith(`Role/${ns}/`));
  if (esc && boundHere && allowing(g, req('update', RBAC_GROUP, 'roles', ns), req('patch', RBAC_GROUP, 'roles', ns))) nsAdmin('k8s roles escalate', esc);
  // Model serving.
  for (const m of scope.served.get(ns) ?? []) {
    const { group, resource } = m.spec;
    const grant = allowing(g, req('update', group, resource, ns, m.name), req('patch', group, resource, ns, m.name), req('create', group, resource, ns));
    if (grant) out.add('CAN_ALTER', holder, modelId(scope.cluster, ns, m.name), 'k8s model serving write', grant.at, { action: 'deploy' });
  }
}
