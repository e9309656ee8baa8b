// Every Cypher statement the store runs, built from the model registries (STYLE C4): labels and relationship
// types come only from NODE_KINDS / EDGE_KINDS and the fixed store labels below; every value is a parameter.
import {
  COMMON_EDGE_PROPS, COMMON_NODE_PROPS, EDGE_KINDS, NODE_KINDS, edgeSpec, isEdgeKind, isNodeKind, nodeSpec, type EdgeKind, type NodeKind,
} from '../model/index.js';

/** Labels and relationship types of the store's own bookkeeping, declared once. */
export const STORE_LABELS = {
  /** Every live graph node, besides its kind label. */
  node: 'PWNode',
  /** A node no source reports any more, kept for snapshot history until retention drops it. */
  retiredNode: 'PWRetired',
  /** A relationship no source reports any more, kept as a node for snapshot history. */
  retiredEdge: 'PWRetiredEdge',
  snapshot: 'PWSnapshot',
  meta: 'PWMeta',
  /** One inventory file path that provenance refers to by number (`_file`; see files.ts). */
  file: 'PWFile',
  finding: 'Finding',
  findingSource: 'FINDING_SOURCE',
  findingTarget: 'FINDING_TARGET',
} as const;

const L = STORE_LABELS;

function nodeLabel(kind: NodeKind): string {
  if (!isNodeKind(kind)) throw new Error(`store/cypher: not a node kind: ${String(kind)}`);
  return `\`${kind}\``;
}

function relType(kind: EdgeKind): string {
  if (!isEdgeKind(kind)) throw new Error(`store/cypher: not an edge kind: ${String(kind)}`);
  return `\`${kind}\``;
}

/**
 * Constraints and indexes, all `IF NOT EXISTS` so setup is idempotent. NOTE: every index is maintained on every
 * write; the store keeps only the uniqueness constraints the writer relies on and the indexes Browser users and the
 * canned queries filter by. Indexes of an earlier layout that nothing reads any more are dropped.
 */
export function schemaStatements(): string[] {
  const out = [
    // Earlier layouts marked every item seen by each run (`_last_seen`), indexed per source; cleanup now compares
    // the store with the run instead (see LIVE_NODES).
    'DROP INDEX pw_node_source IF EXISTS',
    ...EDGE_KINDS.map((kind) => `DROP INDEX pw_rel_${kind.toLowerCase()}_seen IF EXISTS`),
    // Relationships also carried their edge key (`_key`) under a uniqueness constraint per type; the live scan now
    // gives each key its relationship's element id, and the constraint cost a third of the write time.
    ...EDGE_KINDS.map((kind) => `DROP CONSTRAINT pw_rel_${kind.toLowerCase()}_key IF EXISTS`),
    'DROP INDEX pw_retired_edge_ref IF EXISTS',

    `CREATE CONSTRAINT pw_node_id IF NOT EXISTS FOR (n:${L.node}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT pw_snapshot_seq IF NOT EXISTS FOR (s:${L.snapshot}) REQUIRE s.seq IS UNIQUE`,
    `CREATE CONSTRAINT pw_meta_id IF NOT EXISTS FOR (m:${L.meta}) REQUIRE m.id IS UNIQUE`,
    `CREATE CONSTRAINT pw_file_n IF NOT EXISTS FOR (f:${L.file}) REQUIRE f.n IS UNIQUE`,
    `CREATE CONSTRAINT pw_file_path IF NOT EXISTS FOR (f:${L.file}) REQUIRE f.path IS UNIQUE`,
    `CREATE CONSTRAINT pw_finding_id IF NOT EXISTS FOR (f:${L.finding}) REQUIRE f.id IS UNIQUE`,
    `CREATE INDEX pw_node_environment IF NOT EXISTS FOR (n:${L.node}) ON (n.environment)`,
    `CREATE INDEX pw_node_name IF NOT EXISTS FOR (n:${L.node}) ON (n.name)`,
    `CREATE INDEX pw_retired_id IF NOT EXISTS FOR (n:${L.retiredNode}) ON (n.id)`,
    `CREATE INDEX pw_finding_rule IF NOT EXISTS FOR (f:${L.finding}) ON (f.rule, f.severity)`,
  ];
  for (const kind of NODE_KINDS) {
    const lower = kind.toLowerCase();
    out.push(`CREATE CONSTRAINT pw_${lower}_id IF NOT EXISTS FOR (n:${nodeLabel(kind)}) REQUIRE n.id IS UNIQUE`);
  }
  for (const kind of ['Resource', 'Model'] as const) {
    out.push(`CREATE INDEX pw_${kind.toLowerCase()}_tier IF NOT EXISTS FOR (n:${nodeLabel(kind)}) ON (n.tier)`);
  }
  return out;
}

