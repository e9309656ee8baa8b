// The objects of a kubectl export → typed service accounts, roles, bindings, pods, secrets and model-serving
// resources. Pure. A bad object is a diagnostic naming its path (and line, for YAML) and is skipped; objects of other
// kinds (Namespace, PodSecurityPolicy, …) are ignored. Secret values are fingerprinted here and never kept.
import type { Diagnostic } from '../../src/model/index.js';
import { fingerprint } from '../secrets.js';
import { SOURCE } from './ids.js';
import type { RawObject } from './read.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Where an object is in its file. */
export interface Where {
  readonly path: string;
  readonly line?: number;
}

export interface Rule {
  readonly verbs: readonly string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly { readonly key: string; readonly operator: string; readonly values: readonly string[] }[];
}

export interface K8sRole {
  readonly kind: 'Role' | 'ClusterRole';
  readonly name: string;
  /** Undefined for a ClusterRole. */
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly rules: readonly Rule[];
  /** ClusterRole aggregationRule.clusterRoleSelectors, when aggregated. */
  readonly aggregation?: readonly LabelSelector[];
  readonly at: Where;
}

export interface K8sSubject {
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  readonly namespace?: string;
  readonly path: string;
}

export interface K8sBinding {
  readonly kind: 'RoleBinding' | 'ClusterRoleBinding';
  readonly name: string;
  /** Undefined for a ClusterRoleBinding. */
  readonly namespace?: string;
  readonly roleRef: { readonly kind: 'Role' | 'ClusterRole'; readonly name: string };
  readonly subjects: readonly K8sSubject[];
  readonly at: Where;
}

export interface K8sServiceAccount {
  readonly name: string;
  readonly namespace: string;
  readonly annotations: Readonly<Record<string, string>>;
  readonly automount?: boolean;
  readonly createdAt?: string;
  readonly at: Where;
}

export interface K8sPod {
  readonly name: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly automount?: boolean;
  readonly privileged: boolean;
  readonly hostPID: boolean;
  readonly hostPaths: readonly string[];
  readonly nodeName?: string;
  readonly at: Where;
}

export interface K8sSecret {
  readonly name: string;
  readonly namespace: string;
  readonly type?: string;
  /** The service account a `kubernetes.io/service-account-token` secret authenticates as. */
  readonly serviceAccount?: string;
  readonly tokenFingerprint?: string;
  readonly createdAt?: string;
  readonly at: Where;
}

/** Model-serving custom resources: who may write one alters the model it serves (docs/sources.md). */
export const SERVING_RESOURCES = [
  { kind: 'InferenceService', group: 'serving.kserve.io', resource: 'inferenceservices', provider: 'kserve' },
  { kind: 'SeldonDeployment', group: 'machinelearning.seldon.io', resource: 'seldondeployments', provider: 'seldon' },
] as const;
export type ServingResource = (typeof SERVING_RESOURCES)[number];

export interface K8sServed {
  readonly spec: ServingResource;
  readonly name: string;
  readonly namespace: string;
  readonly storageUri?: string;
  readonly at: Where;
}

