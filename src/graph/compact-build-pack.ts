// The second half of CompactBuilder: once every record has arrived, number the nodes in id order, check and
// dedupe the edge columns as buildGraph would, and pack the surviving edges into CSR slots as toCompact would.
import { credentialActive, envIndex, ScopeInterner, tierOf, type CompactGraph } from '../engine/compact.js';
import { IS_CREDENTIAL } from '../engine/kinds.js';
import { EDGE_KINDS, EDGE_SPECS, edgeKey, NODE_KINDS, type Diagnostic, type NodeRecord } from '../model/index.js';
import {
  ENV_FILLED, hashPair, setWidening, VALID, type EdgeColumns, type EdgeTable, type StringTable,
} from './compact-build-columns.js';
import {
  canonical, conflictingEdge, diagnosticAt, edgeDifferences, edgeProvenance, type ProvenanceTables,
} from './compact-build-check.js';
import { columnLookup } from './compact-build-lookup.js';
import type { GraphLookup } from './lookup.js';

/** What CompactBuilder has gathered when finish() is called. */
export interface Gathered {
  readonly at: number;
  /** Per interned node number: the id, and its first record (undefined while only edges named it). */
  readonly names: string[];
  readonly records: (NodeRecord | undefined)[];
  readonly internOf: Map<string, number>;
  readonly edges: EdgeColumns;
  readonly tables: ProvenanceTables & { qualifiers: StringTable; suffixes: StringTable; props: StringTable };
  /** Scope keys and DELEGATED scope sets interned in arrival order; renumbered in slot order when packing. */
  readonly localScopes: ScopeInterner;
  readonly diagnostics: Diagnostic[];
}

/** Gathered, with the edge columns sealed into flat arrays. */
export interface Sealed extends Omit<Gathered, 'edges'> {
  readonly edges: EdgeTable;
}

/** Stands for the environment a CAN_INVOKE edge without one gets from its target model, until that is known. */
export const ENV_MARK = '\u0000environment\u0000';
const NO_RANK = 0xffffffff;
const NODE_KIND_INDEX = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));
/** Per edge kind, bitmasks over NODE_KINDS of the allowed source and target kinds. */
const ENDPOINT_MASKS: readonly { from: number; to: number }[] = EDGE_SPECS.map((spec) => ({
  from: spec.from.reduce((m, k) => m | (1 << (NODE_KIND_INDEX.get(k) as number)), 0),
  to: spec.to.reduce((m, k) => m | (1 << (NODE_KIND_INDEX.get(k) as number)), 0),
}));

/** Packs what was gathered into the compact graph, its lookup and buildGraph's diagnostics. */
export function packGraph(gathered: Gathered): { cg: CompactGraph; lookup: GraphLookup; diagnostics: Diagnostic[] } {
  const g: Sealed = { ...gathered, edges: gathered.edges.seal() };
  const nodes = numberNodes(g);
  const checked = checkEdges(g, nodes.rank, nodes.ids.length);
  const kept = dedupeEdges(g, nodes.rank, checked);
  const packed = packSlots(g, nodes, kept);
  const cg: CompactGraph = {
    order: nodes.ids.length, at: g.at, ids: nodes.ids, indexOf: g.internOf,
    nodeKind: nodes.nodeKind, nodeTier: nodes.nodeTier, nodeEnv: nodes.nodeEnv, active: nodes.active, ...packed.cg,
    edgeKey: (slot) => keyOf(g, packed.slotEdge[slot] as number),
  };
  const lookup = columnLookup({ g, ids: nodes.ids, rank: nodes.rank, ordered: nodes.ordered, kept, slotEdge: packed.slotEdge });
  return { cg, lookup, diagnostics: g.diagnostics };
}

/** The edge key (model/keys.ts) of edge `e`. */
export function keyOf(g: Sealed, e: number): string {
  const kind = EDGE_KINDS[g.edges.kind[e] as number] as (typeof EDGE_KINDS)[number];
  const suffix = g.tables.suffixes.get(g.edges.suffix[e] as number) as string;
  return edgeKey(kind, g.names[g.edges.from[e] as number] as string, g.names[g.edges.to[e] as number] as string, {}) + suffix;
}

interface NumberedNodes {
  readonly ids: string[];
  /** Interned number → position in `ids`, or NO_RANK for ids no node record defines. */
  readonly rank: Uint32Array;
  /** Records in `ids` order. */
  readonly ordered: NodeRecord[];
  readonly nodeKind: Uint8Array;
  readonly nodeTier: Int8Array;
  readonly nodeEnv: Uint8Array;
  readonly active: Uint8Array;
}

