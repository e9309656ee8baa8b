// The canned Cypher library: loads queries/<id>.cypher at run time (from src/ under vitest and from dist/ after a
// build: the folder is found by walking up to the package root), parses each header into a CannedQuery and checks
// it (known keys, unique ids, every $param declared and every declared param used). Header format: README.md.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, InputError } from '../src/model/index.js';

/** Types a query parameter can have; raw `k=v` strings are converted to these by src/store/query.ts. */
export const QUERY_PARAM_TYPES = ['string', 'integer', 'float', 'boolean', 'datetime', 'string[]'] as const;
export type QueryParamType = (typeof QUERY_PARAM_TYPES)[number];

/** Keys a header line may start with (`// key: value`); `param` and `ref` may repeat. */
export const HEADER_KEYS = ['id', 'title', 'description', 'param', 'returns', 'ref'] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];

export interface QueryParam {
  readonly name: string;
  readonly type: QueryParamType;
  /** Raw default as written (`now`, `8`, `null`); undefined = the parameter is required. */
  readonly default?: string;
  readonly min?: number;
  readonly max?: number;
  readonly description: string;
}

export interface CannedQuery {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly params: readonly QueryParam[];
  /** Column names, in order. */
  readonly returns: readonly string[];
  /** Documentation links (repository-relative paths or URLs). */
  readonly refs: readonly string[];
  /** The whole file: header comments are Cypher comments, so it runs as is (Neo4j Browser too). */
  readonly cypher: string;
  /** Path of the file, relative to the package root (`queries/<id>.cypher`). */
  readonly file: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// name type [min..max] [= default] -- description
const PARAM = /^([A-Za-z_]\w*)\s+(string\[\]|string|integer|float|boolean|datetime)(?:\s+(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?))?(?:\s*=\s*(\S+))?\s+--\s+(\S.*)$/;

/** The package root: the nearest folder above `from` whose package.json is named pathwarden. */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'pathwarden') return dir;
      } catch { /* not ours: keep walking */ }
    }
    if (dirname(dir) === dir) throw new ConfigError(`queries: no pathwarden package.json above ${from}`);
  }
}

/** The folder holding the .cypher files. */
export function queriesDir(): string {
  return join(packageRoot(), 'queries');
}

/** `$name` parameters used in Cypher text (comments and string literals skipped), with the line of first use. */
export function cypherParams(cypher: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of scanCypher(cypher)) if (t.kind === 'param' && !out.has(t.text)) out.set(t.text, t.line);
  return out;
}

export interface CypherToken {
  readonly kind: 'param' | 'string' | 'code';
  readonly text: string;
  readonly line: number;
}

/**
 * Splits Cypher into code runs, string literals (unquoted, escapes kept) and `$params`, dropping `//` and
 * `/* *\/` comments. Backtick-quoted names stay in code runs with their backticks.
 */
export function scanCypher(cypher: string): CypherToken[] {
  const out: CypherToken[] = [];
  let line = 1;
  let code = '';
  let codeLine = 1;
  const flush = (): void => {
    if (code) out.push({ kind: 'code', text: code, line: codeLine });
    code = '';
  };
  for (let i = 0; i < cypher.length; i++) {
    const ch = cypher[i] as string;
    const next = cypher[i + 1];
    if (ch === '/' && next === '/') {
      while (i < cypher.length && cypher[i] !== '\n') i++;
      i--;
    } else if (ch === '/' && next === '*') {
      const end = cypher.indexOf('*/', i + 2);
      const stop = end < 0 ? cypher.length : end + 2;
      line += (cypher.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop - 1;
    } else if (ch === "'" || ch === '"') {
      flush();
      const start = line;
      let text = '';
      for (i++; i < cypher.length && cypher[i] !== ch; i++) {
        if (cypher[i] === '\\') text += cypher[i++];
        if (cypher[i] === '\n') line++;
        text += cypher[i];
      }
      out.push({ kind: 'string', text, line: start });
    } else if (ch === '$' && next !== undefined && /[A-Za-z_]/.test(next)) {
      flush();
      const name = /^[A-Za-z_]\w*/.exec(cypher.slice(i + 1))?.[0] as string;
      out.push({ kind: 'param', text: name, line });
      i += name.length;
    } else {
      if (!code) codeLine = line;
      if (ch === '\n') line++;
      code += ch;
    }
  }
  flush();
  return out;
}

interface HeaderLine {
  readonly key: HeaderKey;
  value: string;
  readonly line: number;
}

function readHeader(text: string, file: string): HeaderLine[] {
  const lines: HeaderLine[] = [];
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const raw = (all[i] as string).replace(/\r$/, '');
    if (!raw.startsWith('//')) break;
    const body = raw.slice(2);
    const cont = /^\s{2,}(\S.*)$/.exec(body);
    if (cont && lines.length > 0) {
      const last = lines[lines.length - 1] as HeaderLine;
      last.value = `${last.value} ${(cont[1] as string).trim()}`;
      continue;
    }
    const m = /^\s?([A-Za-z]+):\s*(.*)$/.exec(body);
    if (!m) {
      if (lines.length === 0 || body.trim() === '') break;
      throw new InputError(`header line is not "// key: value" (keys: ${HEADER_KEYS.join(', ')})`, { file, line: i + 1 });
    }
    const key = m[1] as string;
    if (!(HEADER_KEYS as readonly string[]).includes(key)) {
      throw new InputError(`unknown header key "${key}" (known: ${HEADER_KEYS.join(', ')})`, { file, line: i + 1, field: key });
    }
    lines.push({ key: key as HeaderKey, value: (m[2] as string).trim(), line: i + 1 });
  }
  return lines;
}

