// join:aws-sso: a profile's IAM Identity Center permission-set reference MEMBER_OF the role Identity Center
// provisioned for it (AWSReservedSSO_<set>_<suffix> under /aws-reserved/sso.amazonaws.com/) in the same account, once
// the AWS export is loaded; one rule per test, the expected join edge and only that edge.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { resolveSsoRoles, ssoRoleOf } from '../../../ingest/aws-cli/sso-join.js';
import { buildGraph } from '../../../src/graph/build.js';
import type { NodeRecord, Records } from '../../../src/model/index.js';

const DIR = 'test/fixtures/aws-cli/sso-join';
const PROD = '111122223333';
const DEV = '444455556666';
const set = (account: string, name: string): string => `aws/${account}/sso-permission-set/${name}`;
const role = (account: string, name: string): string => `aws/${account}/role/${name}`;
/** The join's edges leaving one reference, as `from|KIND|to`. */
const joined = (r: Records, from?: string): Set<string> => new Set(r.edges
  .filter((e) => e.source === 'join:aws-sso' && (from === undefined || e.from === from)).map((e) => `${e.from}|${e.kind}|${e.to}`));

describe('join:aws-sso', () => {
  it('matched: the Admin permission set of a profile is the provisioned AWSReservedSSO_Admin_ role of its account', async () => {
    const r = await loadDirectory(DIR);
    expect(joined(r, set(PROD, 'Admin'))).toEqual(new Set([`${set(PROD, 'Admin')}|MEMBER_OF|${role(PROD, 'AWSReservedSSO_Admin_0123456789abcdef')}`]));
    const edge = r.edges.find((e) => e.source === 'join:aws-sso' && e.from === set(PROD, 'Admin'));
    expect(edge?.properties).toEqual({ note: `IAM Identity Center provisions permission set Admin in account ${PROD} as the role AWSReservedSSO_Admin_0123456789abcdef` });
    expect(edge?.provenance).toEqual({ source: 'join:aws-sso', file: `${DIR}/account-111122223333.json`, path: '$.RoleDetailList[0]' });
    expect(r.files.filter((f) => f.source === 'join:aws-sso').map((f) => [f.nodes, f.edges, f.rejected])).toEqual([[0, 2, 0]]);
  });

  it('two accounts with the same permission-set name: each reference reaches only its own account\'s role', async () => {
    const r = await loadDirectory(DIR);
    expect(joined(r, set(DEV, 'Admin'))).toEqual(new Set([`${set(DEV, 'Admin')}|MEMBER_OF|${role(DEV, 'AWSReservedSSO_Admin_abcdefabcdefabcd')}`]));
  });

  it('no provisioned role: a look-alike at path / is not one, and the reference stays as it is', async () => {
    const r = await loadDirectory(DIR);
    expect(joined(r, set(PROD, 'ReadOnly'))).toEqual(new Set());
    expect(r.nodes.filter((n) => n.id === set(PROD, 'ReadOnly')).map((n) => n.properties['reference'])).toEqual([true]);
    expect(r.diagnostics.filter((d) => d.source === 'join:aws-sso')).toEqual([]);
  });

  it('a longer set name sharing the prefix is another set: Admin does not reach AWSReservedSSO_AdminRead_', async () => {
    const r = await loadDirectory(DIR);
    expect(joined(r)).toEqual(new Set([
      `${set(PROD, 'Admin')}|MEMBER_OF|${role(PROD, 'AWSReservedSSO_Admin_0123456789abcdef')}`,
      `${set(DEV, 'Admin')}|MEMBER_OF|${role(DEV, 'AWSReservedSSO_Admin_abcdefabcdefabcd')}`,
    ]));
  });

  it('AWS_PROFILE of an MCP server reaches the real role: agent → profile → permission set → IAM role, in one built graph', async () => {
    const r = await loadDirectory(DIR);
    const agent = 'mcp/.mcp.json';
    const chain = [
      `${agent}|HAS_CREDENTIAL|aws-profile/admin-prod`, `aws-profile/admin-prod|CAN_ASSUME|${set(PROD, 'Admin')}`,
      `${set(PROD, 'Admin')}|MEMBER_OF|${role(PROD, 'AWSReservedSSO_Admin_0123456789abcdef')}`,
    ];
    const all = new Set(r.edges.map((e) => `${e.from}|${e.kind}|${e.to}`));
    expect(chain.filter((c) => !all.has(c))).toEqual([]);
    const built = buildGraph(r);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.graph.hasNode(role(PROD, 'AWSReservedSSO_Admin_0123456789abcdef'))).toBe(true);
  });
});

describe('ssoRoleOf / resolveSsoRoles', () => {
  const node = (id: string, properties: NodeRecord['properties']): NodeRecord => ({ id, kind: 'Role', name: id, tags: [], source: 'x', properties, provenance: { source: 'x' } });

  it.each([
    [`arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Data_Scientist_0123456789abcdef`, { account: PROD, permissionSet: 'Data_Scientist' }],
    [`arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_Admin_0123456789abcdef`, { account: PROD, permissionSet: 'Admin' }],
    [`arn:aws:iam::${PROD}:role/AWSReservedSSO_Admin_0123456789abcdef`, undefined],
    [`arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123`, undefined],
  ])('%s', (arn, expected) => {
    expect(ssoRoleOf(arn)).toEqual(expected);
  });

  it('a set name with underscores matches whole; a reference whose role is not loaded makes nothing', () => {
    const out = resolveSsoRoles([
      node(set(PROD, 'Data_Scientist'), { reference: true, x_account: PROD, x_permission_set: 'Data_Scientist' }),
      node(set(PROD, 'Data'), { reference: true, x_account: PROD, x_permission_set: 'Data' }),
      node(role(PROD, 'r'), { arn: `arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Data_Scientist_0123456789abcdef` }),
    ]);
    expect(out.edges.map((e) => `${e.from}|${e.to}`)).toEqual([`${set(PROD, 'Data_Scientist')}|${role(PROD, 'r')}`]);
    expect(out.nodes).toEqual([]);
  });
});
