// `pathwarden export`: the JSON graph document of test/fixtures/cli/basic, and secret values never written.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cliFixture, pathwarden } from '../helpers/exec.js';

interface JsonGraph {
  format: string; version: number;
  nodes: { id: string; kind: string; properties: Record<string, unknown> }[];
  edges: { kind: string; from: string; to: string }[];
}

describe('pathwarden export', () => {
  it('writes every node and edge of the inventory', async () => {
    const r = await pathwarden(['export', cliFixture('basic')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as JsonGraph;
    expect([doc.format, doc.version]).toEqual(['pathwarden-graph', 1]);
    expect(doc.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['t/agent/support-bot', 'AIAgent'], ['t/human/alice', 'Human'], ['t/key/deploy-key', 'APIKey'],
      ['t/model/support-llm', 'Model'], ['t/res/customer-db', 'Resource'], ['t/res/wiki', 'Resource'], ['t/sa/deployer', 'ServiceAccount'],
    ]);
    expect(doc.edges.map((e) => `${e.from} ${e.kind} ${e.to}`).sort()).toEqual([
      't/agent/support-bot HAS_CREDENTIAL t/key/deploy-key',
      't/human/alice CAN_ALTER t/model/support-llm',
      't/key/deploy-key AUTHENTICATES_AS t/sa/deployer',
      't/sa/deployer CAN_ACCESS t/res/customer-db',
      't/sa/deployer CAN_ACCESS t/res/wiki',
      't/sa/deployer CAN_ALTER t/model/support-llm',
      't/sa/deployer CAN_INVOKE t/model/support-llm',
    ]);
  });

  it('never writes a secret value, only its fingerprint', async () => {
    const value = 'hunter2-Zq7Lk2mN9pQ4rS8t';
    const fingerprint = `sha256:${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;
    const r = await pathwarden(['export', cliFixture('secret')]);
    expect(r.code).toBe(0);
    const secret = (JSON.parse(r.stdout) as JsonGraph).nodes.find((n) => n.id === 't/secret/db-password');
    expect(secret?.properties['fingerprint']).toBe(fingerprint);
    expect(r.stderr).toContain('secret-fingerprinted');
    for (const out of [r.stdout, r.stderr]) expect(out).not.toContain('hunter2');
    const analyzed = await pathwarden(['analyze', cliFixture('secret'), '--format', 'json']);
    expect(analyzed.code).toBe(0);
    for (const out of [analyzed.stdout, analyzed.stderr]) expect(out).not.toContain('hunter2');
  });
});
