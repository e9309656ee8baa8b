// id: findings-by-severity
// title: Findings by severity
// description: The findings written back by the last analysis (`pathwarden analyze --neo4j`) whose severity is
//   one of $severities, optionally of one rule, with their source and target nodes, highest score first (ties by
//   id). Suppressed findings (accepted exceptions) are left out unless $includeSuppressed is true.
// param: severities string[] = critical,high -- Severities to list (info, low, medium, high, critical), comma-separated.
// param: rule string = null -- Only findings of this rule (sod-alter-invoke, sensitive-reach); all rules when not given.
// param: includeSuppressed boolean = false -- Also list findings suppressed by an exception.
// returns: id, rule, severity, score, source, target, title, suppressed
// ref: docs/findings.md
// ref: docs/scoring.md
MATCH (f:Finding)-[:FINDING_SOURCE]->(s:PWNode)
MATCH (f)-[:FINDING_TARGET]->(t:PWNode)
WHERE f.severity IN $severities AND ($rule IS NULL OR f.rule = $rule) AND ($includeSuppressed OR f.suppressed = false)
RETURN f.id AS id, f.rule AS rule, f.severity AS severity, f.score AS score, s.id AS source, t.id AS target,
  f.title AS title, f.suppressed AS suppressed
ORDER BY score DESC, id
