// Storage of CompactBuilder: edges as growable typed-array columns (no EdgeRecord is kept), small string tables,
// and per-property value hashes so duplicate edges can be compared field by field after their records are gone.

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

type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array;

function grown<T extends Column>(column: T, capacity: number): T {
  const next = new (column.constructor as new (n: number) => T)(capacity);
  next.set(column);
  return next;
}

/** One edge as it arrives, reduced to numbers (interned ids, evaluated flags, hashed properties). */
export interface EdgeRow {
  from: number; to: number; kind: number; flags: number; action: number; scope: number; scopeSet: number;
  qualifier: number; suffix: number; source: number; file: number; line: number;
}

/** Edge columns, indexed by arrival number. */
export class EdgeColumns {
  length = 0;
  from = new Uint32Array(1024);
  to = new Uint32Array(1024);
  kind = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  action = new Uint8Array(1024);
  scope = new Uint32Array(1024);
  scopeSet = new Int32Array(1024);
  qualifier = new Uint32Array(1024);
  suffix = new Uint32Array(1024);
  source = new Uint16Array(1024);
  file = new Uint32Array(1024);
  line = new Uint32Array(1024);
  /** End (exclusive) of each edge's run in `props`; the run starts at the previous edge's end. */
  propEnd = new Uint32Array(1024);
  /** Triples (property name id, hash 1, hash 2) of canonical JSON values. */
  props = new Uint32Array(4096);
  propLength = 0;

  push(row: EdgeRow, hashes: readonly number[]): number {
    const e = this.length;
    if (e === this.from.length) this.grow(e * 2);
    this.from[e] = row.from; this.to[e] = row.to; this.kind[e] = row.kind; this.flags[e] = row.flags;
    this.action[e] = row.action; this.scope[e] = row.scope; this.scopeSet[e] = row.scopeSet;
    this.qualifier[e] = row.qualifier; this.suffix[e] = row.suffix; this.source[e] = row.source;
    this.file[e] = row.file; this.line[e] = row.line;
    if (this.propLength + hashes.length > this.props.length) this.props = grown(this.props, (this.propLength + hashes.length) * 2);
    for (let i = 0; i < hashes.length; i++) this.props[this.propLength++] = hashes[i] as number;
    this.propEnd[e] = this.propLength;
    this.length = e + 1;
    return e;
  }

  propStart(e: number): number {
    return e === 0 ? 0 : (this.propEnd[e - 1] as number);
  }

  private grow(capacity: number): void {
    this.from = grown(this.from, capacity); this.to = grown(this.to, capacity); this.kind = grown(this.kind, capacity);
    this.flags = grown(this.flags, capacity); this.action = grown(this.action, capacity);
    this.scope = grown(this.scope, capacity); this.scopeSet = grown(this.scopeSet, capacity);
    this.qualifier = grown(this.qualifier, capacity); this.suffix = grown(this.suffix, capacity);
    this.source = grown(this.source, capacity); this.file = grown(this.file, capacity); this.line = grown(this.line, capacity);
    this.propEnd = grown(this.propEnd, capacity);
  }
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
