// Each escalation technique of ingest/aws/techniques.ts: a fixture (test/fixtures/aws/techniques/<id>.json) where
// an attacker holds exactly the technique's permissions, and the edges the attacker gets, exactly.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TECHNIQUES, techniqueLabel, type TechniqueId } from '../../../ingest/aws/techniques.js';
import { ADMIN, AWS_FIXTURES, edgesFrom, id, ingestFixture } from './helpers.js';

const DIR = `${AWS_FIXTURES}/techniques`;
const L = (...ids: TechniqueId[]): string => ids.map(techniqueLabel).join(',');
const USER = id('user', 'attacker');
const ROLE = id('role', 'attacker');
const T_USER = id('user', 'target');
const T_ROLE = id('role', 'target');
const admin = (...ids: TechniqueId[]): string => `CAN_ACCESS|${ADMIN}|${L(...ids)}|`;
const mint = (...ids: TechniqueId[]): string => `CAN_MINT_CREDENTIAL|${T_USER}|${L(...ids)}|`;
const assume = (...ids: TechniqueId[]): string => `CAN_ASSUME|${T_ROLE}|${L(...ids)}|`;
/** Existing-resource techniques: the export cannot tell which resource runs as the role, so the edge is conditional. */
const existing = (...ids: TechniqueId[]): string => `CAN_ASSUME|${T_ROLE}|${L(...ids)}|conditional`;

/** Per fixture: the attacker and every edge it must get (and no other). */
const EXPECTED: Record<TechniqueId, [string, string[]]> = {
  'iam-001': [USER, [admin('iam-001')]],
  'pw-001': [USER, [admin('pw-001')]],
  'iam-005': [ROLE, [admin('iam-005')]],
  'iam-007': [USER, [admin('iam-007')]],
  'iam-008': [USER, [admin('iam-008')]],
  'iam-009': [ROLE, [admin('iam-009')]],
  'iam-010': [USER, [admin('iam-010')]],
  'iam-011': [USER, [admin('iam-011')]],
  'iam-013': [USER, [admin('iam-013')]],
  'iam-014': [USER, [assume(), admin('iam-014')]],
  'iam-015': [USER, [mint('iam-002'), admin('iam-015')]],
  'iam-016': [USER, [assume(), admin('iam-016')]],
  'iam-017': [USER, [assume(), admin('iam-017')]],
  'iam-018': [USER, [mint('iam-002'), admin('iam-018')]],
  'iam-019': [USER, [assume('iam-012'), admin('iam-019')]],
  'iam-020': [USER, [assume('iam-012'), admin('iam-020')]],
  'iam-021': [USER, [assume('iam-012'), admin('iam-021')]],
  'iam-002': [USER, [mint('iam-002')]],
  'iam-004': [USER, [mint('iam-004')]],
  'iam-006': [USER, [mint('iam-006')]],
  'iam-012': [USER, [assume('iam-012')]],
  'lambda-001': [USER, [assume('lambda-001')]],
  'lambda-002': [USER, [assume('lambda-002')]],
  'lambda-006': [USER, [assume('lambda-006')]],
  'ec2-001': [USER, [assume('ec2-001')]],
  'ec2-003': [USER, [assume('ec2-003')]],
  'glue-001': [USER, [assume('glue-001')]],
  'glue-003': [USER, [assume('glue-003')]],
  'glue-004': [USER, [assume('glue-004')]],
  'cloudformation-001': [USER, [assume('cloudformation-001')]],
  'cloudformation-003': [USER, [assume('cloudformation-003')]],
  // NOTE: starting a build of an existing project (codebuild-002/003) needs a subset of codebuild-001/004.
  'codebuild-001': [USER, [assume('codebuild-001', 'codebuild-002')]],
  'codebuild-004': [USER, [assume('codebuild-003', 'codebuild-004')]],
  'datapipeline-001': [USER, [assume('datapipeline-001')]],
  // NOTE: ecs-003 needs a subset of ecs-001's permissions (no CreateCluster), so both name the edge; same for 002/004.
  'ecs-001': [USER, [assume('ecs-001', 'ecs-003')]],
  'ecs-002': [USER, [assume('ecs-002', 'ecs-004')]],
  'ecs-003': [USER, [assume('ecs-003')]],
  'ecs-004': [USER, [assume('ecs-004')]],
  'ecs-005': [USER, [assume('ecs-005')]],
  'sagemaker-001': [USER, [assume('sagemaker-001')]],
  'sagemaker-002': [USER, [assume('sagemaker-002')]],
  'sagemaker-003': [USER, [assume('sagemaker-003')]],
  'apprunner-001': [USER, [assume('apprunner-001')]],
  // NOTE: bedrock-002 (an existing interpreter) needs a subset of bedrock-001's permissions.
  'bedrock-001': [USER, [assume('bedrock-001', 'bedrock-002')]],
  'lambda-003': [USER, [existing('lambda-003')]],
  'lambda-004': [USER, [existing('lambda-003', 'lambda-004')]],
  'lambda-005': [USER, [existing('lambda-003', 'lambda-005')]],
  'glue-002': [USER, [existing('glue-002')]],
  'glue-005': [USER, [existing('glue-005')]],
  'glue-006': [USER, [existing('glue-006')]],
  'cloudformation-002': [USER, [existing('cloudformation-002')]],
  'cloudformation-004': [USER, [existing('cloudformation-004')]],
  'cloudformation-005': [USER, [existing('cloudformation-005')]],
  'codebuild-002': [USER, [existing('codebuild-002')]],
  'codebuild-003': [USER, [existing('codebuild-003')]],
  'ec2-002': [USER, [existing('ec2-002')]],
  'ec2-004': [USER, [existing('ec2-004')]],
  'ec2instanceconnect-003': [USER, [existing('ec2instanceconnect-003')]],
  'ssm-001': [USER, [existing('ssm-001')]],
  'ssm-002': [USER, [existing('ssm-002')]],
  'sagemaker-004': [USER, [existing('sagemaker-004')]],
  'sagemaker-005': [USER, [existing('sagemaker-005')]],
  'apprunner-002': [USER, [existing('apprunner-002')]],
  'bedrock-002': [USER, [existing('bedrock-002')]],
};

describe('aws escalation techniques', () => {
  it('has one fixture per technique and no other', () => {
    expect(readdirSync(DIR).sort()).toEqual(TECHNIQUES.map((t) => `${t.id}.json`).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(TECHNIQUES.map((t) => t.id).sort());
  });

  it('labels techniques by id and name', () => {
    expect(techniqueLabel('iam-001')).toBe('iam-001 iam:CreatePolicyVersion');
    expect(techniqueLabel('lambda-001')).toBe('lambda-001 iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction');
  });

  it.each(TECHNIQUES.map((t) => t.id as TechniqueId))('%s gives exactly its edges', async (tid) => {
    const records = await ingestFixture(`${DIR}/${tid}.json`);
    expect(records.diagnostics).toEqual([]);
    const [attacker, edges] = EXPECTED[tid];
    expect(edgesFrom(records, attacker)).toEqual(new Set(edges));
  });

  it('docs/sources.md lists every technique with its label', () => {
    const doc = readFileSync('docs/sources.md', 'utf8');
    const missing = TECHNIQUES.filter((t) => !doc.includes(`| \`${t.id} ${t.name}\` |`)).map((t) => t.id);
    expect(missing).toEqual([]);
  });
});
