// Every Cypher statement the store runs, built from the model registries (STYLE C4): labels and relationship
// types come only from NODE_KINDS / EDGE_KINDS and the fixed store labels below; every value is a parameter.
import { EDGE_KINDS, NODE_KINDS, isEdgeKind, isNodeKind, type EdgeKind, type NodeKind } from '../model/index.js';

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

/** Constraints and indexes, all `IF NOT EXISTS` so setup is idempotent. */
export function schemaStatements(): string[] {
  const out = [
    `CREATE CONSTRAINT pw_node_id IF NOT EXISTS FOR (n:${L.node}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT pw_snapshot_seq IF NOT EXISTS FOR (s:${L.snapshot}) REQUIRE s.seq IS UNIQUE`,
    `CREATE CONSTRAINT pw_meta_id IF NOT EXISTS FOR (m:${L.meta}) REQUIRE m.id IS UNIQUE`,
    `CREATE CONSTRAINT pw_finding_id IF NOT EXISTS FOR (f:${L.finding}) REQUIRE f.id IS UNIQUE`,
    `CREATE INDEX pw_node_source IF NOT EXISTS FOR (n:${L.node}) ON (n.source, n._last_seen)`,
    `CREATE INDEX pw_node_environment IF NOT EXISTS FOR (n:${L.node}) ON (n.environment)`,
    `CREATE INDEX pw_node_name IF NOT EXISTS FOR (n:${L.node}) ON (n.name)`,
    `CREATE INDEX pw_retired_id IF NOT EXISTS FOR (n:${L.retiredNode}) ON (n.id)`,
    `CREATE INDEX pw_retired_edge_key IF NOT EXISTS FOR (n:${L.retiredEdge}) ON (n.key)`,
    `CREATE INDEX pw_finding_rule IF NOT EXISTS FOR (f:${L.finding}) ON (f.rule, f.severity)`,
  ];
  for (const kind of NODE_KINDS) {
    const lower = kind.toLowerCase();
    out.push(`CREATE CONSTRAINT pw_${lower}_id IF NOT EXISTS FOR (n:${nodeLabel(kind)}) REQUIRE n.id IS UNIQUE`);
  }
  for (const kind of ['Resource', 'Model'] as const) {
    out.push(`CREATE INDEX pw_${kind.toLowerCase()}_tier IF NOT EXISTS FOR (n:${nodeLabel(kind)}) ON (n.tier)`);
  }
  for (const kind of EDGE_KINDS) {
    const lower = kind.toLowerCase();
    out.push(`CREATE CONSTRAINT pw_rel_${lower}_key IF NOT EXISTS FOR ()-[r:${relType(kind)}]-() REQUIRE r._key IS UNIQUE`);
    out.push(`CREATE INDEX pw_rel_${lower}_seen IF NOT EXISTS FOR ()-[r:${relType(kind)}]-() ON (r.source, r._last_seen)`);
  }
  return out;
}

/** One live node, if the store holds any. */
export const ANY_NODE = `MATCH (n:${L.node}) RETURN n.id LIMIT 1`;

/** One live relationship of a kind, if the store holds any. */
export function anyEdge(kind: EdgeKind): string {
  return `MATCH ()-[r:${relType(kind)}]->() RETURN r._key LIMIT 1`;
}

/** The stored hash of each live node among `$ids`. */
export const EXISTING_NODES = `UNWIND $ids AS id MATCH (n:${L.node} {id: id}) RETURN n.id AS id, n._hash AS hash`;

/** The stored hash of each live relationship of one kind among `$keys`. */
export function existingEdges(kind: EdgeKind): string {
  return `UNWIND $keys AS key MATCH ()-[r:${relType(kind)} {_key: key}]->() RETURN r._key AS key, r._hash AS hash`;
}

/** Creates new nodes of one kind: `$rows` of { props, hash, doc }, with an open version starting at `$seq`. */
export function createNodes(kind: NodeKind): string {
  return `UNWIND $rows AS row CREATE (n:${L.node}:${nodeLabel(kind)}) SET n = row.props, n._hash = row.hash,
  n._first_seen = $seq, n._last_seen = $seq, n._v_from = [$seq], n._v_to = [-1], n._v_doc = [row.doc]`;
}

/**
 * Updates changed nodes to kind `kind`: replaces the properties, closes the open version at `$seq` and opens a
 * new one. Other kind labels are removed (a node whose kind changed keeps its id and history).
 */
export function updateNodes(kind: NodeKind): string {
  const others = NODE_KINDS.filter((k) => k !== kind).map(nodeLabel).join(':');
  return `UNWIND $rows AS row MATCH (n:${L.node} {id: row.props.id})
  WITH n, row, n._first_seen AS first, n._v_from AS vf, n._v_to AS vt, n._v_doc AS vd
  SET n = row.props
  SET n:${nodeLabel(kind)}
  REMOVE n:${others}
  SET n._hash = row.hash, n._first_seen = first, n._last_seen = $seq,
      n._v_from = vf + [$seq], n._v_to = vt[0..-1] + [$seq, -1], n._v_doc = vd + [row.doc]`;
}

