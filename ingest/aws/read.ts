// read: one AWS export file → its text and, for JSON, the parsed value. A JSON syntax error (a truncated export)
// becomes a `malformed` result with line, column and the JSON path of the value being read when parsing stopped.
import { readText } from '../whole-file.js';

/** Where and why JSON.parse stopped. */
export interface LocatedSyntaxError {
  readonly type: 'malformed';
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly reason: string;
}

export type AwsReadResult =
  | { readonly type: 'json'; readonly value: unknown }
  | { readonly type: 'text'; readonly text: string }
  | LocatedSyntaxError
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads a file: JSON when it starts with `{` or `[`, else plain text (the credential report CSV). Never throws. */
export async function readAwsFile(path: string): Promise<AwsReadResult> {
  const read = await readText(path);
  if (read.type === 'unreadable') return read;
  const text = read.text;
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return { type: 'text', text };
  return parseLocatedJson(text);
}

/** A JSON export file that is JSON whatever its first character: parsed as parseLocatedJson does. Never throws. */
export async function readLocatedJson(path: string): Promise<{ readonly type: 'json'; readonly value: unknown } | LocatedSyntaxError | { readonly type: 'unreadable'; readonly reason: string }> {
  const read = await readText(path);
  if (read.type === 'unreadable') return read;
  return parseLocatedJson(read.text);
}

/**
 * Parses JSON text; a syntax error becomes a `malformed` result with line, column, the JSON path of the value being
 * read when parsing stopped, and a reason in our own words. Shared by the export readers (AWS, Kubernetes, Entra, GCP).
 */
export function parseLocatedJson(text: string): { readonly type: 'json'; readonly value: unknown } | LocatedSyntaxError {
  try {
    return { type: 'json', value: JSON.parse(text) as unknown };
  } catch (cause) {
    // NOTE: V8's message may quote the input (a secret, in the worst case); only the position is taken from it.
    const at = /position (\d+)/.exec((cause as Error).message);
    const end = text.trimEnd().length;
    const truncated = at === null || Number(at[1]) >= end;
    const offset = truncated ? end : Number(at[1]);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
    const reason = text.trim() === '' ? 'the file is empty' : truncated ? 'the JSON ends unexpectedly (truncated file?)' : 'invalid JSON syntax';
    return { type: 'malformed', line, column: offset - lineStart + 1, path: jsonPathAt(text, offset), reason };
  }
}

type Frame = { type: 'object'; key?: string } | { type: 'array'; index: number };

/** The JSON path (`$.RoleDetailList[3].RolePolicyList[0]`) of the innermost value open at `offset`. */
export function jsonPathAt(text: string, offset: number): string {
  const stack: Frame[] = [];
  let last: string | undefined;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      last = text.slice(i + 1, Math.min(j, offset));
      i = j;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{') stack.push({ type: 'object' });
    else if (c === '[') stack.push({ type: 'array', index: 0 });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ':' && top?.type === 'object') top.key = last;
    else if (c === ',' && top !== undefined) {
      if (top.type === 'array') top.index++;
      else delete top.key;
    }
  }
  let path = '$';
  for (const f of stack) {
    if (f.type === 'array') path += `[${f.index}]`;
    else if (f.key !== undefined) path += /^[A-Za-z_$][\w$]*$/.test(f.key) ? `.${f.key}` : `[${JSON.stringify(f.key)}]`;
  }
  return path;
}
