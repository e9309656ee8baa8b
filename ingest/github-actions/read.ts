// read: one workflow file → its parsed value, a locator giving the line of any path in it, and the raw text (for the
// `# pathwarden: repo=` header, which YAML drops as a comment). A syntax error anywhere is a `malformed` result with
// line, column and the path being read: nothing of the file is used.
import { readText } from '../whole-file.js';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { yamlPathAt } from '../k8s/read.js';

/** Line (1-based) of the key or item at a path (`['jobs', 'build', 'steps', 2]`), when it exists. */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

export type WorkflowReadResult =
  | { readonly type: 'yaml'; readonly value: unknown; readonly text: string; readonly lineOf: LineOf }
  | { readonly type: 'malformed'; readonly line: number; readonly column: number; readonly path: string; readonly reason: string }
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads and parses a workflow file. Never throws. */
export async function readWorkflowFile(path: string): Promise<WorkflowReadResult> {
  const read = await readText(path);
  if (read.type === 'unreadable') return read;
  const text = read.text;
  return parseWorkflowText(text);
}

/** Parses decoded workflow text (pure; exported for tests). */
export function parseWorkflowText(text: string): WorkflowReadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const offset = error.pos[0];
    const at = lines.linePos(offset);
    const truncated = offset >= text.trimEnd().length;
    const what = error.message.split(/ at line \d|\n/)[0] ?? error.code;
    return {
      type: 'malformed', line: at.line, column: at.col, path: yamlPathAt(doc, offset),
      reason: truncated ? `the YAML ends unexpectedly (truncated file?): ${what}` : `invalid YAML: ${what}`,
    };
  }
  const lineOf: LineOf = (path) => {
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (pair === undefined) return line;
        line = lineAt(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        line = lineAt(node) ?? line;
      } else {
        return line;
      }
    }
    return line;
  };
  const lineAt = (node: unknown): number | undefined => {
    const start = (node as { range?: readonly number[] } | null | undefined)?.range?.[0];
    return start === undefined ? undefined : lines.linePos(start).line;
  };
  return { type: 'yaml', value: doc.toJS({ maxAliasCount: 1000 }) as unknown, text, lineOf };
}
