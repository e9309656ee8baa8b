// read: one MCP client config file (JSON with comments and trailing commas, as VS Code and Claude write them) →
// its parsed value and a locator giving the line of any JSON path. A syntax error becomes a `malformed` result with
// line, column and the JSON path being read, and nothing of the file is used.
import { readText } from '../whole-file.js';
import {
  findNodeAtLocation, getLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError,
} from 'jsonc-parser';

/** Line (1-based) of the value at a JSON path, when it exists. */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

export type McpReadResult =
  | { readonly type: 'json'; readonly value: unknown; readonly lineOf: LineOf }
  | { readonly type: 'malformed'; readonly line: number; readonly column: number; readonly path: string; readonly reason: string }
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads and parses a file. Never throws. */
export async function readMcpFile(path: string): Promise<McpReadResult> {
  const read = await readText(path);
  if (read.type === 'unreadable') return read;
  const text = read.text;
  return parseMcpText(text);
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