/** The typed content of one export file. */
export interface K8sExport {
  readonly roles: K8sRole[];
  readonly bindings: K8sBinding[];
  readonly serviceAccounts: K8sServiceAccount[];
  readonly pods: K8sPod[];
  readonly secrets: K8sSecret[];
  readonly served: K8sServed[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const stringMap = (v: unknown): Record<string, string> =>
  isObj(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

/** Parses every object; bad ones become diagnostics in `diagnostics`. */
export function parseExport(objects: readonly RawObject[], file: string, diagnostics: Diagnostic[]): K8sExport {
  const out: K8sExport = { roles: [], bindings: [], serviceAccounts: [], pods: [], secrets: [], served: [] };
  for (const raw of objects) {
    const at: Where = raw.line === undefined ? { path: raw.path } : { path: raw.path, line: raw.line };
    const bad = (field: string, message: string, code: Diagnostic['code'] = 'missing-field'): void => {
      diagnostics.push({
        severity: 'error', code, source: SOURCE, file, ...(at.line !== undefined ? { line: at.line } : {}),
        field: field === '' ? at.path : `${at.path}.${field}`, message: `${message}; the object was skipped`,
      });
    };
    const v = raw.value;
    if (!isObj(v) || str(v['kind']) === undefined) {
      bad('kind', 'not a Kubernetes object (no kind)', 'bad-value');
      continue;
    }
    const kind = v['kind'] as string;
    const group = (str(v['apiVersion']) ?? '').split('/').slice(0, -1).join('/');
    const meta = isObj(v['metadata']) ? v['metadata'] : {};
    const name = str(meta['name']);
    const handled = group === RBAC_GROUP ? ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(kind)
      : group === '' ? ['ServiceAccount', 'Pod', 'Secret'].includes(kind)
        : SERVING_RESOURCES.some((s) => s.group === group && s.kind === kind);
    if (!handled) continue;
    if (name === undefined) {
      bad('metadata.name', `${kind} without metadata.name`);
      continue;
    }
    // NOTE: `kubectl get -A` always prints the namespace; a manifest without one lands in `default` when applied.
    const namespace = str(meta['namespace']) ?? 'default';
    const common = { name, at };
    if (kind === 'Role' || kind === 'ClusterRole') {
      out.roles.push(parseRole(kind, v, common, namespace, stringMap(meta['labels'])));
    } else if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
      const binding = parseBinding(kind, v, common, namespace, bad);
      if (binding) out.bindings.push(binding);
    } else if (kind === 'ServiceAccount') {
      const automount = v['automountServiceAccountToken'];
      out.serviceAccounts.push({
        ...common, namespace, annotations: stringMap(meta['annotations']),
        ...(typeof automount === 'boolean' ? { automount } : {}), ...dateOf(meta),
      });
    } else if (kind === 'Pod') {
      out.pods.push(parsePod(v, common, namespace));
    } else if (kind === 'Secret') {
      out.secrets.push(parseSecret(v, common, namespace, stringMap(meta['annotations']), meta));
    } else {
      const spec = SERVING_RESOURCES.find((s) => s.group === group && s.kind === kind) as ServingResource;
      const uri = findStorageUri(v['spec']);
      out.served.push({ spec, ...common, namespace, ...(uri ? { storageUri: uri } : {}) });
    }
  }
  return out;
}

function dateOf(meta: Obj): { createdAt?: string } {
  const t = str(meta['creationTimestamp']);
  const d = t === undefined ? undefined : new Date(t);
  return d === undefined || Number.isNaN(d.getTime()) ? {} : { createdAt: d.toISOString() };
}

function parseRole(kind: 'Role' | 'ClusterRole', v: Obj, common: { name: string; at: Where }, namespace: string, labels: Record<string, string>): K8sRole {
  const rules: Rule[] = (Array.isArray(v['rules']) ? v['rules'] : []).filter(isObj).map((r) => ({
    verbs: strings(r['verbs']), apiGroups: strings(r['apiGroups']), resources: strings(r['resources']), resourceNames: strings(r['resourceNames']),
  }));
  const agg = isObj(v['aggregationRule']) ? v['aggregationRule']['clusterRoleSelectors'] : undefined;
  const aggregation = kind === 'ClusterRole' && Array.isArray(agg) ? agg.filter(isObj).map(parseSelector) : undefined;
  return { kind, ...common, ...(kind === 'Role' ? { namespace } : {}), labels, rules, ...(aggregation ? { aggregation } : {}) };
}

function parseSelector(s: Obj): LabelSelector {
  const exprs = (Array.isArray(s['matchExpressions']) ? s['matchExpressions'] : []).filter(isObj);
  return {
    matchLabels: stringMap(s['matchLabels']),
    matchExpressions: exprs.map((e) => ({ key: str(e['key']) ?? '', operator: str(e['operator']) ?? '', values: strings(e['values']) })),
  };
}

function parseBinding(
  kind: 'RoleBinding' | 'ClusterRoleBinding', v: Obj, common: { name: string; at: Where }, namespace: string, bad: (field: string, message: string, code?: Diagnostic['code']) => void,
): K8sBinding | undefined {
  const ref = isObj(v['roleRef']) ? v['roleRef'] : undefined;
  const refKind = str(ref?.['kind']);
  const refName = str(ref?.['name']);
  if (refKind === undefined || refName === undefined) {
    bad(ref === undefined ? 'roleRef' : refKind === undefined ? 'roleRef.kind' : 'roleRef.name', `${kind} ${common.name} without a roleRef kind and name`);
    return undefined;
  }
  if (refKind !== 'Role' && refKind !== 'ClusterRole') {
    bad('roleRef.kind', `roleRef.kind must be Role or ClusterRole, not "${refKind}"`, 'bad-value');
    return undefined;
  }
  if (kind === 'ClusterRoleBinding' && refKind === 'Role') {
    bad('roleRef.kind', 'a ClusterRoleBinding cannot refer to a Role', 'bad-value');
    return undefined;
  }
  const subjects: K8sSubject[] = [];
  // NOTE: `subjects` may be absent or null (bootstrap bindings such as system:public-info-viewer have none).
  (Array.isArray(v['subjects']) ? v['subjects'] : []).forEach((s, i) => {
    const path = `subjects[${i}]`;
    const sKind = isObj(s) ? str(s['kind']) : undefined;
    const sName = isObj(s) ? str(s['name']) : undefined;
    if (sKind !== 'User' && sKind !== 'Group' && sKind !== 'ServiceAccount') {
      bad(`${path}.kind`, `subject kind must be User, Group or ServiceAccount, not ${JSON.stringify(sKind ?? null)}`, 'bad-value');
      return;
    }
    if (sName === undefined) {
      bad(`${path}.name`, 'subject without a name');
      return;
    }
    const sNs = isObj(s) ? str(s['namespace']) : undefined;
    // NOTE: a RoleBinding's service account without namespace is taken in the binding's namespace (as rbac-tool does).
    const ns = sKind !== 'ServiceAccount' ? undefined : sNs ?? (kind === 'RoleBinding' ? namespace : undefined);
    if (sKind === 'ServiceAccount' && ns === undefined) {
      bad(`${path}.namespace`, `service account subject ${sName} of a ClusterRoleBinding without namespace`);
      return;
    }
    subjects.push({ kind: sKind, name: sName, ...(ns !== undefined ? { namespace: ns } : {}), path });
  });
  return { kind, ...common, ...(kind === 'RoleBinding' ? { namespace } : {}), roleRef: { kind: refKind, name: refName }, subjects };
}

function parsePod(v: Obj, common: { name: string; at: Where }, namespace: string): K8sPod {
  const spec = isObj(v['spec']) ? v['spec'] : {};
  const containers = ['containers', 'initContainers', 'ephemeralContainers'].flatMap((k) => (Array.isArray(spec[k]) ? spec[k] : [])).filter(isObj);
  const privileged = containers.some((c) => isObj(c['securityContext']) && c['securityContext']['privileged'] === true);
  const hostPaths = (Array.isArray(spec['volumes']) ? spec['volumes'] : []).filter(isObj)
    .map((vol) => (isObj(vol['hostPath']) ? str(vol['hostPath']['path']) ?? '/' : undefined)).filter((p): p is string => p !== undefined);
  const automount = spec['automountServiceAccountToken'];
  const nodeName = str(spec['nodeName']);
  return {
    ...common, namespace, serviceAccount: str(spec['serviceAccountName']) ?? str(spec['serviceAccount']) ?? 'default',
    ...(typeof automount === 'boolean' ? { automount } : {}), privileged, hostPID: spec['hostPID'] === true, hostPaths,
    ...(nodeName ? { nodeName } : {}),
  };
}

function parseSecret(v: Obj, common: { name: string; at: Where }, namespace: string, annotations: Record<string, string>, meta: Obj): K8sSecret {
  const type = str(v['type']);
  const serviceAccount = type === 'kubernetes.io/service-account-token' ? annotations['kubernetes.io/service-account.name'] : undefined;
  const token = isObj(v['data']) ? str(v['data']['token']) : undefined;
  // NOTE: the token is fingerprinted as presented to the API server (decoded from base64); the value is dropped here.
  const tokenFingerprint = token === undefined ? undefined : fingerprint(Buffer.from(token, 'base64').toString('utf8'));
  return {
    ...common, namespace, ...(type ? { type } : {}), ...(serviceAccount ? { serviceAccount } : {}),
    ...(tokenFingerprint ? { tokenFingerprint } : {}), ...dateOf(meta),
  };
}

/** The first `storageUri` (KServe) or `modelUri` (Seldon) under a serving resource's spec. */
function findStorageUri(spec: unknown, depth = 0): string | undefined {
  if (!isObj(spec) && !Array.isArray(spec)) return undefined;
  if (depth > 6) return undefined;
  for (const [k, val] of Object.entries(spec)) {
    if ((k === 'storageUri' || k === 'modelUri') && typeof val === 'string') return val;
    const found = findStorageUri(val, depth + 1);
    if (found) return found;
  }
  return undefined;
}
