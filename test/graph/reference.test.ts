// Reference nodes (properties.reference): a source that only names a node gives way to the full record of the same
// id from any source, in any order, in both graph builders; references of one id merge silently.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { buildCompact } from '../../src/graph/compact-build.js';
import type { NodeKind, NodeRecord, PropValue, Records } from '../../src/model/index.js';

const AT = new Date('2026-06-01T00:00:00Z');

function node(id: string, kind: NodeKind, source: string, properties: Record<string, PropValue>, name = id): NodeRecord {
  return { id, kind, name, tags: [], source, properties, provenance: { source, file: `${source}.json` } };
}

/** The merged record and the diagnostics, from both builders (which must agree). */
function merge(...nodes: NodeRecord[]): { record: NodeRecord; codes: string[] } {
  const records: Records = { nodes, edges: [], diagnostics: [] };
  const a = buildGraph(records);
  const b = buildCompact(records, { at: AT });
  const id = nodes[0]?.id as string;
  const record = a.graph.getNodeAttributes(id);
  expect(b.lookup.node(id)).toEqual(record);
  const codes = a.diagnostics.map((d) => d.code);
  expect(b.diagnostics.map((d) => d.code)).toEqual(codes);
  return { record, codes };
}

const full = node('aws/1/role/ml', 'Role', 'aws', { platform: 'aws', x_arn: 'arn:aws:iam::1:role/ml' }, 'ml');
const ref = node('aws/1/role/ml', 'Role', 'aws-cli', { reference: true, x_profile: 'ml' }, 'role ml');

describe('reference nodes', () => {
  it('a full record after a reference replaces it and keeps the properties only the reference had', () => {
    const { record, codes } = merge(ref, full);
    expect(codes).toEqual([]);
    expect(record).toEqual({ ...full, properties: { platform: 'aws', x_arn: 'arn:aws:iam::1:role/ml', x_profile: 'ml' } });
  });

  it('a reference after the full record changes nothing but adding what it alone has', () => {
    const { record, codes } = merge(full, ref);
    expect(codes).toEqual([]);
    expect(record).toEqual({ ...full, properties: { platform: 'aws', x_arn: 'arn:aws:iam::1:role/ml', x_profile: 'ml' } });
  });

  it('the full record wins a property both give; list properties are joined', () => {
    const key = node('k', 'APIKey', 'mcp', { fingerprint: 'sha256:aa', exposed_in: ['b.py:3'], status: 'active' });
    const leak1 = node('k', 'APIKey', 'join:secret-scanners', { reference: true, exposed: true, exposed_in: ['a.py:1'], status: 'revoked' });
    const { record } = merge(leak1, key);
    expect(record.properties).toEqual({ fingerprint: 'sha256:aa', exposed: true, exposed_in: ['a.py:1', 'b.py:3'], status: 'active' });
    expect(record.source).toBe('mcp');
  });

  it('two references merge silently and stay a reference', () => {
    const other = node('aws/1/role/ml', 'Role', 'github-actions', { reference: true, x_arn: 'arn:aws:iam::1:role/ml' }, 'other name');
    const { record, codes } = merge(ref, other);
    expect(codes).toEqual([]);
    expect(record).toEqual({ ...ref, properties: { reference: true, x_profile: 'ml', x_arn: 'arn:aws:iam::1:role/ml' } });
  });

  it('two full records that differ are still a conflict, references or not around them', () => {
    const changed = { ...full, name: 'renamed' };
    const { record, codes } = merge(ref, full, changed);
    expect(codes).toEqual(['duplicate-conflict']);
    expect(record.name).toBe('ml');
  });

  it('a reference of another kind is a kind mismatch, not a merge', () => {
    const wrong = node('aws/1/role/ml', 'ServiceAccount', 'k8s', { reference: true });
    const { record, codes } = merge(full, wrong);
    expect(codes).toEqual(['kind-mismatch']);
    expect(record).toEqual(full);
  });
});
