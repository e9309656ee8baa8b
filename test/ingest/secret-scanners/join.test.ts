// The secret-scanners join: leaks mark the inventory's credentials of the same fingerprint or key id exposed (reference
// records the graph merges into the full record); a leak that matches nothing is marked exposed itself, with a warning.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { JOINS } from '../../../ingest/joins/index.js';
import { fingerprint } from '../../../ingest/secrets.js';
import { resolveLeaks, secretScannersJoin } from '../../../ingest/secret-scanners/join.js';
import { buildGraph } from '../../../src/graph/build.js';
import type { NodeKind, NodeRecord, PropValue, Records } from '../../../src/model/index.js';

function node(id: string, kind: NodeKind, source: string, properties: Record<string, PropValue>): NodeRecord {
  return { id, kind, name: id, tags: [], source, properties, provenance: { source, file: `${source}.json`, line: 1 } };
}
const leak = (fp: string, where: string[], extra: Record<string, PropValue> = {}): NodeRecord =>
  node(`leak/${fp}`, 'Token', 'secret-scanners', { reference: true, fingerprint: fp, exposed_in: where, ...extra });
const marks = (nodes: readonly NodeRecord[]): [string, string, string, Record<string, PropValue>][] =>
  nodes.map((n) => [n.id, n.kind, n.source, n.properties]);

describe('resolveLeaks', () => {
  it('a fingerprint match marks the credential exposed, with every place, and the leak as matched', () => {
    const out = resolveLeaks([
      leak('sha256:aa', ['a.py:1']), node('k/gh', 'Token', 'mcp', { fingerprint: 'sha256:aa', status: 'active' }), leak('sha256:aa', ['b.py:2']),
    ]);
    expect(marks(out.nodes)).toEqual([
      ['k/gh', 'Token', 'join:secret-scanners', { reference: true, exposed: true, exposed_in: ['a.py:1', 'b.py:2'] }],
      ['leak/sha256:aa', 'Token', 'join:secret-scanners', { reference: true, x_matched: ['k/gh'] }],
    ]);
    expect([out.edges, out.diagnostics]).toEqual([[], []]);
  });

  it('a key id match (the fingerprints differ) marks the credential; the paired secret fingerprint matches too', () => {
    const out = resolveLeaks([
      node('aws/key/1', 'APIKey', 'aws-cli', { key_id: 'AKIAIOSFODNN7EXAMPLE' }),
      node('vault/s', 'Secret', 'csv-inventory', { fingerprint: 'sha256:secret-half' }),
      node('leak/sha256:id', 'APIKey', 'secret-scanners', { reference: true, fingerprint: 'sha256:id', key_id: 'AKIAIOSFODNN7EXAMPLE', x_fingerprints: ['sha256:secret-half'], exposed_in: ['x:1'] }),
    ]);
    expect(out.nodes.map((n) => [n.id, n.properties['exposed'], n.properties['x_matched']])).toEqual([
      ['aws/key/1', true, undefined], ['leak/sha256:id', undefined, ['aws/key/1', 'vault/s']], ['vault/s', true, undefined],
    ]);
  });

  it('a leak that matches nothing is marked exposed itself, with a located warning', () => {
    const out = resolveLeaks([leak('sha256:bb', ['c.py:3']), node('k/other', 'Token', 'mcp', { fingerprint: 'sha256:cc' })]);
    expect(marks(out.nodes)).toEqual([['leak/sha256:bb', 'Token', 'join:secret-scanners', { reference: true, exposed: true }]]);
    expect(out.diagnostics.map((d) => [d.severity, d.code, d.file, d.line])).toEqual([['warning', 'dangling-ref', 'secret-scanners.json', 1]]);
    expect(out.diagnostics[0]?.message).toBe('leaked the value of fingerprint sha256:bb (found at c.py:3) matched no credential of the inventory; '
      + 'it is kept as leak/sha256:bb, exposed: revoke it at its issuer and find who holds it');
  });

  it('wants leak nodes and credentials with a fingerprint or key id, nothing else', () => {
    expect([
      leak('sha256:aa', []), node('k', 'APIKey', 'mcp', { fingerprint: 'f' }), node('k2', 'APIKey', 'aws', { key_id: 'AKIA' }),
      node('k3', 'APIKey', 'mcp', {}), node('sa', 'ServiceAccount', 'aws', { key_id: 'AKIA' }),
    ].map((n) => secretScannersJoin.wants(n))).toEqual([true, true, true, false, false]);
    expect(JOINS).toContain(secretScannersJoin);
  });
});

describe('the join on an inventory (JSON graph, MCP config, gitleaks report)', () => {
  const GHP = 'ghp_PLANTEDfakeGitHubToken0123456789abcd';

  /** The directory's records with the join applied (once, whether loadDirectory runs joins yet or not). */
  async function joined(): Promise<Records> {
    const r = await loadDirectory('test/fixtures/secret-scanners/join');
    if (r.nodes.some((n) => n.source === secretScannersJoin.id)) return r;
    const out = secretScannersJoin.resolve(r.nodes.filter((n) => secretScannersJoin.wants(n)));
    return { nodes: [...r.nodes, ...out.nodes], edges: [...r.edges, ...out.edges], diagnostics: [...r.diagnostics, ...out.diagnostics] };
  }

  it('marks the graph key (key id) and both holders of the token (fingerprint) exposed; the Google key stays a lone leak', async () => {
    const records = await joined();
    const { graph, diagnostics } = buildGraph(records);
    const exposed: [string, string, readonly string[]][] = [];
    graph.forEachNode((id, n) => { if (n.properties['exposed'] === true) exposed.push([id, n.source, n.properties['exposed_in'] as string[]]); });
    const C1 = 'commit 3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39';
    const gh = ['.github/scripts/release.sh:3 (' + C1 + ')', '.github/scripts/release.sh:5 (commit 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b)'];
    expect(exposed.sort((a, b) => a[0].localeCompare(b[0]))).toEqual([
      ['acme/key/aws-ci', 'json-graph', [`deploy/settings.py:14 (${C1})`]],
      ['acme/token/gh-release', 'json-graph', gh],
      [`leak/${fingerprint('AIzaPLANTEDfakeGoogleApiKey0123456789ab')}`, 'secret-scanners', ['web/maps.js:9']],
      [`mcp/secret/${fingerprint(GHP)}`, 'mcp', gh],
    ]);
    expect(graph.getNodeAttributes('acme/key/aws-ci').properties).toMatchObject({ status: 'active', key_id: 'AKIAIOSFODNN7EXAMPLE', exposed: true });
    expect(graph.getNodeAttributes(`leak/${fingerprint(GHP)}`).properties['x_matched']).toEqual(['acme/token/gh-release', `mcp/secret/${fingerprint(GHP)}`]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(records.diagnostics.filter((d) => d.code === 'dangling-ref').map((d) => d.source)).toEqual(['join:secret-scanners']);
  });
});
