// read: one MCP client config file (JSON with comments and trailing commas, as VS Code and Claude write them; YAML
// for Goose and Continue; TOML for Codex, toml.ts) → its parsed value and a locator giving the line of any path. A
// syntax error becomes a `malformed` result with line, column and the path being read, and nothing of the file is used.
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { yamlPathAt } from '../k8s/read.js';
import { readText } from '../whole-file.js';
import { parseMcpToml } from './toml.js';
import {
  findNodeAtLocation, getLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError,
} from 'jsonc-parser';

/** Line (1-based) of the value at a JSON path, when it exists. */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

export type McpReadResult =
  | { readonly type: 'json'; readonly value: unknown; readonly lineOf: LineOf; readonly pathText?: (path: readonly (string | number)[]) => string }
  | { readonly type: 'malformed'; readonly format?: 'yaml' | 'toml'; readonly line: number; readonly column: number; readonly path: string; readonly reason: string }
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads and parses a file. Never throws. */
export async function readMcpFile(path: string): Promise<McpReadResult> {
  const read = await readText(path);
  if (read.type === 'unreadable') return read;
  const text = read.text;
  if (/\.toml$/i.test(path)) return parseMcpToml(text);
  return /\.ya?ml$/i.test(path) ? parseMcpYaml(text) : parseMcpText(text);
}

/** Parses YAML text (Goose, Continue); the locator gives the line of a path as for JSON. */
export function parseMcpYaml(text: string): McpReadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const at = lines.linePos(error.pos[0]);
    return { type: 'malformed', format: 'yaml', line: at.line, column: at.col, path: yamlPathAt(doc, error.pos[0]), reason: `invalid YAML: ${error.message.split(/ at line \d|\n/)[0] ?? error.code}` };
  }
  // NOTE: the line of a mapping entry is that of its key (a block value starts on the next line).
  const lineOf: LineOf = (p) => {
    const parent: unknown = p.length <= 1 ? doc.contents : doc.getIn(p.slice(0, -1), true);
    const last = p[p.length - 1];
    let node: unknown = p.length === 0 ? doc.contents : undefined;
    if (isMap(parent)) node = parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(last))?.key;
    else if (isSeq(parent) && typeof last === 'number') node = parent.items[last];
    const range = (node as { range?: readonly number[] } | null | undefined)?.range;
    return range === undefined ? undefined : lines.linePos(range[0] as number).line;
  };
  return { type: 'json', value: doc.toJS({ maxAliasCount: 1000 }) as unknown, lineOf };
}

/** Parses decoded JSONC text (exported for tests). */
export function parseMcpText(text: string): McpReadResult {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const starts = lineStarts(text);
  const position = (offset: number): { line: number; column: number } => {
    let line = 0;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
    return { line: line + 1, column: offset - (starts[line] as number) + 1 };
  };
  const first = errors[0];
  if (first !== undefined || tree === undefined) {
    const offset = first?.offset ?? 0;
    const reason = text.trim() === '' ? 'the file is empty' : `invalid JSON (${first ? printParseErrorCode(first.error) : 'no value'})`;
    return { type: 'malformed', ...position(offset), path: jsonPath(getLocation(text, offset).path), reason };
  }
  const lineOf: LineOf = (p) => {
    const node = findNodeAtLocation(tree, [...p]);
    return node === undefined ? undefined : position(node.offset).line;
  };
  return { type: 'json', value: getNodeValue(tree) as unknown, lineOf };
}

/** `$.mcpServers["my server"].env` style path. */
export function jsonPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]`
    : /^[A-Za-z_$][\w$]*$/.test(p) ? `${out}.${p}` : `${out}[${JSON.stringify(p)}]`), '$');
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
