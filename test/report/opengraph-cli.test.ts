// `pathwarden export --format opengraph|opengraph-extension` end to end (built CLI): exit 0, the payload on stdout
// with as many nodes and edges as the JSON export, and json still the default.
import { describe, expect, it } from 'vitest';
import { pathwarden, STACK_FRAME } from '../helpers/exec.js';

interface Payload { metadata: { source_kind: string }; graph: { nodes: { id: string; kinds: string[] }[]; edges: { kind: string }[] } }

describe('export --format opengraph (CLI)', () => {
  it('writes the OpenGraph payload of examples/acme', async () => {
    const og = await pathwarden(['export', 'examples/acme', '--format', 'opengraph', '--at', '2026-03-01T00:00:00Z']);
    const json = await pathwarden(['export', 'examples/acme']);
    expect([og.code, og.stderr, json.code]).toEqual([0, '', 0]);
    const doc = JSON.parse(og.stdout) as Payload;
    const plain = JSON.parse(json.stdout) as { format: string; nodes: unknown[]; edges: unknown[] };
    expect(Object.keys(doc)).toEqual(['metadata', 'graph']);
    expect(doc.metadata).toEqual({ source_kind: 'pathwarden' });
    expect([doc.graph.nodes.length, doc.graph.edges.length, plain.format]).toEqual([304, 582, 'pathwarden-graph']);
    expect([plain.nodes.length, plain.edges.length]).toEqual([304, 582]);
    expect(doc.graph.nodes[0]).toMatchObject({ id: 'acme/agent/claude-code-wei', kinds: ['PW_AIAgent', 'PW_Base'] });
  });

  it('writes the extension definition without an inventory', async () => {
    const r = await pathwarden(['export', '--format', 'opengraph-extension']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const ext = JSON.parse(r.stdout) as { schema: { namespace: string }; node_kinds: unknown[]; relationship_kinds: unknown[] };
    expect([ext.schema.namespace, ext.node_kinds.length, ext.relationship_kinds.length]).toEqual(['PW', 15, 14]);
  });

  it('refuses an unknown format as bad usage', async () => {
    const r = await pathwarden(['export', 'examples/acme', '--format', 'sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/argument 'sarif' is invalid\. Allowed choices are json, opengraph, opengraph-extension/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