function parseParam(h: HeaderLine, file: string): QueryParam {
  const m = PARAM.exec(h.value);
  if (!m) {
    throw new InputError(`param "${h.value}" is not "name type [min..max] [= default] -- description" (types: ${QUERY_PARAM_TYPES.join(', ')})`,
      { file, line: h.line, field: 'param' });
  }
  return {
    name: m[1] as string, type: m[2] as QueryParamType,
    ...(m[3] !== undefined ? { min: Number(m[3]), max: Number(m[4]) } : {}),
    ...(m[5] !== undefined ? { default: m[5] } : {}),
    description: m[6] as string,
  };
}

/** Parses and checks one query file; `file` is the name errors give (`queries/<id>.cypher`). */
export function parseQuery(text: string, file: string): CannedQuery {
  const header = readHeader(text, file);
  const one = (key: HeaderKey): HeaderLine => {
    const found = header.filter((h) => h.key === key);
    if (found.length !== 1 || !(found[0] as HeaderLine).value) {
      throw new InputError(found.length > 1 ? `header key "${key}" given ${found.length} times` : `header key "${key}" is missing or empty`,
        { file, line: (found[1] ?? found[0])?.line ?? 1, field: key });
    }
    return found[0] as HeaderLine;
  };
  const idLine = one('id');
  const id = idLine.value;
  if (!ID.test(id)) throw new InputError(`id "${id}" is not kebab-case`, { file, line: idLine.line, field: 'id' });
  if (basename(file) !== `${id}.cypher`) throw new InputError(`id "${id}" does not match the file name`, { file, line: idLine.line, field: 'id' });
  const params: QueryParam[] = [];
  for (const h of header.filter((x) => x.key === 'param')) {
    const p = parseParam(h, file);
    if (params.some((q) => q.name === p.name)) throw new InputError(`param "${p.name}" declared twice`, { file, line: h.line, field: 'param' });
    params.push(p);
  }
  const returns = one('returns').value.split(',').map((s) => s.trim()).filter(Boolean);
  const refs = header.filter((h) => h.key === 'ref').map((h) => h.value);
  if (refs.length === 0) throw new InputError('no "ref" header line', { file, line: 1, field: 'ref' });
  checkParams(text, file, params, header);
  return { id, title: one('title').value, description: one('description').value, params, returns, refs, cypher: text, file };
}

function checkParams(text: string, file: string, params: readonly QueryParam[], header: readonly HeaderLine[]): void {
  const used = cypherParams(text);
  for (const [name, line] of used) {
    if (!params.some((p) => p.name === name)) throw new InputError(`$${name} is used but not declared by a "param" line`, { file, line, field: name });
  }
  for (const p of params) {
    if (!used.has(p.name)) {
      const line = header.find((h) => h.key === 'param' && h.value.startsWith(`${p.name} `))?.line ?? 1;
      throw new InputError(`param "${p.name}" is declared but never used as $${p.name}`, { file, line, field: p.name });
    }
  }
}

const CACHE = new Map<string, readonly CannedQuery[]>();

/** Every query in `dir` (default: the package's queries/), sorted by id; duplicate ids are an error. */
export function loadQueries(dir: string = queriesDir()): readonly CannedQuery[] {
  const cached = CACHE.get(dir);
  if (cached) return cached;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  const queries: CannedQuery[] = [];
  for (const f of files) {
    const file = join(basename(dir), f);
    const q = parseQuery(readFileSync(join(dir, f), 'utf8'), file);
    const twin = queries.find((x) => x.id === q.id);
    if (twin) throw new InputError(`query id "${q.id}" is also declared in ${twin.file}`, { file, line: 1, field: 'id' });
    queries.push(q);
  }
  queries.sort((a, b) => a.id.localeCompare(b.id));
  CACHE.set(dir, queries);
  return queries;
}
