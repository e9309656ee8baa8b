// transform: the objects of one kubectl export → records. Pure. Service accounts become ServiceAccount nodes, users
// Human (ServiceAccount for `system:` components), groups Group, Roles and ClusterRoles Role, pods WorkloadIdentity
// (RUNS_AS their service account), secrets Secret (no value: a fingerprint of a token), KServe/Seldon serving objects
// Model; bindings MEMBER_OF; effective permissions the technique edges of derive.ts; IRSA annotations CAN_ASSUME to
// the AWS role (its id from the AWS source); and the cluster's three tier-0 targets.
import { emptyRecords, type Diagnostic, type NodeRecord, type Records } from '../../src/model/index.js';
import { idOfArn } from '../aws/ids.js';
import { K8sEdges } from './collect.js';
import { derivePermissions, type Scope } from './derive.js';
import { groupId, jewelId, jewelNodes, k8sNode, modelId, podId, roleId, saId, secretId, SOURCE, userId, masterCertificateId } from './ids.js';
import { parseExport, type K8sExport } from './objects.js';
import { effectiveRules } from './rbac.js';
import type { RawObject } from './read.js';
import { indexSubjects, type Holder } from './subjects.js';

/** The annotation EKS reads to give a service account's pods an IAM role (IRSA). */
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

/** Transforms the objects of one file of cluster `cluster`. */
export function transformK8s(objects: readonly RawObject[], file: string, cluster: string): Records {
  const out = emptyRecords();
  const exp = parseExport(objects, file, out.diagnostics);
  const edges = new K8sEdges(file);
  const sas = new Map<string, NodeRecord>();
  const prov = (at: { path: string; line?: number }) => ({ source: SOURCE, file, path: at.path, ...(at.line !== undefined ? { line: at.line } : {}) });
  for (const sa of exp.serviceAccounts) {
    const id = saId(cluster, sa.namespace, sa.name);
    sas.set(id, k8sNode(id, 'ServiceAccount', `${sa.namespace}/${sa.name}`, {
      x_namespace: sa.namespace, ...(sa.createdAt ? { x_created_at: sa.createdAt } : {}),
      ...(sa.annotations[IRSA_ANNOTATION] ? { arn: sa.annotations[IRSA_ANNOTATION] } : {}),
    }, prov(sa.at)));
  }
  addPods(exp, cluster, sas, edges, out.nodes, prov);
  addSecrets(exp, cluster, sas, edges, out.nodes, prov);
  for (const r of exp.roles) {
    out.nodes.push(k8sNode(roleId(cluster, r.namespace, r.name), 'Role', r.namespace ? `Role ${r.namespace}/${r.name}` : `ClusterRole ${r.name}`, {
      ...(r.namespace ? { x_namespace: r.namespace } : {}), ...(r.aggregation ? { x_aggregated: true } : {}),
    }, prov(r.at)));
  }
  for (const m of exp.served) {
    out.nodes.push(k8sNode(modelId(cluster, m.namespace, m.name), 'Model', `${m.spec.kind} ${m.namespace}/${m.name}`, {
      provider: m.spec.provider, ...(m.storageUri ? { x_storage_uri: m.storageUri.split('?')[0] as string } : {}),
    }, prov(m.at)));
  }
  const subjects = indexSubjects(exp, effectiveRules(exp.roles), cluster, file, new Set(sas.keys()), edges, out.diagnostics);
  out.nodes.push(...sas.values(), ...subjects.nodes, ...subjects.builtIn);
  addGroupMembers(cluster, [...sas.keys()], subjects.holders, edges, out.nodes, file);
  const scope = scopeOf(exp, cluster, sas, subjects.holders);
  for (const h of subjects.holders.values()) derivePermissions(h, scope, edges);
  addIrsa(exp, cluster, edges, out.diagnostics, file);
  if (sas.size + exp.roles.length + exp.bindings.length + exp.pods.length + exp.secrets.length + exp.served.length > 0) out.nodes.push(...jewelNodes(cluster, file));
  out.edges.push(...edges.records());
  return out;
}

type Prov = (at: { path: string; line?: number }) => NodeRecord['provenance'];

