// Azure RBAC on Azure OpenAI / AI services accounts: `az role assignment list` entries scoped to a
// Microsoft.CognitiveServices account (or below it) become CAN_ALTER / CAN_INVOKE from the assignee to a Model node for
// the account. What a role does is derived from its definition's actions and dataActions (minus notActions and
// notDataActions) against one table of probe operations, declared once here and rendered in docs/sources.md.
import type { AlterAction } from '../../src/model/index.js';
import { missing, principalNode } from './directory.js';
import { entraEdge, entraNode, objectId, SOURCE } from './ids.js';
import { isObject, list, str, type Located } from './normalize.js';
import type { Out } from './out.js';

/** One probe operation: an assignment whose role allows it may alter (with the CAN_ALTER action) or consume the model. */
export interface AiOperationSpec {
  readonly operation: string;
  readonly plane: 'control' | 'data';
  readonly use: 'alter' | 'consume';
  readonly alter?: AlterAction;
  readonly why: string;
}

const CS = 'Microsoft.CognitiveServices/accounts';

/** The table. */
export const AI_OPERATIONS = [
  { operation: `${CS}/write`, plane: 'control', use: 'alter', alter: 'configure', why: 'changes the account (network, identity, keys policy)' },
  { operation: `${CS}/deployments/write`, plane: 'control', use: 'alter', alter: 'deploy', why: 'creates or replaces a model deployment' },
  { operation: `${CS}/raiPolicies/write`, plane: 'control', use: 'alter', alter: 'edit_guardrail', why: 'changes the content filter (responsible AI policy)' },
  { operation: `${CS}/listKeys/action`, plane: 'control', use: 'alter', alter: 'fine_tune', why: 'an account key opens the whole data plane, fine-tuning included' },
  { operation: `${CS}/listKeys/action`, plane: 'control', use: 'consume', why: 'an account key can call every deployment' },
  { operation: `${CS}/OpenAI/fine-tunes/write`, plane: 'data', use: 'alter', alter: 'fine_tune', why: 'starts a fine-tuning job' },
  { operation: `${CS}/OpenAI/files/import/action`, plane: 'data', use: 'alter', alter: 'write_training_data', why: 'uploads training files' },
  { operation: `${CS}/OpenAI/deployments/write`, plane: 'data', use: 'alter', alter: 'deploy', why: 'creates or replaces a deployment through the data plane' },
  { operation: `${CS}/OpenAI/deployments/chat/completions/action`, plane: 'data', use: 'consume', why: 'chat completions' },
  { operation: `${CS}/OpenAI/deployments/completions/action`, plane: 'data', use: 'consume', why: 'completions' },
  { operation: `${CS}/OpenAI/deployments/embeddings/action`, plane: 'data', use: 'consume', why: 'embeddings' },
] as const satisfies readonly AiOperationSpec[];

/** A role definition reduced to what the table needs. */
export interface AzureRole {
  readonly name: string;
  readonly blocks: readonly { actions: string[]; notActions: string[]; dataActions: string[]; notDataActions: string[] }[];
}

/** Azure role definitions by id (the GUID, lower case). */
export type AzureRoleIndex = ReadonlyMap<string, AzureRole>;

const strings = (o: Record<string, unknown>, key: string): string[] => list(o, key).filter((x): x is string => typeof x === 'string');

/** Indexes `az role definition list` entries by their GUID (`name`, or the last segment of `id`). */
export function indexAzureRoles(defs: readonly Located[]): Map<string, AzureRole> {
  const out = new Map<string, AzureRole>();
  for (const { value } of defs) {
    const guid = (str(value, 'name') ?? str(value, 'id')?.split('/').pop())?.toLowerCase();
    if (guid === undefined) continue;
    const blocks = list(value, 'permissions').filter(isObject).map((p) => ({
      actions: strings(p, 'actions'), notActions: strings(p, 'notActions'), dataActions: strings(p, 'dataActions'), notDataActions: strings(p, 'notDataActions'),
    }));
    out.set(guid, { name: str(value, 'roleName') ?? guid, blocks });
  }
  return out;
}

