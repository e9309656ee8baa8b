// ingest/aws/policy.ts: parsing (object, JSON text, URL-encoded) and evaluation of one request.
import { describe, expect, it } from 'vitest';
import { ANY_RESOURCE, evaluate, globMatch, parsePolicyDocument, type PolicyDocument, type Subject } from '../../../ingest/aws/policy.js';

function doc(...statements: unknown[]): PolicyDocument {
  const parsed = parsePolicyDocument({ Version: '2012-10-17', Statement: statements }, 'test');
  if ('reason' in parsed) throw new Error(parsed.reason);
  return parsed;
}
const subject = (identity: PolicyDocument[], boundary?: PolicyDocument, userName?: string): Subject => ({ identity, ...(boundary ? { boundary } : {}), ...(userName ? { userName } : {}) });
const ROLE = 'arn:aws:iam::111122223333:role/app';

describe('aws policy parsing', () => {
  it('reads objects, JSON text and URL-encoded JSON alike', () => {
    const object = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'S3:GetObject', Resource: 'arn:aws:s3:::b/*' } };
    const expected = { label: 'p', statements: [{ effect: 'Allow', actions: ['s3:getobject'], resources: ['arn:aws:s3:::b/*'] }] };
    expect(parsePolicyDocument(object, 'p')).toEqual(expected);
    expect(parsePolicyDocument(JSON.stringify(object), 'p')).toEqual(expected);
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(object)), 'p')).toEqual(expected);
  });

  it('names the place of a bad statement', () => {
    expect(parsePolicyDocument({ Statement: [{ Effect: 'Allow', Action: '*' }, { Effect: 'Allow', Resource: '*' }] }, 'p')).toEqual({ at: '.Statement[1].Action', reason: 'a statement needs Action or NotAction' });
    expect(parsePolicyDocument({ Statement: [{ Effect: 'Allow', Action: [1] }] }, 'p')).toEqual({ at: '.Statement[0].Action', reason: 'Action must be a string or a list of strings' });
    expect(parsePolicyDocument('%7Bbroken', 'p')).toEqual({ at: '', reason: 'the policy document is neither JSON nor URL-encoded JSON' });
    expect(parsePolicyDocument({}, 'p')).toEqual({ at: '.Statement', reason: 'the policy document has no Statement' });
  });
});

