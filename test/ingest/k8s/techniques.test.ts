// k8s techniques: one fixture per technique (kubectl -o yaml List) where the service account team/attacker holds
// exactly the technique's permission; it gets the expected edges and only those. Must-not-flag fixtures give none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { K8S_TECHNIQUES } from '../../../ingest/k8s/techniques.js';
import { CLUSTER_ADMIN, edgesFrom, id, ingestFixture, K8S_FIXTURES, KUBE_SYSTEM_SECRETS, NODE_ACCESS } from './helpers.js';

const ATTACKER = id('sa', 'team/attacker');
const TARGET = id('sa', 'team/target');
const TOKEN = id('secret', 'team/target-token');
const POD = id('pod', 'team/web');

const EXPECTED: Record<string, string[]> = {
  'secrets-read': [`CAN_READ_SECRET|${TOKEN}|k8s secrets read|`],
  'secrets-create-token': [`CAN_READ_SECRET|${TOKEN}|k8s secrets read|`, `CAN_MINT_CREDENTIAL|${TARGET}|k8s secrets create (service-account token)|`],
  'serviceaccounts-token': [`CAN_MINT_CREDENTIAL|${TARGET}|k8s serviceaccounts/token|`],
  'pods-create': [`CAN_ASSUME|${TARGET}|k8s pods create|`, `CAN_ACCESS|${NODE_ACCESS}|k8s pods create|conditional`],
  'workloads-create': [`CAN_ASSUME|${TARGET}|k8s workloads create|`, `CAN_ACCESS|${NODE_ACCESS}|k8s workloads create|conditional`],
  'workloads-patch': [`CAN_ASSUME|${TARGET}|k8s workloads patch|`, `CAN_ACCESS|${NODE_ACCESS}|k8s workloads patch|conditional`],
  'pods-exec': [`CAN_ASSUME|${POD}|k8s pods/exec|`],
  'pods-attach': [`CAN_ASSUME|${POD}|k8s pods/attach|`],
  'pods-ephemeralcontainers': [`CAN_ASSUME|${POD}|k8s pods/ephemeralcontainers|`],
  'pods-patch': [`CAN_ASSUME|${POD}|k8s pods patch|`],
  'impersonate-users': [`CAN_IMPERSONATE|${id('user', 'alice')}|k8s impersonate users|`],
  'impersonate-serviceaccounts': [`CAN_IMPERSONATE|${TARGET}|k8s impersonate serviceaccounts|`],
  'impersonate-groups': [`CAN_ACCESS|${CLUSTER_ADMIN}|k8s impersonate groups|`],
  'clusterrolebindings-bind': [`CAN_ACCESS|${CLUSTER_ADMIN}|k8s clusterrolebindings create + bind|`],
  'clusterroles-escalate': [`CAN_ACCESS|${CLUSTER_ADMIN}|k8s clusterroles escalate|`],
  'rolebindings-bind': [`CAN_ASSUME|${TARGET}|k8s rolebindings create + bind|`, `CAN_READ_SECRET|${TOKEN}|k8s rolebindings create + bind|`],
  'roles-escalate': [`CAN_ASSUME|${TARGET}|k8s roles escalate|`, `CAN_READ_SECRET|${TOKEN}|k8s roles escalate|`],
  'nodes-proxy': [`CAN_ACCESS|${NODE_ACCESS}|k8s nodes/proxy|`],
  'cluster-admin': [`CAN_ACCESS|${CLUSTER_ADMIN}||`],
  'model-serving': [`CAN_ALTER|${id('model', 'team/fraud-detector')}|k8s model serving write|`],
};

describe('k8s techniques: the attacker gets exactly the technique edges', () => {
  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const r = await ingestFixture(`${K8S_FIXTURES}/techniques/${name}.yaml`);
    expect(r.diagnostics).toEqual([]);
    expect(edgesFrom(r, ATTACKER)).toEqual(new Set(expected));
  });

  it('every technique has a fixture or a case, and docs/sources.md lists each with its reference', () => {
    const tested = new Set(Object.values(EXPECTED).flat().flatMap((e) => (e.split('|')[2] ?? '').split(',')));
    for (const t of ['k8s privileged pod', 'k8s hostPID pod', 'k8s hostPath pod']) tested.add(t);
    const doc = readFileSync('docs/sources.md', 'utf8');
    for (const t of K8S_TECHNIQUES) {
      expect(tested.has(t.id), t.id).toBe(true);
      expect(doc.includes(`| \`${t.id}\` |`), t.id).toBe(true);
      expect(doc.includes(t.reference), t.reference).toBe(true);
    }
  });

  it('pods: privileged, hostPID and hostPath pods reach node access; every pod runs as its service account', async () => {
    const r = await ingestFixture(`${K8S_FIXTURES}/techniques/pods-node-access.yaml`);
    expect(r.diagnostics).toEqual([]);
    const pod = (name: string) => id('pod', `team/${name}`);
    expect(edgesFrom(r, pod('privileged'))).toEqual(new Set([`RUNS_AS|${TARGET}||`, `CAN_ACCESS|${NODE_ACCESS}|k8s privileged pod|`]));
    expect(edgesFrom(r, pod('hostpid'))).toEqual(new Set([`RUNS_AS|${TARGET}||`, `CAN_ACCESS|${NODE_ACCESS}|k8s hostPID pod|`]));
    expect(edgesFrom(r, pod('hostpath'))).toEqual(new Set([`RUNS_AS|${TARGET}||`, `CAN_ACCESS|${NODE_ACCESS}|k8s hostPath pod|`]));
    expect(edgesFrom(r, pod('web'))).toEqual(new Set([`RUNS_AS|${TARGET}||`]));
  });
});

describe('k8s must-not-flag cases', () => {
  it.each([
    ['without-the-verb', []],
    ['rolebinding-limits-clusterrole', [`CAN_READ_SECRET|${id('secret', 'other/elsewhere-token')}|k8s secrets read|`, `CAN_ASSUME|${id('sa', 'other/elsewhere')}|k8s pods create|`, `CAN_ACCESS|${NODE_ACCESS}|k8s pods create|conditional`]],
    ['resource-names-elsewhere', []],
    ['rolebindings-without-bind', []],
    ['cluster-scoped-in-a-rolebinding', []],
  ] as [string, string[]][])('%s', async (name, expected) => {
    const r = await ingestFixture(`${K8S_FIXTURES}/negative/${name}.yaml`);
    expect(r.diagnostics).toEqual([]);
    expect(edgesFrom(r, ATTACKER)).toEqual(new Set(expected));
  });

  it('a RoleBinding to a ClusterRole reaches neither kube-system secrets nor another namespace', async () => {
    const r = await ingestFixture(`${K8S_FIXTURES}/negative/rolebinding-limits-clusterrole.yaml`);
    const to = new Set(r.edges.filter((e) => e.from === ATTACKER).map((e) => e.to));
    expect(to.has(KUBE_SYSTEM_SECRETS)).toBe(false);
    expect(to.has(TOKEN)).toBe(false);
    expect(to.has(TARGET)).toBe(false);
  });
});
