// Records → CompactGraph without graphology: nodes are kept as records, edges only as typed-array columns, and the
// graph is packed once every record has arrived. Equal to toCompact(buildGraph(records).graph) in every field.
import { actionIndex, resolveAt, ScopeInterner, scopeKey, withinValidity, type CompactGraph } from '../engine/compact.js';
import { K } from '../engine/kinds.js';
import {
  EDGE_KINDS, EngineError, NODE_KINDS, edgeKey,
  type Diagnostic, type EdgeRecord, type NodeRecord, type PropValue, type Records,
} from '../model/index.js';
import { ENV_FILLED, EdgeColumns, hashPair, NO_LINE, StringPool, StringTable, VALID } from './compact-build-columns.js';
import { canonical, diagnosticAt, duplicateNode, mergeReference, type ProvenanceTables } from './compact-build-check.js';
import { ENV_MARK, packGraph, type Gathered } from './compact-build-pack.js';
import { edgeQualifier, type GraphLookup } from './lookup.js';

/** The compact graph, a lookup over what it was built from, and buildGraph's diagnostics. */
export interface CompactBuild {
  readonly cg: CompactGraph;
  readonly lookup: GraphLookup;
  readonly diagnostics: Diagnostic[];
}

/** Options of CompactBuilder. */
export interface CompactBuildOptions {
  /** Instant to evaluate validity at; default now. */
  readonly at?: Date;
}

const NODE_KIND_INDEX = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));
const EDGE_KIND_INDEX = new Map<string, number>(EDGE_KINDS.map((k, i) => [k, i]));

/**
 * A RecordSink that builds the CompactGraph: give it every record (any order, edges before their nodes too), then
 * call finish() once. Memory: the node records plus about 50 bytes per edge.
 */
export class CompactBuilder {
  private readonly g: Gathered;
  private finished = false;
  private readonly pool = new StringPool();

  constructor(options: CompactBuildOptions = {}) {
    this.g = {
      at: resolveAt(options.at), names: [], records: [], internOf: new Map(), edges: new EdgeColumns(),
      tables: {
        sources: new StringTable(), files: new StringTable(), paths: new Map(),
        qualifiers: new StringTable(), suffixes: new StringTable(), props: new StringTable(),
      },
      localScopes: new ScopeInterner(), diagnostics: [],
    };
  }

  node(record: NodeRecord): void {
    this.open();
    if (!NODE_KIND_INDEX.has(record.kind)) throw new EngineError(`graph/compact-build: node "${record.id}" has unknown kind "${String(record.kind)}"`);
    const k = this.intern(record.id);
    const first = this.g.records[k];
    if (first === undefined) {
      // NOTE: at 1M nodes the records are most of the builder's memory; shared strings save about a third.
      this.g.records[k] = this.pool.record(record);
      return;
    }
    const merged = mergeReference(first, record);
    if (merged !== undefined) {
      this.g.records[k] = this.pool.record(merged);
      return;
    }
    const problem = duplicateNode(first, record);
    if (problem !== undefined) this.g.diagnostics.push(problem);
  }

  edge(record: EdgeRecord): void {
    this.open();
    const kind = EDGE_KIND_INDEX.get(record.kind);
    if (kind === undefined) throw new EngineError(`graph/compact-build: edge has unknown kind "${String(record.kind)}"`);
    if (record.from === record.to) {
      this.g.diagnostics.push(diagnosticAt(record.provenance, 'bad-value', 'to',
        `${record.kind} from "${record.from}" to itself; self-loops are not allowed`));
      return;
    }
    const { edges, tables, localScopes } = this.g;
    // NOTE: as buildGraph's checkEdge, a CAN_INVOKE without environment takes the model's (else prod); the model
    // may not have arrived yet, so a marker stands in for it in the key suffix and qualifier until finish().
    const filled = kind === K.CAN_INVOKE && record.properties['environment'] === undefined;
    const props = filled ? { ...record.properties, environment: ENV_MARK } : record.properties;
    const key = edgeKey(record.kind, '', '', props);
    const p = record.provenance;
    const e = edges.push({
      from: this.intern(record.from), to: this.intern(record.to), kind,
      flags: (withinValidity(record.properties, this.g.at) ? VALID : 0) | (filled ? ENV_FILLED : 0),
      action: actionIndex(kind, props),
      scope: localScopes.scope(scopeKey(record)),
      scopeSet: kind === K.DELEGATED ? localScopes.scopeSet(props['scopes']) : -1,
      qualifier: tables.qualifiers.id(edgeQualifier({ properties: props })),
      suffix: tables.suffixes.id(key.slice(`-[${record.kind}]->`.length)),
      source: tables.sources.id(p.source), file: tables.files.id(p.file), line: p.line ?? NO_LINE,
    }, this.hashProps(record.properties));
    if (p.path !== undefined) tables.paths.set(e, p.path);
  }

  /** Packs the graph; the builder cannot be used afterwards. */
  finish(): CompactBuild {
    this.open();
    this.finished = true;
    return packGraph(this.g);
  }

  private open(): void {
    if (this.finished) throw new EngineError('graph/compact-build: the builder is finished; make a new one');
  }

  private intern(id: string): number {
    let k = this.g.internOf.get(id);
    if (k === undefined) {
      k = this.g.names.length;
      this.g.names.push(id);
      this.g.records.push(undefined);
      this.g.internOf.set(id, k);
    }
    return k;
  }

  private hashProps(properties: Readonly<Record<string, PropValue>>): number[] {
    const out: number[] = [];
    for (const name of Object.keys(properties)) {
      const value = properties[name];
      if (value === undefined) continue;
      const [a, b] = hashPair(canonical(value));
      out.push(this.g.tables.props.id(name), a, b);
    }
    return out;
  }
}

/** Builds the compact graph from records all at once (tests, small inventories). */
export function buildCompact(records: Records, options: CompactBuildOptions = {}): CompactBuild {
  const builder = new CompactBuilder(options);
  for (const n of records.nodes) builder.node(n);
  for (const e of records.edges) builder.edge(e);
  return builder.finish();
}
