// Amazon Bedrock and SageMaker actions classified ALTER (changes what a model is or serves) or CONSUME (calls it),
// declared once: docs/sources.md renders the same rows. Edges are derived for the models a policy names by a full
// ARN (no wildcard): a Model node per ARN, CAN_ALTER with the action's alter kind, CAN_INVOKE for consume actions.
import type { AlterAction, NodeRecord } from '../../src/model/index.js';
import { SOURCE } from './authz.js';
import type { EdgeCollector } from './collect.js';
import { awsNode } from './ids.js';
import { evaluate, type PolicyDocument } from './policy.js';
import type { PrincipalIndex } from './principals.js';

/** One classified action: what it does to a model of the given resource types. */
export interface AiActionSpec {
  readonly action: string;
  readonly use: 'alter' | 'consume';
  /** The CAN_ALTER action, for alter actions. */
  readonly alter?: AlterAction;
  /** Resource types (the ARN part before `/`) the action applies to; empty = a new resource, not derived from IAM alone. */
  readonly on: readonly string[];
}

const INVOKE_BEDROCK = ['foundation-model', 'custom-model', 'provisioned-model', 'inference-profile', 'application-inference-profile'];

/** The table. */
export const AI_ACTIONS = [
  { action: 'bedrock:CreateModelCustomizationJob', use: 'alter', alter: 'fine_tune', on: [] },
  { action: 'bedrock:CreateModelImportJob', use: 'alter', alter: 'write_weights', on: [] },
  { action: 'bedrock:CreateProvisionedModelThroughput', use: 'alter', alter: 'deploy', on: [] },
  { action: 'bedrock:UpdateProvisionedModelThroughput', use: 'alter', alter: 'deploy', on: ['provisioned-model'] },
  { action: 'bedrock:CreateGuardrail', use: 'alter', alter: 'edit_guardrail', on: [] },
  { action: 'bedrock:UpdateGuardrail', use: 'alter', alter: 'edit_guardrail', on: ['guardrail'] },
  { action: 'bedrock:DeleteGuardrail', use: 'alter', alter: 'edit_guardrail', on: ['guardrail'] },
  { action: 'bedrock:UpdateAgent', use: 'alter', alter: 'configure', on: ['agent'] },
  { action: 'bedrock:PrepareAgent', use: 'alter', alter: 'configure', on: ['agent'] },
  { action: 'bedrock:CreateAgentActionGroup', use: 'alter', alter: 'configure', on: ['agent'] },
  { action: 'bedrock:UpdateAgentActionGroup', use: 'alter', alter: 'configure', on: ['agent'] },
  { action: 'bedrock:AssociateAgentKnowledgeBase', use: 'alter', alter: 'configure', on: ['agent'] },
  { action: 'bedrock:UpdateAgentAlias', use: 'alter', alter: 'promote', on: ['agent'] },
  { action: 'bedrock:UpdatePrompt', use: 'alter', alter: 'edit_prompt', on: ['prompt'] },
  { action: 'bedrock:CreatePromptVersion', use: 'alter', alter: 'edit_prompt', on: ['prompt'] },
  { action: 'bedrock:InvokeModel', use: 'consume', on: INVOKE_BEDROCK },
  { action: 'bedrock:InvokeModelWithResponseStream', use: 'consume', on: INVOKE_BEDROCK },
  { action: 'bedrock:Converse', use: 'consume', on: INVOKE_BEDROCK },
  { action: 'bedrock:ConverseStream', use: 'consume', on: INVOKE_BEDROCK },
  { action: 'bedrock:InvokeAgent', use: 'consume', on: ['agent'] },
  { action: 'bedrock:RetrieveAndGenerate', use: 'consume', on: [] },
  { action: 'bedrock:GetPrompt', use: 'consume', on: ['prompt'] },
  { action: 'bedrock-agentcore:InvokeAgentRuntime', use: 'consume', on: ['runtime'] },
  { action: 'bedrock-agentcore:UpdateAgentRuntime', use: 'alter', alter: 'deploy', on: ['runtime'] },
  { action: 'sagemaker:CreateTrainingJob', use: 'alter', alter: 'train', on: [] },
  { action: 'sagemaker:CreateHyperParameterTuningJob', use: 'alter', alter: 'train', on: [] },
  { action: 'sagemaker:CreateModel', use: 'alter', alter: 'write_weights', on: ['model'] },
  { action: 'sagemaker:CreateModelPackage', use: 'alter', alter: 'write_weights', on: ['model-package-group'] },
  { action: 'sagemaker:UpdateModelPackage', use: 'alter', alter: 'promote', on: ['model-package', 'model-package-group'] },
  { action: 'sagemaker:CreateEndpoint', use: 'alter', alter: 'deploy', on: ['endpoint'] },
  { action: 'sagemaker:UpdateEndpoint', use: 'alter', alter: 'deploy', on: ['endpoint'] },
  { action: 'sagemaker:UpdateEndpointWeightsAndCapacities', use: 'alter', alter: 'deploy', on: ['endpoint'] },
  { action: 'sagemaker:CreateEndpointConfig', use: 'alter', alter: 'configure', on: [] },
  { action: 'sagemaker:InvokeEndpoint', use: 'consume', on: ['endpoint'] },
  { action: 'sagemaker:InvokeEndpointAsync', use: 'consume', on: ['endpoint'] },
  { action: 'sagemaker:InvokeEndpointWithResponseStream', use: 'consume', on: ['endpoint'] },
] as const satisfies readonly AiActionSpec[];

