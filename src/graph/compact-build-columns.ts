// Storage of CompactBuilder: edges as growable typed-array columns (no EdgeRecord is kept), small string tables,
// per-property value hashes so duplicate edges can be compared field by field after their records are gone, and
// node records re-made with shared strings (an owner or tag repeated on 100k rows is stored once).
import type { NodeRecord, PropValue, Provenance } from '../model/index.js';

/** Interns strings to small integers; id 0 stands for `undefined`. */
export class StringTable {
  readonly values: (string | undefined)[] = [undefined];
  private readonly ids = new Map<string, number>();

  id(value: string | undefined): number {
    if (value === undefined) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  get(id: number): string | undefined {
    return this.values[id];
  }
}

/** Edge flag: within its validity window at the builder's instant. */
export const VALID = 1;
/** Edge flag: CAN_INVOKE without environment; the environment is the target model's, known only at finish. */
export const ENV_FILLED = 2;
/** Line column value for "no line". */
export const NO_LINE = 0xffffffff;

type Chunk = Uint8Array | Uint16Array | Uint32Array;
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MAX = { 1: 0xff, 2: 0xffff, 4: 0xffffffff } as const;

function chunkOf(width: 1 | 2 | 4, length: number): Chunk {
  return width === 1 ? new Uint8Array(length) : width === 2 ? new Uint16Array(length) : new Uint32Array(length);
}

/**
 * An append-only unsigned column in 64k-entry chunks: no doubling and no copy while growing (peak = size + one chunk).
 * An adaptive column starts 16 bits wide and widens to 32 bits at the first value that needs it.
 */
export class Column {
  length = 0;
  private readonly chunks: Chunk[] = [];
  private current: Chunk = new Uint8Array(0);

  constructor(private width: 1 | 2 | 4, private readonly adaptive = false) {}

  push(value: number): void {
    const i = this.length & (CHUNK - 1);
    if (i === 0) this.chunks.push((this.current = chunkOf(this.width, CHUNK)));
    if (value > MAX[this.width]) {
      if (!this.adaptive) throw new RangeError(`graph/compact-build: ${value} does not fit a ${this.width * 8}-bit column`);
      this.width = 4;
      this.current = Uint32Array.from(this.current);
      this.chunks[this.chunks.length - 1] = this.current;
    }
    this.current[i] = value;
    this.length++;
  }

  /** The values in one array of the widest width used; the column is emptied chunk by chunk while copying. */
  seal(): Chunk {
    const out = chunkOf(this.width, this.length);
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as Chunk;
      out.set(chunk.subarray(0, Math.min(CHUNK, this.length - c * CHUNK)), c * CHUNK);
      this.chunks[c] = new Uint8Array(0);
    }
    return out;
  }
}

/** One edge as it arrives, reduced to numbers (interned ids, evaluated flags). */
export interface EdgeRow {
  from: number; to: number; kind: number; flags: number; action: number; scope: number; scopeSet: number;
  qualifier: number; suffix: number; source: number; file: number; line: number;
}

const FIELDS = ['from', 'to', 'kind', 'flags', 'action', 'scope', 'scopeSet', 'qualifier', 'suffix', 'source', 'file', 'line'] as const;
type Field = (typeof FIELDS)[number];

/** The edge columns after sealing, indexed by arrival number. `scopeSet` stores the local set id + 1 (0 = none). */
export type EdgeTable = { -readonly [F in Field]: Chunk } & {
  readonly length: number;
  /** End (exclusive) of each edge's run in `props`; the run starts at the previous edge's end. */
  readonly propEnd: Uint32Array;
  /** Triples (property name id, hash 1, hash 2) of canonical JSON property values. */
  readonly props: Uint32Array;
};

/** Edge columns while records arrive; `seal()` turns them into an EdgeTable. */
export class EdgeColumns {
  length = 0;
  private readonly columns: Record<Field, Column> = {
    from: new Column(4), to: new Column(4), kind: new Column(1), flags: new Column(1), action: new Column(1),
    scope: new Column(2, true), scopeSet: new Column(2, true), qualifier: new Column(2, true), suffix: new Column(2, true),
    source: new Column(2, true), file: new Column(2, true), line: new Column(4),
  };
  private readonly propEnd = new Column(4);
  private readonly props = new Column(4);

  push(row: EdgeRow, hashes: readonly number[]): number {
    for (const field of FIELDS) this.columns[field].push(field === 'scopeSet' ? row.scopeSet + 1 : row[field]);
    for (const h of hashes) this.props.push(h);
    this.propEnd.push(this.props.length);
    return this.length++;
  }

  seal(): EdgeTable {
    const out: Partial<Record<Field, Chunk>> = {};
    for (const field of FIELDS) out[field] = this.columns[field].seal();
    return { ...(out as Record<Field, Chunk>), length: this.length, propEnd: this.propEnd.seal() as Uint32Array, props: this.props.seal() as Uint32Array };
  }
}

/** Start of edge `e`'s property triples in `table.props`. */
export function propStart(table: EdgeTable, e: number): number {
  return e === 0 ? 0 : (table.propEnd[e - 1] as number);
}

/** Stores `value` at `e` in an adaptive column, widening the column to 32 bits when it needs it. */
export function setWidening(table: EdgeTable, field: Field, e: number, value: number): void {
  if (value > 0xffff && !(table[field] instanceof Uint32Array)) table[field] = Uint32Array.from(table[field]);
  table[field][e] = value;
}

/** Two independent 32-bit hashes (FNV-1a and a multiplicative mix) of a string: 64 bits to compare values by. */
export function hashPair(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}

/** Shares equal strings: returns the first string seen with the same content. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  share(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** An equal copy of `record` whose repeated strings (owner, tags, source, file, string property values) are shared. */
  record(record: NodeRecord): NodeRecord {
    const properties: Record<string, PropValue> = {};
    for (const key of Object.keys(record.properties)) {
      const value = record.properties[key];
      if (value === undefined) continue;
      properties[key] = typeof value === 'string' ? this.share(value) : Array.isArray(value) ? value.map((v: string) => this.share(v)) : value;
    }
    const p = record.provenance;
    const provenance: Provenance = {
      source: this.share(p.source), ...(p.file !== undefined ? { file: this.share(p.file) } : {}),
      ...(p.line !== undefined ? { line: p.line } : {}), ...(p.path !== undefined ? { path: p.path } : {}),
    };
    return {
      id: record.id, kind: record.kind, name: record.name === record.id ? record.id : record.name,
      ...(record.owner !== undefined ? { owner: this.share(record.owner) } : {}),
      ...(record.environment !== undefined ? { environment: record.environment } : {}),
      tags: record.tags.map((t) => this.share(t)), source: this.share(record.source), properties, provenance,
    };
  }
}
