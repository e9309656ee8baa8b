// id: sa-shared-across-environments
// title: Service accounts shared across environments
// description: Service accounts used from, or acting in, at least $minEnvironments environments: the account's own
//   environment, the credentials that log in as it and whoever holds them, what runs as it, the models it invokes
//   (the edge's environment, else the model's) and the resources it accesses. Only credentials active at $at and
//   relationships valid at $at count. A staging job holding a prod key, or one account deploying to dev and prod,
//   lets a compromise of the weaker environment cross into the stronger one.
// param: at datetime = now -- Point in time the graph is evaluated at (ISO-8601).
// param: minEnvironments integer 2..3 = 2 -- Fewest distinct environments an account must touch to be listed.
// returns: service_account, environments, evidence
// ref: docs/edges.md#time-validity
// ref: docs/edges/AUTHENTICATES_AS.md
// ref: docs/edges/RUNS_AS.md
WITH datetime($at) AS at
MATCH (sa:ServiceAccount)
CALL (sa, at) {
  WITH sa WHERE sa.environment IS NOT NULL
  RETURN sa.environment AS env, 'own environment' AS via
  UNION
  MATCH (k:APIKey|Token|Secret)-[a:AUTHENTICATES_AS]->(sa)
  WHERE k.environment IS NOT NULL AND NOT coalesce(k.status, 'active') IN ['disabled', 'revoked']
    AND (k.expires_at IS NULL OR datetime(k.expires_at) > at) AND (k.created_at IS NULL OR datetime(k.created_at) <= at)
    AND (a.expires_at IS NULL OR datetime(a.expires_at) > at) AND (a.created_at IS NULL OR datetime(a.created_at) <= at)
  RETURN k.environment AS env, 'credential ' + k.id AS via
  UNION
  MATCH (x:PWNode)-[hc:HAS_CREDENTIAL]->(k:APIKey|Token|Secret)-[a:AUTHENTICATES_AS]->(sa)
  WHERE x.environment IS NOT NULL AND NOT coalesce(k.status, 'active') IN ['disabled', 'revoked']
    AND (k.expires_at IS NULL OR datetime(k.expires_at) > at) AND (k.created_at IS NULL OR datetime(k.created_at) <= at)
    AND all(r IN [hc, a] WHERE (r.expires_at IS NULL OR datetime(r.expires_at) > at) AND (r.created_at IS NULL OR datetime(r.created_at) <= at))
  RETURN x.environment AS env, 'holder ' + x.id + ' of ' + k.id AS via
  UNION
  MATCH (x:PWNode)-[ra:RUNS_AS]->(sa)
  WHERE x.environment IS NOT NULL
    AND (ra.expires_at IS NULL OR datetime(ra.expires_at) > at) AND (ra.created_at IS NULL OR datetime(ra.created_at) <= at)
  RETURN x.environment AS env, 'runs as it: ' + x.id AS via
  UNION
  MATCH (sa)-[c:CAN_INVOKE]->(m:Model)
  WHERE coalesce(c.environment, m.environment) IS NOT NULL
    AND (c.expires_at IS NULL OR datetime(c.expires_at) > at) AND (c.created_at IS NULL OR datetime(c.created_at) <= at)
  RETURN coalesce(c.environment, m.environment) AS env, 'invokes ' + m.id AS via
  UNION
  MATCH (sa)-[c:CAN_ACCESS]->(r:Resource)
  WHERE r.environment IS NOT NULL
    AND (c.expires_at IS NULL OR datetime(c.expires_at) > at) AND (c.created_at IS NULL OR datetime(c.created_at) <= at)
  RETURN r.environment AS env, 'accesses ' + r.id AS via
}
WITH sa, env, env + ': ' + via AS line ORDER BY line
WITH sa, collect(DISTINCT env) AS envs, collect(line) AS evidence
WHERE size(envs) >= $minEnvironments
UNWIND envs AS env
WITH sa, evidence, env ORDER BY env
RETURN sa.id AS service_account, collect(env) AS environments, evidence
ORDER BY service_account
