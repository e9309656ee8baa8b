// transform (pure): raw rows → records or diagnostics, without touching files.
import { describe, expect, it } from 'vitest';
import { csvFileSpec, type CsvFileSpec } from '../../ingest/csv-inventory/files.js';
import { transformHeader, transformRow } from '../../ingest/csv-inventory/transform.js';
import { diagTuples, edgesOf } from './tuples.js';

function run(file: string, header: string[], ...rows: string[][]) {
  const spec = csvFileSpec(file) as CsvFileSpec;
  const checked = transformHeader(spec, { type: 'row', line: 1, cells: header }, file);
  if ('diagnostic' in checked) throw new Error(checked.diagnostic.message);
  return rows.map((cells, i) => transformRow(spec, checked.header, { type: 'row', line: i + 2, cells }, file));
}

describe('csv transform: node rows', () => {
  it('rejects a tier outside 0..4 and a non-integer tier', () => {
    const [a, b, c] = run('resources.csv', ['id', 'tier'], ['r1', '5'], ['r2', 'high'], ['r3', ' 4 ']);
    expect(diagTuples(a!.diagnostics)).toEqual([['error', 'bad-value', 'resources.csv', 2, 2, 'tier']]);
    expect(diagTuples(b!.diagnostics)).toEqual([['error', 'bad-value', 'resources.csv', 3, 2, 'tier']]);
    expect(a!.nodes).toEqual([]);
    expect(c!.nodes[0]?.properties).toEqual({ tier: 4 });
  });

  it('requires tier for a resource and id everywhere', () => {
    const [a, b] = run('resources.csv', ['id', 'tier', 'type'], ['r1', '', 'db'], ['', '1', 'db']);
    expect(diagTuples(a!.diagnostics)).toEqual([['error', 'missing-field', 'resources.csv', 2, 2, 'tier']]);
    expect(diagTuples(b!.diagnostics)).toEqual([['error', 'missing-field', 'resources.csv', 3, 1, 'id']]);
  });

  it('rejects a bad enum value and a bad environment', () => {
    const [a, b] = run('credentials.csv', ['id', 'kind', 'status', 'environment'], ['k1', 'APIKey', 'expired', ''], ['k2', 'Token', 'Active', 'moon']);
    expect(diagTuples(a!.diagnostics)).toEqual([['error', 'bad-value', 'credentials.csv', 2, 3, 'status']]);
    expect(a!.diagnostics[0]?.message).toBe('"expired" is not one of active, disabled, revoked');
    expect(diagTuples(b!.diagnostics)).toEqual([['error', 'bad-value', 'credentials.csv', 3, 4, 'environment']]);
  });

  it('accepts environment aliases and case-insensitive kinds', () => {
    const [a] = run('identities.csv', ['id', 'kind', 'environment'], ['a1', 'aiagent', 'stg']);
    expect(a!.nodes[0]).toMatchObject({ kind: 'AIAgent', environment: 'staging' });
  });

  it('puts a kind that belongs in another file down as unknown-kind, naming that file', () => {
    const [a] = run('identities.csv', ['id', 'kind'], ['m1', 'Model']);
    expect(diagTuples(a!.diagnostics)).toEqual([['error', 'unknown-kind', 'identities.csv', 2, 2, 'kind']]);
    expect(a!.diagnostics[0]?.message).toContain('Model rows belong in assets.csv');
  });

  it('rejects a link column whose edge cannot start at the row kind (kind-mismatch) and self-loops', () => {
    const [a, b] = run('assets.csv', ['id', 'kind', 'deploys', 'trains'], ['d1', 'Dataset', 'm1', ''], ['p1', 'Pipeline', '', 'p1']);
    expect(diagTuples(a!.diagnostics)).toEqual([['error', 'kind-mismatch', 'assets.csv', 2, 3, 'deploys']]);
    expect(diagTuples(b!.diagnostics)).toEqual([['error', 'bad-value', 'assets.csv', 3, 4, 'trains']]);
    expect([...a!.nodes, ...b!.nodes]).toEqual([]);
  });

  it('ignores, with a warning, a property that the row kind does not have', () => {
    const [a] = run('identities.csv', ['id', 'kind', 'email'], ['g1', 'Group', 'g@x.example']);
    expect(diagTuples(a!.diagnostics)).toEqual([['warning', 'bad-value', 'identities.csv', 2, 3, 'email']]);
    expect(a!.nodes[0]?.properties).toEqual({});
  });

  it('rejects a row with more cells than the header', () => {
    const [a] = run('identities.csv', ['id', 'kind'], ['h1', 'Human', 'extra']);
    expect(diagTuples(a!.diagnostics)).toEqual([['error', 'malformed-csv', 'identities.csv', 2, 3, undefined]]);
  });

  it('skips blank rows silently', () => {
    const [a] = run('identities.csv', ['id', 'kind'], ['', ' ']);
    expect(a).toEqual({ nodes: [], edges: [], diagnostics: [] });
  });
});

