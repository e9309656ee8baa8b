// read: one gcloud JSON export → its parsed value; a syntax error (a truncated export) becomes a `malformed` result
// with line, column and the JSON path being read (the parser the AWS, Kubernetes and Entra readers share).
import { parseLocatedJson, type LocatedSyntaxError } from '../aws/read.js';
import { readText } from '../whole-file.js';

export type GcpReadResult =
  | { readonly type: 'json'; readonly value: unknown }
  | LocatedSyntaxError
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads and parses one file. Never throws. */
export async function readGcpFile(path: string): Promise<GcpReadResult> {
  const read = await readText(path);
  if (read.type === 'unreadable') return read;
  return parseLocatedJson(read.text);
}
