// The entra ingestor on real third-party files (../shared/realdata/entra and ai-iam, see its README), as a new user
// would run it; the catalogue's permission ids are checked against ScubaGear's permission cache and risk list, and
// the AI classification against every Azure built-in role definition.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyAzureRole, indexAzureRoles } from '../../../ingest/entra/azure.js';
import { MICROSOFT_GRAPH_APP_ID, TIER0_GRAPH_PERMISSIONS } from '../../../ingest/entra/catalogue.js';
import { detectEntra, ingestEntraFile } from '../../../ingest/entra/index.js';
import { groupObjects } from '../../../ingest/entra/transform.js';
import { decodeText } from '../../../ingest/json-graph/read.js';
import { oid } from './helpers.js';

const ROOT = process.env['PATHWARDEN_REALDATA'] ?? join('..', 'shared', 'realdata');
const ENTRA = join(ROOT, 'entra');
const AI = join(ROOT, 'ai-iam', 'azure-built-in-role-definitions.json');
const present = existsSync(ENTRA) && existsSync(AI);
if (!present) console.warn(`test/ingest/entra/realdata: skipped, ${ENTRA} or ${AI} does not exist (real exports are not part of a fresh clone)`);

const json = (path: string): unknown => JSON.parse(decodeText(readFileSync(path)));

describe.skipIf(!present)(`entra on the real exports in ${ROOT}`, () => {
  it.each(['scubagear-MockServicePrincipals.json', 'scubagear-MockApplications.json'])('%s (UTF-16 LE, PascalCase) is recognised and loads without errors', async (name) => {
    expect(detectEntra(decodeText(readFileSync(join(ENTRA, name)).subarray(0, 16_384)))).toBe(true);
    const r = await ingestEntraFile(join(ENTRA, name), { display: name });
    expect(r.diagnostics).toEqual([]);
  });

  it('service principals: credentials with their /Date(ms)/ end dates, and the federated credential as CAN_ASSUME', async () => {
    const r = await ingestEntraFile(join(ENTRA, 'scubagear-MockServicePrincipals.json'), { display: 'sps' });
    const sp4 = oid('00000000-0000-0000-0000-000000000040');
    expect(r.nodes.filter((n) => n.kind === 'Secret' && n.id.startsWith(`${sp4}/`)).map((n) => [n.id, n.properties['expires_at']])).toEqual([
      [`${sp4}/password/00000000-0000-0000-0000-000000000010`, '2100-01-01T00:00:00.000Z'],
      [`${sp4}/password/00000000-0000-0000-0000-000000000020`, '2100-01-01T00:00:00.000Z'],
    ]);
    expect(r.edges.filter((e) => e.from.startsWith('oidc/')).map((e) => `${e.from}|${e.kind}|${e.to}`)).toEqual([
      `oidc/token.issuer.domain.com/repo:testorg/123:refs/tags/1.0|CAN_ASSUME|${oid('00000000-0000-0000-0000-000000000060')}`,
    ]);
  });

  it('the tier-0 Graph permission ids agree with the permission cache and are rated Critical by ScubaGear', () => {
    const cache = json(join(ENTRA, 'scubagear-MockResourcePermissionCache.json')) as Record<string, { appRoles: { id: string; value: string }[] }>;
    const graphRoles = new Map((cache[MICROSOFT_GRAPH_APP_ID]?.appRoles ?? []).map((r) => [r.id, r.value]));
    for (const p of TIER0_GRAPH_PERMISSIONS) if (graphRoles.has(p.appRoleId)) expect(graphRoles.get(p.appRoleId)).toBe(p.value);
    const risky = json(join(ENTRA, 'scubagear-RiskyAppPermissions.json')) as { permissions: Record<string, { Application: Record<string, { Name: string; RiskLevel: string }> }> };
    const app = risky.permissions['Microsoft Graph']?.Application ?? {};
    expect(TIER0_GRAPH_PERMISSIONS.map((p) => [p.value, app[p.appRoleId]?.Name, app[p.appRoleId]?.RiskLevel])).toEqual(TIER0_GRAPH_PERMISSIONS.map((p) => [p.value, p.value, 'Critical']));
  });

  it('Azure built-in roles: OpenAI User consumes only, OpenAI Contributor alters and consumes, Reader neither', () => {
    expect(detectEntra(decodeText(readFileSync(AI).subarray(0, 16_384)))).toBe(true);
    const defs = groupObjects(json(AI)).byType.get('azureRoleDefinition') ?? [];
    expect(defs.length).toBe(928);
    const byName = new Map([...indexAzureRoles(defs).values()].map((r) => [r.name, classifyAzureRole(r)]));
    expect(byName.get('Cognitive Services OpenAI User')).toEqual({ alter: [], consume: true });
    expect(byName.get('Cognitive Services OpenAI Contributor')).toEqual({ alter: ['deploy', 'edit_guardrail', 'fine_tune', 'write_training_data'], consume: true });
    expect(byName.get('Reader')).toEqual({ alter: [], consume: false });
    expect(byName.get('Cognitive Services Usages Reader')).toEqual({ alter: [], consume: false });
    expect(byName.get('Owner')?.consume).toBe(true);
  });
});
