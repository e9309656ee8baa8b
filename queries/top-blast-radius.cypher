// id: top-blast-radius
// title: Top principals by blast radius
// description: The principals with the largest blast radius, as written back by the last analysis
//   (`pathwarden analyze --neo4j`): the weighted score of everything each can act as, alter, invoke or access
//   (docs/scoring.md), with the number of unsuppressed findings it is the source of. Highest score first, ties
//   by id. Empty until an analysis has written its results to the store.
// param: limit integer 1..100000 = 20 -- Most principals returned.
// param: kind string = null -- Only principals of this node kind (e.g. AIAgent); all kinds when not given.
// returns: principal, kind, name, blast_radius, findings, analysed_at
// ref: docs/scoring.md
// ref: docs/neo4j.md
MATCH (n:PWNode)
WHERE n.blast_radius IS NOT NULL AND ($kind IS NULL OR n.kind = $kind)
OPTIONAL MATCH (f:Finding)-[:FINDING_SOURCE]->(n)
WHERE f.suppressed = false
WITH n, count(f) AS findings
RETURN n.id AS principal, n.kind AS kind, n.name AS name, n.blast_radius AS blast_radius, findings,
  n.blast_radius_at AS analysed_at
ORDER BY blast_radius DESC, principal
LIMIT $limit
