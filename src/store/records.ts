// Records ⇄ store rows. Stored properties are flat (what a Neo4j Browser user queries: n.tier, r.action) and they
// are the item's open (current) version: a record is rebuilt exactly from them. Only versions that have been
// replaced keep the whole record as a JSON document (`_v_doc`), so any recent snapshot can be rebuilt exactly.
import { hash } from 'node:crypto';
import { edgeKey, edgeSpec, type EdgeKind, type EdgeRecord, type NodeRecord, type PropValue, type Provenance } from '../model/index.js';
import type { FileNumbers } from './files.js';

/** A flat property map as stored on a node or relationship. */
export type Flat = Record<string, PropValue>;

/**
 * Record fields stored under their own name on a node. Bookkeeping properties all start with `_`; a record
 * property that collides with either is kept exactly through the `_doc` fallback.
 */
const NODE_FIELDS = new Set(['id', 'kind', 'name', 'owner', 'environment', 'tags', 'source']);
const EDGE_FIELDS = new Set(['source']);
/** Digits of a `_porder` entry: one character per property, so at most this many properties are ordered. */
const ORDER_DIGITS = 36;

/** Content hash of a record: what it says, not where it was read (line numbers may shift without a change). */
function contentHash(content: unknown): string {
  // NOTE: the one-shot hash is twice as fast as createHash().update().digest() on these short strings.
  // NOTE: 64 bits tell a change apart (a collision would need 2^32 versions of one item) and, as 16 hex digits,
  // are stored inline in the relationship's property record, where 32 were not.
  return hash('sha256', JSON.stringify(content)).slice(0, 16);
}

/** Key orders the flat form gives records back in (keys whose value is undefined do not count: JSON drops them). */
const NODE_ORDER = ['id', 'kind', 'name', 'owner', 'environment', 'tags', 'source', 'properties', 'provenance'];
const EDGE_ORDER = ['kind', 'from', 'to', 'source', 'properties', 'provenance'];
const PROVENANCE_ORDER = ['source', 'file', 'line', 'path'];

/** True when `o`'s defined keys all come from `order`, in that order. */
function inOrder(o: object, order: readonly string[]): boolean {
  let at = -1;
  // NOTE: for…in, not Object.entries: this runs for every record of a write, and the entries array was a tenth of it.
  for (const k in o) {
    if ((o as Record<string, unknown>)[k] === undefined) continue;
    const i = order.indexOf(k);
    if (i <= at) return false;
    at = i;
  }
  return true;
}

/**
 * True when the flat form gives the record back exactly (same JSON): its keys and its provenance's keys are in the
 * order the flat form rebuilds them, and its properties' order can be kept in `_porder`. Checked instead of
 * rebuilding the record and comparing JSON, which took most of the time of writing a large graph.
 */
function flatIsExact(record: NodeRecord | EdgeRecord, order: readonly string[]): boolean {
  return inOrder(record, order) && inOrder(record.provenance, PROVENANCE_ORDER)
    && (Object.keys(record.properties).length <= ORDER_DIGITS || isSorted(Object.keys(record.properties)));
}

function isSorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if ((names[i - 1] as string) > (names[i] as string)) return false;
  return true;
}

function sortedProps(props: Readonly<Record<string, PropValue>>): Flat {
  const names = Object.keys(props);
  if (isSorted(names)) return props as Flat;
  return Object.fromEntries(names.sort().map((k) => [k, props[k] as PropValue]));
}

export interface NodeRow {
  /** The record's flat properties (its open version), without the version bookkeeping. */
  readonly props: Flat;
  readonly hash: string;
}

export interface EdgeRow {
  readonly props: Flat;
  /** Content hash, or null when the edge key and the source say everything (no property outside the key). */
  readonly hash: string | null;
  readonly from: string;
  readonly to: string;
  readonly key: string;
}

/**
 * Adds the record's properties and provenance to `flat`. Property order is kept as `_porder` (for each property
 * in record order, its position among the sorted names, base 36) when it is not already sorted.
 */
function addPropsAndProvenance(
  flat: Flat, properties: Readonly<Record<string, PropValue>>, provenance: Provenance, source: string, files: FileNumbers | undefined,
): void {
  const names = Object.keys(properties);
  for (const name of names) flat[name] = properties[name] as PropValue;
  if (isSorted(names)) return addProvenance(flat, provenance, source, files);
  const sorted = [...names].sort();
  if (names.length <= ORDER_DIGITS) {
    flat['_porder'] = names.map((name) => sorted.indexOf(name).toString(ORDER_DIGITS)).join('');
  }
  addProvenance(flat, provenance, source, files);
}

/** Provenance, with the file as its number in `files` when given (the store), else as the path. */
function addProvenance(flat: Flat, provenance: Provenance, source: string, files: FileNumbers | undefined): void {
  if (provenance.source !== source) flat['_psource'] = provenance.source;
  if (provenance.file !== undefined) flat['_file'] = files ? files.numberOf(provenance.file) : provenance.file;
  if (provenance.line !== undefined) flat['_line'] = provenance.line;
  if (provenance.path !== undefined) flat['_path'] = provenance.path;
}

/** The record's own properties among flat ones, in record order. */
function propsOf(flat: Readonly<Record<string, unknown>>, fields: ReadonlySet<string>): Flat {
  const names = Object.keys(flat).filter((k) => !fields.has(k) && !k.startsWith('_')).sort();
  const order = flat['_porder'];
  const ordered = typeof order === 'string' ? [...order].map((d) => names[parseInt(d, ORDER_DIGITS)] as string) : names;
  return Object.fromEntries(ordered.map((k) => [k, flat[k] as PropValue]));
}

