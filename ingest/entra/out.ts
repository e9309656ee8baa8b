// The records of one file as they are made: nodes deduplicated by id (the first wins, as the graph would keep it).
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
    if (seen === undefined) this.edges.set(key, e);
    else if (Array.isArray(seen.properties['technique']) && Array.isArray(e.properties['technique'])) {
      const technique = [...new Set([...(seen.properties['technique'] as string[]), ...(e.properties['technique'] as string[])])].sort();
      this.edges.set(key, { ...seen, properties: { ...seen.properties, technique } });
    }
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
