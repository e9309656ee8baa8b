// One edge per (kind, from, to, action) however many grants and techniques give it, so the graph never sees two
// records of one edge key with different properties. A plain grant wins over techniques; the edge is conditional
// only when every way to it is.
import type { EdgeKind, EdgeRecord, PropValue } from '../../src/model/index.js';
import { SOURCE } from './authz.js';

interface Pending {
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, PropValue>;
  readonly path: string;
  techniques: Set<string>;
  plain: boolean;
  conditional: boolean;
}

/** Collects edge contributions and merges those of one edge. */
export class EdgeCollector {
  private readonly pending = new Map<string, Pending>();
  constructor(private readonly file: string) {}

  /** One way to the edge: a plain grant (no technique) or a named technique; `props` are the edge's key props. */
  add(kind: EdgeKind, from: string, to: string, technique: string | undefined, conditional: boolean, path: string, props: Record<string, PropValue> = {}): void {
    if (from === to) return;
    const key = `${kind}|${from}|${to}|${JSON.stringify(props)}`;
    let p = this.pending.get(key);
    if (p === undefined) {
      p = { kind, from, to, props, path, techniques: new Set(), plain: false, conditional: true };
      this.pending.set(key, p);
    }
    // NOTE: an unconditional plain grant makes techniques moot; a technique still counts when the grant is conditional.
    if (technique === undefined) p.plain ||= !conditional;
    else if (!(p.plain && !p.conditional)) p.techniques.add(technique);
    p.conditional &&= conditional;
  }

  /** Takes a finished record (a trust edge) as a plain grant. */
  addRecord(edge: EdgeRecord): void {
    const { conditional, ...props } = edge.properties;
    this.add(edge.kind, edge.from, edge.to, undefined, conditional === true, edge.provenance.path ?? '', props);
  }

  /** The merged edges, in insertion order. */
  records(): EdgeRecord[] {
    const out: EdgeRecord[] = [];
    for (const p of this.pending.values()) {
      const techniques = p.plain ? [] : [...p.techniques].sort();
      out.push({
        kind: p.kind, from: p.from, to: p.to, source: SOURCE,
        properties: { ...p.props, ...(p.conditional ? { conditional: true } : {}), ...(techniques.length > 0 ? { technique: techniques } : {}) },
        provenance: { source: SOURCE, file: this.file, path: p.path },
      });
    }
    return out;
  }
}
