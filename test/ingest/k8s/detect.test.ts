// k8s ingest: exports are recognised by content (or a `<cluster>.k8s.*` name that names the cluster), every kubectl
// shape gives the same records, and a malformed or truncated file is one diagnostic with file, line, column and path.
import { describe, expect, it } from 'vitest';
import { detectIngestor, ingestorFor, listInventory, loadDirectory } from '../../../ingest/index.js';
import { clusterOf, detectK8s } from '../../../ingest/k8s/index.js';
import { diagTuples, edgesOf } from '../tuples.js';
import { K8S_FIXTURES } from './helpers.js';

describe('k8s detection', () => {
  it('recognises kubectl output by its first bytes and nothing else', () => {
    expect(detectK8s('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n')).toBe(true);
    expect(detectK8s('{\n    "apiVersion": "v1",\n    "items": [\n')).toBe(true);
    expect(detectK8s('[\n    {\n        "apiVersion": "v1",\n        "items": [')).toBe(true);
    expect(detectK8s('# comment\n---\nkind: Role\napiVersion: rbac.authorization.k8s.io/v1\n')).toBe(true);
    expect(detectK8s('{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding"')).toBe(true);
    expect(detectK8s('apiVersion: apps/v1\nkind: Deployment\n')).toBe(false);
    expect(detectK8s('name: CI\non: [push]\njobs:\n')).toBe(false);
    expect(detectK8s('{"UserDetailList": []}')).toBe(false);
    expect(detectK8s('Name: InsightCloudSec\nRules:\n  - Name: Secret Readers\n')).toBe(false);
  });

  it('a <cluster>.k8s.* name is taken by name and names the cluster', async () => {
    expect(ingestorFor('prod.k8s.yaml')?.id).toBe('k8s');
    expect(ingestorFor('prod.yaml')).toBeUndefined();
    expect(clusterOf('dir/prod-eu.k8s.json')).toBe('prod-eu');
    expect(clusterOf('dir/cluster.yaml')).toBe('default');
    expect((await detectIngestor(`${K8S_FIXTURES}/formats/manifests.yaml`, 'manifests.yaml'))?.id).toBe('k8s');
    const entries = await listInventory(`${K8S_FIXTURES}/formats`);
    expect(entries.map((e) => 'ingestor' in e && e.ingestor.id)).toEqual(['k8s', 'k8s', 'k8s', 'k8s', 'k8s']);
  });
});

describe('k8s formats', () => {
  it('a JSON List, an array of Lists, multi-document YAML and a YAML List give the same records', async () => {
    const r = await loadDirectory(`${K8S_FIXTURES}/formats`);
    expect(r.diagnostics).toEqual([]);
    expect(r.files.map((f) => [f.file.split('/').pop(), f.nodes, f.edges, f.rejected])).toEqual([
      ['cluster-list.json', 6, 3, 0], ['lists-array.json', 6, 3, 0], ['manifests.yaml', 6, 3, 0], ['prod.k8s.yml', 6, 3, 0], ['single-role.json', 4, 0, 0],
    ]);
    const one = (cluster: string) => new Set([
      `k8s/${cluster}/sa/team/app|MEMBER_OF|k8s/${cluster}/role/team/secret-reader`,
      `k8s/${cluster}/sa/team/app|CAN_READ_SECRET|k8s/${cluster}/secret/team/app-token`,
      `k8s/${cluster}/secret/team/app-token|AUTHENTICATES_AS|k8s/${cluster}/sa/team/app`,
    ]);
    expect(edgesOf(r)).toEqual(new Set([...one('default'), ...one('prod')]));
    const yamlRole = r.nodes.find((n) => n.id === 'k8s/default/role/team/secret-reader' && n.provenance.file?.endsWith('manifests.yaml'));
    expect(yamlRole?.provenance).toEqual({ source: 'k8s', file: `${K8S_FIXTURES}/formats/manifests.yaml`, path: '$[1]', line: 12 });
    const jsonRole = r.nodes.find((n) => n.id === 'k8s/default/role/team/secret-reader' && n.provenance.file?.endsWith('lists-array.json'));
    expect(jsonRole?.provenance).toEqual({ source: 'k8s', file: `${K8S_FIXTURES}/formats/lists-array.json`, path: '$[0].items[1]' });
  });

  it('truncated YAML and JSON are one diagnostic each with file, line, column and path; the good file still loads', async () => {
    const r = await loadDirectory(`${K8S_FIXTURES}/malformed`);
    expect(diagTuples(r.diagnostics)).toEqual([
      ['error', 'malformed-yaml', 'truncated-at-line.yaml', 25, 10, '$'],
      ['error', 'malformed-json', 'truncated.json', 33, 31, '$.items[1].rules[0].verbs[0]'],
      ['error', 'malformed-yaml', 'truncated.yaml', 17, 25, '$.items[1].metadata.resourceVersion'],
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'the YAML ends before the List\'s `kind: List` (truncated file?) while reading $; nothing was loaded from this file',
      'the JSON ends unexpectedly (truncated file?) while reading $.items[1].rules[0].verbs[0]; nothing was loaded from this file',
      'the YAML ends unexpectedly (truncated file?): Missing closing "quote while reading $.items[1].metadata.resourceVersion; nothing was loaded from this file',
    ]);
    expect(r.files.map((f) => [f.file.split('/').pop(), f.nodes, f.edges, f.rejected])).toEqual([
      ['good.yaml', 5, 1, 0], ['truncated-at-line.yaml', 0, 0, 1], ['truncated.json', 0, 0, 1], ['truncated.yaml', 0, 0, 1],
    ]);
  });
});