function numberNodes(g: Sealed): NumberedNodes {
  const ids: string[] = [];
  for (let k = 0; k < g.names.length; k++) if (g.records[k] !== undefined) ids.push(g.names[k] as string);
  // NOTE: default sort is by UTF-16 code units, as toCompact's, so node numbers follow id order everywhere.
  ids.sort();
  const n = ids.length;
  const rank = new Uint32Array(g.names.length).fill(NO_RANK);
  const ordered = new Array<NodeRecord>(n);
  const out = { nodeKind: new Uint8Array(n), nodeTier: new Int8Array(n), nodeEnv: new Uint8Array(n), active: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const k = g.internOf.get(id) as number;
    rank[k] = i;
    // NOTE: the intern map becomes the graph's indexOf (id → node number); it is not rebuilt, to save memory.
    g.internOf.set(id, i);
    const rec = g.records[k] as NodeRecord;
    ordered[i] = rec;
    const kind = NODE_KIND_INDEX.get(rec.kind) as number;
    out.nodeKind[i] = kind;
    out.nodeTier[i] = tierOf(rec.properties['tier']);
    out.nodeEnv[i] = envIndex(rec.environment);
    out.active[i] = IS_CREDENTIAL[kind] === 1 && !credentialActive(rec.properties, g.at) ? 0 : 1;
  }
  for (let k = 0; k < g.names.length; k++) if (rank[k] === NO_RANK) g.internOf.delete(g.names[k] as string);
  return { ids, rank, ordered, ...out };
}

/**
 * Drops edges with a missing or wrong-kind endpoint (diagnostics as buildGraph's checkEdge) and fills in the
 * environment of CAN_INVOKE edges without one. Returns the surviving edges counting-sorted by source node number.
 */
