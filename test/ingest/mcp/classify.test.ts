// Unit tests of the value classes and credential names of ingest/mcp/classify.ts (no files).
import { describe, expect, it } from 'vitest';
import { capabilityFlags, classifyValue, credentialKind, isCredentialName, shapeOf } from '../../../ingest/mcp/classify.js';
import { fingerprint } from '../../../ingest/secrets.js';

describe('mcp classify', () => {
  it.each([
    ['${input:github-pat}', 'input'], ['Bearer ${input:pat}', 'input'], ['', 'empty'], ['  ', 'empty'],
    ['YOUR_API_KEY', 'placeholder'], ['your-token-here', 'placeholder'], ['<token>', 'placeholder'], ['xxx', 'placeholder'],
    ['XXXXXXXX', 'placeholder'], ['changeme', 'placeholder'], ['[REDACTED]', 'redacted'], ['***', 'redacted'], ['<redacted>', 'redacted'],
  ])('%j is %s', (value, type) => {
    expect(classifyValue(value)).toEqual({ type });
  });

  it.each([['${GITHUB_TOKEN}', 'GITHUB_TOKEN'], ['$OPENAI_API_KEY', 'OPENAI_API_KEY'], ['${env:PAT}', 'PAT'], ['Bearer ${API_TOKEN}', 'API_TOKEN']])(
    '%j is an environment reference to %s', (value, variable) => {
      expect(classifyValue(value)).toEqual({ type: 'env', variable });
    });

  it('a real value is only its fingerprint, with its shape; a Bearer prefix is not part of it', () => {
    expect(classifyValue('Bearer xoxp-0000000000-abcdefghij')).toEqual({ type: 'secret', fingerprint: fingerprint('xoxp-0000000000-abcdefghij'), shape: 'Slack token' });
    expect(classifyValue('hunter2-hunter2')).toEqual({ type: 'secret', fingerprint: fingerprint('hunter2-hunter2'), shape: undefined });
  });

  it('shapes: AWS key id, GitHub fine-grained PAT, Anthropic before OpenAI', () => {
    expect(shapeOf('ASIAABCDEFGHIJKLMNOP')).toBe('AWS access key id');
    expect(shapeOf('github_pat_0123456789abcdefghijABCDEFG')).toBe('GitHub token');
    expect(shapeOf('sk-ant-0123456789abcdefghij')).toBe('Anthropic API key');
    expect(shapeOf('us-east-1')).toBeUndefined();
    expect(credentialKind('Anthropic API key')).toEqual({ kind: 'APIKey', provider: 'anthropic' });
    expect(credentialKind('GITHUB_TOKEN')).toEqual({ kind: 'Token' });
    expect(credentialKind('DB_PASSWORD')).toEqual({ kind: 'Secret' });
  });

  it('credential names, and the names that are not', () => {
    expect(['GITHUB_PERSONAL_ACCESS_TOKEN', 'OPENAI_API_KEY', 'Authorization', 'X-API-Key', '--api-key', 'DB_PASSWORD', 'CLIENT_SECRET', 'GH_PAT']
      .filter((n) => !isCredentialName(n))).toEqual([]);
    expect(['AWS_REGION', 'LOG_LEVEL', 'CENSYS_API_ID', 'GOOGLE_APPLICATION_CREDENTIALS_FILE', 'TOKEN_URL', 'AUTHORIZED_SCOPE', 'KEYBOARD']
      .filter((n) => isCredentialName(n))).toEqual([]);
  });

  it('capability flags: allow/enable/read-only/disable, not other options', () => {
    expect(capabilityFlags(['x', '--allow-write', '--allow-write', '--read-only=true', '--no-project', '--python', '--enable-aws-resource-write']))
      .toEqual(['--allow-write', '--read-only', '--enable-aws-resource-write']);
  });
});