/** Marks unchanged nodes as seen by snapshot `$seq`. */
export const TOUCH_NODES = `UNWIND $ids AS id MATCH (n:${L.node} {id: id}) SET n._last_seen = $seq`;

/** Creates new relationships of one kind between live nodes: `$rows` of { from, to, props, hash, doc }. */
export function createEdges(kind: EdgeKind): string {
  return `UNWIND $rows AS row MATCH (a:${L.node} {id: row.from}) MATCH (b:${L.node} {id: row.to})
  CREATE (a)-[r:${relType(kind)}]->(b) SET r = row.props, r._hash = row.hash,
  r._first_seen = $seq, r._last_seen = $seq, r._v_from = [$seq], r._v_to = [-1], r._v_doc = [row.doc]
  RETURN count(r) AS created`;
}

/** Updates changed relationships of one kind (new version from `$seq`). */
export function updateEdges(kind: EdgeKind): string {
  return `UNWIND $rows AS row MATCH ()-[r:${relType(kind)} {_key: row.props._key}]->()
  WITH r, row, r._first_seen AS first, r._v_from AS vf, r._v_to AS vt, r._v_doc AS vd
  SET r = row.props
  SET r._hash = row.hash, r._first_seen = first, r._last_seen = $seq,
      r._v_from = vf + [$seq], r._v_to = vt[0..-1] + [$seq, -1], r._v_doc = vd + [row.doc]`;
}

/** Marks unchanged relationships of one kind as seen by snapshot `$seq`. */
export function touchEdges(kind: EdgeKind): string {
  return `UNWIND $keys AS key MATCH ()-[r:${relType(kind)} {_key: key}]->() SET r._last_seen = $seq`;
}

/**
 * Retires up to `$limit` relationships of one kind that source `$source` no longer reports (or that touch a
 * node being retired): their history moves to a PWRetiredEdge node, closed at `$seq`, and they are deleted.
 */
export function retireEdges(kind: EdgeKind): string {
  return `MATCH (a)-[r:${relType(kind)}]->(b) WHERE r.source = $source AND r._last_seen < $seq
  WITH a, r, b LIMIT $limit
  CREATE (x:${L.retiredEdge}) SET x.key = r._key, x.kind = type(r), x.from = a.id, x.to = b.id, x.source = r.source,
    x._v_from = r._v_from, x._v_to = r._v_to[0..-1] + [$seq], x._v_doc = r._v_doc
  DELETE r RETURN count(*) AS retired`;
}

/** Retires up to `$limit` nodes source `$source` no longer reports, with every relationship still on them. */
export const RETIRE_NODES = `MATCH (n:${L.node}) WHERE n.source = $source AND n._last_seen < $seq
  WITH n LIMIT $limit
  CALL (n) {
    MATCH (n)-[r]-() WHERE r._key IS NOT NULL
    WITH r, startNode(r) AS a, endNode(r) AS b
    CREATE (x:${L.retiredEdge}) SET x.key = r._key, x.kind = type(r), x.from = a.id, x.to = b.id, x.source = r.source,
      x._v_from = r._v_from, x._v_to = r._v_to[0..-1] + [$seq], x._v_doc = r._v_doc
    DELETE r
  }
  OPTIONAL MATCH (n)-[f]-(:${L.finding}) DELETE f
  REMOVE n:${L.node}:${NODE_KINDS.map(nodeLabel).join(':')}
  SET n:${L.retiredNode}, n._v_to = n._v_to[0..-1] + [$seq]
  RETURN count(*) AS retired`;

/** Version documents valid in snapshot `$seq`: live and retired nodes. */
export const NODES_AT = `MATCH (n) WHERE (n:${L.node} OR n:${L.retiredNode}) AND n._v_from[0] <= $seq
  WITH n, [i IN range(0, size(n._v_from) - 1) WHERE n._v_from[i] <= $seq AND (n._v_to[i] = -1 OR n._v_to[i] > $seq) | n._v_doc[i]] AS docs
  WHERE size(docs) > 0 RETURN docs[0] AS doc`;

/** Version documents of relationships valid in snapshot `$seq`: live relationships and retired ones. */
export const EDGES_AT = `CALL () {
    MATCH ()-[r]->() WHERE r._key IS NOT NULL AND r._v_from[0] <= $seq RETURN r._v_from AS vf, r._v_to AS vt, r._v_doc AS vd
    UNION ALL
    MATCH (x:${L.retiredEdge}) WHERE x._v_from[0] <= $seq RETURN x._v_from AS vf, x._v_to AS vt, x._v_doc AS vd
  }
  WITH [i IN range(0, size(vf) - 1) WHERE vf[i] <= $seq AND (vt[i] = -1 OR vt[i] > $seq) | vd[i]] AS docs
  WHERE size(docs) > 0 RETURN docs[0] AS doc`;
