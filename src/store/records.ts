// Records ⇄ store rows. Stored properties are flat (what a Neo4j Browser user queries: n.tier, r.action); each
// version also keeps the whole record as a JSON document so any recent snapshot can be rebuilt exactly.
import { createHash } from 'node:crypto';
import { edgeKey, type EdgeRecord, type NodeRecord, type PropValue } from '../model/index.js';

type Flat = Record<string, PropValue>;

/** Content hash of a record: what it says, not where it was read (line numbers may shift without a change). */
function contentHash(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

function sortedProps(props: Readonly<Record<string, PropValue>>): Flat {
  return Object.fromEntries(Object.keys(props).sort().map((k) => [k, props[k] as PropValue]));
}

export interface NodeRow {
  readonly props: Flat;
  readonly hash: string;
  readonly doc: string;
}

export interface EdgeRow extends NodeRow {
  readonly from: string;
  readonly to: string;
  readonly key: string;
}

/** The stored form of a node record. */
export function nodeRow(n: NodeRecord): NodeRow {
  const content = {
    id: n.id, kind: n.kind, name: n.name, owner: n.owner ?? null, environment: n.environment ?? null,
    tags: [...n.tags].sort(), source: n.source, properties: sortedProps(n.properties),
  };
  const props: Flat = { ...n.properties, id: n.id, kind: n.kind, name: n.name, tags: [...n.tags], source: n.source };
  if (n.owner !== undefined) props['owner'] = n.owner;
  if (n.environment !== undefined) props['environment'] = n.environment;
  if (n.provenance.file !== undefined) props['_file'] = n.provenance.file;
  if (n.provenance.line !== undefined) props['_line'] = n.provenance.line;
  return { props, hash: contentHash(content), doc: JSON.stringify(n) };
}

/** The stored form of an edge record. */
export function edgeRow(e: EdgeRecord): EdgeRow {
  const key = edgeKey(e.kind, e.from, e.to, e.properties);
  const content = { kind: e.kind, from: e.from, to: e.to, source: e.source, properties: sortedProps(e.properties) };
  const props: Flat = { ...e.properties, source: e.source, _key: key };
  if (e.provenance.file !== undefined) props['_file'] = e.provenance.file;
  if (e.provenance.line !== undefined) props['_line'] = e.provenance.line;
  return { from: e.from, to: e.to, key, props, hash: contentHash(content), doc: JSON.stringify(e) };
}

/** A node record back from a version document. */
export function nodeFromDoc(doc: string): NodeRecord {
  return JSON.parse(doc) as NodeRecord;
}

/** An edge record back from a version document. */
export function edgeFromDoc(doc: string): EdgeRecord {
  return JSON.parse(doc) as EdgeRecord;
}
