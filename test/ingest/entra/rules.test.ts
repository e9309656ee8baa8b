// One fixture per Entra rule (Graph REST JSON as Microsoft Graph returns it): each gives its expected edge and only
// that edge; the must-not-flag fixtures give none.
import { describe, expect, it } from 'vitest';
import { techniqueLabel } from '../../../ingest/entra/catalogue.js';
import { credentialActive } from '../../../src/engine/compact.js';
import { ANY_APP, ENTRA_FIXTURES, GA, T, ingestFixture, oid, ruleEdges } from './helpers.js';

const ALICE = oid('a11ce000-0000-4000-8000-000000000001');
const BOB = oid('b0b00000-0000-4000-8000-000000000002');
const CHAT = oid('c4a70000-0000-4000-8000-000000000007');
const rule = async (name: string) => ingestFixture(`${ENTRA_FIXTURES}/rules/${name}.json`);

describe('entra rules', () => {
  it('owning an app → CAN_MINT_CREDENTIAL to it', async () => {
    const r = await rule('owner-app');
    expect(r.diagnostics).toEqual([]);
    expect(ruleEdges(r)).toEqual(new Set([`${ALICE}|CAN_MINT_CREDENTIAL|entra/app/c1a00000-0000-4000-8000-0000000000a3|${techniqueLabel('entra-001')}|`]));
    expect(r.nodes.find((n) => n.id === ALICE)).toMatchObject({ kind: 'Human', name: 'alice@contoso.example' });
  });

  it('Application.ReadWrite.All → tier-0 permission and credentials on any app', async () => {
    const r = await rule('app-role-application-readwrite');
    const ci = oid('c1000000-0000-4000-8000-000000000003');
    expect(ruleEdges(r)).toEqual(new Set([
      `${ci}|CAN_ACCESS|${T}/tier0/graph/Application.ReadWrite.All||`,
      `${ci}|CAN_MINT_CREDENTIAL|${ANY_APP}|${techniqueLabel('entra-002')}|`,
    ]));
  });

  it('a tier-0 application permission the registration requests → conditional edges (consent is not in the export); delegated, other and non-Graph ones → none', async () => {
    const r = await rule('requested-permissions');
    expect(r.diagnostics).toEqual([]);
    const app = 'entra/app/a9900000-0000-4000-8000-0000000000b1';
    expect(ruleEdges(r)).toEqual(new Set([
      `${app}|CAN_ACCESS|${T}/tier0/graph/RoleManagement.ReadWrite.Directory||conditional`,
      `${app}|CAN_ASSUME|${GA}|${techniqueLabel('entra-004')}|conditional`,
    ]));
  });

  it('a service principal without appDisplayName links to no app registration (its name would contradict the registration\'s)', async () => {
    const r = await rule('sp-without-app-name');
    expect(r.diagnostics).toEqual([]);
    expect(r.nodes.map((n) => n.kind).filter((k) => k === 'OAuthApp')).toEqual([]);
    expect(ruleEdges(r)).toEqual(new Set());
  });

  it('AppRoleAssignment.ReadWrite.All → Global Administrator', async () => {
    const r = await rule('app-role-approleassignment');
    const sync = oid('5e1c0000-0000-4000-8000-000000000004');
    expect(ruleEdges(r)).toEqual(new Set([
      `${sync}|CAN_ACCESS|${T}/tier0/graph/AppRoleAssignment.ReadWrite.All||`,
      `${sync}|CAN_ASSUME|${GA}|${techniqueLabel('entra-003')}|`,
    ]));
  });

  it('RoleManagement.ReadWrite.Directory → Global Administrator', async () => {
    const r = await rule('app-role-rolemanagement');
    const bot = oid('4e1d0000-0000-4000-8000-000000000006');
    expect(ruleEdges(r)).toEqual(new Set([
      `${bot}|CAN_ACCESS|${T}/tier0/graph/RoleManagement.ReadWrite.Directory||`,
      `${bot}|CAN_ASSUME|${GA}|${techniqueLabel('entra-004')}|`,
    ]));
  });

  it('a delegated grant to one user → DELEGATED with its scopes', async () => {
    const r = await rule('grant-principal');
    expect(ruleEdges(r)).toEqual(new Set([`${CHAT}|DELEGATED|${BOB}||`]));
    expect(r.edges.find((e) => e.kind === 'DELEGATED')?.properties).toEqual({ scopes: ['Mail.Read', 'Files.Read.All', 'offline_access'] });
  });

  it('tenant-wide consent (AllPrincipals) → DELEGATED to every user the directory names, and to the tenant\'s every-user node', async () => {
    const r = await rule('allprincipals/oauth2PermissionGrants');
    expect(ruleEdges(r)).toEqual(new Set([
      `${CHAT}|DELEGATED|${T}/every-user||`, `${CHAT}|DELEGATED|${ALICE}||`, `${CHAT}|DELEGATED|${oid('ca201000-0000-4000-8000-000000000009')}||`,
    ]));
    expect(r.nodes.find((n) => n.id === `${T}/every-user`)?.kind).toBe('Human');
    expect(r.edges.filter((e) => e.kind === 'DELEGATED').map((e) => e.properties['scopes'])).toEqual(Array(3).fill(['User.Read', 'Directory.AccessAsUser.All']));
  });

  it('a federated credential → CAN_ASSUME from the GitHub workload (issuer + subject)', async () => {
    const r = await rule('federated-credential');
    const gh = 'oidc/token.actions.githubusercontent.com/repo:contoso/deploy:ref:refs/heads/main';
    expect(ruleEdges(r)).toEqual(new Set([`${gh}|CAN_ASSUME|entra/app/c1a00000-0000-4000-8000-0000000000a3||`]));
    expect(r.nodes.find((n) => n.id === gh)).toMatchObject({
      kind: 'WorkloadIdentity', properties: { issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:contoso/deploy:ref:refs/heads/main' },
    });
  });

  it('directory role members → MEMBER_OF the role', async () => {
    const r = await rule('directory-roles');
    expect(ruleEdges(r)).toEqual(new Set([
      `${ALICE}|MEMBER_OF|${GA}||`,
      `${oid('3a110000-0000-4000-8000-000000000005')}|MEMBER_OF|${T}/directory-role/4a5d8f65-41da-4de4-8968-e035b65339cf||`,
    ]));
    expect(r.nodes.find((n) => n.id === `${T}/directory-role/4a5d8f65-41da-4de4-8968-e035b65339cf`)?.name).toBe('Reports Reader');
    expect(r.nodes.find((n) => n.id === oid('3a110000-0000-4000-8000-000000000005'))?.kind).toBe('ServiceAccount');
  });

  it('unified role assignments → MEMBER_OF; one scoped to an app is conditional', async () => {
    const r = await rule('role-assignments');
    expect(ruleEdges(r)).toEqual(new Set([
      `${BOB}|MEMBER_OF|${T}/directory-role/e8611ab8-c189-46e8-94e1-60213ab1f814||`,
      `${CHAT}|MEMBER_OF|${T}/directory-role/9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3||conditional`,
    ]));
  });

  it('a custom role allowed to update app credentials escalates; a read-only one does not', async () => {
    const r = await rule('custom-role-definition');
    expect(ruleEdges(r)).toEqual(new Set([`${T}/directory-role/cafe0000-0000-4000-8000-000000000001|CAN_MINT_CREDENTIAL|${ANY_APP}|${techniqueLabel('entra-010')}|`]));
  });

  it('tier-0 directory roles escalate among themselves and reach their targets', async () => {
    const r = await rule('owner-app');
    const edges = new Set(r.edges.filter((e) => e.from.startsWith(`${T}/directory-role/`)).map((e) => `${e.from.split('/').pop()}|${e.kind}|${e.to.replace(`${T}/`, '')}|${String(e.properties['technique'] ?? '')}`));
    expect(edges).toContain(`e8611ab8-c189-46e8-94e1-60213ab1f814|CAN_ASSUME|directory-role/62e90394-69f5-4237-9190-012177145e10|${techniqueLabel('entra-007')}`);
    expect(edges).toContain(`9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3|CAN_MINT_CREDENTIAL|any-app|${techniqueLabel('entra-009')}`);
    expect(edges).toContain('62e90394-69f5-4237-9190-012177145e10|CAN_ACCESS|tier0/directory-role/62e90394-69f5-4237-9190-012177145e10|');
  });
});

describe('entra: must not flag', () => {
  it('an expired client secret is inactive at the analysis time; the current one is active', async () => {
    const r = await ingestFixture(`${ENTRA_FIXTURES}/negative/expired-secret.json`);
    const sp = oid('3a110000-0000-4000-8000-000000000005');
    const secret = (key: string) => r.nodes.find((n) => n.id === `${sp}/password/${key}`);
    const at = Date.parse('2025-07-01T00:00:00Z');
    expect(secret('e0000000-0000-4000-8000-000000000001')?.properties['expires_at']).toBe('2024-06-30T00:00:00.000Z');
    expect(credentialActive(secret('e0000000-0000-4000-8000-000000000001')?.properties ?? {}, at)).toBe(false);
    expect(credentialActive(secret('e0000000-0000-4000-8000-000000000002')?.properties ?? {}, at)).toBe(true);
  });

  it('no credential value, hint or key identifier enters the records', async () => {
    const r = await ingestFixture(`${ENTRA_FIXTURES}/negative/expired-secret.json`);
    const text = JSON.stringify(r);
    for (const hint of ['Xy1', 'Qw9', 'hint', 'customKeyIdentifier', 'secretText']) expect(text).not.toContain(hint);
  });

  it('a non-tier-0 application permission (Mail.Read) gives no edge', async () => {
    expect(ruleEdges(await ingestFixture(`${ENTRA_FIXTURES}/negative/app-role-not-tier0.json`))).toEqual(new Set());
  });

  it('a delegated grant without risky scopes is a DELEGATED edge that does not open the user\'s roles', async () => {
    const r = await ingestFixture(`${ENTRA_FIXTURES}/negative/grant-low-scopes.json`);
    expect(ruleEdges(r)).toEqual(new Set([`${CHAT}|DELEGATED|${ALICE}||`]));
    const ga = r.edges.find((e) => e.from === GA && e.kind === 'CAN_ACCESS');
    expect(ga?.properties['scope']).toBe('Directory.AccessAsUser.All');
    expect(r.edges.find((e) => e.kind === 'DELEGATED')?.properties['scopes']).not.toContain('Directory.AccessAsUser.All');
  });
});

describe('entra catalogue', () => {
  it('docs/sources.md lists every technique, tier-0 role and tier-0 Graph permission', async () => {
    const { readFileSync } = await import('node:fs');
    const { TECHNIQUES, TIER0_GRAPH_PERMISSIONS, TIER0_ROLES } = await import('../../../ingest/entra/catalogue.js');
    const doc = readFileSync('docs/sources.md', 'utf8');
    expect(Object.keys(TECHNIQUES).filter((id) => !doc.includes(`\`${techniqueLabel(id as keyof typeof TECHNIQUES)}\``))).toEqual([]);
    expect(TIER0_ROLES.filter((r) => !doc.includes(`| ${r.name} | \`${r.templateId}\` |`)).map((r) => r.name)).toEqual([]);
    expect(TIER0_GRAPH_PERMISSIONS.filter((p) => !doc.includes(`| Microsoft Graph \`${p.value}\` | \`${p.appRoleId}\` |`)).map((p) => p.value)).toEqual([]);
  });
});

describe('entra: one record per edge', () => {
  it('two grants from one client to one user (two resources) are one DELEGATED edge with both scope lists', async () => {
    const { transformEntra } = await import('../../../ingest/entra/transform.js');
    const grant = (resourceId: string, scope: string) => ({ clientId: 'c4a70000-0000-4000-8000-000000000007', consentType: 'Principal', principalId: 'b0b00000-0000-4000-8000-000000000002', resourceId, scope });
    const r = transformEntra({ value: [grant('r1', 'Mail.Read'), grant('r2', 'Sites.Read.All Mail.Read')] }, 'g.json');
    expect(r.edges.filter((e) => e.kind === 'DELEGATED').map((e) => e.properties['scopes'])).toEqual([['Mail.Read', 'Sites.Read.All']]);
  });
});

describe('entra: app role resolution', () => {
  it('resolves an app role by the value Microsoft Graph\'s service principal gives it in the same file (expanded appRoleAssignments)', async () => {
    const { transformEntra } = await import('../../../ingest/entra/transform.js');
    const graph = { id: 'ab000000-0000-4000-8000-000000000001', appId: '00000003-0000-0000-c000-000000000000', displayName: 'Microsoft Graph', servicePrincipalType: 'Application',
      appRoles: [{ id: 'ffff0000-0000-4000-8000-000000000001', value: 'Application.ReadWrite.All' }, { id: 'ffff0000-0000-4000-8000-000000000002', value: 'Mail.Read' }] };
    const grant = (n: number) => ({ principalId: 'ab000000-0000-4000-8000-000000000002', principalType: 'ServicePrincipal', resourceId: graph.id, appRoleId: `ffff0000-0000-4000-8000-00000000000${n}` });
    const app = { id: 'ab000000-0000-4000-8000-000000000002', appId: 'ab0a0000-0000-4000-8000-000000000002', displayName: 'sync', appDisplayName: 'sync app', servicePrincipalType: 'Application', appRoleAssignments: [grant(1), grant(2)] };
    const r = transformEntra({ value: [graph, app] }, 's.json');
    const sp = oid(app.id);
    expect(new Set([...ruleEdges(r)].filter((e) => e.startsWith(`${sp}|`)))).toEqual(new Set([
      `${sp}|CAN_ACCESS|${T}/tier0/graph/Application.ReadWrite.All||`, `${sp}|CAN_MINT_CREDENTIAL|${ANY_APP}|${techniqueLabel('entra-002')}|`,
    ]));
    expect(r.nodes.find((n) => n.id === 'entra/app/ab0a0000-0000-4000-8000-000000000002')?.name).toBe('sync app');
  });
});
