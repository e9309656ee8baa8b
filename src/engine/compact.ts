// Packs a PathwardenGraph into a CompactGraph: CSR out-adjacency in typed arrays, evaluated at one instant
// (inactive credentials and expired edges are left out). The only engine file that imports graphology types.
import type { PathwardenGraph } from '../graph/types.js';
import {
  ACCESS_ACTIONS, ALTER_ACTIONS, EDGE_KINDS, ENVIRONMENT_ALIASES, ENVIRONMENTS, EngineError, NODE_KINDS, edgeSpec,
  type EdgeRecord, type NodeRecord, type PropValue,
} from '../model/index.js';
import { IS_CREDENTIAL, K } from './kinds.js';

/** A graph packed for the algorithms; see the contract in src/engine/README.md. */
export interface CompactGraph {
  readonly order: number;
  readonly size: number;
  /** The instant the graph was evaluated at, epoch ms. */
  readonly at: number;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Index into NODE_KINDS. */
  readonly nodeKind: Uint8Array;
  /** `tier` property or -1. */
  readonly nodeTier: Int8Array;
  /** Index into ENVIRONMENTS or 255. */
  readonly nodeEnv: Uint8Array;
  /** 1 when the node is traversable at `at`, 0 when excluded (expired/revoked/not yet valid credential). */
  readonly active: Uint8Array;
  /** CSR offsets, order + 1 entries. */
  readonly starts: Uint32Array;
  readonly targets: Uint32Array;
  /** Per slot: index into EDGE_KINDS. */
  readonly edgeKind: Uint8Array;
  /** Per slot: index into ALTER_ACTIONS (CAN_ALTER), ACCESS_ACTIONS (CAN_ACCESS), ENVIRONMENTS (CAN_INVOKE) or 255. */
  readonly edgeAction: Uint8Array;
  /** Per slot: interned scope key, index into scopeNames (0 = none). */
  readonly edgeScope: Uint32Array;
  /** Per slot: index into scopeSets for DELEGATED with non-empty scopes, else -1. */
  readonly edgeScopeSet: Int32Array;
  /** Interned scope keys; [0] = ''. */
  readonly scopeNames: readonly string[];
  /** Interned DELEGATED scope lists, each sorted and without duplicates. */
  readonly scopeSets: readonly (readonly string[])[];
  /** The edge key (model/keys.ts `edgeKey`) of a slot, to map back to its EdgeRecord. */
  edgeKey(slot: number): string;
}

/** Options of toCompact. */
export interface CompactOptions {
  /** Instant to evaluate validity at; default now. */
  readonly at?: Date;
}

const NONE = 255;
const NODE_KIND_INDEX = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));
const EDGE_KIND_INDEX = new Map<string, number>(EDGE_KINDS.map((k, i) => [k, i]));

/** Packs `graph` into CSR typed arrays, applying credential status and validity windows at `options.at`. */
export function toCompact(graph: PathwardenGraph, options: CompactOptions = {}): CompactGraph {
  const at = resolveAt(options.at);
  // NOTE: default sort is by UTF-16 code units, so node indices follow id order on every platform.
  const ids = graph.nodes().sort();
  const indexOf = new Map<string, number>(ids.map((id, i) => [id, i]));
  const nodes = packNodes(graph, ids, at);
  const edges = collectEdges(graph, indexOf, nodes.active, at);
  return { order: ids.length, at, ids, indexOf, ...nodes, ...packEdges(edges, ids.length) };
}

/** Epoch ms of `at` (default now); throws EngineError for an invalid date. */
export function resolveAt(at: Date | undefined): number {
  if (at === undefined) return Date.now();
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new EngineError(`engine/compact: option at is not a valid date: ${String(at)}`);
  return ms;
}

interface PackedNodes {
  readonly nodeKind: Uint8Array;
  readonly nodeTier: Int8Array;
  readonly nodeEnv: Uint8Array;
  readonly active: Uint8Array;
}

function packNodes(graph: PathwardenGraph, ids: readonly string[], at: number): PackedNodes {
  const n = ids.length;
  const out = { nodeKind: new Uint8Array(n), nodeTier: new Int8Array(n), nodeEnv: new Uint8Array(n), active: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const rec: NodeRecord = graph.getNodeAttributes(id);
    const kind = NODE_KIND_INDEX.get(rec.kind);
    if (kind === undefined) throw new EngineError(`engine/compact: node "${id}" has unknown kind "${String(rec.kind)}"`);
    out.nodeKind[i] = kind;
    out.nodeTier[i] = tierOf(rec.properties['tier']);
    out.nodeEnv[i] = envIndex(rec.environment);
    out.active[i] = IS_CREDENTIAL[kind] === 1 && !credentialActive(rec.properties, at) ? 0 : 1;
  }
  return out;
}

/** The `tier` property as 0–4, or -1. */
export function tierOf(value: PropValue | undefined): number {
  const tier = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof tier === 'number' && Number.isInteger(tier) && tier >= 0 && tier <= 4 ? tier : -1;
}

/** Index into ENVIRONMENTS of an environment or alias, or 255. */
export function envIndex(value: PropValue | undefined): number {
  if (typeof value !== 'string') return NONE;
  const env = ENVIRONMENT_ALIASES[value.trim().toLowerCase()];
  return env === undefined ? NONE : ENVIRONMENTS.indexOf(env);
}