/**
 * Every live node with its stored hash, source and element id: what a run compares its records with (new,
 * changed, unchanged, and for cleanup, no longer reported). One scan instead of a lookup per record.
 */
export const LIVE_NODES = `MATCH (n:${L.node}) RETURN n.id AS id, n._hash AS hash, n.source AS source, elementId(n) AS eid`;

/**
 * Every live relationship of one kind with its stored hash, source and element id (as LIVE_NODES), and what its
 * edge key is made of: the endpoints' ids and the kind's key properties (`k0`, `k1`, …, in edgeSpec(kind).key order).
 */
export function liveEdges(kind: EdgeKind): string {
  const keyProps = edgeSpec(kind).key.map((name, i) => `, r.${propertyName(name)} AS k${i}`).join('');
  return `MATCH (a)-[r:${relType(kind)}]->(b) RETURN a.id AS from, b.id AS to${keyProps}, r._hash AS hash, r.source AS source, elementId(r) AS eid`;
}

// NOTE: lookups by id or key name their index (USING INDEX): right after a large load the index statistics can
// still be those of an empty index, and the planner then scanned every relationship of a kind per row (a 5,000-key
// lookup took 85 s instead of 0.1 s).

/** The flat properties (open version) of each live node among `$ids`: what an update closes. */
export const OPEN_NODES = `UNWIND $ids AS id MATCH (n:${L.node} {id: id}) USING INDEX n:${L.node}(id) RETURN properties(n) AS p`;

/** The flat properties (open version) of each live relationship among `$eids` (element ids), with its endpoints. */
export const OPEN_EDGES = `UNWIND $eids AS eid MATCH (a)-[r]->(b) WHERE elementId(r) = eid RETURN eid, a.id AS from, b.id AS to, properties(r) AS p`;

/** Flat bookkeeping of a record's provenance, property order and exact-copy fallback (see records.ts). */
const RECORD_EXTRAS = ['_psource', '_file', '_line', '_path', '_porder', '_doc'] as const;
/**
 * Columns that rows carry as plain numbers and statements store as integers (`toInteger`). NOTE: the driver packs
 * a JavaScript number as a float, and a driver integer costs several objects to build and pack: these two are on
 * nearly every item, and as driver integers they were a fifth of this process's share of a write.
 */
export const INTEGER_COLUMNS: ReadonlySet<string> = new Set(['_file', '_line']);

function propertyName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`store/cypher: not a property name: ${name}`);
  return name;
}

/**
 * The flat properties a node of `kind` can have, from the registry: the record fields, the kind's declared and
 * common properties, and the record bookkeeping. Positional rows (`createNodes`) list values in this order.
 */
export function nodeColumns(kind: NodeKind): readonly string[] {
  const names = ['id', 'kind', 'name', 'owner', 'environment', 'tags', 'source',
    ...Object.keys(nodeSpec(kind).props), ...Object.keys(COMMON_NODE_PROPS), ...RECORD_EXTRAS];
  return [...new Set(names)].map(propertyName);
}

/** The flat properties a relationship of `kind` can have, from the registry (as nodeColumns). */
export function edgeColumns(kind: EdgeKind): readonly string[] {
  const names = ['source', ...Object.keys(edgeSpec(kind).props), ...Object.keys(COMMON_EDGE_PROPS), ...RECORD_EXTRAS];
  return [...new Set(names)].map(propertyName);
}

/**
 * `{name: row[i], …}` for positional rows whose values start at `first`; with `last`, the last name reads that
 * index instead (the hash, which leads each row). CREATE leaves out the properties whose value is null.
 */
