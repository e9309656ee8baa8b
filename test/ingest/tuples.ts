// Test helpers: records and diagnostics as sets of tuples, so ingest tests assert exact content, not counts.
import { basename } from 'node:path';
import type { Diagnostic, EdgeKind, NodeKind, Records } from '../../src/model/index.js';

export const FIXTURES = 'test/fixtures/csv-inventory';

/** Node ids of one kind. */
export function nodesOf(records: Pick<Records, 'nodes'>, kind: NodeKind): Set<string> {
  return new Set(records.nodes.filter((n) => n.kind === kind).map((n) => n.id));
}

/** Every edge as `from|KIND|to` (optionally only one kind). */
export function edgesOf(records: Pick<Records, 'edges'>, kind?: EdgeKind): Set<string> {
  return new Set(records.edges.filter((e) => kind === undefined || e.kind === kind).map((e) => `${e.from}|${e.kind}|${e.to}`));
}

/** A diagnostic as `[severity, code, file basename, line, column, field]`. */
export type DiagTuple = [string, string, string | undefined, number | undefined, number | undefined, string | undefined];

export function diagTuples(diagnostics: readonly Diagnostic[]): DiagTuple[] {
  return diagnostics.map((d) => [d.severity, d.code, d.file === undefined ? undefined : basename(d.file), d.line, d.column, d.field]);
}
