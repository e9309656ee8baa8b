// The records one gcp file makes: nodes deduplicated by id (a full record wins over a reference), edges merged by
// key (a permanent way to an edge wins over an expiring one, which wins over a conditional one), and diagnostics
// located by file and JSON path.
import type { Diagnostic, DiagnosticCode, EdgeKind, EdgeRecord, NodeRecord, PropValue, Records } from '../../src/model/index.js';
import { SOURCE } from './ids.js';
import { isObject } from '../values.js';

/** Collects one file's records. */
export class GcpOut {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly edges = new Map<string, EdgeRecord>();
  private readonly diagnostics: Diagnostic[] = [];
  constructor(readonly file: string) {}

  node(record: NodeRecord): void {
    const have = this.nodes.get(record.id);
    if (have === undefined || (have.properties['reference'] === true && record.properties['reference'] !== true)) this.nodes.set(record.id, record);
  }

  /** An edge located at a JSON path; `key` holds the spec's key properties (action). */
  edge(kind: EdgeKind, from: string, to: string, path: string, properties: Record<string, PropValue> = {}, key = ''): void {
    const id = `${kind}|${from}|${to}|${key}`;
    const have = this.edges.get(id);
    if (have !== undefined && weakness(have.properties) <= weakness(properties)) return;
    this.edges.set(id, { kind, from, to, source: SOURCE, properties, provenance: { source: SOURCE, file: this.file, path } });
  }

  diag(severity: Diagnostic['severity'], code: DiagnosticCode, field: string, message: string): void {
    this.diagnostics.push({ severity, code, source: SOURCE, file: this.file, field, message });
  }

  records(): Records {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], diagnostics: this.diagnostics };
  }
}

/** 2 for a conditional grant, 1 for one that expires, 0 for a permanent one. */
function weakness(properties: Readonly<Record<string, PropValue>>): number {
  return properties['conditional'] === true ? 2 : properties['expires_at'] !== undefined ? 1 : 0;
}

export { isObject };

/** A non-empty string field, else undefined. */
export function str(o: Record<string, unknown>, field: string): string | undefined {
  const v = o[field];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
