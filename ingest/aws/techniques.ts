// The privilege-escalation techniques the AWS source derives, declared once: id (Datadog pathfinding.cloud, or
// `pw-…` for ours), the permissions it needs, what it yields, and the BishopFox iam-vulnerable path it matches.
// escalation.ts derives edges from these; docs/sources.md lists them (test/ingest/aws checks both agree).

/** What a technique yields: admin (CAN_ACCESS admin on the account), another user (CAN_MINT_CREDENTIAL), a role (CAN_ASSUME). */
export type TechniqueYield = 'admin' | 'user' | 'role';

export interface TechniqueSpec {
  readonly id: string;
  /** The permissions, as pathfinding.cloud names the path. */
  readonly name: string;
  readonly yields: TechniqueYield;
  /** BishopFox iam-vulnerable privesc path (modules/free-resources/privesc-paths/<name>.tf). */
  readonly bishopFox?: string;
  /** PassRole techniques: the service the passed role must trust, and the actions that start code as it. */
  readonly passTo?: { readonly services: readonly string[]; readonly actions: readonly string[]; readonly instanceProfile?: boolean };
  /**
   * Techniques on an existing resource (function, stack, instance…) that runs as a role the export cannot tie to it:
   * every role trusting the service (with an instance profile, for EC2) may be the one, so the edge is conditional.
   */
  readonly existing?: { readonly services: readonly string[]; readonly actions: readonly string[]; readonly passRole?: boolean; readonly instanceProfile?: boolean };
}

/** Policy-write techniques on the principal itself (or its group), and the combinations that reach another principal first. */
export const ADMIN_TECHNIQUES = [
  { id: 'iam-001', name: 'iam:CreatePolicyVersion', yields: 'admin', bishopFox: 'privesc1-CreateNewPolicyVersion' },
  { id: 'pw-001', name: 'iam:SetDefaultPolicyVersion', yields: 'admin', bishopFox: 'privesc2-SetExistingDefaultPolicyVersion' },
  { id: 'iam-005', name: 'iam:PutRolePolicy', yields: 'admin', bishopFox: 'privesc12-PutRolePolicy' },
  { id: 'iam-007', name: 'iam:PutUserPolicy', yields: 'admin', bishopFox: 'privesc10-PutUserPolicy' },
  { id: 'iam-008', name: 'iam:AttachUserPolicy', yields: 'admin', bishopFox: 'privesc7-AttachUserPolicy' },
  { id: 'iam-009', name: 'iam:AttachRolePolicy', yields: 'admin', bishopFox: 'privesc9-AttachRolePolicy' },
  { id: 'iam-010', name: 'iam:AttachGroupPolicy', yields: 'admin', bishopFox: 'privesc8-AttachGroupPolicy' },
  { id: 'iam-011', name: 'iam:PutGroupPolicy', yields: 'admin', bishopFox: 'privesc11-PutGroupPolicy' },
  { id: 'iam-013', name: 'iam:AddUserToGroup', yields: 'admin', bishopFox: 'privesc13-AddUserToGroup' },
  { id: 'iam-014', name: 'iam:AttachRolePolicy + sts:AssumeRole', yields: 'admin' },
  { id: 'iam-015', name: 'iam:AttachUserPolicy + iam:CreateAccessKey', yields: 'admin' },
  { id: 'iam-016', name: 'iam:CreatePolicyVersion + sts:AssumeRole', yields: 'admin' },
  { id: 'iam-017', name: 'iam:PutRolePolicy + sts:AssumeRole', yields: 'admin' },
  { id: 'iam-018', name: 'iam:PutUserPolicy + iam:CreateAccessKey', yields: 'admin' },
  { id: 'iam-019', name: 'iam:AttachRolePolicy + iam:UpdateAssumeRolePolicy', yields: 'admin' },
  { id: 'iam-020', name: 'iam:CreatePolicyVersion + iam:UpdateAssumeRolePolicy', yields: 'admin' },
  { id: 'iam-021', name: 'iam:PutRolePolicy + iam:UpdateAssumeRolePolicy', yields: 'admin' },
] as const satisfies readonly TechniqueSpec[];

/** Techniques that give another user's credentials. */
export const USER_TECHNIQUES = [
  { id: 'iam-002', name: 'iam:CreateAccessKey', yields: 'user', bishopFox: 'privesc4-CreateAccessKey' },
  { id: 'iam-004', name: 'iam:CreateLoginProfile', yields: 'user', bishopFox: 'privesc5-CreateLoginProfile' },
  { id: 'iam-006', name: 'iam:UpdateLoginProfile', yields: 'user', bishopFox: 'privesc6-UpdateLoginProfile' },
] as const satisfies readonly TechniqueSpec[];