function checkEdges(g: Sealed, rank: Uint32Array, order: number): Uint32Array {
  const { edges, records, names, tables } = g;
  const m = edges.length;
  const alive = new Uint8Array(m);
  const counts = new Uint32Array(order + 1);
  let survivors = 0;
  for (let e = 0; e < m; e++) {
    const kind = edges.kind[e] as number;
    const masks = ENDPOINT_MASKS[kind] as { from: number; to: number };
    let ok = true;
    for (const side of ['from', 'to'] as const) {
      const k = edges[side][e] as number;
      const rec = records[k];
      if (rec === undefined) {
        dropEdge(g, e, 'dangling-ref', side, `${EDGE_KINDS[kind]} ${side} "${names[k]}": no node has this id; the edge was dropped`);
        ok = false;
        break;
      }
      if (((masks[side] >>> (NODE_KIND_INDEX.get(rec.kind) as number)) & 1) === 0) {
        const allowed = (EDGE_SPECS[kind] as (typeof EDGE_SPECS)[number])[side].join(', ');
        dropEdge(g, e, 'kind-mismatch', side,
          `${EDGE_KINDS[kind]} cannot go ${side} "${names[k]}", a ${rec.kind}; allowed ${side} kinds: ${allowed}`);
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (((edges.flags[e] as number) & ENV_FILLED) !== 0) fillEnvironment(g, e, tables);
    alive[e] = 1;
    survivors++;
    const r = rank[edges.from[e] as number] as number;
    counts[r + 1] = (counts[r + 1] as number) + 1;
  }
  for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
  const bySource = new Uint32Array(survivors);
  for (let e = 0; e < m; e++) {
    if (alive[e] === 0) continue;
    const r = rank[edges.from[e] as number] as number;
    bySource[counts[r] as number] = e;
    counts[r] = (counts[r] as number) + 1;
  }
  return bySource;
}

function dropEdge(g: Sealed, e: number, code: Diagnostic['code'], field: string, message: string): void {
  g.diagnostics.push(diagnosticAt(edgeProvenance(g.edges, e, g.tables), code, field, message));
}

/** The environment a filled CAN_INVOKE edge takes: its model's, else prod (as buildGraph's checkEdge). */
function filledEnvironment(g: Sealed, e: number): string {
  return g.records[g.edges.to[e] as number]?.environment ?? 'prod';
}

function fillEnvironment(g: Sealed, e: number, tables: Sealed['tables']): void {
  const env = filledEnvironment(g, e);
  const { edges } = g;
  setWidening(edges, 'suffix', e, tables.suffixes.id((tables.suffixes.get(edges.suffix[e] as number) as string).replace(ENV_MARK, env)));
  const qualifier = tables.qualifiers.get(edges.qualifier[e] as number);
  if (qualifier === ENV_MARK) setWidening(edges, 'qualifier', e, tables.qualifiers.id(env));
  edges.action[e] = envIndex(env);
}

/**
 * Sorts each source node's edges by (kind, target, key suffix, arrival) and keeps the first of each key, reporting
 * duplicates with different properties. Returns the kept edges in slot order (from, kind, to, key).
 */
function dedupeEdges(g: Sealed, rank: Uint32Array, bySource: Uint32Array): Uint32Array {
  const { edges } = g;
  const suffixes = g.tables.suffixes.values as string[];
  const compare = (x: number, y: number): number => {
    const kx = edges.kind[x] as number;
    const ky = edges.kind[y] as number;
    if (kx !== ky) return kx - ky;
    const tx = rank[edges.to[x] as number] as number;
    const ty = rank[edges.to[y] as number] as number;
    if (tx !== ty) return tx - ty;
    const sx = edges.suffix[x] as number;
    const sy = edges.suffix[y] as number;
    if (sx !== sy) return (suffixes[sx] as string) < (suffixes[sy] as string) ? -1 : 1;
    return x - y;
  };
  const kept = new Uint32Array(bySource.length);
  let n = 0;
  let start = 0;
  // NOTE: runs of equal source are contiguous (counting sort); each run is small except at hubs.
  while (start < bySource.length) {
    const r = rank[edges.from[bySource[start] as number] as number];
    let end = start + 1;
    while (end < bySource.length && rank[edges.from[bySource[end] as number] as number] === r) end++;
    if (end - start > 1) bySource.subarray(start, end).sort(compare);
    let first = -1;
    for (let i = start; i < end; i++) {
      const e = bySource[i] as number;
      if (first >= 0 && sameKey(edges, first, e, rank)) {
        reportConflict(g, first, e);
        continue;
      }
      first = e;
      kept[n++] = e;
    }
    start = end;
  }
  return kept.subarray(0, n);
}

function sameKey(edges: EdgeTable, a: number, b: number, rank: Uint32Array): boolean {
  return edges.kind[a] === edges.kind[b] && rank[edges.to[a] as number] === rank[edges.to[b] as number] && edges.suffix[a] === edges.suffix[b];
}

function reportConflict(g: Sealed, first: number, later: number): void {
  const envHash = (e: number): [number, number] | undefined =>
    ((g.edges.flags[e] as number) & ENV_FILLED) !== 0 ? hashPair(canonical(filledEnvironment(g, e))) : undefined;
  const differs = edgeDifferences(g.edges, first, later, g.tables.props, envHash);
  if (differs.length === 0) return;
  g.diagnostics.push(conflictingEdge({
    kind: g.edges.kind[later] as number, from: g.names[g.edges.from[later] as number] as string,
    to: g.names[g.edges.to[later] as number] as string, provenance: edgeProvenance(g.edges, later, g.tables),
  }, edgeProvenance(g.edges, first, g.tables), differs));
}

type PackedSlots = Pick<CompactGraph,
  'size' | 'starts' | 'targets' | 'edgeKind' | 'edgeAction' | 'edgeScope' | 'edgeScopeSet' | 'scopeNames' | 'scopeSets'>;

/** Kept edges between active nodes and within their validity window become slots, in kept (= slot) order. */
function packSlots(g: Sealed, nodes: NumberedNodes, kept: Uint32Array): { cg: PackedSlots; slotEdge: Uint32Array } {
  const { edges, localScopes } = g;
  const { rank, active } = nodes;
  const order = nodes.ids.length;
  let size = 0;
  const slotEdge = new Uint32Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const e = kept[i] as number;
    // NOTE: an excluded credential has no slots in or out; an edge outside its validity window is absent.
    if (((edges.flags[e] as number) & VALID) === 0) continue;
    if (active[rank[edges.from[e] as number] as number] === 0 || active[rank[edges.to[e] as number] as number] === 0) continue;
    slotEdge[size++] = e;
  }
  const starts = new Uint32Array(order + 1);
  const targets = new Uint32Array(size);
  const edgeKind = new Uint8Array(size);
  const edgeAction = new Uint8Array(size);
  const edgeScope = new Uint32Array(size);
  const edgeScopeSet = new Int32Array(size);
  // NOTE: scope keys and sets are renumbered in slot order, which is the order toCompact interns them in.
  const interner = new ScopeInterner();
  const scopeIds = new Int32Array(localScopes.names.length).fill(-1);
  const setIds = new Int32Array(localScopes.sets.length).fill(-2);
  for (let s = 0; s < size; s++) {
    const e = slotEdge[s] as number;
    const from = rank[edges.from[e] as number] as number;
    starts[from + 1] = (starts[from + 1] as number) + 1;
    targets[s] = rank[edges.to[e] as number] as number;
    edgeKind[s] = edges.kind[e] as number;
    edgeAction[s] = edges.action[e] as number;
    const local = edges.scope[e] as number;
    if (scopeIds[local] === -1) scopeIds[local] = interner.scope(localScopes.names[local]);
    edgeScope[s] = scopeIds[local] as number;
    const set = (edges.scopeSet[e] as number) - 1;
    if (set >= 0 && setIds[set] === -2) setIds[set] = interner.scopeSet(localScopes.sets[set]);
    edgeScopeSet[s] = set < 0 ? -1 : (setIds[set] as number);
  }
  for (let i = 0; i < order; i++) starts[i + 1] = (starts[i + 1] as number) + (starts[i] as number);
  return {
    cg: { size, starts, targets, edgeKind, edgeAction, edgeScope, edgeScopeSet, scopeNames: interner.names, scopeSets: interner.sets },
    slotEdge: slotEdge.slice(0, size),
  };
}
