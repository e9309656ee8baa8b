// queries/index.ts (header parsing and checks) and the parameter conversion of src/store/query.ts, without a server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQueries, packageRoot, parseQuery, queriesDir, type CannedQuery } from '../../queries/index.js';
import { InputError, NotFoundError, UsageError } from '../../src/model/index.js';
import { findQuery, queryParams } from '../../src/store/query.js';

const GOOD = `// id: demo
// title: A demo query
// description: Lists things,
//   over two lines.
// param: at datetime = now -- When.
// param: limit integer 1..10 = 5 -- How many.
// param: names string[] = a,b -- Which names.
// param: ratio float = 0.5 -- A ratio.
// param: flag boolean = false -- A flag.
// param: kind string = null -- Optional kind.
// param: target string -- Required target.
// returns: id, n
// ref: docs/edges.md
MATCH (n:PWNode {id: $target}) WHERE datetime($at) > datetime() OR n.kind = $kind OR $flag OR n.name IN $names OR $ratio > 1
// a comment with $notAParam
RETURN n.id AS id, 'it costs $5' AS n LIMIT $limit
`;

function fails(text: string): InputError {
  try {
    parseQuery(text, 'queries/demo.cypher');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('parseQuery accepted a broken file');
}

describe('parseQuery', () => {
  it('parses every header key, continuation lines and typed parameters', () => {
    const q = parseQuery(GOOD, 'queries/demo.cypher');
    expect(q.id).toBe('demo');
    expect(q.description).toBe('Lists things, over two lines.');
    expect(q.returns).toEqual(['id', 'n']);
    expect(q.refs).toEqual(['docs/edges.md']);
    expect(q.params.map((p) => [p.name, p.type, p.default ?? '(required)'])).toEqual([
      ['at', 'datetime', 'now'], ['limit', 'integer', '5'], ['names', 'string[]', 'a,b'], ['ratio', 'float', '0.5'],
      ['flag', 'boolean', 'false'], ['kind', 'string', 'null'], ['target', 'string', '(required)'],
    ]);
    expect(q.params[1]).toMatchObject({ min: 1, max: 10 });
  });

  it('rejects an unknown header key, naming file, line and key', () => {
    const err = fails(GOOD.replace('// returns:', '// columns:'));
    expect(err.location).toEqual({ file: 'queries/demo.cypher', line: 12, field: 'columns' });
    expect(String(err)).toMatch(/^queries\/demo\.cypher:12 columns: unknown header key "columns"/);
  });

  it('rejects a $param used in the body but not declared, at the line of use', () => {
    const err = fails(GOOD.replace('LIMIT $limit', 'LIMIT $limit + $extra'));
    expect(err.location).toEqual({ file: 'queries/demo.cypher', line: 16, field: 'extra' });
  });

  it('rejects a declared parameter the body never uses, at its header line', () => {
    const err = fails(GOOD.replace(' OR $ratio > 1', ''));
    expect(err.location).toEqual({ file: 'queries/demo.cypher', line: 8, field: 'ratio' });
  });

  it('rejects a malformed param line, a missing key, an id that is not the file name', () => {
    expect(fails(GOOD.replace('limit integer 1..10 = 5 -- How many.', 'limit int = 5')).location.line).toBe(6);
    expect(fails(GOOD.replace('// title: A demo query\n', '')).location.field).toBe('title');
    expect(fails(GOOD.replace('// id: demo', '// id: other')).location.field).toBe('id');
    expect(fails(GOOD.replace('// param: kind string = null -- Optional kind.', '// param: limit integer = 1 -- Twice.')).message)
      .toMatch(/declared twice/);
  });

  it('loads a folder sorted by id and reports a broken file by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-queries-'));
    writeFileSync(join(dir, 'demo.cypher'), GOOD);
    writeFileSync(join(dir, 'b.cypher'), GOOD.replace('// id: demo', '// id: b'));
    expect(loadQueries(dir).map((q) => q.id)).toEqual(['b', 'demo']);
    const bad = mkdtempSync(join(tmpdir(), 'pw-queries-'));
    writeFileSync(join(bad, 'x.cypher'), GOOD.replace('// id: demo', '// id: x').replace('// ref:', '// see:'));
    expect(() => loadQueries(bad)).toThrow(InputError);
  });

  it('finds the package queries folder from src and from dist', () => {
    const root = packageRoot();
    expect(queriesDir()).toBe(join(root, 'queries'));
    expect(packageRoot(join(root, 'dist', 'queries', 'index.js'))).toBe(root);
    expect(loadQueries().length).toBeGreaterThanOrEqual(8);
  });
});

describe('queryParams (runQuery parameter conversion)', () => {
  const q: CannedQuery = parseQuery(GOOD, 'queries/demo.cypher');
  const now = new Date('2026-11-25T12:00:00Z');

  it('fills defaults and converts every type', () => {
    expect(queryParams(q, { target: 'x' }, now)).toEqual({
      at: '2026-11-25T12:00:00.000Z', limit: 5, names: ['a', 'b'], ratio: 0.5, flag: false, kind: null, target: 'x',
    });
    expect(queryParams(q, { target: 'x', at: '2025-01-01', limit: '10', names: ' p , q,, ', ratio: '-2.5', flag: 'YES', kind: 'AIAgent' }, now))
      .toEqual({ at: '2025-01-01T00:00:00.000Z', limit: 10, names: ['p', 'q'], ratio: -2.5, flag: true, kind: 'AIAgent', target: 'x' });
  });

  it.each([
    [{ target: 'x', limit: 'ten' }, /limit=ten: not an integer/],
    [{ target: 'x', limit: '11' }, /limit=11: must be between 1 and 10/],
    [{ target: 'x', limit: '2.5' }, /not an integer/],
    [{ target: 'x', ratio: 'abc' }, /ratio=abc: not a number/],
    [{ target: 'x', flag: 'maybe' }, /flag=maybe: not a boolean/],
    [{ target: 'x', at: 'yesterday' }, /at=yesterday: not an ISO-8601 date/],
    [{ target: 'x', at: '2026-13-45' }, /not an ISO-8601 date/],
    [{}, /needs --param target=<string>/],
    [{ target: 'x', depth: '3' }, /has no parameter "depth"; its parameters: at, limit, names, ratio, flag, kind, target/],
  ] as const)('rejects %j with a UsageError', (raw, message) => {
    expect(() => queryParams(q, raw, now)).toThrow(UsageError);
    expect(() => queryParams(q, raw, now)).toThrow(message);
  });

  it('names the known queries when the id is unknown', () => {
    expect(() => findQuery('nope')).toThrow(NotFoundError);
    expect(() => findQuery('nope')).toThrow(/no canned query "nope"; known: agent-long-lived-keys, .*who-can-reach/);
  });
});