const LAMBDA = ['lambda.amazonaws.com'];
const GLUE = ['glue.amazonaws.com'];
const CFN = ['cloudformation.amazonaws.com'];
const CODEBUILD = ['codebuild.amazonaws.com'];
const ECS = ['ecs-tasks.amazonaws.com'];
const SAGEMAKER = ['sagemaker.amazonaws.com'];

/** Techniques that run code as a role: rewriting its trust, or passing it to a new compute resource. */
export const ROLE_TECHNIQUES = [
  { id: 'iam-012', name: 'iam:UpdateAssumeRolePolicy', yields: 'role', bishopFox: 'privesc14-UpdatingAssumeRolePolicy' },
  { id: 'lambda-001', name: 'iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction', yields: 'role', bishopFox: 'privesc15-PassExistingRoleToNewLambdaThenInvoke', passTo: { services: LAMBDA, actions: ['lambda:CreateFunction', 'lambda:InvokeFunction'] } },
  { id: 'lambda-002', name: 'iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping', yields: 'role', bishopFox: 'privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo', passTo: { services: LAMBDA, actions: ['lambda:CreateFunction', 'lambda:CreateEventSourceMapping'] } },
  { id: 'lambda-006', name: 'iam:PassRole + lambda:CreateFunction + lambda:AddPermission', yields: 'role', passTo: { services: LAMBDA, actions: ['lambda:CreateFunction', 'lambda:AddPermission'] } },
  { id: 'ec2-001', name: 'iam:PassRole + ec2:RunInstances', yields: 'role', bishopFox: 'privesc3-CreateEC2WithExistingIP', passTo: { services: ['ec2.amazonaws.com'], actions: ['ec2:RunInstances'], instanceProfile: true } },
  { id: 'ec2-003', name: 'iam:PassRole + ec2:RequestSpotInstances', yields: 'role', passTo: { services: ['ec2.amazonaws.com'], actions: ['ec2:RequestSpotInstances'], instanceProfile: true } },
  { id: 'glue-001', name: 'iam:PassRole + glue:CreateDevEndpoint', yields: 'role', bishopFox: 'privesc18-PassExistingRoleToNewGlueDevEndpoint', passTo: { services: GLUE, actions: ['glue:CreateDevEndpoint'] } },
  { id: 'glue-003', name: 'iam:PassRole + glue:CreateJob + glue:StartJobRun', yields: 'role', passTo: { services: GLUE, actions: ['glue:CreateJob', 'glue:StartJobRun'] } },
  { id: 'glue-004', name: 'iam:PassRole + glue:CreateJob + glue:CreateTrigger', yields: 'role', passTo: { services: GLUE, actions: ['glue:CreateJob', 'glue:CreateTrigger'] } },
  { id: 'cloudformation-001', name: 'iam:PassRole + cloudformation:CreateStack', yields: 'role', bishopFox: 'privesc20-PassExistingRoleToCloudFormation', passTo: { services: CFN, actions: ['cloudformation:CreateStack'] } },
  { id: 'cloudformation-003', name: 'iam:PassRole + cloudformation:CreateStackSet + cloudformation:CreateStackInstances', yields: 'role', passTo: { services: CFN, actions: ['cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances'] } },
  { id: 'codebuild-001', name: 'iam:PassRole + codebuild:CreateProject + codebuild:StartBuild', yields: 'role', bishopFox: 'privesc-codeBuildCreateProjectPassRole', passTo: { services: CODEBUILD, actions: ['codebuild:CreateProject', 'codebuild:StartBuild'] } },
  { id: 'codebuild-004', name: 'iam:PassRole + codebuild:CreateProject + codebuild:StartBuildBatch', yields: 'role', passTo: { services: CODEBUILD, actions: ['codebuild:CreateProject', 'codebuild:StartBuildBatch'] } },
  { id: 'datapipeline-001', name: 'iam:PassRole + datapipeline:CreatePipeline + datapipeline:PutPipelineDefinition + datapipeline:ActivatePipeline', yields: 'role', bishopFox: 'privesc21-PassExistingRoleToNewDataPipeline', passTo: { services: ['datapipeline.amazonaws.com', 'elasticmapreduce.amazonaws.com'], actions: ['datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition', 'datapipeline:ActivatePipeline'] } },
  { id: 'ecs-001', name: 'iam:PassRole + ecs:CreateCluster + ecs:RegisterTaskDefinition + ecs:CreateService', yields: 'role', passTo: { services: ECS, actions: ['ecs:CreateCluster', 'ecs:RegisterTaskDefinition', 'ecs:CreateService'] } },
  { id: 'ecs-002', name: 'iam:PassRole + ecs:CreateCluster + ecs:RegisterTaskDefinition + ecs:RunTask', yields: 'role', passTo: { services: ECS, actions: ['ecs:CreateCluster', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'] } },
  { id: 'ecs-003', name: 'iam:PassRole + ecs:RegisterTaskDefinition + ecs:CreateService', yields: 'role', passTo: { services: ECS, actions: ['ecs:RegisterTaskDefinition', 'ecs:CreateService'] } },
  { id: 'ecs-004', name: 'iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask', yields: 'role', passTo: { services: ECS, actions: ['ecs:RegisterTaskDefinition', 'ecs:RunTask'] } },
  { id: 'ecs-005', name: 'iam:PassRole + ecs:RegisterTaskDefinition + ecs:StartTask', yields: 'role', passTo: { services: ECS, actions: ['ecs:RegisterTaskDefinition', 'ecs:StartTask'] } },
  { id: 'sagemaker-001', name: 'iam:PassRole + sagemaker:CreateNotebookInstance', yields: 'role', bishopFox: 'privesc-sageMakerCreateNotebookPassRole', passTo: { services: SAGEMAKER, actions: ['sagemaker:CreateNotebookInstance'] } },
  { id: 'sagemaker-002', name: 'iam:PassRole + sagemaker:CreateTrainingJob', yields: 'role', bishopFox: 'privesc-sageMakerCreateTrainingJob', passTo: { services: SAGEMAKER, actions: ['sagemaker:CreateTrainingJob'] } },
  { id: 'sagemaker-003', name: 'iam:PassRole + sagemaker:CreateProcessingJob', yields: 'role', bishopFox: 'privesc-sageMakerCreateProcessingJob', passTo: { services: SAGEMAKER, actions: ['sagemaker:CreateProcessingJob'] } },
  { id: 'apprunner-001', name: 'iam:PassRole + apprunner:CreateService', yields: 'role', passTo: { services: ['tasks.apprunner.amazonaws.com'], actions: ['apprunner:CreateService'] } },
  { id: 'bedrock-001', name: 'iam:PassRole + bedrock-agentcore:CreateCodeInterpreter + bedrock-agentcore:StartCodeInterpreterSession + bedrock-agentcore:InvokeCodeInterpreter', yields: 'role', passTo: { services: ['bedrock-agentcore.amazonaws.com'], actions: ['bedrock-agentcore:CreateCodeInterpreter', 'bedrock-agentcore:StartCodeInterpreterSession', 'bedrock-agentcore:InvokeCodeInterpreter'] } },
] as const satisfies readonly TechniqueSpec[];

const EC2 = ['ec2.amazonaws.com'];

/** Techniques that take over an existing resource running as a role (conditional: the export does not list resources). */
export const EXISTING_TECHNIQUES = [
  { id: 'lambda-003', name: 'lambda:UpdateFunctionCode', yields: 'role', bishopFox: 'privesc17-EditExistingLambdaFunctionWithRole', existing: { services: LAMBDA, actions: ['lambda:UpdateFunctionCode'] } },
  { id: 'lambda-004', name: 'lambda:UpdateFunctionCode + lambda:InvokeFunction', yields: 'role', existing: { services: LAMBDA, actions: ['lambda:UpdateFunctionCode', 'lambda:InvokeFunction'] } },
  { id: 'lambda-005', name: 'lambda:UpdateFunctionCode + lambda:AddPermission', yields: 'role', existing: { services: LAMBDA, actions: ['lambda:UpdateFunctionCode', 'lambda:AddPermission'] } },
  { id: 'glue-002', name: 'glue:UpdateDevEndpoint', yields: 'role', bishopFox: 'privesc19-UpdateExistingGlueDevEndpoint', existing: { services: GLUE, actions: ['glue:UpdateDevEndpoint'] } },
  { id: 'glue-005', name: 'iam:PassRole + glue:UpdateJob + glue:StartJobRun', yields: 'role', existing: { services: GLUE, actions: ['glue:UpdateJob', 'glue:StartJobRun'], passRole: true } },
  { id: 'glue-006', name: 'iam:PassRole + glue:UpdateJob + glue:CreateTrigger', yields: 'role', existing: { services: GLUE, actions: ['glue:UpdateJob', 'glue:CreateTrigger'], passRole: true } },
  { id: 'cloudformation-002', name: 'cloudformation:UpdateStack', yields: 'role', bishopFox: 'privesc-cloudFormationUpdateStack', existing: { services: CFN, actions: ['cloudformation:UpdateStack'] } },
  { id: 'cloudformation-004', name: 'iam:PassRole + cloudformation:UpdateStackSet', yields: 'role', existing: { services: CFN, actions: ['cloudformation:UpdateStackSet'], passRole: true } },
  { id: 'cloudformation-005', name: 'cloudformation:CreateChangeSet + cloudformation:ExecuteChangeSet', yields: 'role', existing: { services: CFN, actions: ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'] } },
  { id: 'codebuild-002', name: 'codebuild:StartBuild', yields: 'role', existing: { services: CODEBUILD, actions: ['codebuild:StartBuild'] } },
  { id: 'codebuild-003', name: 'codebuild:StartBuildBatch', yields: 'role', existing: { services: CODEBUILD, actions: ['codebuild:StartBuildBatch'] } },
  { id: 'ec2-002', name: 'ec2:ModifyInstanceAttribute + ec2:StopInstances + ec2:StartInstances', yields: 'role', existing: { services: EC2, actions: ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'], instanceProfile: true } },
  { id: 'ec2-004', name: 'ec2:CreateLaunchTemplateVersion + ec2:ModifyLaunchTemplate', yields: 'role', existing: { services: EC2, actions: ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'], instanceProfile: true } },
  { id: 'ec2instanceconnect-003', name: 'ec2-instance-connect:SendSSHPublicKey', yields: 'role', bishopFox: 'privesc-ec2InstanceConnect', existing: { services: EC2, actions: ['ec2-instance-connect:SendSSHPublicKey', 'ec2:DescribeInstances'], instanceProfile: true } },
  { id: 'ssm-001', name: 'ssm:StartSession', yields: 'role', bishopFox: 'privesc-ssmStartSession', existing: { services: EC2, actions: ['ssm:StartSession'], instanceProfile: true } },
  { id: 'ssm-002', name: 'ssm:SendCommand', yields: 'role', bishopFox: 'privesc-ssmSendCommand', existing: { services: EC2, actions: ['ssm:SendCommand'], instanceProfile: true } },
  { id: 'sagemaker-004', name: 'sagemaker:CreatePresignedNotebookInstanceUrl', yields: 'role', bishopFox: 'privesc-sageMakerCreatePresignedNotebookURL', existing: { services: SAGEMAKER, actions: ['sagemaker:CreatePresignedNotebookInstanceUrl'] } },
  { id: 'sagemaker-005', name: 'sagemaker:CreateNotebookInstanceLifecycleConfig + sagemaker:StopNotebookInstance + sagemaker:UpdateNotebookInstance + sagemaker:StartNotebookInstance', yields: 'role', existing: { services: SAGEMAKER, actions: ['sagemaker:CreateNotebookInstanceLifecycleConfig', 'sagemaker:StopNotebookInstance', 'sagemaker:UpdateNotebookInstance', 'sagemaker:StartNotebookInstance'] } },
  { id: 'apprunner-002', name: 'apprunner:UpdateService', yields: 'role', existing: { services: ['tasks.apprunner.amazonaws.com'], actions: ['apprunner:UpdateService'] } },
  { id: 'bedrock-002', name: 'bedrock-agentcore:StartCodeInterpreterSession + bedrock-agentcore:InvokeCodeInterpreter', yields: 'role', existing: { services: ['bedrock-agentcore.amazonaws.com'], actions: ['bedrock-agentcore:StartCodeInterpreterSession', 'bedrock-agentcore:InvokeCodeInterpreter'] } },
] as const satisfies readonly TechniqueSpec[];

/** Every technique, in documentation order. */
export const TECHNIQUES: readonly TechniqueSpec[] = [...ADMIN_TECHNIQUES, ...USER_TECHNIQUES, ...ROLE_TECHNIQUES, ...EXISTING_TECHNIQUES];

export type TechniqueId = (typeof ADMIN_TECHNIQUES | typeof USER_TECHNIQUES | typeof ROLE_TECHNIQUES | typeof EXISTING_TECHNIQUES)[number]['id'];

const BY_ID = new Map(TECHNIQUES.map((t) => [t.id, t]));

/** The label an edge carries in its `technique` list: `iam-001 iam:CreatePolicyVersion`. */
export function techniqueLabel(id: TechniqueId): string {
  const spec = BY_ID.get(id) as TechniqueSpec;
  return `${spec.id} ${spec.name}`;
}
