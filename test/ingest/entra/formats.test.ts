// entra formats: recognised by content; Graph REST JSON and the PowerShell SDK's ConvertTo-Json output (PascalCase,
// UTF-16 LE/BE or UTF-8 with BOM, CRLF, `\/Date(ms)\/`, AdditionalProperties, a lone object) give the same records;
// a truncated export is one diagnostic with file, line, column and JSON path, and the other file still loads.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectAws } from '../../../ingest/aws/index.js';
import { detectEntra, ingestEntraFile } from '../../../ingest/entra/index.js';
import { camelKey, parseEntraDate } from '../../../ingest/entra/normalize.js';
import { diagTuples } from '../tuples.js';
import { ENTRA_FIXTURES, ingestFixture, oid } from './helpers.js';

const tmp: string[] = [];
afterEach(async () => { for (const d of tmp.splice(0)) await rm(d, { recursive: true, force: true }); });

const SP = 'c1000000-0000-4000-8000-000000000003';
const KEY = 'd0000000-0000-4000-8000-000000000001';
const START = Date.parse('2025-03-01T00:00:00Z');
const END = Date.parse('2026-03-01T00:00:00Z');

/** `Get-MgServicePrincipal | ConvertTo-Json -Depth 5` as Windows PowerShell 5.1 writes it (before encoding). */
function powershellText(dateStyle: 'plain' | 'escaped', lone = false): string {
  const date = (ms: number) => (dateStyle === 'plain' ? `"\\/Date(${ms})\\/"` : `"\\\\/Date(${ms})\\\\/"`);
  const item = [
    '{',
    `    "Id":  "${SP}",`,
    '    "AppId":  "c1a00000-0000-4000-8000-0000000000a3",',
    '    "DisplayName":  "ci-deployer",',
    '    "ServicePrincipalType":  "Application",',
    '    "KeyCredentials":  null,',
    '    "PasswordCredentials":  [',
    '                                {',
    '                                    "CustomKeyIdentifier":  null,',
    '                                    "DisplayName":  "deploy",',
    `                                    "EndDateTime":  ${date(END)},`,
    '                                    "Hint":  "Zz7",',
    `                                    "KeyId":  "${KEY}",`,
    '                                    "SecretText":  null,',
    `                                    "StartDateTime":  ${date(START)}`,
    '                                }',
    '                            ],',
    '    "AdditionalProperties":  {',
    '                                 "@odata.type":  "#microsoft.graph.servicePrincipal"',
    '                             }',
    '}',
  ];
  return (lone ? item : ['[', ...item.map((l) => `    ${l}`), ']']).join('\r\n');
}

