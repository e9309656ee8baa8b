// Provenance files, stored once: each inventory file path a run reports becomes one (:PWFile {n, path}) node, and
// nodes and relationships carry its number as `_file`. NOTE: a path string on every relationship lands in Neo4j's
// dynamic string store (paths are longer than an inline short string); measured on 250k relationships, storing the
// number instead doubled the write rate. Numbers are never reused or renumbered: old versions keep theirs.
import { STORE_LABELS } from './cypher.js';
import type { Store } from './driver.js';

const L = STORE_LABELS;

/** File path ⇄ number, as the flat form of a record needs it (records.ts). */
export interface FileNumbers {
  /** The number of `path`, assigning the next one when the path is new. */
  numberOf(path: string): number;
  /** The path of number `n`, if known. */
  pathOf(n: number): string | undefined;
}

/** The store's file table as read at the start of a run, plus the paths this run adds. */
export class FileTable implements FileNumbers {
  readonly #byPath = new Map<string, number>();
  readonly #byNumber = new Map<number, string>();
  readonly #added: [number, string][] = [];
  #next = 1;

  constructor(entries: Iterable<readonly [number, string]> = []) {
    for (const [n, path] of entries) {
      this.#byPath.set(path, n);
      this.#byNumber.set(n, path);
      if (n >= this.#next) this.#next = n + 1;
    }
  }

  numberOf(path: string): number {
    let n = this.#byPath.get(path);
    if (n === undefined) {
      n = this.#next++;
      this.#byPath.set(path, n);
      this.#byNumber.set(n, path);
      this.#added.push([n, path]);
    }
    return n;
  }

  pathOf(n: number): string | undefined {
    return this.#byNumber.get(n);
  }

  /** Entries assigned since the table was read and not yet saved; clears the list. */
  takeAdded(): [number, string][] {
    return this.#added.splice(0);
  }
}

/** Every stored file number and path. */
export async function readFiles(store: Store): Promise<FileTable> {
  const rows = await store.run(`MATCH (f:${L.file}) RETURN f.n AS n, f.path AS path`, {}, 'read');
  return new FileTable(rows.map((r) => [Number(r.get('n')), String(r.get('path'))] as const));
}

/** Stores the paths `table` assigned since it was read (before any item that carries their numbers). */
export async function saveFiles(store: Store, table: FileTable): Promise<void> {
  const rows = table.takeAdded();
  if (rows.length) await store.run(`UNWIND $rows AS row CREATE (:${L.file} {n: row[0], path: row[1]})`, { rows });
}
