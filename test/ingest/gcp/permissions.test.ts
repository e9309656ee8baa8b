// The classified-permission table and the predefined roles (ingest/gcp/permissions.ts): lookups, and docs/sources.md
// rendering every row of both tables.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GCP_PERMISSIONS, PREDEFINED_ROLES, permissionSpec, predefinedPermissions } from '../../../ingest/gcp/permissions.js';
import { resourceOfFileName } from '../../../ingest/gcp/transform.js';
import { scopeOf } from '../../../ingest/gcp/ids.js';

describe('gcp permissions', () => {
  it('classifies the Vertex AI alter and consume permissions and nothing unlisted', () => {
    expect(permissionSpec('aiplatform.tuningJobs.create')).toMatchObject({ use: 'alter', alter: 'fine_tune' });
    expect(permissionSpec('aiplatform.endpoints.deploy')).toMatchObject({ use: 'alter', alter: 'deploy' });
    expect(permissionSpec('aiplatform.endpoints.predict')).toMatchObject({ use: 'consume' });
    expect(permissionSpec('iam.serviceAccounts.getAccessToken')).toMatchObject({ use: 'impersonate' });
    expect(permissionSpec('aiplatform.endpoints.get')).toBeUndefined();
    expect(predefinedPermissions('roles/viewer')).toEqual([]);
    expect(predefinedPermissions('roles/compute.admin')).toBeUndefined();
    expect(predefinedPermissions('roles/iam.serviceAccountUser')).toEqual(['iam.serviceAccounts.actAs']);
  });

  it('every predefined role lists only classified permissions, once', () => {
    for (const r of PREDEFINED_ROLES) {
      expect(r.permissions.filter((p) => permissionSpec(p) === undefined), r.role).toEqual([]);
      expect(new Set(r.permissions).size, r.role).toBe(r.permissions.length);
    }
  });

  it('docs/sources.md lists every classified permission and every predefined role', () => {
    const doc = readFileSync('docs/sources.md', 'utf8');
    expect(GCP_PERMISSIONS.filter((p) => !doc.includes(`| \`${p.permission}\` |`)).map((p) => p.permission)).toEqual([]);
    expect(PREDEFINED_ROLES.filter((r) => !doc.includes(`| \`${r.role}\` |`)).map((r) => r.role)).toEqual([]);
  });

  it('a policy file name says its resource; other names say none', () => {
    expect(['acme-ml-prod.iam-policy.json', 'prod-4821-iam-policy.json', 'folder-246813579024.iam-policy.json', 'organization-123456789012_iam_policy.json',
      'bucket-acme-training-data.iam-policy.json', 'trainer@acme-ml-prod.iam.gserviceaccount.com.iam-policy.json', 'prod-iam-policy.json', 'policy.json',
    ].map(resourceOfFileName)).toEqual([
      'projects/acme-ml-prod', 'projects/prod-4821', 'folders/246813579024', 'organizations/123456789012', 'gs://acme-training-data',
      'projects/acme-ml-prod/serviceAccounts/trainer@acme-ml-prod.iam.gserviceaccount.com', undefined, undefined,
    ]);
    expect(scopeOf('//cloudresourcemanager.googleapis.com/folders/246813579024')).toEqual({ type: 'container', key: 'folders/246813579024' });
    expect(scopeOf('//compute.googleapis.com/projects/p/zones/z/instances/i')).toEqual({ type: 'other', key: '//compute.googleapis.com/projects/p/zones/z/instances/i' });
  });
});
