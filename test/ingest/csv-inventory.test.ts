// csv-inventory through loadDirectory + buildGraph on raw fixture folders: sets of node ids and edges, exact diagnostics.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../ingest/index.js';
import { buildGraph } from '../../src/graph/build.js';
import { diagTuples, edgesOf, FIXTURES, nodesOf } from './tuples.js';

async function load(fixture: string) {
  const records = await loadDirectory(`${FIXTURES}/${fixture}`);
  const built = buildGraph(records);
  return { records, built, diagnostics: [...records.diagnostics, ...built.diagnostics] };
}

describe('csv-inventory: basic inventory', () => {
  it('loads every file into the expected nodes and edges', async () => {
    const { records, built, diagnostics } = await load('basic');
    expect(nodesOf(records, 'Human')).toEqual(new Set(['acme/human/alice']));
    expect(nodesOf(records, 'AIAgent')).toEqual(new Set(['acme/agent/support']));
    expect(nodesOf(records, 'ServiceAccount')).toEqual(new Set(['acme/sa/ci-deployer']));
    expect(nodesOf(records, 'OAuthApp')).toEqual(new Set(['acme/app/crm']));
    expect(nodesOf(records, 'Group')).toEqual(new Set(['acme/group/ml']));
    expect(nodesOf(records, 'APIKey')).toEqual(new Set(['acme/key/ci']));
    expect(nodesOf(records, 'Model')).toEqual(new Set(['acme/model/support-llm']));
    expect(nodesOf(records, 'Dataset')).toEqual(new Set(['acme/dataset/tickets']));
    expect(nodesOf(records, 'Pipeline')).toEqual(new Set(['acme/pipeline/train']));
    expect(nodesOf(records, 'Resource')).toEqual(new Set(['acme/res/customer-db']));
    expect(edgesOf(records)).toEqual(new Set([
      'acme/agent/support|HAS_CREDENTIAL|acme/key/ci',
      'acme/pipeline/train|HAS_CREDENTIAL|acme/key/ci',
      'acme/key/ci|AUTHENTICATES_AS|acme/sa/ci-deployer',
      'acme/dataset/tickets|TRAINS|acme/model/support-llm',
      'acme/pipeline/train|TRAINS|acme/model/support-llm',
      'acme/pipeline/train|DEPLOYS|acme/model/support-llm',
      'acme/app/crm|DELEGATED|acme/human/alice',
      'acme/human/alice|MEMBER_OF|acme/group/ml',
      'acme/pipeline/train|RUNS_AS|acme/sa/ci-deployer',
      'acme/group/ml|CAN_ALTER|acme/model/support-llm',
      'acme/sa/ci-deployer|CAN_INVOKE|acme/model/support-llm',
      'acme/sa/ci-deployer|CAN_ACCESS|acme/res/customer-db',
    ]));
    expect(diagTuples(diagnostics)).toEqual([['warning', 'secret-fingerprinted', 'credentials.csv', 2, 10, 'value']]);
    expect(built.graph.order).toBe(10);
    expect(built.graph.size).toBe(12);
  });

  it('types, normalises and defaults values', async () => {
    const { records, built } = await load('basic');
    const node = (id: string) => records.nodes.find((n) => n.id === id);
    expect(node('acme/human/alice')).toMatchObject({
      name: 'Alice', owner: 'secops', environment: 'prod', tags: ['admin', 'oncall'], source: 'csv-inventory',
      properties: { email: 'alice@acme.example', x_team: 'platform' },
      provenance: { source: 'csv-inventory', file: `${FIXTURES}/basic/identities.csv`, line: 2 },
    });
    expect(node('acme/sa/ci-deployer')?.name).toBe('acme/sa/ci-deployer');
    expect(node('acme/res/customer-db')).toMatchObject({ kind: 'Resource', properties: { tier: 0, type: 'database' } });
    expect(node('acme/key/ci')?.properties).toEqual({
      provider: 'aws', status: 'active', created_at: '2026-01-05T00:00:00.000Z', expires_at: '2027-01-05T10:00:00.000Z',
      fingerprint: 'sha256:f087fff582c3c1c0',
    });
    const edge = (kind: string, to: string) => records.edges.find((e) => e.kind === kind && e.to === to);
    expect(edge('DELEGATED', 'acme/human/alice')?.properties).toEqual({
      scopes: ['mail.read', 'files.*'], created_at: '2026-02-01T00:00:00.000Z', note: 'consented by alice',
    });
    expect(edge('RUNS_AS', 'acme/sa/ci-deployer')?.properties).toEqual({ conditional: false });
    expect(edge('CAN_ALTER', 'acme/model/support-llm')?.properties).toEqual({ action: 'fine_tune' });
    // CAN_INVOKE without environment takes the model's environment at build time
    expect(built.graph.getEdgeAttributes('acme/sa/ci-deployer-[CAN_INVOKE]->acme/model/support-llm#environment=prod').properties)
      .toEqual({ environment: 'prod' });
  });

  it('summarises each file and skips exceptions.csv and the README', async () => {
    const { records } = await load('basic');
    expect(records.files.map((f) => [f.file.split('/').pop(), f.source, f.nodes, f.edges, f.rejected])).toEqual([
      ['assets.csv', 'csv-inventory', 3, 3, 0],
      ['bindings.csv', 'csv-inventory', 0, 2, 0],
      ['credentials.csv', 'csv-inventory', 1, 3, 0],
      ['identities.csv', 'csv-inventory', 5, 0, 0],
      ['oauth-grants.csv', 'csv-inventory', 0, 1, 0],
      ['permissions.csv', 'csv-inventory', 0, 3, 0],
      ['resources.csv', 'csv-inventory', 1, 0, 0],
    ]);
  });
});

