// Registry-wide checks of queries/ (STYLE C7): every canned query has a complete header, declares exactly the
// parameters it uses, names only labels and relationship types of the model, returns the columns it declares,
// copies the path-semantics constants (kinds, default scope keys) exactly as the registries derive them, and is
// listed in queries/README.md. Set UPDATE_QUERIES_README=1 to rewrite the README's generated table.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadQueries, scanCypher, cypherParams, type CannedQuery } from '../../queries/index.js';
import { queriesTable } from '../../queries/readme.js';
import { FREE_UNDER_SCOPE } from '../../src/engine/kinds.js';
import { readBlock, replaceBlock } from '../../src/docs/generated-block.js';
import { EDGE_KINDS, EDGE_SPECS, NODE_KINDS, SOURCE_KINDS, kindsOf, type PropValue } from '../../src/model/index.js';
import { STORE_LABELS } from '../../src/store/cypher.js';

const QUERIES = loadQueries();
const README = 'queries/README.md';
const STORE_NODE_LABELS = [STORE_LABELS.node, STORE_LABELS.retiredNode, STORE_LABELS.retiredEdge, STORE_LABELS.snapshot, STORE_LABELS.meta, STORE_LABELS.finding];
const STORE_REL_TYPES = [STORE_LABELS.findingSource, STORE_LABELS.findingTarget];
const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/** Label expressions of node patterns/predicates and type lists of relationship patterns, each as a name list. */
function patternNames(cypher: string): { labels: string[][]; types: string[][] } {
  const code = scanCypher(cypher).map((t) => (t.kind === 'code' ? t.text : t.kind === 'string' ? "''" : '$p')).join('')
    .replace(/`[^`]*`/g, 'x');
  const labels: string[][] = [];
  const types: string[][] = [];
  const inRel: boolean[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '[') inRel.push(/-\s*$/.test(code.slice(0, i)));
    else if (ch === ']') inRel.pop();
    else if (ch === ':' && /[A-Za-z_]/.test(code[i + 1] ?? '')) {
      const names = (/^[A-Za-z_]\w*(?:\|[A-Za-z_]\w*)*/.exec(code.slice(i + 1)) as RegExpExecArray)[0];
      (inRel[inRel.length - 1] ? types : labels).push(names.split('|'));
    }
  }
  return { labels, types };
}

/** String literals that look like an edge kind (UPPER_SNAKE), as compared against type(r). */
function kindStrings(cypher: string): string[] {
  return scanCypher(cypher).filter((t) => t.kind === 'string' && /^[A-Z][A-Z_]*[A-Z]$/.test(t.text)).map((t) => t.text);
}

/** The default scope key of each kind, as docs/edges.md derives it: `KIND` when it does not vary, else `KIND|action`. */
function derivedScopeKeys(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of EDGE_SPECS) {
    if (!('defaultScope' in spec) || !spec.defaultScope) continue;
    const keyProp = spec.key[0];
    const values: readonly string[] = keyProp ? ((spec.props as Record<string, { values?: readonly string[] }>)[keyProp]?.values ?? []) : [];
    const keys = values.map((v) => spec.defaultScope({ [keyProp as string]: v } as Record<string, PropValue>) as string);
    if (keys.length === 0 || keys.every((k) => k === keys[0])) {
      out[spec.kind] = spec.defaultScope({}) as string;
      continue;
    }
    // NOTE: the Cypher looks keys up by type(r) + '|' + r.action; a kind varying on another property needs a new lookup.
    expect(keyProp, `${spec.kind}: default scope varies on ${String(keyProp)}`).toBe('action');
    values.forEach((v, i) => { out[`${spec.kind}|${v}`] = keys[i] as string; });
  }
  return out;
}

function scopeKeysOf(cypher: string): Record<string, string> | undefined {
  const m = /\{([^{}]*)\}\s+AS\s+scopeKeys\b/.exec(cypher);
  if (!m) return undefined;
  return Object.fromEntries([...(m[1] as string).matchAll(/`?([A-Za-z_|]+)`?:\s*'([^']*)'/g)].map((e) => [e[1], e[2]]));
}

/** Column names of the last RETURN clause (`expr AS name` or a bare variable). */
function returnColumns(cypher: string): string[] {
  const code = scanCypher(cypher).map((t) => (t.kind === 'code' ? t.text : t.kind === 'string' ? "''" : '$p')).join('');
  const at = code.lastIndexOf('RETURN ');
  const clause = code.slice(at + 'RETURN '.length).split(/\b(?:ORDER BY|LIMIT|SKIP)\b/)[0] as string;
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const ch of clause) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) { items.push(item); item = ''; } else item += ch;
  }
  items.push(item);
  return items.map((x) => x.trim()).map((x) => /\bAS\s+(\w+)$/.exec(x)?.[1] ?? x);
}

const ACT_AS_STEP_KINDS = sorted([
  ...EDGE_SPECS.filter((s) => s.family === 'act-as').map((s) => s.kind),
  ...EDGE_SPECS.filter((s) => 'entersTarget' in s && s.entersTarget.length > 0).map((s) => s.kind),
]);
const CREDENTIAL_KINDS = sorted(kindsOf('credential'));

describe('the query library', () => {
  it('has the queries the issue asks for, and more', () => {
    expect(QUERIES.map((q) => q.id)).toEqual(expect.arrayContaining([
      'sod-alter-invoke', 'credential-tier0-paths', 'agent-long-lived-keys', 'oauth-write-crown-jewels',
      'sa-shared-across-environments', 'top-blast-radius', 'who-can-reach', 'credentials-expiring', 'findings-by-severity',
    ]));
    expect(QUERIES.length).toBeGreaterThanOrEqual(8);
  });

  it('README.md lists every query in its generated table', () => {
    const page = readFileSync(README, 'utf8');
    const table = queriesTable(QUERIES);
    if (process.env['UPDATE_QUERIES_README'] === '1') writeFileSync(README, replaceBlock(page, 'queries', table) as string);
    else expect(readBlock(page, 'queries')).toBe(table);
  });
});

describe.each(QUERIES.map((q) => [q.id, q] as const))('query %s', (_id, q: CannedQuery) => {
  it('has a complete header', () => {
    expect(q.file).toBe(`queries/${q.id}.cypher`);
    for (const text of [q.title, q.description]) expect(text.trim().length).toBeGreaterThan(10);
    expect(q.returns.length).toBeGreaterThan(0);
    for (const p of q.params) expect(p.description.length).toBeGreaterThan(5);
    for (const ref of q.refs) if (!/^https?:/.test(ref)) expect(existsSync(ref.split('#')[0] as string), ref).toBe(true);
  });

  it('declares exactly the $parameters it uses', () => {
    expect(sorted(cypherParams(q.cypher).keys())).toEqual(sorted(q.params.map((p) => p.name)));
  });

  it('returns the declared columns, in order', () => {
    expect(returnColumns(q.cypher)).toEqual(q.returns);
  });

  it('uses only labels and relationship types of the model and the store', () => {
    const { labels, types } = patternNames(q.cypher);
    expect(labels.length + types.length).toBeGreaterThan(0);
    for (const l of labels.flat()) expect([...NODE_KINDS, ...STORE_NODE_LABELS], `label ${l}`).toContain(l);
    for (const t of [...types.flat(), ...kindStrings(q.cypher)]) expect([...EDGE_KINDS, ...STORE_REL_TYPES], `type ${t}`).toContain(t);
  });

  it('copies the path-semantics constants exactly as the registries derive them', () => {
    const { labels, types } = patternNames(q.cypher);
    for (const list of labels.filter((l) => l.includes('Human'))) expect(sorted(list)).toEqual(sorted(SOURCE_KINDS));
    for (const list of labels.filter((l) => l.includes('APIKey') && l.length > 1 && !l.includes('Human'))) expect(sorted(list)).toEqual(CREDENTIAL_KINDS);
    for (const m of q.cypher.matchAll(/([\w[\]]+):APIKey((?:\s+OR\s+\1:\w+)+)/g)) {
      expect(sorted(['APIKey', ...[...(m[2] as string).matchAll(/:(\w+)/g)].map((x) => x[1] as string)])).toEqual(CREDENTIAL_KINDS);
    }
    const actAs = types.filter((t) => t.includes('RUNS_AS') && t.includes('HAS_CREDENTIAL'));
    for (const list of actAs) expect(sorted(list)).toEqual(ACT_AS_STEP_KINDS);
    const free = /type\(hops\[i\]\) IN \[([^\]]*)\]/.exec(q.cypher);
    if (free) {
      expect(sorted((free[1] as string).split(',').map((s) => s.trim().replace(/'/g, ''))))
        .toEqual(sorted(EDGE_KINDS.filter((_k, i) => FREE_UNDER_SCOPE[i] === 1)));
    }
    const keys = scopeKeysOf(q.cypher);
    if (keys) expect(keys).toEqual(derivedScopeKeys());
    // A query that follows act-as paths must apply delegation scopes too.
    expect(keys !== undefined).toBe(actAs.length > 0);
  });
});
