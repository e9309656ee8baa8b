// The k8s ingestor on real third-party files (../shared/realdata/k8s, see its README), as a new user would run it:
// every manifest is recognised and loads without errors, with the facts the files' headers and the README state.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectIngestor } from '../../../ingest/index.js';
import { ingestK8sFile } from '../../../ingest/k8s/index.js';
import type { Records } from '../../../src/model/index.js';
import { diagTuples, edgesOf } from '../tuples.js';

/** ../shared/realdata next to the project (CI has it), or where PATHWARDEN_REALDATA points. */
const DIR = join(process.env['PATHWARDEN_REALDATA'] ?? join('..', 'shared', 'realdata'), 'k8s');
const present = existsSync(DIR);
const walk = (d: string): string[] => readdirSync(d).sort().flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
/** Manifests only: rbac-tool's analysis rules (pkg/analysis/default-rules.yaml) are not a Kubernetes export. */
const files = present ? walk(DIR).filter((f) => f.endsWith('.yaml') && !f.includes('pkg/analysis')).map((f) => relative(DIR, f)) : [];

if (!present) console.warn(`test/ingest/k8s/realdata: skipped, ${DIR} does not exist (real exports are not part of a fresh clone)`);

describe.skipIf(!present)(`k8s on the real files in ${DIR}`, () => {
  const load = async (name: string): Promise<Records> => ingestK8sFile(join(DIR, name), { display: name });

  it.each(files)('%s is recognised by content and loads without errors', async (name) => {
    expect((await detectIngestor(join(DIR, name), name))?.id).toBe('k8s');
    const records = await load(name);
    expect(records.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('rbac-tool\'s analysis rules are not taken for an export', async () => {
    expect(await detectIngestor(join(DIR, 'rbac-tool/pkg/analysis/default-rules.yaml'), 'default-rules.yaml')).toBeUndefined();
  });

  it('bootstrap ClusterRoleBindings: cluster-admin reaches only system:masters; bindings without subjects load', async () => {
    const r = await load('kubernetes-bootstrappolicy-cluster-role-bindings.yaml');
    expect(edgesOf(r, 'CAN_ACCESS')).toEqual(new Set(['k8s/default/group/system:masters|CAN_ACCESS|k8s/default/cluster-admin']));
    expect([...edgesOf(r, 'MEMBER_OF')].filter((e) => e.endsWith('clusterrole/cluster-admin'))).toEqual(['k8s/default/group/system:masters|MEMBER_OF|k8s/default/clusterrole/cluster-admin']);
    expect(r.diagnostics.every((d) => d.severity === 'warning' && d.code === 'dangling-ref')).toBe(true);
  });

  it('the dangling service account is one warning, not a failure', async () => {
    const r = await load('rbac-tool/testdata/viz/multiple-rolebindings-in-ns-missing-service-account.yaml');
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'dangling-ref', 'multiple-rolebindings-in-ns-missing-service-account.yaml', 37, undefined, '$[3].subjects[0].name']]);
    expect(edgesOf(r, 'MEMBER_OF')).toEqual(new Set([
      'k8s/default/sa/mynamespace/example-user|MEMBER_OF|k8s/default/role/mynamespace/example-role-1',
      'k8s/default/sa/mynamespace/example-user|MEMBER_OF|k8s/default/role/mynamespace/example-role-2',
    ]));
  });

  it('the aggregated ClusterRole lets its three subjects create pods (who-can create pod, as the file expects)', async () => {
    const r = await load('rbac-tool/testdata/whocan/clusterrole-aggregate.yaml');
    const creators = new Set(r.edges.filter((e) => e.kind === 'CAN_ACCESS' && e.to === 'k8s/default/node-access').map((e) => e.from));
    expect(creators).toEqual(new Set(['k8s/default/user/test-aggregate-user', 'k8s/default/group/test-aggregate-group', 'k8s/default/sa/test/test-aggregate-sa']));
  });
});
