// Built-in ClusterRoles admin, edit and view: bound by RoleBindings in an export that does not list them, they grant
// the Kubernetes default rules (ingest/k8s/built-in-roles.ts); a ClusterRole of the same name in the export wins.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLE_RULES } from '../../../ingest/k8s/built-in-roles.js';
import { BUILT_IN_CLUSTER_ROLES, ruleAllows, type Request } from '../../../ingest/k8s/rbac.js';
import type { Records } from '../../../src/model/index.js';
import { nodesOf } from '../tuples.js';
import { edgesFrom, id, ingestFixture, NODE_ACCESS } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pathwarden-k8s-built-in-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meta = (name: string, namespace?: string, extra: Record<string, unknown> = {}) =>
  ({ name, ...(namespace !== undefined ? { namespace } : {}), creationTimestamp: '2025-03-01T10:00:00Z', ...extra });
const sa = (name: string, namespace: string) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(name, namespace) });
const pod = (name: string, namespace: string, serviceAccountName: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: meta(name, namespace),
  spec: { serviceAccountName, nodeName: 'node-1', containers: [{ name: 'app', image: 'registry.example.com/train:2.1' }] },
  status: { phase: 'Running' },
});
const secret = (name: string, namespace: string, type: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'v1', kind: 'Secret', type, metadata: meta(name, namespace, { annotations }),
  data: { token: Buffer.from(`fixture-${name}`).toString('base64') },
});
const roleBinding = (name: string, namespace: string, role: string, subject: string) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta(name, namespace),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: [{ kind: 'ServiceAccount', name: subject, namespace }],
});

/** `kubectl get serviceaccounts,pods,secrets,rolebindings -A -o json` of a cluster whose default ClusterRoles were not exported. */
const BASE = [
  sa('ci-deployer', 'ml'), sa('dashboard', 'ml'), sa('ns-admin', 'ml'), sa('trainer', 'ml'), sa('elsewhere', 'other'),
  secret('trainer-token', 'ml', 'kubernetes.io/service-account-token', { 'kubernetes.io/service-account.name': 'trainer' }),
  secret('hf-api-key', 'ml', 'Opaque'),
  secret('other-key', 'other', 'Opaque'),
  pod('train-0', 'ml', 'trainer'),
  pod('other-0', 'other', 'elsewhere'),
  roleBinding('ci-edit', 'ml', 'edit', 'ci-deployer'),
  roleBinding('dashboard-view', 'ml', 'view', 'dashboard'),
  roleBinding('ns-admin', 'ml', 'admin', 'ns-admin'),
];

async function ingestList(name: string, items: readonly unknown[]): Promise<Records> {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 2));
  return ingestFixture(path);
}

const ml = (name: string) => id('sa', `ml/${name}`);
const ML_SAS = ['ci-deployer', 'dashboard', 'ns-admin', 'trainer'].map(ml);
const POD = id('pod', 'ml/train-0');
const SECRETS = [id('secret', 'ml/trainer-token'), id('secret', 'ml/hf-api-key')];
const CREATE = ['k8s pods create', 'k8s workloads create', 'k8s workloads patch'];

/**
 * What `edit` derives for `holder` in `ml`, per the default rules: secrets, token minting, impersonation, workloads and
 * running pods (never an edge to the holder itself). Techniques are listed sorted, as collect.ts merges them.
 */
const editEdges = (holder: string): Set<string> => new Set([
  ...SECRETS.map((s) => `CAN_READ_SECRET|${s}|k8s secrets read|`),
  ...ML_SAS.filter((s) => s !== holder).flatMap((s) => [
    `CAN_MINT_CREDENTIAL|${s}|k8s secrets create (service-account token),k8s serviceaccounts/token|`,
    `CAN_IMPERSONATE|${s}|k8s impersonate serviceaccounts|`,
    `CAN_ASSUME|${s}|${CREATE.join(',')}|`,
  ]),
  `CAN_ACCESS|${NODE_ACCESS}|${CREATE.join(',')}|conditional`,
  // NOTE: no pods/ephemeralcontainers: edit lists pods' subresources one by one and that one is not among them.
  `CAN_ASSUME|${POD}|k8s pods patch,k8s pods/attach,k8s pods/exec|`,
]);