/** The path of a stored `_file`: a number in the file table, or (stores written before the table) the path itself. */
function fileOf(value: unknown, files: FileNumbers | undefined): string {
  if (typeof value !== 'number') return String(value);
  const path = files?.pathOf(value);
  if (path === undefined) throw new Error(`store/records: file number ${value} is not in the store's file table`);
  return path;
}

function provenanceOf(flat: Readonly<Record<string, unknown>>, files: FileNumbers | undefined): Provenance {
  const p = flat;
  return {
    source: String(p['_psource'] ?? p['source']),
    ...(p['_file'] !== undefined && p['_file'] !== null ? { file: fileOf(p['_file'], files) } : {}),
    ...(typeof p['_line'] === 'number' ? { line: p['_line'] } : {}),
    ...(p['_path'] !== undefined && p['_path'] !== null ? { path: String(p['_path']) } : {}),
  };
}

/**
 * A node record back from its flat properties (the open version, or a retired node's last one); `files` resolves
 * file numbers (the store's table).
 */
export function nodeFromFlat(flat: Readonly<Record<string, unknown>>, files?: FileNumbers): NodeRecord {
  if (typeof flat['_doc'] === 'string') return JSON.parse(flat['_doc']) as NodeRecord;
  const f = flat;
  return {
    id: String(f['id']), kind: f['kind'] as NodeRecord['kind'], name: String(f['name']),
    ...(typeof f['owner'] === 'string' ? { owner: f['owner'] } : {}),
    ...(typeof f['environment'] === 'string' ? { environment: f['environment'] as NodeRecord['environment'] } : {}),
    tags: [...(f['tags'] as string[] | undefined ?? [])], source: String(f['source']),
    properties: propsOf(f, NODE_FIELDS), provenance: provenanceOf(f, files),
  };
}

/** An edge record back from the flat properties of a relationship of `kind` from `from` to `to`. */
export function edgeFromFlat(kind: EdgeKind, from: string, to: string, flat: Readonly<Record<string, unknown>>, files?: FileNumbers): EdgeRecord {
  if (typeof flat['_doc'] === 'string') return JSON.parse(flat['_doc']) as EdgeRecord;
  return { kind, from, to, source: String(flat['source']), properties: propsOf(flat, EDGE_FIELDS), provenance: provenanceOf(flat, files) };
}

/** Property names that the flat form reserves and `properties` uses: such a record is kept as a document. */
function collides(properties: Readonly<Record<string, PropValue>>, fields: ReadonlySet<string>): boolean {
  return Object.keys(properties).some((k) => fields.has(k) || k.startsWith('_'));
}

/** The stored form of a node record; `files` numbers its provenance file (the store's table), else the path is kept. */
export function nodeRow(n: NodeRecord, files?: FileNumbers): NodeRow {
  const content = {
    id: n.id, kind: n.kind, name: n.name, owner: n.owner ?? null, environment: n.environment ?? null,
    tags: [...n.tags].sort(), source: n.source, properties: sortedProps(n.properties),
  };
  const props: Flat = { id: n.id, kind: n.kind, name: n.name, tags: [...n.tags], source: n.source };
  if (n.owner !== undefined) props['owner'] = n.owner;
  if (n.environment !== undefined) props['environment'] = n.environment;
  const clash = collides(n.properties, NODE_FIELDS);
  if (!clash) addPropsAndProvenance(props, n.properties, n.provenance, n.source, files);
  // NOTE: the flat form must give the record back exactly; anything it cannot say (a property named like a field,
  // an unusual provenance, key order) is kept whole in `_doc` instead.
  if (clash || !flatIsExact(n, NODE_ORDER)) props['_doc'] = JSON.stringify(n);
  return { props, hash: contentHash(content) };
}

/** The stored form of an edge record (as nodeRow). */
export function edgeRow(e: EdgeRecord, files?: FileNumbers): EdgeRow {
  const spec = edgeSpec(e.kind);
  const key = edgeKey(e.kind, e.from, e.to, e.properties);
  const props: Flat = { source: e.source };
  const clash = collides(e.properties, EDGE_FIELDS);
  if (!clash) addPropsAndProvenance(props, e.properties, e.provenance, e.source, files);
  // NOTE: the live scan rebuilds the edge key from the endpoints and these properties, so they are stored flat
  // even when the record itself is kept as a document.
  else for (const name of spec.key) if (e.properties[name] !== undefined) props[name] = e.properties[name] as PropValue;
  if (clash || !flatIsExact(e, EDGE_ORDER)) props['_doc'] = JSON.stringify(e);
  // NOTE: an edge whose properties are all key properties says nothing its key and source do not, and the live
  // scan reads both: it stores no hash. Most relationships are such edges, and the hash was a sixth of their write.
  let keyOnly = true;
  for (const name in e.properties) if (!spec.key.includes(name)) { keyOnly = false; break; }
  if (keyOnly) return { from: e.from, to: e.to, key, props, hash: null };
  const content = { kind: e.kind, from: e.from, to: e.to, source: e.source, properties: sortedProps(e.properties) };
  return { from: e.from, to: e.to, key, props, hash: contentHash(content) };
}

/** A node record back from a closed version's document. */
export function nodeFromDoc(doc: string): NodeRecord {
  return JSON.parse(doc) as NodeRecord;
}

/** An edge record back from a closed version's document. */
export function edgeFromDoc(doc: string): EdgeRecord {
  return JSON.parse(doc) as EdgeRecord;
}
