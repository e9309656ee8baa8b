// Binding subjects → nodes and the grants each holds. Users become Human nodes (ServiceAccount for `system:`
// components; `system:serviceaccount:<ns>:<name>` is that service account), groups Group nodes, service accounts
// their node. A subject missing from the export, or a role a binding refers to that is neither in the export nor
// built in, is a `dangling-ref` warning (once each); the rest of the file loads. Pure.
import type { Diagnostic, NodeKind, NodeRecord } from '../../src/model/index.js';
import type { K8sEdges } from './collect.js';
import { groupId, k8sNode, roleId, saId, SOURCE, userId } from './ids.js';
import type { K8sBinding, K8sExport, Rule, Where } from './objects.js';
import { roleKey, rulesOfBinding, type Grant } from './rbac.js';

/** A subject that holds grants. */
export interface Holder {
  readonly id: string;
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  readonly grants: Grant[];
  /** Roles bound cluster-wide (`ClusterRole/<name>`). */
  readonly clusterBound: Set<string>;
}

export interface SubjectIndex {
  readonly holders: Map<string, Holder>;
  /** Nodes of users, groups and service accounts missing from the export. */
  readonly nodes: NodeRecord[];
  /** Role nodes of built-in ClusterRoles bound but not listed. */
  readonly builtIn: NodeRecord[];
}

/** Resolves every binding: subject nodes, MEMBER_OF subject → role, and the grants of each subject. */
export function indexSubjects(
  exp: K8sExport, rules: ReadonlyMap<string, readonly Rule[]>, cluster: string, file: string, knownSas: ReadonlySet<string>,
  edges: K8sEdges, diagnostics: Diagnostic[],
): SubjectIndex {
  const holders = new Map<string, Holder>();
  const nodes = new Map<string, NodeRecord>();
  const builtIn = new Map<string, NodeRecord>();
  const warned = new Set<string>();
  const warn = (key: string, at: Where, field: string, message: string): void => {
    if (warned.has(key)) return;
    warned.add(key);
    diagnostics.push({ severity: 'warning', code: 'dangling-ref', source: SOURCE, file, ...(at.line !== undefined ? { line: at.line } : {}), field: `${at.path}.${field}`, message });
  };
  for (const b of exp.bindings) {
    const granted = rulesOfBinding(b, rules);
    const ref = b.roleRef;
    const refNs = ref.kind === 'Role' ? b.namespace : undefined;
    if (granted === undefined) {
      warn(`role:${roleKey(ref.kind, refNs, ref.name)}`, b.at, 'roleRef', `${ref.kind} ${refNs ? `${refNs}/` : ''}${ref.name} (bound by ${describe(b)}) is not in the export; the binding grants nothing here`);
    } else if (!rules.has(roleKey(ref.kind, refNs, ref.name)) && !builtIn.has(ref.name)) {
      builtIn.set(ref.name, k8sNode(roleId(cluster, undefined, ref.name), 'Role', `ClusterRole ${ref.name}`, { x_built_in: true }, { source: SOURCE, file, path: b.at.path }));
    }
    for (const s of b.subjects) {
      const at = { ...b.at, path: `${b.at.path}.${s.path}` };
      const id = s.kind === 'Group' ? groupId(cluster, s.name) : s.kind === 'User' ? userId(cluster, s.name) : saId(cluster, s.namespace as string, s.name);
      const isSa = s.kind === 'ServiceAccount' || id.startsWith(`k8s/${cluster}/sa/`);
      if (isSa && !knownSas.has(id)) {
        warn(`sa:${id}`, at, 'name', `service account ${id.split('/').slice(-2).join('/')} (subject of ${describe(b)}) is not in the export; it is kept as a node tagged not-in-export`);
      }
      if (!knownSas.has(id) && !nodes.has(id)) nodes.set(id, subjectNode(id, s.kind, s.name, isSa, { source: SOURCE, file, path: at.path }));
      let h = holders.get(id);
      if (h === undefined) {
        h = { id, kind: isSa ? 'ServiceAccount' : s.kind, name: s.name, grants: [], clusterBound: new Set() };
        holders.set(id, h);
      }
      if (granted === undefined) continue;
      const role = roleKey(ref.kind, refNs, ref.name);
      for (const rule of granted) h.grants.push({ rule, role, at, ...(b.namespace !== undefined ? { namespace: b.namespace } : {}) });
      if (b.kind === 'ClusterRoleBinding') h.clusterBound.add(role);
      edges.add('MEMBER_OF', id, roleId(cluster, refNs, ref.name), undefined, at, { note: describe(b) });
    }
  }
  return { holders, nodes: [...nodes.values()], builtIn: [...builtIn.values()] };
}

function describe(b: K8sBinding): string {
  return b.kind === 'RoleBinding' ? `RoleBinding ${b.namespace ?? ''}/${b.name}` : `ClusterRoleBinding ${b.name}`;
}

function subjectNode(id: string, kind: 'User' | 'Group' | 'ServiceAccount', name: string, isSa: boolean, provenance: NodeRecord['provenance']): NodeRecord {
  if (isSa) {
    const [ns, sa] = id.split('/').slice(-2) as [string, string];
    // NOTE: a reference: another file's export of the namespace replaces it with the full record (and drops the tag).
    return k8sNode(id, 'ServiceAccount', `${ns}/${sa}`, { x_namespace: ns, reference: true }, provenance, ['not-in-export']);
  }
  const nodeKind: NodeKind = kind === 'Group' ? 'Group' : name.startsWith('system:') ? 'ServiceAccount' : 'Human';
  return k8sNode(id, nodeKind, name, {}, provenance);
}