describe('k8s built-in ClusterRoles admin, edit, view', () => {
  it('the table holds cluster-admin, admin, edit and view, and rbac.ts builds BUILT_IN_CLUSTER_ROLES from it', () => {
    expect([...BUILT_IN_CLUSTER_ROLES.keys()]).toEqual(['cluster-admin', 'admin', 'edit', 'view']);
    expect(BUILT_IN_CLUSTER_ROLES.get('cluster-admin')).toEqual([{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], resourceNames: [] }]);
    expect(BUILT_IN_CLUSTER_ROLES.get('edit')).toBe(BUILT_IN_ROLE_RULES.edit);
    expect(BUILT_IN_ROLE_RULES.view.length).toBe(10);
    expect(BUILT_IN_ROLE_RULES.edit.length).toBe(13 + 10);
    expect(BUILT_IN_ROLE_RULES.admin.length).toBe(2 + 13 + 10);
  });

  it.each([
    // [role, verb, group, resource, allowed]
    ['view', 'get', '', 'pods', true],
    ['view', 'get', '', 'pods/log', true],
    ['view', 'get', '', 'secrets', false],
    ['view', 'list', '', 'secrets', false],
    ['view', 'create', '', 'pods/exec', false],
    ['view', 'get', 'rbac.authorization.k8s.io', 'roles', false],
    ['edit', 'get', '', 'secrets', true],
    ['edit', 'create', '', 'secrets', true],
    ['edit', 'create', '', 'pods/exec', true],
    ['edit', 'get', '', 'pods/exec', true],
    ['edit', 'impersonate', '', 'serviceaccounts', true],
    ['edit', 'create', '', 'serviceaccounts/token', true],
    ['edit', 'patch', 'apps', 'deployments', true],
    ['edit', 'patch', '', 'pods/ephemeralcontainers', false],
    ['edit', 'get', '', 'pods/log', true],
    ['edit', 'create', 'rbac.authorization.k8s.io', 'rolebindings', false],
    ['edit', 'create', '', 'endpoints', false],
    ['admin', 'create', 'rbac.authorization.k8s.io', 'rolebindings', true],
    ['admin', 'update', 'rbac.authorization.k8s.io', 'roles', true],
    ['admin', 'bind', 'rbac.authorization.k8s.io', 'clusterroles', false],
    ['admin', 'escalate', 'rbac.authorization.k8s.io', 'roles', false],
    ['admin', 'create', '', 'pods/exec', true],
    ['admin', 'impersonate', '', 'users', false],
  ] as const)('%s: %s %s/%s → %s', (role, verb, group, resource, allowed) => {
    const req: Request = { verb, group, resource, namespace: 'ml' };
    expect(BUILT_IN_CLUSTER_ROLES.get(role)?.some((r) => ruleAllows(r, req))).toBe(allowed);
  });

  it('edit bound in ml reaches its secrets, mints and impersonates its accounts, execs into its pod; nothing in other', async () => {
    const r = await ingestList('built-in.json', BASE);
    expect(r.diagnostics).toEqual([]);
    expect(edgesFrom(r, ml('ci-deployer'))).toEqual(editEdges(ml('ci-deployer')));
    expect(nodesOf(r, 'Role')).toEqual(new Set(['edit', 'view', 'admin'].map((n) => id('clusterrole', n))));
    expect(r.nodes.find((n) => n.id === id('clusterrole', 'edit'))?.properties).toEqual({ platform: 'k8s', x_built_in: true });
  });

  it('view bound in ml reads no secret and gives no edge (view leaves secrets and pods/exec out by design)', async () => {
    const r = await ingestList('built-in.json', BASE);
    expect(edgesFrom(r, ml('dashboard'))).toEqual(new Set());
    const member = r.edges.filter((e) => e.from === ml('dashboard')).map((e) => `${e.kind}|${e.to}`);
    expect(member).toEqual([`MEMBER_OF|${id('clusterrole', 'view')}`]);
  });

  it('admin bound in ml derives what edit does (its extra roles/rolebindings rights give no bind of cluster-admin)', async () => {
    const r = await ingestList('built-in.json', BASE);
    expect(edgesFrom(r, ml('ns-admin'))).toEqual(editEdges(ml('ns-admin')));
  });

  it('a ClusterRole edit in the export wins over the built-in: its narrower rules are the ones used', async () => {
    const narrowEdit = {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('edit'),
      rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }],
    };
    const r = await ingestList('narrow-edit.json', [...BASE, narrowEdit]);
    expect(r.diagnostics).toEqual([]);
    expect(edgesFrom(r, ml('ci-deployer'))).toEqual(new Set());
    expect(r.nodes.find((n) => n.id === id('clusterrole', 'edit'))?.properties['x_built_in']).toBeUndefined();
    // The roles not listed still come from the table.
    expect(edgesFrom(r, ml('ns-admin'))).toEqual(editEdges(ml('ns-admin')));
  });
});