describe('csv transform: edge rows', () => {
  it('normalises edge kind spellings and requires action for CAN_ALTER / CAN_ACCESS', () => {
    const rows = run('permissions.csv', ['from', 'kind', 'to', 'action'],
      ['a', 'can-alter', 'm', 'write_weights'], ['a', 'CAN_ALTER', 'm', ''], ['a', 'can_access', 'r', 'delete']);
    expect(edgesOf(rows[0]!)).toEqual(new Set(['a|CAN_ALTER|m']));
    expect(diagTuples(rows[1]!.diagnostics)).toEqual([['error', 'missing-field', 'permissions.csv', 3, 4, 'action']]);
    expect(diagTuples(rows[2]!.diagnostics)).toEqual([['error', 'bad-value', 'permissions.csv', 4, 4, 'action']]);
  });

  it('rejects act-as kinds in permissions.csv and self-loops', () => {
    const [a, b] = run('permissions.csv', ['from', 'kind', 'to'], ['a', 'MEMBER_OF', 'g'], ['a', 'TRAINS', 'a']);
    expect(diagTuples(a!.diagnostics)).toEqual([['error', 'unknown-kind', 'permissions.csv', 2, 2, 'kind']]);
    expect(diagTuples(b!.diagnostics)).toEqual([['error', 'bad-value', 'permissions.csv', 3, 3, 'to']]);
  });

  it('reads oauth-grants scopes separated by spaces or semicolons; empty scopes are absent', () => {
    const [a, b] = run('oauth-grants.csv', ['app', 'user', 'scopes'], ['app1', 'u1', 'mail.read;files.*  calendar'], ['app1', 'u2', '']);
    expect(a!.edges[0]?.properties).toEqual({ scopes: ['mail.read', 'files.*', 'calendar'] });
    expect(b!.edges[0]).toMatchObject({ kind: 'DELEGATED', from: 'app1', to: 'u2', properties: {} });
  });

  it('rejects a bad boolean', () => {
    const [a] = run('bindings.csv', ['from', 'kind', 'to', 'conditional'], ['a', 'CAN_ASSUME', 'r', 'maybe']);
    expect(diagTuples(a!.diagnostics)).toEqual([['error', 'bad-value', 'bindings.csv', 2, 4, 'conditional']]);
  });
});

describe('csv transform: header', () => {
  it('names a duplicated column', () => {
    const spec = csvFileSpec('bindings.csv') as CsvFileSpec;
    const r = transformHeader(spec, { type: 'row', line: 1, cells: ['from', 'kind', 'to', 'Kind'] }, 'bindings.csv');
    expect('diagnostic' in r && diagTuples([r.diagnostic])).toEqual([['error', 'unknown-column', 'bindings.csv', 1, 4, 'kind']]);
  });

  it('accepts x_ columns and columns in any order and case', () => {
    const spec = csvFileSpec('resources.csv') as CsvFileSpec;
    const r = transformHeader(spec, { type: 'row', line: 1, cells: ['Tier', 'x_cost_center', 'ID'] }, 'resources.csv');
    expect(r).toEqual({ header: { columns: ['tier', 'x_cost_center', 'id'] } });
  });
});
