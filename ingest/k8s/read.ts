// read: one kubectl export file → the Kubernetes objects in it, each with its path (`$.items[3]`, `$[1]` for the
// second YAML document or list) and, for YAML, its line. JSON (one List, an array of Lists, one object) and YAML
// (one or more documents) are both read; Lists are flattened. A syntax error anywhere (a truncated file) is a
// `malformed` result with line, column and the path being read: nothing of the file is used.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { readAwsFile } from '../aws/read.js';

/** One object of the export (not yet checked) and where it is. */
export interface RawObject {
  readonly value: unknown;
  readonly path: string;
  readonly line?: number;
}

export type K8sReadResult =
  | { readonly type: 'objects'; readonly format: 'json' | 'yaml'; readonly objects: readonly RawObject[] }
  | { readonly type: 'malformed'; readonly format: 'json' | 'yaml'; readonly line: number; readonly column: number; readonly path: string; readonly reason: string }
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads a file: JSON when it starts with `{` or `[`, else YAML. Never throws. */
export async function readK8sFile(path: string): Promise<K8sReadResult> {
  // NOTE: the AWS reader is the project's JSON reader with located syntax errors (BOM and UTF-16 handled).
  const read = await readAwsFile(path);
  if (read.type === 'unreadable') return read;
  if (read.type === 'malformed') return { ...read, format: 'json' };
  if (read.type === 'json') {
    const objects: RawObject[] = [];
    flatten(read.value, undefined, '$', () => undefined, objects);
    return { type: 'objects', format: 'json', objects };
  }
  return parseYaml(read.text);
}

/** Parses a YAML stream (pure; exported for tests). */
export function parseYaml(text: string): K8sReadResult {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const used = (Array.isArray(docs) ? docs : []).filter((d) => d.contents !== null || d.errors.length > 0);
  const prefix = (i: number): string => (used.length > 1 ? `$[${i}]` : '$');
  for (const [i, doc] of used.entries()) {
    const error = doc.errors[0];
    if (error === undefined) continue;
    const offset = error.pos[0];
    const at = lines.linePos(offset);
    const truncated = offset >= text.trimEnd().length;
    // NOTE: with prettyErrors off the message names no input; the first clause is kept in case that changes.
    const what = error.message.split(/ at line \d|\n/)[0] ?? error.code;
    return {
      type: 'malformed', format: 'yaml', line: at.line, column: at.col, path: yamlPathAt(doc, offset, prefix(i)),
      reason: truncated ? `the YAML ends unexpectedly (truncated file?): ${what}` : `invalid YAML: ${what}`,
    };
  }
  // NOTE: cut at a line end, a kubectl List is still valid YAML but lacks its trailing `kind: List`.
  const cut = used.findIndex((d) => isMap(d.contents) && d.contents.has('items') && d.contents.has('apiVersion') && !d.contents.has('kind'));
  if (cut >= 0) {
    const end = lines.linePos(text.trimEnd().length);
    return { type: 'malformed', format: 'yaml', line: end.line, column: end.col, path: prefix(cut), reason: 'the YAML ends before the List\'s `kind: List` (truncated file?)' };
  }
  const objects: RawObject[] = [];
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: readonly number[] } | undefined)?.range;
    return range === undefined ? undefined : lines.linePos(range[0] as number).line;
  };
  for (const [i, doc] of used.entries()) flatten(doc.toJS({ maxAliasCount: 1000 }), doc.contents, prefix(i), lineOf, objects);
  return { type: 'objects', format: 'yaml', objects };
}

/** Flattens arrays and Lists (`kind: List` or `<Kind>List` with `items`) into objects; `node` is the YAML node, if any. */
function flatten(value: unknown, node: unknown, path: string, lineOf: (node: unknown) => number | undefined, out: RawObject[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, isSeq(node) ? node.items[i] : undefined, `${path}[${i}]`, lineOf, out));
    return;
  }
  if (isList(value)) {
    const items = isMap(node) ? node.get('items', true) : undefined;
    value.items.forEach((v, i) => flatten(v, isSeq(items) ? items.items[i] : undefined, `${path}.items[${i}]`, lineOf, out));
    return;
  }
  const line = lineOf(node);
  out.push(line === undefined ? { value, path } : { value, path, line });
}

function isList(value: unknown): value is { items: unknown[] } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v['items']) && typeof v['kind'] === 'string' && v['kind'].endsWith('List');
}

/** The path (`$.items[0].rules[1].verbs[2]`) of the innermost YAML node open at `offset`. */
export function yamlPathAt(doc: Document, offset: number, root = '$'): string {
  let path = root;
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = [...node.items].reverse().find((p) => isPair(p) && startOf(p.key) !== undefined && (startOf(p.key) as number) <= offset);
      if (pair === undefined || !isScalar(pair.key)) return path;
      const key = String(pair.key.value);
      path += /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.map((n) => startOf(n)).findLastIndex((s) => s !== undefined && s <= offset);
      if (i < 0) return path;
      path += `[${i}]`;
      node = node.items[i];
    } else {
      return path;
    }
  }
}

function startOf(node: unknown): number | undefined {
  return (node as { range?: readonly number[] } | null | undefined)?.range?.[0];
}