async function writeBytes(name: string, bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pathwarden-entra-'));
  tmp.push(dir);
  await writeFile(join(dir, name), bytes);
  return join(dir, name);
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/** The service principal's records, as comparable values. */
function summary(records: Awaited<ReturnType<typeof ingestFixture>>) {
  const secret = records.nodes.find((n) => n.kind === 'Secret');
  return {
    diagnostics: records.diagnostics,
    sp: records.nodes.find((n) => n.id === oid(SP))?.name,
    secret: secret && { id: secret.id, created: secret.properties['created_at'], expires: secret.properties['expires_at'] },
    authenticates: records.edges.filter((e) => e.kind === 'AUTHENTICATES_AS').map((e) => `${e.from}|${e.to}`),
  };
}

const EXPECTED = {
  diagnostics: [], sp: 'ci-deployer',
  secret: { id: `${oid(SP)}/password/${KEY}`, created: '2025-03-01T00:00:00.000Z', expires: '2026-03-01T00:00:00.000Z' },
  authenticates: [`${oid(SP)}/password/${KEY}|${oid(SP)}`],
};

describe('entra formats', () => {
  it('reads the PowerShell SDK shape: UTF-16 LE with BOM, CRLF, PascalCase, \\/Date(ms)\\/', async () => {
    const path = await writeBytes('sps.json', utf16le(powershellText('plain')));
    expect(summary(await ingestEntraFile(path, { display: 'sps.json' }))).toEqual(EXPECTED);
  });

  it('reads UTF-16 BE, UTF-8 with BOM, a lone object and doubly escaped dates alike', async () => {
    for (const bytes of [utf16be(powershellText('plain')), utf8bom(powershellText('escaped')), utf16le(powershellText('plain', true))]) {
      const path = await writeBytes('sps.json', bytes);
      expect(summary(await ingestEntraFile(path, { display: 'sps.json' }))).toEqual(EXPECTED);
    }
  });

  it('gives the same records for the Graph REST JSON of the same object', async () => {
    const r = await ingestFixture(`${ENTRA_FIXTURES}/e2e/servicePrincipals.json`);
    expect(r.nodes.find((n) => n.id === oid(SP))?.name).toBe('ci-deployer');
    const json = { value: [{ id: SP, appId: 'c1a00000-0000-4000-8000-0000000000a3', displayName: 'ci-deployer', servicePrincipalType: 'Application', passwordCredentials: [{ keyId: KEY, displayName: 'deploy', startDateTime: '2025-03-01T00:00:00Z', endDateTime: '2026-03-01T00:00:00.0000000Z', hint: 'Zz7' }] }] };
    const path = await writeBytes('sps.json', Buffer.from(JSON.stringify(json)));
    expect(summary(await ingestEntraFile(path, { display: 'sps.json' }))).toEqual(EXPECTED);
  });

  it('normalises names and dates', () => {
    expect(['AppId', 'OAuth2PermissionScopes', 'Oauth2PermissionScopes', '@odata.type', 'id'].map(camelKey)).toEqual(['appId', 'oauth2PermissionScopes', 'oauth2PermissionScopes', '@odata.type', 'id']);
    expect(parseEntraDate('/Date(1733343742000)/')).toBe('2024-12-04T20:22:22.000Z');
    expect(parseEntraDate('\\/Date(4102444800000)\\/')).toBe('2100-01-01T00:00:00.000Z');
    expect(parseEntraDate('2024-05-01T12:00:00.000000+00:00')).toBe('2024-05-01T12:00:00.000Z');
    expect(parseEntraDate('0001-01-01T00:00:00')).toBeUndefined();
    expect(parseEntraDate(null)).toBeUndefined();
  });
});

describe('entra detection', () => {
  it('recognises each export by its first bytes, and leaves AWS and inventories alone', () => {
    expect(detectEntra('{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#servicePrincipals","value":[')).toBe(true);
    expect(detectEntra('[\r\n    {\r\n        "Id":  "x",\r\n        "AppId":  "y",\r\n        "KeyCredentials":  [')).toBe(true);
    expect(detectEntra('{"value": [{"clientId": "a", "consentType": "AllPrincipals"')).toBe(true);
    expect(detectEntra('[{"condition": null, "principalId": "p", "roleDefinitionId": "/subscriptions/')).toBe(true);
    expect(detectEntra('[{"assignableScopes": ["/"], "description": "x", "name": "g", "permissions": [{"actions": [], "dataActions": [], "notActions": []}], "roleName": "R"')).toBe(true);
    expect(detectEntra('{"UserDetailList": [{"UserName": "alice"')).toBe(false);
    expect(detectEntra('{"nodes": [], "edges": []}')).toBe(false);
    expect(detectEntra('id,kind,name\n')).toBe(false);
    expect(detectAws('{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#servicePrincipals","value":[')).toBe(false);
  });
});

describe('entra malformed files', () => {
  it('a truncated export is one diagnostic with file, line, column and JSON path; the good file beside it loads', async () => {
    const bad = await ingestFixture(`${ENTRA_FIXTURES}/malformed/servicePrincipals-truncated.json`);
    expect(diagTuples(bad.diagnostics)).toEqual([['error', 'malformed-json', 'servicePrincipals-truncated.json', 17, 36, '$.value[0].passwordCredentials[0].startDateTime']]);
    expect(bad.diagnostics[0]?.message).toBe('the JSON ends unexpectedly (truncated file?) while reading $.value[0].passwordCredentials[0].startDateTime; nothing was loaded from this file');
    expect([bad.nodes.length, bad.edges.length]).toEqual([0, 0]);
    const good = await ingestFixture(`${ENTRA_FIXTURES}/malformed/directoryRoles.json`);
    expect(good.diagnostics).toEqual([]);
    expect(good.edges.some((e) => e.kind === 'MEMBER_OF' && e.from === oid('a11ce000-0000-4000-8000-000000000001'))).toBe(true);
  });

  it('a JSON file with no Entra object, a bad entry and an unknown object are diagnostics naming the JSON path', async () => {
    const none = await writeBytes('x.json', Buffer.from('{"Items": []}'));
    expect(diagTuples((await ingestEntraFile(none, { display: 'x.json' })).diagnostics)).toEqual([['error', 'bad-value', 'x.json', undefined, undefined, '$']]);
    const mixed = await writeBytes('y.json', Buffer.from(JSON.stringify({ value: [{ servicePrincipalType: 'Application', appId: 'a' }, { roleTemplateId: 'r', members: [{ displayName: 'no id' }] }, { hello: 1 }] })));
    const r = await ingestEntraFile(mixed, { display: 'y.json' });
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'unknown-kind', 'y.json', undefined, undefined, '$.value[2]'],
      ['error', 'missing-field', 'y.json', undefined, undefined, '$.value[0].id'],
      ['error', 'missing-field', 'y.json', undefined, undefined, '$.value[1].members[0].id'],
    ]);
  });
});

