// The qualifier an edge shows in paths and findings: its action, environment or scopes, and the escalation
// technique that gives it (AWS export edges), so a finding names how an identity escalates.
import { describe, expect, it } from 'vitest';
import { edgeQualifier } from '../../src/graph/lookup.js';

describe('edgeQualifier', () => {
  it('shows the action, environment or scopes, then the technique', () => {
    expect(edgeQualifier({ properties: { action: 'admin' } })).toBe('admin');
    expect(edgeQualifier({ properties: { environment: 'prod' } })).toBe('prod');
    expect(edgeQualifier({ properties: { scopes: ['repo', 'read:org'] } })).toBe('scopes=repo read:org');
    expect(edgeQualifier({ properties: {} })).toBeUndefined();
    expect(edgeQualifier({ properties: { action: 'admin', technique: ['iam-001 iam:CreatePolicyVersion'] } })).toBe('admin via iam-001 iam:CreatePolicyVersion');
    expect(edgeQualifier({ properties: { technique: ['iam-002 iam:CreateAccessKey', 'iam-005 iam:UpdateLoginProfile'] } }))
      .toBe('via iam-002 iam:CreateAccessKey, iam-005 iam:UpdateLoginProfile');
    expect(edgeQualifier({ properties: { action: 'read', technique: [] } })).toBe('read');
  });
});