describe('aws policy evaluation', () => {
  it('matches actions case-insensitively with wildcards, ARNs case-sensitively', () => {
    expect(globMatch('iam:put*policy', 'iam:putrolepolicy')).toBe(true);
    expect(globMatch('iam:?etrole', 'iam:getrole')).toBe(true);
    expect(globMatch('iam:put*policy', 'iam:putroleboundary')).toBe(false);
    expect(globMatch('arn:aws:iam::*:role/App*', 'arn:aws:iam::1:role/app', true)).toBe(false);
    const s = subject([doc({ Effect: 'Allow', Action: 'IAM:Put*', Resource: 'arn:aws:iam::*:role/a*' })]);
    expect(evaluate(s, 'iam:PutRolePolicy', ROLE)).toEqual({ conditional: false });
    expect(evaluate(s, 'iam:PutRolePolicy', 'arn:aws:iam::111122223333:role/web')).toBeUndefined();
  });

  it('explicit deny wins across policies; no allow is a deny', () => {
    const allow = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    const deny = doc({ Effect: 'Deny', Action: 'iam:*', Resource: '*' });
    expect(evaluate(subject([allow, deny]), 'iam:PassRole', ROLE)).toBeUndefined();
    expect(evaluate(subject([allow, deny]), 's3:GetObject', 'arn:aws:s3:::b/k')).toEqual({ conditional: false });
    expect(evaluate(subject([deny]), 's3:GetObject', 'arn:aws:s3:::b/k')).toBeUndefined();
  });

  it('NotAction and NotResource allow everything else', () => {
    const s = subject([doc({ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret/*' })]);
    expect(evaluate(s, 'iam:PassRole', ROLE)).toBeUndefined();
    expect(evaluate(s, 's3:GetObject', 'arn:aws:s3:::secret/k')).toBeUndefined();
    expect(evaluate(s, 's3:GetObject', 'arn:aws:s3:::public/k')).toEqual({ conditional: false });
  });

  it('a permissions boundary must allow too, and its denies count', () => {
    const all = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    expect(evaluate(subject([all], doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })), 'iam:PassRole', ROLE)).toBeUndefined();
    expect(evaluate(subject([all], doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })), 's3:PutObject', 'arn:aws:s3:::b/k')).toEqual({ conditional: false });
    expect(evaluate(subject([all], doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' })), 's3:PutObject', 'arn:aws:s3:::b/k')).toBeUndefined();
  });

  it('conditions make allows, and denies that may apply, conditional', () => {
    const mfa = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    expect(evaluate(subject([doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: mfa })]), 'iam:PassRole', ROLE)).toEqual({ conditional: true });
    expect(evaluate(subject([doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: mfa })]), 'iam:PassRole', ROLE)).toEqual({ conditional: true });
  });

  it('resolves ${aws:username}; other variables match anything, conditionally', () => {
    const self = doc({ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::*:user/${aws:username}' });
    expect(evaluate(subject([self], undefined, 'bob'), 'iam:CreateAccessKey', 'arn:aws:iam::1:user/bob')).toEqual({ conditional: false });
    expect(evaluate(subject([self], undefined, 'bob'), 'iam:CreateAccessKey', 'arn:aws:iam::1:user/alice')).toBeUndefined();
    expect(evaluate(subject([self]), 'iam:CreateAccessKey', 'arn:aws:iam::1:user/alice')).toEqual({ conditional: true });
  });

  it('a resource the requester picks needs some allowed resource; only a deny on * blocks it', () => {
    const scoped = doc({ Effect: 'Allow', Action: 'lambda:CreateFunction', Resource: 'arn:aws:lambda:*:*:function:team-*' });
    expect(evaluate(subject([scoped]), 'lambda:CreateFunction', ANY_RESOURCE)).toEqual({ conditional: false });
    expect(evaluate(subject([scoped, doc({ Effect: 'Deny', Action: 'lambda:*', Resource: 'arn:aws:lambda:*:*:function:prod-*' })]), 'lambda:CreateFunction', ANY_RESOURCE)).toEqual({ conditional: false });
    expect(evaluate(subject([scoped, doc({ Effect: 'Deny', Action: 'lambda:*', Resource: '*' })]), 'lambda:CreateFunction', ANY_RESOURCE)).toBeUndefined();
  });
});

describe('aws policy conditions decided by time', () => {
  const all = { Effect: 'Allow', Action: '*', Resource: '*' };
  it('an allow bounded by aws:CurrentTime or aws:EpochTime is a validity window, not a condition', () => {
    expect(evaluate(subject([doc({ ...all, Condition: { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } } })]), 'iam:PassRole', ROLE))
      .toEqual({ conditional: false, until: '2026-01-01T00:00:00.000Z' });
    expect(evaluate(subject([doc({ ...all, Condition: { DateGreaterThan: { 'aws:EpochTime': '1735689600' }, DateLessThanEquals: { 'aws:CurrentTime': ['2025-06-01', '2025-03-01'] } } })]), 'iam:PassRole', ROLE))
      .toEqual({ conditional: false, from: '2025-01-01T00:00:00.000Z', until: '2025-06-01T00:00:00.000Z' });
  });

  it('outside a time-bound deny the allow holds; a deny on older tokens does not stop new sessions', () => {
    expect(evaluate(subject([doc(all, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } } })]), 'iam:PassRole', ROLE))
      .toEqual({ conditional: false, until: '2026-01-01T00:00:00.000Z' });
    expect(evaluate(subject([doc(all, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:TokenIssueTime': '2025-06-01T00:00:00Z' } } })]), 'iam:PassRole', ROLE))
      .toEqual({ conditional: false });
  });

  it('time mixed with another key stays conditional; disjoint windows deny', () => {
    expect(evaluate(subject([doc({ ...all, Condition: { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' }, Bool: { 'aws:SecureTransport': 'true' } } })]), 'iam:PassRole', ROLE))
      .toEqual({ conditional: true });
    expect(evaluate(subject([doc({ ...all, Condition: { DateLessThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' }, DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } } })]), 'iam:PassRole', ROLE))
      .toBeUndefined();
  });
});
