// Azure RBAC on AI accounts: `az role assignment list` entries on a Cognitive Services account become CAN_ALTER /
// CAN_INVOKE, classified from the role definitions' actions and dataActions (exported beside them or in the file).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AI_OPERATIONS, aiAccountOf, classifyAzureRole } from '../../../ingest/entra/azure.js';
import { diagTuples } from '../tuples.js';
import { ENTRA_FIXTURES, ingestFixture, oid } from './helpers.js';

const MODEL = 'azure/subscriptions/5ab00000-0000-4000-8000-000000000000/resourcegroups/rg-ai/providers/microsoft.cognitiveservices/accounts/contoso-openai';
const alterAndInvoke = (r: Awaited<ReturnType<typeof ingestFixture>>) => new Set(r.edges.map((e) => `${e.from}|${e.kind}${e.kind === 'CAN_ALTER' ? `:${String(e.properties['action'])}` : ''}|${e.to}`));

describe('entra: Azure AI role assignments', () => {
  it('classifies each assignment on the account from its role definition (found in the file beside it)', async () => {
    const r = await ingestFixture(`${ENTRA_FIXTURES}/azure/role-assignments.json`);
    expect(r.diagnostics).toEqual([]);
    const bob = oid('b0b00000-0000-4000-8000-000000000002');
    expect(alterAndInvoke(r)).toEqual(new Set([
      `${oid('c4a70000-0000-4000-8000-000000000007')}|CAN_INVOKE|${MODEL}`,
      `${bob}|CAN_ALTER:deploy|${MODEL}`, `${bob}|CAN_ALTER:fine_tune|${MODEL}`, `${bob}|CAN_INVOKE|${MODEL}`,
    ]));
    expect(r.nodes.find((n) => n.id === MODEL)).toMatchObject({ kind: 'Model', name: 'Azure AI account contoso-openai', properties: { platform: 'azure', provider: 'azure-ai' } });
    expect(r.nodes.find((n) => n.id === bob)).toMatchObject({ kind: 'Human', name: 'bob@contoso.example' });
  });

  it('a role definition with read actions only gives no edge', async () => {
    const r = await ingestFixture(`${ENTRA_FIXTURES}/azure-reader/role-assignments.json`);
    expect(r.diagnostics).toEqual([]);
    expect(r.edges).toEqual([]);
  });

  it('an assignment whose definition is nowhere is a warning naming the JSON path', async () => {
    const r = await ingestFixture(`${ENTRA_FIXTURES}/azure/role-definitions.json`);
    expect(r.edges).toEqual([]);
    expect(diagTuples(r.diagnostics)).toEqual([]);
    const { transformEntra } = await import('../../../ingest/entra/transform.js');
    const assignments = JSON.parse(readFileSync(`${ENTRA_FIXTURES}/azure/role-assignments.json`, 'utf8')) as unknown;
    expect(diagTuples(transformEntra(assignments, 'a.json').diagnostics)).toEqual([
      ['warning', 'dangling-ref', 'a.json', undefined, undefined, '$[0].roleDefinitionId'],
      ['warning', 'dangling-ref', 'a.json', undefined, undefined, '$[1].roleDefinitionId'],
    ]);
  });

  it('finds the AI account a scope is on or below', () => {
    expect(aiAccountOf('/subscriptions/s/resourceGroups/r/providers/Microsoft.CognitiveServices/accounts/a/deployments/d')?.name).toBe('a');
    expect(aiAccountOf('/subscriptions/s/resourceGroups/r')).toBeUndefined();
  });

  it('derives alter/consume from notActions and notDataActions too', () => {
    const role = { name: 'x', blocks: [{ actions: ['*'], notActions: ['Microsoft.CognitiveServices/accounts/listKeys/action', 'Microsoft.CognitiveServices/*/write'], dataActions: [], notDataActions: [] }] };
    expect(classifyAzureRole(role)).toEqual({ alter: [], consume: false });
  });

  it('docs/sources.md lists every probe operation', () => {
    const doc = readFileSync('docs/sources.md', 'utf8');
    expect(AI_OPERATIONS.filter((a) => !doc.includes(`| \`${a.operation}\` |`)).map((a) => a.operation)).toEqual([]);
  });
});
