// Graph half of `pathwarden diff`: nodes and edges added, removed and changed between two graph documents,
// matched by node id and edge key, with the fields that changed and counts by kind and by source.
import type { JsonGraphDocument, JsonGraphEdge, JsonGraphNode } from '../graph/export.js';
import { edgeKey, isNodeKind, nodeSpec, type PropValue } from '../model/index.js';

/** A node as listed in a diff. */
export interface NodeDelta {
  readonly id: string;
  readonly kind: string;
  readonly source: string;
  /** `prefix:name`, as drawn in paths. */
  readonly label: string;
}

/** An edge as listed in a diff; `key` is the edge key (kind, endpoints and discriminating properties). */
export interface EdgeDelta {
  readonly key: string;
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly source: string;
}

/** One field that differs; values of secret-like fields are never shown (`hidden`). */
export interface FieldChange {
  readonly field: string;
  readonly before?: PropValue;
  readonly after?: PropValue;
  readonly hidden?: true;
}

export interface ChangeSet<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: readonly (T & { readonly changes: readonly FieldChange[] })[];
}

/** Counts of one group (a node or edge kind, or a source) in the diff. */
export interface CountRow {
  readonly of: 'node' | 'edge';
  readonly group: string;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

export interface GraphDiff {
  readonly nodes: ChangeSet<NodeDelta>;
  readonly edges: ChangeSet<EdgeDelta>;
  readonly byKind: readonly CountRow[];
  readonly bySource: readonly CountRow[];
}

/** Field names whose values are never printed, only reported as changed. */
export const SECRET_LIKE_FIELD = /secret|password|passwd|private|token|fingerprint|api_?key|value/i;

/** Fields of a node compared besides its properties (provenance is left out: line numbers move). */
const NODE_FIELDS = ['name', 'owner', 'environment', 'tags', 'source'] as const;

function same(a: PropValue | undefined, b: PropValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function fieldChange(field: string, before: PropValue | undefined, after: PropValue | undefined): FieldChange {
  if (SECRET_LIKE_FIELD.test(field)) return { field, hidden: true };
  return { field, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

function propertyChanges(before: Readonly<Record<string, PropValue>>, after: Readonly<Record<string, PropValue>>): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const k of keys) if (!same(before[k], after[k])) out.push(fieldChange(k, before[k], after[k]));
  return out;
}

function nodeChanges(a: JsonGraphNode, b: JsonGraphNode): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of NODE_FIELDS) if (!same(a[f], b[f])) out.push(fieldChange(f, a[f], b[f]));
  return [...out, ...propertyChanges(a.properties, b.properties)];
}

function edgeChanges(a: JsonGraphEdge, b: JsonGraphEdge): FieldChange[] {
  const out: FieldChange[] = a.source === b.source ? [] : [fieldChange('source', a.source, b.source)];
  return [...out, ...propertyChanges(a.properties, b.properties)];
}

/** `prefix:name` of a graph-document node. */
export function documentNodeLabel(n: { readonly kind: string; readonly name: string }): string {
  return isNodeKind(n.kind) ? `${nodeSpec(n.kind).prefix}:${n.name}` : n.name;
}

function nodeDelta(n: JsonGraphNode): NodeDelta {
  return { id: n.id, kind: n.kind, source: n.source, label: documentNodeLabel(n) };
}

function keyOf(e: JsonGraphEdge): string {
  return edgeKey(e.kind, e.from, e.to, e.properties);
}

function edgeDelta(e: JsonGraphEdge): EdgeDelta {
  return { key: keyOf(e), kind: e.kind, from: e.from, to: e.to, source: e.source };
}

/** Added, removed and changed items of two keyed lists, sorted by key. */
function compare<I, T>(
  base: readonly I[], head: readonly I[], key: (i: I) => string, delta: (i: I) => T, changes: (a: I, b: I) => FieldChange[],
): ChangeSet<T> {
  const before = new Map(base.map((i) => [key(i), i]));
  const after = new Map(head.map((i) => [key(i), i]));
  const byKey = (a: I, b: I): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const added = head.filter((i) => !before.has(key(i))).sort(byKey).map(delta);
  const removed = base.filter((i) => !after.has(key(i))).sort(byKey).map(delta);
  const changed: (T & { changes: FieldChange[] })[] = [];
  for (const b of [...head].sort(byKey)) {
    const a = before.get(key(b));
    if (a === undefined) continue;
    const list = changes(a, b);
    if (list.length) changed.push({ ...delta(b), changes: list });
  }
  return { added, removed, changed };
}

function countRows(of: 'node' | 'edge', set: ChangeSet<{ readonly kind: string; readonly source: string }>, by: 'kind' | 'source'): CountRow[] {
  const rows = new Map<string, { added: number; removed: number; changed: number }>();
  const bump = (group: string, field: 'added' | 'removed' | 'changed'): void => {
    const row = rows.get(group) ?? { added: 0, removed: 0, changed: 0 };
    row[field]++;
    rows.set(group, row);
  };
  for (const i of set.added) bump(i[by], 'added');
  for (const i of set.removed) bump(i[by], 'removed');
  for (const i of set.changed) bump(i[by], 'changed');
  return [...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, r]) => ({ of, group, ...r }));
}

/** Compares two graph documents (sorted output; provenance ignored). */
export function diffGraphs(base: JsonGraphDocument, head: JsonGraphDocument): GraphDiff {
  const nodes = compare(base.nodes, head.nodes, (n) => n.id, nodeDelta, nodeChanges);
  const edges = compare(base.edges, head.edges, keyOf, edgeDelta, edgeChanges);
  return {
    nodes, edges,
    byKind: [...countRows('node', nodes, 'kind'), ...countRows('edge', edges, 'kind')],
    bySource: [...countRows('node', nodes, 'source'), ...countRows('edge', edges, 'source')],
  };
}

/** True when the graph diff lists nothing. */
export function graphUnchanged(d: GraphDiff): boolean {
  return [d.nodes, d.edges].every((s) => s.added.length + s.removed.length + s.changed.length === 0);
}