/** The model a Bedrock or SageMaker ARN names: its service, resource type and name (an agent alias names its agent). */
export function modelOfArn(arn: string): { arn: string; service: string; type: string; name: string } | undefined {
  const m = /^arn:aws[a-z-]*:(bedrock|bedrock-agentcore|sagemaker):([^:]*):([^:]*):([a-z-]+)\/(.+)$/.exec(arn);
  if (!m || /[*?]/.test(arn)) return undefined;
  const [, service, region, account, type, rest] = m as unknown as [string, string, string, string, string, string];
  if (type === 'agent-alias') {
    const agent = rest.split('/')[0] as string;
    return { arn: `arn:aws:bedrock:${region}:${account}:agent/${agent}`, service, type: 'agent', name: agent };
  }
  const known = AI_ACTIONS.some((a) => a.action.startsWith(`${service}:`) && (a.on as readonly string[]).includes(type));
  return known ? { arn, service, type, name: rest } : undefined;
}

/** Model nodes for every model ARN the export's policies name, and CAN_ALTER / CAN_INVOKE edges to them. */
export function deriveModelEdges(index: PrincipalIndex, file: string, out: EdgeCollector): NodeRecord[] {
  // NOTE: a model may be named by several ARNs (an agent by its aliases); a request on any of them counts.
  const models = new Map<string, { model: NonNullable<ReturnType<typeof modelOfArn>>; arns: Set<string> }>();
  for (const p of index.principals) for (const d of p.subject.identity) for (const arn of namedArns(d)) {
    const model = modelOfArn(arn);
    if (!model) continue;
    const entry = models.get(model.arn) ?? { model, arns: new Set([model.arn]) };
    entry.arns.add(arn);
    models.set(model.arn, entry);
  }
  const nodes: NodeRecord[] = [];
  for (const { model, arns } of [...models.values()].sort((a, b) => (a.model.arn < b.model.arn ? -1 : 1))) {
    const id = `aws/model/${model.arn}`;
    nodes.push(awsNode(id, 'Model', `${model.type} ${model.name}`, { provider: model.service, x_arn: model.arn }, { source: SOURCE, file }));
    for (const p of index.principals) {
      for (const spec of AI_ACTIONS as readonly AiActionSpec[]) {
        if (!spec.action.startsWith(`${model.service}:`) || !spec.on.includes(model.type)) continue;
        for (const arn of arns) {
          const d = evaluate(p.subject, spec.action, arn);
          if (d === undefined) continue;
          if (spec.use === 'consume') out.add('CAN_INVOKE', p.id, id, undefined, d, p.entry.at);
          else out.add('CAN_ALTER', p.id, id, undefined, d, p.entry.at, { action: spec.alter as AlterAction });
        }
      }
    }
  }
  return nodes;
}

/** Id of the Dataset an S3 bucket stands for: an inventory row with this id (or a TRAINS edge from it) says what it trains. */
export function bucketDatasetId(bucket: string): string {
  return `aws/s3/${bucket}`;
}

/**
 * For every S3 bucket an Allow statement names (`arn:aws:s3:::bucket`, `…:bucket/prefix/*`; the bucket name itself
 * without wildcards), a reference `Dataset` `aws/s3/<bucket>` and `CAN_ALTER` (write_training_data) from each
 * principal allowed `s3:PutObject` on an object the statement covers. The export does not say which buckets hold
 * training data: the edge alters a model once the inventory says the dataset `TRAINS` it (by this id).
 */
export function deriveBucketEdges(index: PrincipalIndex, file: string, out: EdgeCollector): NodeRecord[] {
  const probes = new Map<string, Set<string>>();
  for (const p of index.principals) for (const d of p.subject.identity) for (const s of d.statements) {
    if (s.effect !== 'Allow') continue;
    for (const r of s.resources ?? []) {
      const m = /^arn:aws[a-z-]*:s3:::([^/*?$]+)(\/(.*))?$/.exec(r);
      if (!m) continue;
      // NOTE: an object ARN under the resource stands for "some object it covers"; a bare bucket ARN covers none
      // itself, but another statement of the principal may cover its objects.
      const key = m[3] === undefined || m[3] === '' ? 'pathwarden-probe' : (m[3] as string).replace(/\$\{[^}]*\}/g, 'x').replace(/[*?]/g, 'x');
      const bucket = m[1] as string;
      const set = probes.get(bucket) ?? new Set<string>();
      set.add(`arn:aws:s3:::${bucket}/${key}`);
      probes.set(bucket, set);
    }
  }
  const nodes: NodeRecord[] = [];
  for (const bucket of [...probes.keys()].sort()) {
    const id = bucketDatasetId(bucket);
    let written = false;
    for (const p of index.principals) {
      for (const arn of probes.get(bucket) as Set<string>) {
        const d = evaluate(p.subject, 's3:PutObject', arn);
        if (d === undefined) continue;
        out.add('CAN_ALTER', p.id, id, undefined, d, p.entry.at, { action: 'write_training_data' });
        written = true;
        break;
      }
    }
    if (written) nodes.push(awsNode(id, 'Dataset', `S3 bucket ${bucket}`, { x_arn: `arn:aws:s3:::${bucket}`, reference: true }, { source: SOURCE, file }));
  }
  return nodes;
}

/** Resource ARNs an Allow statement names exactly (no wildcard, no variable). */
function namedArns(d: PolicyDocument): string[] {
  return d.statements.filter((s) => s.effect === 'Allow').flatMap((s) => s.resources ?? []).filter((r) => r.startsWith('arn:') && !/[*?$]/.test(r));
}