/** Azure's operation wildcard match (case-insensitive, `*` any run of characters). */
function matches(pattern: string, operation: string): boolean {
  const rx = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`, 'i');
  return rx.test(operation);
}

/** True when some permission block of the role allows the operation on its plane. */
export function allows(role: AzureRole, spec: Pick<AiOperationSpec, 'operation' | 'plane'>): boolean {
  return role.blocks.some((b) => {
    const [allow, deny] = spec.plane === 'control' ? [b.actions, b.notActions] : [b.dataActions, b.notDataActions];
    return allow.some((a) => matches(a, spec.operation)) && !deny.some((a) => matches(a, spec.operation));
  });
}

/** What a role does to a model: the CAN_ALTER actions and whether it consumes. */
export function classifyAzureRole(role: AzureRole): { alter: AlterAction[]; consume: boolean } {
  const alter = new Set<AlterAction>();
  let consume = false;
  for (const spec of AI_OPERATIONS as readonly AiOperationSpec[]) {
    if (!allows(role, spec)) continue;
    if (spec.use === 'consume') consume = true;
    else alter.add(spec.alter as AlterAction);
  }
  return { alter: [...alter].sort(), consume };
}

/** The AI account an assignment scope is on or below (`…/providers/Microsoft.CognitiveServices/accounts/<name>`). */
export function aiAccountOf(scope: string): { id: string; name: string } | undefined {
  const m = /^(.*\/providers\/Microsoft\.CognitiveServices\/accounts\/([^/]+))/i.exec(scope);
  return m ? { id: m[1] as string, name: m[2] as string } : undefined;
}

/** One `az role assignment list` entry; only assignments on an AI account give edges. */
export function transformAzureAssignment(entry: Located, roles: AzureRoleIndex, file: string, out: Out): void {
  const o = entry.value;
  const principal = str(o, 'principalId');
  const scope = str(o, 'scope');
  const roleId = str(o, 'roleDefinitionId')?.split('/').pop()?.toLowerCase();
  if (principal === undefined || scope === undefined || roleId === undefined) {
    return missing(out, file, `${entry.at}.${principal === undefined ? 'principalId' : scope === undefined ? 'scope' : 'roleDefinitionId'}`, 'a role assignment without principalId, scope and roleDefinitionId');
  }
  const account = aiAccountOf(scope);
  if (account === undefined) return;
  const role = roles.get(roleId);
  if (role === undefined) {
    out.diagnostic({
      severity: 'warning', code: 'dangling-ref', source: SOURCE, file, field: `${entry.at}.roleDefinitionId`,
      message: `role definition ${roleId} (${str(o, 'roleDefinitionName') ?? 'unnamed'}) is not in this file or directory; export \`az role definition list\` beside it to classify the assignment`,
    });
    return;
  }
  const { alter, consume } = classifyAzureRole(role);
  if (alter.length === 0 && !consume) return;
  const type = str(o, 'principalType')?.toLowerCase();
  const name = str(o, 'principalName');
  if (name && (type === 'user' || type === 'group')) {
    const node = principalNode(type, { id: principal, ...(type === 'user' ? { userPrincipalName: name } : { displayName: name }) }, file, entry.at);
    if (node) out.node(node);
  }
  const model = `azure${account.id.toLowerCase()}`;
  const node = entraNode(model, 'Model', `Azure AI account ${account.name}`, { provider: 'azure-ai', x_resource_id: account.id }, file, entry.at);
  out.node({ ...node, properties: { ...node.properties, platform: 'azure' } });
  const props = { ...(str(o, 'condition') ? { conditional: true } : {}), note: `${role.name} on ${scope}` };
  for (const action of alter) out.edge(entraEdge('CAN_ALTER', objectId(principal), model, { ...props, action }, file, entry.at));
  if (consume) out.edge(entraEdge('CAN_INVOKE', objectId(principal), model, props, file, entry.at));
}