describe('entra secrets', () => {
  it('a secretText (addPassword response) becomes a fingerprint; the value, hint and key identifier never enter a record', async () => {
    const { transformEntra } = await import('../../../ingest/entra/transform.js');
    const { fingerprint } = await import('../../../ingest/secrets.js');
    const value = 'Qx8~fake.client.secret.value-0123456789';
    const doc = { value: [{ id: SP, appId: 'c1a00000-0000-4000-8000-0000000000a3', displayName: 'ci-deployer', servicePrincipalType: 'Application',
      passwordCredentials: [{ keyId: KEY, secretText: value, hint: 'Qx8', customKeyIdentifier: 'dGh1bWJwcmludA==' }],
      keyCredentials: [{ keyId: 'e1000000-0000-4000-8000-000000000001', type: 'AsymmetricX509Cert', usage: 'Verify', key: 'TUlJQ2tleQ==', customKeyIdentifier: 'dGh1bWJwcmludA==' }] }] };
    const r = transformEntra(doc, 's.json');
    expect(r.nodes.find((n) => n.id === `${oid(SP)}/password/${KEY}`)?.properties['fingerprint']).toBe(fingerprint(value));
    const text = JSON.stringify(r);
    for (const leak of [value, 'Qx8', 'dGh1bWJwcmludA==', 'TUlJQ2tleQ==']) expect(text).not.toContain(leak);
  });

  it('hands every record to a streaming sink and keeps none', async () => {
    const seen: string[] = [];
    const r = await ingestEntraFile(`${ENTRA_FIXTURES}/rules/owner-app.json`, { display: 'owner-app.json', sink: { node: (n) => seen.push(n.id), edge: (e) => seen.push(`${e.from}|${e.kind}|${e.to}`) } });
    expect([r.nodes.length, r.edges.length, r.diagnostics.length]).toEqual([0, 0, 0]);
    expect(seen).toContain('entra/a11ce000-0000-4000-8000-000000000001|CAN_MINT_CREDENTIAL|entra/app/c1a00000-0000-4000-8000-0000000000a3');
  });
});