/** False for a disabled/revoked credential or one outside its validity window at `at`. */
export function credentialActive(props: Readonly<Record<string, PropValue>>, at: number): boolean {
  const status = props['status'];
  if (status === 'disabled' || status === 'revoked') return false;
  return withinValidity(props, at);
}

/** False when `expires_at` <= at or `created_at` > at; unparsable dates are ignored (treated as absent). */
export function withinValidity(props: Readonly<Record<string, PropValue>>, at: number): boolean {
  const expires = dateOf(props['expires_at']);
  if (expires !== undefined && expires <= at) return false;
  const created = dateOf(props['created_at']);
  return created === undefined || created <= at;
}

function dateOf(value: PropValue | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

interface RawEdge {
  readonly from: number;
  readonly to: number;
  readonly kind: number;
  readonly key: string;
  readonly record: EdgeRecord;
}

function collectEdges(graph: PathwardenGraph, indexOf: ReadonlyMap<string, number>, active: Uint8Array, at: number): RawEdge[] {
  const edges: RawEdge[] = [];
  graph.forEachEdge((key, record, source, target) => {
    const from = indexOf.get(source) as number;
    const to = indexOf.get(target) as number;
    const kind = EDGE_KIND_INDEX.get(record.kind);
    if (kind === undefined) throw new EngineError(`engine/compact: edge "${key}" has unknown kind "${String(record.kind)}"`);
    // NOTE: an excluded credential has no slots in or out; an edge outside its validity window is absent.
    if (active[from] === 0 || active[to] === 0 || !withinValidity(record.properties, at)) return;
    edges.push({ from, to, kind, key, record });
  });
  // NOTE: slot order = (from, kind, to, key) makes every algorithm's output independent of insertion order.
  edges.sort((a, b) => a.from - b.from || a.kind - b.kind || a.to - b.to || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return edges;
}

type PackedEdges = Omit<CompactGraph, 'order' | 'at' | 'ids' | 'indexOf' | keyof PackedNodes>;

function packEdges(edges: readonly RawEdge[], order: number): PackedEdges {
  const size = edges.length;
  const starts = new Uint32Array(order + 1);
  const targets = new Uint32Array(size);
  const edgeKind = new Uint8Array(size);
  const edgeAction = new Uint8Array(size);
  const edgeScope = new Uint32Array(size);
  const edgeScopeSet = new Int32Array(size);
  const edgeKeys: string[] = new Array<string>(size);
  const interner = new ScopeInterner();
  for (let s = 0; s < size; s++) {
    const e = edges[s] as RawEdge;
    starts[e.from + 1] = (starts[e.from + 1] as number) + 1;
    targets[s] = e.to;
    edgeKind[s] = e.kind;
    edgeAction[s] = actionIndex(e.kind, e.record.properties);
    edgeScope[s] = interner.scope(scopeKey(e.record));
    edgeScopeSet[s] = e.kind === K.DELEGATED ? interner.scopeSet(e.record.properties['scopes']) : -1;
    edgeKeys[s] = e.key;
  }
  for (let i = 0; i < order; i++) starts[i + 1] = (starts[i + 1] as number) + (starts[i] as number);
  return {
    size, starts, targets, edgeKind, edgeAction, edgeScope, edgeScopeSet, edgeKey: (slot) => edgeKeys[slot] as string,
    scopeNames: interner.names, scopeSets: interner.sets,
  };
}

/** What a slot's edgeAction stores for an edge of kind index `kind` with these properties. */
export function actionIndex(kind: number, props: Readonly<Record<string, PropValue>>): number {
  const action = props['action'];
  if (kind === K.CAN_ALTER) return indexIn(ALTER_ACTIONS, action);
  if (kind === K.CAN_ACCESS) return indexIn(ACCESS_ACTIONS, action);
  if (kind === K.CAN_INVOKE) return envIndex(props['environment']);
  return NONE;
}

function indexIn(values: readonly string[], value: PropValue | undefined): number {
  const i = typeof value === 'string' ? values.indexOf(value) : -1;
  return i < 0 ? NONE : i;
}

/** The edge's explicit `scope`, else its spec's default scope, else undefined. */
export function scopeKey(record: EdgeRecord): string | undefined {
  const explicit = record.properties['scope'];
  if (typeof explicit === 'string' && explicit.trim() !== '') return explicit.trim();
  return edgeSpec(record.kind).defaultScope?.(record.properties);
}

/** Interns scope keys and DELEGATED scope lists so the engine compares small integers. */
export class ScopeInterner {
  readonly names: string[] = [''];
  readonly sets: (readonly string[])[] = [];
  private readonly nameIds = new Map<string, number>([['', 0]]);
  private readonly setIds = new Map<string, number>();

  scope(key: string | undefined): number {
    if (key === undefined) return 0;
    let id = this.nameIds.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(key);
      this.nameIds.set(key, id);
    }
    return id;
  }

  /** -1 for absent or empty scopes (unrestricted delegation). */
  scopeSet(value: PropValue | undefined): number {
    const list = typeof value === 'string' ? value.split(/[;\s]+/) : Array.isArray(value) ? value : [];
    const set = [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))].sort();
    if (set.length === 0) return -1;
    const key = set.join('\n');
    let id = this.setIds.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(set);
      this.setIds.set(key, id);
    }
    return id;
  }
}
