// The records of one file as they are made: nodes deduplicated by id (the first wins, as the graph would keep it),
// edges merged by key.
import { emptyRecords, type Diagnostic, type EdgeRecord, type NodeRecord, type Records } from '../../src/model/index.js';

export class Out {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly edges = new Map<string, EdgeRecord>();
  private readonly diagnostics: Diagnostic[] = [];

  node(n: NodeRecord): void {
    if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
  }

  edge(e: EdgeRecord): void {
    const key = `${e.kind}|${e.from}|${e.to}|${String(e.properties['action'] ?? '')}`;
    const seen = this.edges.get(key);
    if (seen === undefined) {
      this.edges.set(key, e);
      return;
    }
    // NOTE: one record per edge key. Techniques are unioned; a plain grant (no technique) makes them moot. Scopes of
    // two grants from one client to one user (different resources) are unioned.
    const a = seen.properties['technique'];
    const b = e.properties['technique'];
    const { technique: _t, ...rest } = seen.properties;
    const technique = Array.isArray(a) && Array.isArray(b) ? [...new Set([...(a as string[]), ...(b as string[])])].sort() : undefined;
    const scopes = Array.isArray(seen.properties['scopes']) && Array.isArray(e.properties['scopes'])
      ? [...new Set([...(seen.properties['scopes'] as string[]), ...(e.properties['scopes'] as string[])])] : undefined;
    this.edges.set(key, { ...seen, properties: { ...rest, ...(technique ? { technique } : {}), ...(scopes ? { scopes } : {}) } });
  }

  diagnostic(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  records(): Records {
    const r = emptyRecords();
    r.nodes.push(...this.nodes.values());
    r.edges.push(...this.edges.values());
    r.diagnostics.push(...this.diagnostics);
    return r;
  }
}
