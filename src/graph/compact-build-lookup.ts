// GraphLookup over what CompactBuilder kept: node records in id order and the edge columns (no graphology graph).
import { EDGE_KINDS, EngineError, type NodeRecord } from '../model/index.js';
import { NO_LINE } from './compact-build-columns.js';
import type { Sealed } from './compact-build-pack.js';
import type { CredentialHolders, EdgeView, GraphLookup } from './lookup.js';

/** What the lookup reads: the gathered columns, node numbering, kept edges (= graph edges) and slot → edge. */
export interface ColumnLookupInput {
  readonly g: Sealed;
  readonly ids: readonly string[];
  readonly rank: Uint32Array;
  readonly ordered: readonly NodeRecord[];
  readonly kept: Uint32Array;
  readonly slotEdge: Uint32Array;
}

const HAS_CREDENTIAL = EDGE_KINDS.indexOf('HAS_CREDENTIAL');

/** A lookup with graphLookup's answers, read from the builder's columns. */
export function columnLookup(input: ColumnLookupInput): GraphLookup {
  const { g, ids, ordered, slotEdge } = input;
  const indexOf = g.internOf;
  let holders: { starts: Uint32Array; from: Uint32Array } | undefined;
  const nodeIndex = (id: string): number => {
    const i = indexOf.get(id);
    if (i === undefined) throw new EngineError(`graph: no node "${id}"`);
    return i;
  };
  return {
    nodeCount: ids.length,
    edgeCount: input.kept.length,
    hasNode: (id) => indexOf.has(id),
    node: (id) => ordered[nodeIndex(id)] as NodeRecord,
    slot(slot) {
      const e = slotEdge[slot];
      if (e === undefined) throw new EngineError(`graph: no slot ${slot}`);
      return edgeViewOf(g, e);
    },
    credentialHolders(id) {
      const i = nodeIndex(id);
      holders ??= holderIndex(input);
      return holdersOf(ordered, holders, i);
    },
  };
}

function edgeViewOf(g: Sealed, e: number): EdgeView {
  const { edges, tables } = g;
  const qualifier = tables.qualifiers.get(edges.qualifier[e] as number);
  const file = tables.files.get(edges.file[e] as number);
  const line = edges.line[e] as number;
  return {
    kind: EDGE_KINDS[edges.kind[e] as number] as EdgeView['kind'],
    from: g.names[edges.from[e] as number] as string, to: g.names[edges.to[e] as number] as string,
    ...(qualifier !== undefined ? { qualifier } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(line !== NO_LINE ? { line } : {}),
  };
}

/** HAS_CREDENTIAL edges of the graph grouped by credential: CSR of holder node numbers. */
function holderIndex({ g, rank, kept, ids }: ColumnLookupInput): { starts: Uint32Array; from: Uint32Array } {
  const { edges } = g;
  const starts = new Uint32Array(ids.length + 1);
  let count = 0;
  for (const e of kept) {
    if (edges.kind[e] !== HAS_CREDENTIAL) continue;
    const to = rank[edges.to[e] as number] as number;
    starts[to + 1] = (starts[to + 1] as number) + 1;
    count++;
  }
  for (let i = 0; i < ids.length; i++) starts[i + 1] = (starts[i + 1] as number) + (starts[i] as number);
  const fill = starts.slice(0, ids.length);
  const from = new Uint32Array(count);
  for (const e of kept) {
    if (edges.kind[e] !== HAS_CREDENTIAL) continue;
    const to = rank[edges.to[e] as number] as number;
    from[fill[to] as number] = rank[edges.from[e] as number] as number;
    fill[to] = (fill[to] as number) + 1;
  }
  return { starts, from };
}

function holdersOf(ordered: readonly NodeRecord[], index: { starts: Uint32Array; from: Uint32Array }, i: number): CredentialHolders {
  const holders = new Set<number>();
  const environments = new Set<string>();
  for (let j = index.starts[i] as number; j < (index.starts[i + 1] as number); j++) {
    const h = index.from[j] as number;
    holders.add(h);
    const env = ordered[h]?.environment;
    if (env) environments.add(env);
  }
  return { holders: holders.size, environments: [...environments].sort() };
}