function positional(columns: readonly string[], first: number, last?: number): string {
  return columns.map((name, i) => {
    const value = `row[${last !== undefined && i === columns.length - 1 ? last : first + i}]`;
    return `${name}: ${INTEGER_COLUMNS.has(name) ? `toInteger(${value})` : value}`;
  }).join(', ');
}

/**
 * Creates new nodes of one kind from positional rows `[hash, ...values of columns]`, where `columns` are the
 * properties the rows set (some of nodeColumns(kind), in its order), and returns each one's id and element id. The
 * flat properties are the open version, valid from `$seq` (`_v_open`); no version document is stored until the
 * version closes. NOTE: static property keys keep the planner from adding an Eager barrier (it does for
 * `SET n = map`), and list rows are cheaper to send than maps; naming only the columns the rows set (not every
 * column, mostly null) is cheaper for both sides.
 */
export function createNodes(kind: NodeKind, columns: readonly string[]): string {
  return `UNWIND $rows AS row CREATE (n:${L.node}:${nodeLabel(kind)} {${positional([...columns, '_hash'], 1, 0)},
  _v_open: $seq}) RETURN n.id AS id, elementId(n) AS eid`;
}

/** Creates new nodes of one kind from `$rows` of { props, hash }: for records with properties outside nodeColumns. */
export function createNodesFromMaps(kind: NodeKind): string {
  return `UNWIND $rows AS row CREATE (n:${L.node}:${nodeLabel(kind)}) SET n = row.props, n._hash = row.hash,
  n._v_open = $seq RETURN n.id AS id, elementId(n) AS eid`;
}

/**
 * Updates changed nodes to kind `kind`: `$rows` of { props, hash, old } where `old` is the document of the open
 * version, which closes at `$seq` (appended to `_v_from`/`_v_to`/`_v_doc`); the new properties open a version.
 * Other kind labels are removed (a node whose kind changed keeps its id and history).
 */
export function updateNodes(kind: NodeKind): string {
  const others = NODE_KINDS.filter((k) => k !== kind).map(nodeLabel).join(':');
  return `UNWIND $rows AS row MATCH (n:${L.node} {id: row.props.id}) USING INDEX n:${L.node}(id)
  WITH n, row, n._v_open AS open, coalesce(n._v_from, []) AS vf, coalesce(n._v_to, []) AS vt, coalesce(n._v_doc, []) AS vd
  SET n = row.props
  SET n:${nodeLabel(kind)}
  REMOVE n:${others}
  SET n._hash = row.hash, n._v_open = $seq,
      n._v_from = vf + [open], n._v_to = vt + [$seq], n._v_doc = vd + [row.old]`;
}

/**
 * Creates new relationships of one kind from positional rows `[from, to, hash, ...values of columns]` (as
 * createNodes), where `from` and `to` (plain numbers, as INTEGER_COLUMNS) index `$ends`, the batch's endpoint
 * element ids (each node is sent once per batch, not once per relationship: a batch's relationships share few start
 * and end nodes). Endpoints are found by the element ids this run read or created under the writer lease (no other
 * writer deletes nodes meanwhile; checking each endpoint's id as well cost 7% of the write); the caller compares
 * `created` with the row count (a row whose endpoint is gone is lost).
 */
export function createEdges(kind: EdgeKind, columns: readonly string[]): string {
  return `UNWIND $rows AS row MATCH (a) WHERE elementId(a) = $ends[toInteger(row[0])]
  MATCH (b) WHERE elementId(b) = $ends[toInteger(row[1])]
  CREATE (a)-[r:${relType(kind)} {${positional([...columns, '_hash'], 3, 2)}, _v_open: $seq}]->(b)
  RETURN count(r) AS created`;
}

/** Creates new relationships from `$rows` of { from, to, props, hash }: for records with properties outside edgeColumns. */
export function createEdgesFromMaps(kind: EdgeKind): string {
  return `UNWIND $rows AS row MATCH (a:${L.node} {id: row.from}) USING INDEX a:${L.node}(id)
  MATCH (b:${L.node} {id: row.to}) USING INDEX b:${L.node}(id)
  CREATE (a)-[r:${relType(kind)}]->(b) SET r = row.props, r._hash = row.hash, r._v_open = $seq
  RETURN count(r) AS created`;
}