describe('csv-inventory: rejected input', () => {
  it('unknown kind: the row is skipped, the others load', async () => {
    const { records, diagnostics } = await load('unknown-kind');
    expect(nodesOf(records, 'Human')).toEqual(new Set(['acme/human/alice', 'acme/human/bob']));
    expect(diagTuples(diagnostics)).toEqual([['error', 'unknown-kind', 'identities.csv', 3, 2, 'kind']]);
    expect(diagnostics[0]?.message).toContain('valid kinds here: Human, AIAgent, ServiceAccount, WorkloadIdentity, OAuthApp, Group, Role');
  });

  it('dangling reference: the edge is dropped at build, located at its row', async () => {
    const { built, diagnostics } = await load('dangling-ref');
    expect(built.graph.edges()).toEqual(['acme/human/alice-[CAN_ASSUME]->acme/role/admin']);
    expect(diagTuples(diagnostics)).toEqual([['error', 'dangling-ref', 'bindings.csv', 3, undefined, 'to']]);
    expect(diagnostics[0]?.message).toContain('acme/role/ghost');
  });

  it('duplicate id with conflicting data: the first is kept and both locations are named', async () => {
    const { built, diagnostics } = await load('duplicate-conflict');
    expect(built.graph.nodes().sort()).toEqual(['acme/human/alice', 'acme/sa/bot']);
    expect(built.graph.getNodeAttributes('acme/sa/bot')).toMatchObject({ owner: 'platform', provenance: { line: 3 } });
    expect(diagTuples(diagnostics)).toEqual([['error', 'duplicate-conflict', 'identities.csv', 5, undefined, 'id']]);
    expect(diagnostics[0]?.message).toMatch(/different owner.*identities\.csv:3/);
  });

  it('bad date: the row is rejected with the column of the field', async () => {
    const { records, diagnostics } = await load('bad-date');
    expect(new Set(records.nodes.map((n) => n.id))).toEqual(new Set(['acme/key/good', 'acme/token/ok']));
    expect(diagTuples(diagnostics)).toEqual([['error', 'bad-date', 'credentials.csv', 3, 5, 'expires_at']]);
  });

  it('wrong column set: each bad file is skipped with one diagnostic, the good file loads', async () => {
    const { records, diagnostics } = await load('bad-header');
    expect(new Set(records.nodes.map((n) => n.id))).toEqual(new Set(['acme/res/db']));
    expect(records.edges).toEqual([]);
    expect(diagTuples(diagnostics)).toEqual([
      ['error', 'missing-column', 'bindings.csv', 1, undefined, 'to'],
      ['error', 'unknown-column', 'identities.csv', 1, 3, 'colour'],
    ]);
  });

  it('malformed CSV: rows before the unterminated quote are kept, one diagnostic names the line', async () => {
    const { records, diagnostics } = await load('malformed');
    expect(nodesOf(records, 'Human')).toEqual(new Set(['acme/human/alice', 'acme/human/bob']));
    expect(records.nodes.find((n) => n.id === 'acme/human/bob')?.name).toBe('Bob, Jr.');
    expect(nodesOf(records, 'Resource')).toEqual(new Set(['acme/res/db']));
    expect(diagTuples(diagnostics)).toEqual([['error', 'malformed-csv', 'identities.csv', 4, 1, undefined]]);
  });
});

describe('csv-inventory: secrets', () => {
  const RAW = ['sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z', 'ghp_Zq7Lk2mN9pQ4rS8tV1wX3yA5bC6dE0fGhIjK', 'sk-ant-api03-Qw3rTy7uIo0pAs4dFg8hJk1lZx5cVb9nM'];

  it('replaces secret values by fingerprints and never stores them', async () => {
    const { records, built, diagnostics } = await load('secret');
    expect(diagTuples(diagnostics)).toEqual([
      ['warning', 'secret-fingerprinted', 'credentials.csv', 2, 4, 'value'],
      ['warning', 'secret-fingerprinted', 'credentials.csv', 3, 5, 'x_note'],
      ['warning', 'secret-fingerprinted', 'credentials.csv', 4, 5, 'x_note'],
    ]);
    const props = (id: string) => records.nodes.find((n) => n.id === id)?.properties;
    expect(props('acme/key/openai')?.['fingerprint']).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(props('acme/token/gh')?.['x_note']).toMatch(/^leaked sha256:[0-9a-f]{16} in chat$/);
    expect(props('acme/key/claude')?.['x_note']).toMatch(/^sha256:[0-9a-f]{16}$/);
    const everything = JSON.stringify([records, diagnostics, built.graph.export()]);
    for (const raw of RAW) expect(everything).not.toContain(raw);
    expect(everything).not.toContain('Zq7Lk2mN9pQ4rS8tV1wX3yA5bC6dE0');
  });
});

describe('loadDirectory', () => {
  it('throws InputError for a missing directory', async () => {
    const { InputError } = await import('../../src/model/index.js');
    await expect(loadDirectory(`${FIXTURES}/does-not-exist`)).rejects.toBeInstanceOf(InputError);
  });

  it('reports progress as a running row count across files', async () => {
    const seen: number[] = [];
    await loadDirectory(`${FIXTURES}/basic`, { onRow: (n) => seen.push(n) });
    // 16 data rows in 7 files (exceptions.csv is not read)
    expect(seen).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });
});
