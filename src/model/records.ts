// What every ingestor emits: node and edge records with provenance, plus diagnostics for rejected input.
import type { EdgeKind } from './edges/index.js';
import type { NodeKind } from './nodes/index.js';
import type { Environment, PropValue } from './props.js';

/** Where a record came from: the ingestor, and the file and line (or JSON path) that produced it. */
export interface Provenance {
  readonly source: string;
  readonly file?: string;
  readonly line?: number;
  /** JSON path or other locator within the file, when there is no line. */
  readonly path?: string;
}

export interface NodeRecord {
  /** Stable, scoped id (`acme/sa/ci-deployer`), unique across the graph. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly owner?: string;
  readonly environment?: Environment;
  readonly tags: readonly string[];
  /** The ingestor that produced it (csv-inventory, json-graph, aws-iam…). */
  readonly source: string;
  /** Kind-specific properties (declared in the node spec) and free extra properties (`x_…`). */
  readonly properties: Readonly<Record<string, PropValue>>;
  readonly provenance: Provenance;
}

export interface EdgeRecord {
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly source: string;
  readonly properties: Readonly<Record<string, PropValue>>;
  readonly provenance: Provenance;
}

export const DIAGNOSTIC_CODES = [
  'malformed-csv', 'malformed-json', 'malformed-yaml', 'malformed-ini', 'malformed-toml', 'unknown-column', 'missing-column', 'missing-field', 'unknown-kind',
  'bad-value', 'bad-date', 'dangling-ref', 'duplicate-conflict', 'kind-mismatch', 'secret-fingerprinted',
  'unreadable-file', 'unknown-file', 'unmatched-tier', 'expired-exception', 'unmatched-exception',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** A problem with one row or record: the run goes on, the row is rejected (error) or fixed (warning). */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly source?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
}

/** The output of an ingestor (and of all ingestors merged). */
export interface Records {
  readonly nodes: NodeRecord[];
  readonly edges: EdgeRecord[];
  readonly diagnostics: Diagnostic[];
}

/** An empty, mutable Records value. */
export function emptyRecords(): { nodes: NodeRecord[]; edges: EdgeRecord[]; diagnostics: Diagnostic[] } {
  return { nodes: [], edges: [], diagnostics: [] };
}