/** Updates changed relationships: `$rows` of { eid, props, hash, old }, as updateNodes does. */
export const UPDATE_EDGES = `UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid
  WITH r, row, r._v_open AS open, coalesce(r._v_from, []) AS vf, coalesce(r._v_to, []) AS vt, coalesce(r._v_doc, []) AS vd
  SET r = row.props
  SET r._hash = row.hash, r._v_open = $seq,
      r._v_from = vf + [open], r._v_to = vt + [$seq], r._v_doc = vd + [row.old]`;

/** Moves relationship `r` from `a` to `b` onto a PWRetiredEdge node: its properties, open version closed at `$seq`. */
const RETIRE_EDGE = `CREATE (x:${L.retiredEdge}) SET x = properties(r), x._kind = type(r), x._from = a.id, x._to = b.id, x._v_close = $seq
    DELETE r`;


/**
 * Retires the live relationships among `$eids` (element ids; what a clean source no longer reports): each becomes
 * a PWRetiredEdge node (its last properties and history, closed at `$seq`) and is deleted.
 */
export const RETIRE_EDGES = `UNWIND $eids AS eid MATCH (a)-[r]->(b) WHERE elementId(r) = eid
  WITH a, r, b
  ${RETIRE_EDGE}
  RETURN count(*) AS retired`;

/**
 * Retires the live nodes among `$ids` (what a clean source no longer reports), with every relationship still on
 * them. A retired node keeps its properties (its last version), closed at `$seq`.
 */
export const RETIRE_NODES = `UNWIND $ids AS id MATCH (n:${L.node} {id: id}) USING INDEX n:${L.node}(id)
  WITH n
  CALL (n) {
    MATCH (n)-[r]-() WHERE r._v_open IS NOT NULL
    WITH r, startNode(r) AS a, endNode(r) AS b
    ${RETIRE_EDGE}
  }
  OPTIONAL MATCH (n)-[f]-(:${L.finding}) DELETE f
  REMOVE n:${L.node}:${NODE_KINDS.map(nodeLabel).join(':')}
  SET n:${L.retiredNode}, n._v_close = $seq
  RETURN count(DISTINCT n) AS retired`;

/**
 * For item `x` (node, relationship or retired edge) and snapshot `$seq`: `open` is true when its flat
 * properties are the version valid then; `doc` is the document of the closed version valid then, if any.
 */
function versionAt(x: string): string {
  return `${x}._v_open <= $seq AND (${x}._v_close IS NULL OR ${x}._v_close > $seq) AS open,
    [i IN range(0, size(coalesce(${x}._v_from, [])) - 1) WHERE ${x}._v_from[i] <= $seq AND ${x}._v_to[i] > $seq | ${x}._v_doc[i]][0] AS doc`;
}

/** Live and retired nodes in snapshot `$seq`: flat properties when the open version is valid, else a document. */
export const NODES_AT = `MATCH (n) WHERE (n:${L.node} OR n:${L.retiredNode}) AND coalesce(n._v_from[0], n._v_open) <= $seq
  WITH n, ${versionAt('n')}
  WHERE open OR doc IS NOT NULL
  RETURN CASE WHEN open THEN properties(n) END AS props, CASE WHEN open THEN null ELSE doc END AS doc`;

/** Relationships in snapshot `$seq` (live and retired), as NODES_AT, with kind and endpoints for flat ones. */
export const EDGES_AT = `CALL () {
    MATCH (a)-[r]->(b) WHERE r._v_open IS NOT NULL AND coalesce(r._v_from[0], r._v_open) <= $seq
    RETURN r AS x, type(r) AS kind, a.id AS from, b.id AS to
    UNION ALL
    MATCH (x:${L.retiredEdge}) WHERE coalesce(x._v_from[0], x._v_open) <= $seq
    RETURN x, x._kind AS kind, x._from AS from, x._to AS to
  }
  WITH x, kind, from, to, ${versionAt('x')}
  WHERE open OR doc IS NOT NULL
  RETURN kind, from, to, CASE WHEN open THEN properties(x) END AS props, CASE WHEN open THEN null ELSE doc END AS doc`;
