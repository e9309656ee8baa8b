// read: one gcloud JSON export → its parsed value; a syntax error (a truncated export) becomes a `malformed` result
// with line, column and the JSON path being read (the parser the AWS, Kubernetes and Entra readers share).
import { readLocatedJson, type LocatedSyntaxError } from '../aws/read.js';

export type GcpReadResult =
  | { readonly type: 'json'; readonly value: unknown }
  | LocatedSyntaxError
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads and parses one file. Never throws. */
export function readGcpFile(path: string): Promise<GcpReadResult> {
  return readLocatedJson(path);
}
