// Bad input: a truncated export is one error with line, column and JSON path while the other files load; a bad
// binding, member or key names its JSON path and field and the rest of the file still loads; a policy whose resource
// cannot be told is one error.
import { describe, expect, it } from 'vitest';
import { diagTuples } from '../tuples.js';
import { APP, PROJECT, TRAINER, edgeRows, ingestDir, role } from './helpers.js';

describe('gcp malformed input', () => {
  it('a truncated policy: one malformed-json error at the JSON path being read; the service-accounts list beside it loads', async () => {
    const r = await ingestDir('malformed/truncated');
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'malformed-json', 'acme-ml-prod.iam-policy.json', 14, 38, '$.bindings[1].role']]);
    expect(r.files.map((f) => [f.source, f.nodes])).toEqual([['gcp', 0], ['gcp', 3]]);
  });

  it('bad bindings, members and keys: errors naming the path and field; the good binding and key still load', async () => {
    const r = await ingestDir('malformed/bad-records');
    expect(diagTuples(r.diagnostics)).toEqual([
      ['error', 'missing-field', 'acme-ml-prod.iam-policy.json', undefined, undefined, '$.bindings[0].role'],
      ['error', 'bad-value', 'acme-ml-prod.iam-policy.json', undefined, undefined, '$.bindings[1].members[0]'],
      ['error', 'bad-value', 'acme-ml-prod.iam-policy.json', undefined, undefined, '$.bindings[1].members[1]'],
      ['error', 'missing-field', 'acme-ml-prod.iam-policy.json', undefined, undefined, '$.bindings[2].members'],
      ['warning', 'bad-date', 'trainer-keys.json', undefined, undefined, '$[0].validAfterTime'],
      ['error', 'bad-value', 'trainer-keys.json', undefined, undefined, '$[1].name'],
    ]);
    const user = role(PROJECT, 'roles/iam.serviceAccountUser');
    const key = `${TRAINER}/key/3f1c9a7e5b2d4c6e8f0a1b2c3d4e5f60718293a4`;
    expect(edgeRows(r)).toEqual(new Set([`${APP}|MEMBER_OF|${user}`, `${user}|CAN_IMPERSONATE|gcp/${PROJECT}/service-accounts`, `${key}|AUTHENTICATES_AS|${TRAINER}`]));
    expect(r.nodes.find((n) => n.id === key)?.properties['created_at']).toBeUndefined();
    expect(r.diagnostics.every((d) => d.source === 'gcp' && d.message.length > 20)).toBe(true);
  });

  it('a policy file whose name names no resource: one error saying how to name it, nothing loaded', async () => {
    const r = await ingestDir('malformed/unnamed');
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'missing-field', 'policy.json', undefined, undefined, '$.resource']]);
    expect(r.diagnostics[0]?.message).toContain('name the file <project-id>.iam-policy.json');
    expect(r.nodes).toEqual([]);
  });
});
