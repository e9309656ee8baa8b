// One edge per (kind, from, to, action) however many grants and techniques give it, so the graph never sees two
// records of one edge key with different properties. A plain grant wins over techniques (a technique is listed
// beside a conditional or time-bound grant only when it is unconditional); the edge is conditional only when every
// way to it is, and valid (created_at, expires_at) over the hull of their windows.
import type { EdgeKind, EdgeRecord, PropValue } from '../../src/model/index.js';
import { SOURCE } from './authz.js';
import type { Decision, Window } from './policy.js';

interface Pending {
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, PropValue>;
  readonly path: string;
  /** Technique label → whether it is conditional. */
  readonly techniques: Map<string, boolean>;
  /** A plain grant was seen; `plainAlways`: an unconditional one. */
  plain: boolean;
  plainAlways: boolean;
  conditional: boolean;
  /** Hull of the contributions' windows; undefined once one is unbounded on that side. */
  window: Window | undefined;
}

/** Collects edge contributions and merges those of one edge. */
export class EdgeCollector {
  private readonly pending = new Map<string, Pending>();
  constructor(private readonly file: string) {}

  /** One way to the edge: a plain grant (no technique) or a named technique; `props` are the edge's key props. */
  add(kind: EdgeKind, from: string, to: string, technique: string | undefined, decision: Decision, path: string, props: Record<string, PropValue> = {}): void {
    if (from === to) return;
    const { conditional } = decision;
    const key = `${kind}|${from}|${to}|${JSON.stringify(props)}`;
    let p = this.pending.get(key);
    if (p === undefined) {
      p = { kind, from, to, props, path, techniques: new Map(), plain: false, plainAlways: false, conditional: true, window: { ...decision } };
      this.pending.set(key, p);
    }
    p.window = hull(p.window, decision);
    if (technique === undefined) {
      p.plain = true;
      p.plainAlways ||= !conditional && decision.from === undefined && decision.until === undefined;
    } else {
      p.techniques.set(technique, (p.techniques.get(technique) ?? true) && conditional);
    }
    p.conditional &&= conditional;
  }

  /** Takes a finished record (a trust edge) as a plain grant. */
  addRecord(edge: EdgeRecord): void {
    const { conditional, created_at: from, expires_at: until, ...props } = edge.properties;
    const window = { ...(typeof from === 'string' ? { from } : {}), ...(typeof until === 'string' ? { until } : {}) };
    this.add(edge.kind, edge.from, edge.to, undefined, { conditional: conditional === true, ...window }, edge.provenance.path ?? '', props);
  }

  /** The merged edges, in insertion order. */
  records(): EdgeRecord[] {
    const out: EdgeRecord[] = [];
    for (const p of this.pending.values()) {
      // NOTE: an unconditional plain grant makes techniques moot; beside a conditional one only unconditional ones add anything.
      const techniques = p.plainAlways ? [] : [...p.techniques].filter(([, conditional]) => !p.plain || !conditional).map(([t]) => t).sort();
      out.push({
        kind: p.kind, from: p.from, to: p.to, source: SOURCE,
        properties: {
          ...p.props, ...(p.conditional ? { conditional: true } : {}), ...(techniques.length > 0 ? { technique: techniques } : {}),
          ...(p.window?.from !== undefined ? { created_at: p.window.from } : {}), ...(p.window?.until !== undefined ? { expires_at: p.window.until } : {}),
        },
        provenance: { source: SOURCE, file: this.file, path: p.path },
      });
    }
    return out;
  }
}

function hull(a: Window | undefined, b: Window): Window {
  const from = a?.from === undefined || b.from === undefined ? undefined : a.from < b.from ? a.from : b.from;
  const until = a?.until === undefined || b.until === undefined ? undefined : a.until > b.until ? a.until : b.until;
  return { ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}) };
}
