// Bedrock and SageMaker: actions classified alter/consume (ingest/aws/ai-actions.ts), Model nodes for the ARNs
// policies name, and CAN_ALTER / CAN_INVOKE from whoever may call the classified actions on them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AI_ACTIONS, modelOfArn } from '../../../ingest/aws/ai-actions.js';
import { edgesOf, nodesOf } from '../tuples.js';
import { AWS_FIXTURES, id, ingestFixture } from './helpers.js';

const EP = 'aws/model/arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scorer';
const FM = 'aws/model/arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
const AGENT = 'aws/model/arn:aws:bedrock:us-east-1:111122223333:agent/AGENT12345';

describe('aws AI actions', () => {
  it('maps model ARNs to models; wildcards and unknown types are not models', () => {
    expect(modelOfArn('arn:aws:bedrock:eu-west-1:1:agent-alias/AG/AL')).toEqual({ arn: 'arn:aws:bedrock:eu-west-1:1:agent/AG', service: 'bedrock', type: 'agent', name: 'AG' });
    expect(modelOfArn('arn:aws:sagemaker:eu-west-1:1:endpoint/x')).toEqual({ arn: 'arn:aws:sagemaker:eu-west-1:1:endpoint/x', service: 'sagemaker', type: 'endpoint', name: 'x' });
    expect(modelOfArn('arn:aws:sagemaker:eu-west-1:1:endpoint/x-*')).toBeUndefined();
    expect(modelOfArn('arn:aws:sagemaker:eu-west-1:1:notebook-instance/x')).toBeUndefined();
  });

  it('derives exactly the alter and invoke edges of the principals allowed on each named model', async () => {
    const r = await ingestFixture(`${AWS_FIXTURES}/cases/bedrock-sagemaker.json`);
    expect(r.diagnostics).toEqual([]);
    expect(nodesOf(r, 'Model')).toEqual(new Set([EP, FM, AGENT]));
    expect(edgesOf(r, 'CAN_INVOKE')).toEqual(new Set([`${id('user', 'ml-engineer')}|CAN_INVOKE|${EP}`, `${id('user', 'app')}|CAN_INVOKE|${FM}`, `${id('user', 'app')}|CAN_INVOKE|${AGENT}`]));
    expect([...r.edges.filter((e) => e.kind === 'CAN_ALTER')].map((e) => `${e.from}|${String(e.properties['action'])}|${e.to}`).sort()).toEqual([
      `${id('user', 'agent-admin')}|configure|${AGENT}`, `${id('user', 'ml-engineer')}|deploy|${EP}`,
    ]);
    expect(r.nodes.find((n) => n.id === EP)).toMatchObject({ name: 'endpoint fraud-scorer', properties: { provider: 'sagemaker' } });
  });

  it('docs/sources.md lists every classified action', () => {
    const doc = readFileSync('docs/sources.md', 'utf8');
    expect(AI_ACTIONS.filter((a) => !doc.includes(`| \`${a.action}\` |`)).map((a) => a.action)).toEqual([]);
  });
});