/** Pods → WorkloadIdentity RUNS_AS its service account; privileged, hostPID and hostPath pods reach node access. */
function addPods(exp: K8sExport, cluster: string, sas: Map<string, NodeRecord>, edges: K8sEdges, nodes: NodeRecord[], prov: Prov): void {
  for (const p of exp.pods) {
    const id = podId(cluster, p.namespace, p.name);
    nodes.push(k8sNode(id, 'WorkloadIdentity', `pod ${p.namespace}/${p.name}`, {
      issuer: `k8s/${cluster}`, subject: `${p.namespace}/${p.name}`, ...(p.nodeName ? { x_node: p.nodeName } : {}),
    }, prov(p.at)));
    const sa = saId(cluster, p.namespace, p.serviceAccount);
    // NOTE: a pod's service account exists (admission checks it); an export without service accounts still names it.
    if (!sas.has(sa)) sas.set(sa, k8sNode(sa, 'ServiceAccount', `${p.namespace}/${p.serviceAccount}`, { x_namespace: p.namespace }, prov(p.at)));
    const saAutomount = exp.serviceAccounts.find((s) => s.namespace === p.namespace && s.name === p.serviceAccount)?.automount;
    const mounted = p.automount ?? saAutomount ?? true;
    edges.add('RUNS_AS', id, sa, undefined, p.at, mounted ? {} : { note: 'automountServiceAccountToken: false' }, !mounted);
    const node = jewelId(cluster, 'node-access');
    if (p.privileged) edges.add('CAN_ACCESS', id, node, 'k8s privileged pod', p.at, { action: 'admin' });
    if (p.hostPID) edges.add('CAN_ACCESS', id, node, 'k8s hostPID pod', p.at, { action: 'admin' });
    if (p.hostPaths.length > 0) edges.add('CAN_ACCESS', id, node, 'k8s hostPath pod', p.at, { action: 'admin' });
  }
}

/** Secrets → Secret nodes (fingerprint only); a service-account token AUTHENTICATES_AS its service account. */
function addSecrets(exp: K8sExport, cluster: string, sas: Map<string, NodeRecord>, edges: K8sEdges, nodes: NodeRecord[], prov: Prov): void {
  for (const s of exp.secrets) {
    const id = secretId(cluster, s.namespace, s.name);
    nodes.push(k8sNode(id, 'Secret', `secret ${s.namespace}/${s.name}`, {
      provider: 'k8s', status: 'active', ...(s.type ? { x_type: s.type } : {}),
      ...(s.tokenFingerprint ? { fingerprint: s.tokenFingerprint } : {}), ...(s.createdAt ? { created_at: s.createdAt } : {}),
    }, prov(s.at)));
    if (s.serviceAccount === undefined) continue;
    const sa = saId(cluster, s.namespace, s.serviceAccount);
    if (!sas.has(sa)) sas.set(sa, k8sNode(sa, 'ServiceAccount', `${s.namespace}/${s.serviceAccount}`, { x_namespace: s.namespace }, prov(s.at)));
    edges.add('AUTHENTICATES_AS', id, sa, undefined, s.at);
  }
}

/**
 * The groups Kubernetes puts identities in, when a binding names them: every service account is in
 * `system:serviceaccounts` and `system:serviceaccounts:<ns>`, every identity in `system:authenticated`; anonymous
 * requests are `system:anonymous` in `system:unauthenticated`. `system:masters` is cluster-admin whatever is bound.
 */
