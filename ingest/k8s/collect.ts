// One edge per (kind, from, to, action) however many bindings and techniques give it. A plain grant (a binding, a
// pod's service account) wins over techniques; the edge is conditional only when every way to it is.
import type { EdgeKind, EdgeRecord, PropValue } from '../../src/model/index.js';
import { SOURCE } from './ids.js';
import type { Where } from './objects.js';
import type { K8sTechniqueId } from './techniques.js';

interface Pending {
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, PropValue>;
  readonly at: Where;
  /** Technique → conditional. */
  readonly techniques: Map<string, boolean>;
  plain: boolean;
  conditional: boolean;
}

/** Collects edge contributions of one file and merges those of one edge. */
export class K8sEdges {
  private readonly pending = new Map<string, Pending>();
  constructor(private readonly file: string) {}

  /** One way to an edge: a plain grant (`technique` undefined) or a technique. `props` holds key props and a note. */
  add(kind: EdgeKind, from: string, to: string, technique: K8sTechniqueId | undefined, at: Where, props: Record<string, PropValue> = {}, conditional = false): void {
    if (from === to) return;
    const keyProps = Object.entries(props).filter(([k]) => k !== 'note');
    const key = `${kind}|${from}|${to}|${JSON.stringify(keyProps)}`;
    let p = this.pending.get(key);
    if (p === undefined) {
      p = { kind, from, to, props, at, techniques: new Map(), plain: false, conditional: true };
      this.pending.set(key, p);
    }
    if (technique === undefined) p.plain = p.plain || !conditional;
    else p.techniques.set(technique, (p.techniques.get(technique) ?? true) && conditional);
    p.conditional &&= conditional;
  }

  /** The merged edges, in insertion order. */
  records(): EdgeRecord[] {
    return [...this.pending.values()].map((p) => {
      // NOTE: beside an unconditional plain grant techniques add nothing; beside a conditional way only unconditional ones do.
      const techniques = p.plain ? [] : [...p.techniques].filter(([, c]) => p.conditional || !c).map(([t]) => t).sort();
      return {
        kind: p.kind, from: p.from, to: p.to, source: SOURCE,
        properties: { ...p.props, ...(p.conditional ? { conditional: true } : {}), ...(techniques.length > 0 ? { technique: techniques } : {}) },
        provenance: { source: SOURCE, file: this.file, path: p.at.path, ...(p.at.line !== undefined ? { line: p.at.line } : {}) },
      };
    });
  }
}
