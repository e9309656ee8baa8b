// The aws ingestor on real third-party exports (../shared/realdata/aws, see its README), as a new user would run
// it: every JSON file there is recognised and loads without errors, with the facts the README states.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectIngestor } from '../../../ingest/index.js';
import { ingestAwsFile } from '../../../ingest/aws/index.js';
import type { Records } from '../../../src/model/index.js';
import { edgesOf } from '../tuples.js';

/** ../shared/realdata next to the project (CI has it), or where PATHWARDEN_REALDATA points. */
const DIR = join(process.env['PATHWARDEN_REALDATA'] ?? join('..', 'shared', 'realdata'), 'aws');
const present = existsSync(DIR);
const files = present ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];

if (!present) console.warn(`test/ingest/aws/realdata: skipped, ${DIR} does not exist (real exports are not part of a fresh clone)`);

describe.skipIf(!present)(`aws on the real exports in ${DIR}`, () => {
  const load = async (name: string): Promise<Records> => ingestAwsFile(join(DIR, name), { display: name });

  it.each(files)('%s is recognised by content and loads without errors', async (name) => {
    expect((await detectIngestor(join(DIR, name), name))?.id).toBe('aws');
    const records = await load(name);
    expect(records.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(records.nodes.length).toBeGreaterThan(1);
  });

  it('cloudmapper demo: bad_role trusts anyone and is an admin; exfiller is EC2-assumable', async () => {
    const r = await load('cloudmapper-demo-authz-details.json');
    const edges = edgesOf(r);
    expect(edges.has('aws/any-principal|CAN_ASSUME|aws/123456789012/role/bad_role')).toBe(true);
    expect(edges.has('aws/123456789012/role/bad_role|CAN_ACCESS|aws/123456789012/effective-admin')).toBe(true);
    expect(edges.has('aws/service/ec2.amazonaws.com|CAN_ASSUME|aws/123456789012/role/exfiller')).toBe(true);
    expect(edgesOf(r, 'CAN_ACCESS')).toEqual(new Set(['aws/123456789012/role/bad_role|CAN_ACCESS|aws/123456789012/effective-admin']));
  });

  it('cloudmapper credential report (plain Content): the root user and three access keys, no secrets', async () => {
    const r = await load('cloudmapper-demo-get-credential-report.json');
    expect(r.nodes.filter((n) => n.kind === 'APIKey').map((n) => n.id).sort()).toEqual([
      'aws/123456789012/root/access-key-1', 'aws/123456789012/user/auditor_tmp/access-key-1',
      'aws/123456789012/user/user/access-key-1', 'aws/123456789012/user/user/access-key-2',
    ]);
    expect(r.nodes.find((n) => n.id === 'aws/123456789012/user/user/access-key-2')?.properties['status']).toBe('active');
  });

  it('cloudsplaining (boto3 dates, AWS managed policies): the AdministratorAccess users are admins', async () => {
    const r = await load('cloudsplaining-test-authz-details-small.json');
    expect(edgesOf(r, 'CAN_ACCESS')).toEqual(new Set([
      'aws/012345678901/user/obama|CAN_ACCESS|aws/012345678901/effective-admin',
      'aws/012345678901/user/userwithlotsofpermissions|CAN_ACCESS|aws/012345678901/effective-admin',
    ]));
    expect(r.nodes.find((n) => n.id === 'aws/012345678901/user/obama')?.properties['x_created_at']).toBe('2019-12-18T19:10:08.000Z');
  });
});