function addGroupMembers(cluster: string, saIds: readonly string[], holders: ReadonlyMap<string, Holder>, edges: K8sEdges, nodes: NodeRecord[], file: string): void {
  const has = (name: string): boolean => holders.has(groupId(cluster, name));
  const at = { path: '$' };
  const allSas = [...new Set([...saIds, ...[...holders.values()].filter((h) => h.kind === 'ServiceAccount').map((h) => h.id)])].sort();
  for (const sa of allSas) {
    const ns = sa.split('/')[3] as string;
    for (const g of ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated']) {
      if (has(g)) edges.add('MEMBER_OF', sa, groupId(cluster, g), undefined, at, { note: 'implicit group' });
    }
  }
  if (has('system:authenticated')) {
    for (const h of holders.values()) if (h.kind === 'User') edges.add('MEMBER_OF', h.id, groupId(cluster, 'system:authenticated'), undefined, at, { note: 'implicit group' });
  }
  if (has('system:unauthenticated')) {
    const anonymous = userId(cluster, 'system:anonymous');
    if (!holders.has(anonymous)) nodes.push(k8sNode(anonymous, 'ServiceAccount', 'system:anonymous', { description: 'Any unauthenticated request.' }, { source: SOURCE, file }));
    edges.add('MEMBER_OF', anonymous, groupId(cluster, 'system:unauthenticated'), undefined, at, { note: 'implicit group' });
  }
  if (has('system:masters')) {
    edges.add('CAN_ACCESS', groupId(cluster, 'system:masters'), jewelId(cluster, 'cluster-admin'), undefined, at, { action: 'admin', note: 'system:masters bypasses RBAC' });
    // NOTE: the group's members are whoever holds a client certificate with O=system:masters signed by the cluster CA
    // (kubeadm's admin.conf, for one); the export cannot list them, so one credential node stands for them all.
    const certificate = masterCertificateId(cluster);
    nodes.push(k8sNode(certificate, 'Token', 'any client certificate in group system:masters', {
      description: 'A client certificate signed by the cluster CA with O=system:masters: cluster-admin whatever RBAC says.',
    }, { source: SOURCE, file }));
    edges.add('MEMBER_OF', certificate, groupId(cluster, 'system:masters'), undefined, at, { note: 'implicit group: client certificates with O=system:masters' });
  }
}

function scopeOf(exp: K8sExport, cluster: string, sas: ReadonlyMap<string, NodeRecord>, holders: ReadonlyMap<string, Holder>): Scope {
  const by = <T extends { namespace: string }>(items: readonly T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const item of items) (m.get(item.namespace) ?? m.set(item.namespace, []).get(item.namespace) as T[]).push(item);
    return m;
  };
  const saList = [...sas.values()].map((n) => ({ id: n.id, name: n.id.split('/')[4] as string, namespace: n.id.split('/')[3] as string }));
  // NOTE: `default` and `kube-system` exist in every cluster, so cluster-wide grants always cover them.
  const namespaces = new Set<string>(['default', 'kube-system', ...[...saList, ...exp.pods, ...exp.secrets, ...exp.served].map((x) => x.namespace)]);
  for (const r of [...exp.roles, ...exp.bindings]) if (r.namespace !== undefined) namespaces.add(r.namespace);
  for (const h of holders.values()) if (h.kind === 'ServiceAccount') namespaces.add(h.id.split('/')[3] as string);
  return {
    cluster, namespaces: [...namespaces].sort(), sas: by(saList), secrets: by(exp.secrets), pods: by(exp.pods), anyPods: exp.pods.length > 0,
    served: by(exp.served), users: [...holders.values()].filter((h) => h.kind === 'User'),
  };
}

/** IRSA: a service account annotated with an IAM role ARN → CAN_ASSUME that role (the AWS source's node id). */
function addIrsa(exp: K8sExport, cluster: string, edges: K8sEdges, diagnostics: Diagnostic[], file: string): void {
  for (const sa of exp.serviceAccounts) {
    const arn = sa.annotations[IRSA_ANNOTATION];
    if (arn === undefined) continue;
    const role = idOfArn(arn);
    if (role === undefined || role.kind !== 'Role') {
      diagnostics.push({
        severity: 'warning', code: 'bad-value', source: SOURCE, file, ...(sa.at.line !== undefined ? { line: sa.at.line } : {}),
        field: `${sa.at.path}.metadata.annotations["${IRSA_ANNOTATION}"]`, message: `"${arn}" is not an IAM role ARN; no CAN_ASSUME was derived`,
      });
      continue;
    }
    edges.add('CAN_ASSUME', saId(cluster, sa.namespace, sa.name), role.id, undefined, sa.at, { note: `IRSA ${IRSA_ANNOTATION}` });
  }
}
