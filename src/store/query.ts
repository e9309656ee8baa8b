// Runs one canned query (queries/<id>.cypher) against the store: raw `k=v` strings are converted to the declared
// parameter types, defaults filled, and the rows returned as plain objects. Values only ever travel as parameters.
import { loadQueries, type CannedQuery, type QueryParam } from '../../queries/index.js';
import { NotFoundError, UsageError } from '../model/index.js';
import type { Store } from './driver.js';

export interface QueryResult {
  readonly query: CannedQuery;
  readonly columns: string[];
  readonly rows: Record<string, unknown>[];
}

export interface RunQueryOptions {
  /** What a `now` datetime default or value means (default: the current time). */
  readonly now?: Date;
  /** The query library (default: the package's queries/). */
  readonly queries?: readonly CannedQuery[];
}

/** The canned query `id`; NotFoundError listing the known ids when there is none. */
export function findQuery(id: string, queries: readonly CannedQuery[] = loadQueries()): CannedQuery {
  const query = queries.find((q) => q.id === id);
  if (!query) throw new NotFoundError(`no canned query "${id}"; known: ${queries.map((q) => q.id).join(', ')}`);
  return query;
}

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

function bad(query: CannedQuery, p: QueryParam, raw: string, why: string): UsageError {
  return new UsageError(`query ${query.id}: ${p.name}=${raw}: ${why} (${p.name}: ${p.type}, ${p.description})`);
}

function inRange(query: CannedQuery, p: QueryParam, raw: string, n: number): number {
  if ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max)) throw bad(query, p, raw, `must be between ${p.min} and ${p.max}`);
  return n;
}

/** Converts one raw value to the parameter's type; UsageError naming query, parameter and value when it does not fit. */
export function convertParam(query: CannedQuery, p: QueryParam, raw: string, now: Date): unknown {
  const text = raw.trim();
  switch (p.type) {
    case 'string':
      return raw;
    case 'string[]':
      return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
    case 'integer': {
      const n = Number(text);
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) throw bad(query, p, raw, 'not an integer');
      return inRange(query, p, raw, n);
    }
    case 'float': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) throw bad(query, p, raw, 'not a number');
      return inRange(query, p, raw, n);
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      throw bad(query, p, raw, 'not a boolean (true/false)');
    }
    case 'datetime': {
      if (text.toLowerCase() === 'now') return now.toISOString();
      const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
      if (Number.isNaN(ms)) throw bad(query, p, raw, 'not an ISO-8601 date or time (2026-11-25, 2026-11-25T12:00:00Z) or "now"');
      return new Date(ms).toISOString();
    }
  }
}

/** The Cypher parameters of a run: raw values converted, defaults filled; unknown or missing ones are a UsageError. */
export function queryParams(query: CannedQuery, raw: Readonly<Record<string, string>>, now = new Date()): Record<string, unknown> {
  const known = query.params.map((p) => p.name);
  for (const name of Object.keys(raw)) {
    if (!known.includes(name)) {
      throw new UsageError(`query ${query.id} has no parameter "${name}"; its parameters: ${known.join(', ') || 'none'}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const p of query.params) {
    const value = raw[p.name] ?? p.default;
    if (value === undefined) throw new UsageError(`query ${query.id} needs --param ${p.name}=<${p.type}> (${p.description})`);
    out[p.name] = raw[p.name] === undefined && value === 'null' ? null : convertParam(query, p, value, now);
  }
  return out;
}

/** Neo4j values as plain JSON-able values (temporal and other driver objects become their string form). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return String(value);
}

/** Runs canned query `id` with raw `k=v` parameter strings (read transaction). */
export async function runQuery(
  store: Store, id: string, raw: Readonly<Record<string, string>>, options: RunQueryOptions = {},
): Promise<QueryResult> {
  const query = findQuery(id, options.queries);
  const params = queryParams(query, raw, options.now);
  const records = await store.run(query.cypher, params, 'read');
  const columns = records[0] ? [...records[0].keys].map(String) : [...query.returns];
  const rows = records.map((r) => Object.fromEntries(columns.map((c) => [c, plain(r.get(c))])));
  return { query, columns, rows };
}
