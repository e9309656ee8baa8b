// id: who-can-reach
// title: Who can reach a given model or resource
// description: Every principal (identity, credential or pipeline) that can alter, invoke or access the node
//   $target (a model or resource id), with the actions it holds and its shortest path, over act-as paths valid at
//   $at. Alter counts dataset/pipeline indirection (write_training_data, train, deploy); invoke's action is the
//   environment (the edge's, else the model's, else prod). Follows docs/edges.md § Path semantics in full, with
//   paths limited to $maxDepth edges (the engine's reachability is unbounded).
// param: target string -- Id of the model or resource (e.g. acme/model/support-llm).
// param: at datetime = now -- Point in time the graph is evaluated at (ISO-8601).
// param: maxDepth integer 1..8 = 8 -- Longest path in edges, the terminal hop included.
// returns: source, source_kind, effect, actions, hops, path
// ref: docs/edges.md#path-semantics
WITH datetime($at) AS at,
  {CAN_ASSUME: 'assume', CAN_IMPERSONATE: 'impersonate', CAN_MINT_CREDENTIAL: 'credentials:write',
   CAN_READ_SECRET: 'secrets:read', CAN_INVOKE: 'invoke', `CAN_ALTER|train`: 'alter:train',
   `CAN_ALTER|fine_tune`: 'alter:fine_tune', `CAN_ALTER|write_weights`: 'alter:write_weights',
   `CAN_ALTER|write_training_data`: 'alter:write_training_data', `CAN_ALTER|edit_prompt`: 'alter:edit_prompt',
   `CAN_ALTER|edit_guardrail`: 'alter:edit_guardrail', `CAN_ALTER|configure`: 'alter:configure',
   `CAN_ALTER|promote`: 'alter:promote', `CAN_ALTER|deploy`: 'alter:deploy', `CAN_ACCESS|read`: 'access:read',
   `CAN_ACCESS|write`: 'access:write', `CAN_ACCESS|admin`: 'access:admin'} AS scopeKeys
// Act-as paths from every principal, valid at $at, through active credentials only, no node twice.
MATCH p = (s:Human|AIAgent|ServiceAccount|WorkloadIdentity|OAuthApp|APIKey|Token|Secret|Pipeline)
  -[:HAS_CREDENTIAL|AUTHENTICATES_AS|CAN_ASSUME|MEMBER_OF|DELEGATED|CAN_IMPERSONATE|CAN_MINT_CREDENTIAL|CAN_READ_SECRET|RUNS_AS|CAN_ALTER*0..7]->(h:PWNode)
WHERE length(p) < $maxDepth
  AND all(r IN relationships(p) WHERE (type(r) <> 'CAN_ALTER' OR endNode(r):Pipeline)
    AND (r.expires_at IS NULL OR datetime(r.expires_at) > at) AND (r.created_at IS NULL OR datetime(r.created_at) <= at))
  AND all(n IN nodes(p) WHERE NOT (n:APIKey OR n:Token OR n:Secret)
    OR (NOT coalesce(n.status, 'active') IN ['disabled', 'revoked']
      AND (n.expires_at IS NULL OR datetime(n.expires_at) > at) AND (n.created_at IS NULL OR datetime(n.created_at) <= at)))
  AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
// Terminal hop into $target: alter (directly or through a dataset/pipeline), invoke, access.
CALL (h, at) {
  MATCH (h)-[c:CAN_ALTER|CAN_INVOKE|CAN_ACCESS]->(t:Model|Resource {id: $target})
  WHERE (t:Model OR type(c) = 'CAN_ACCESS') AND (t:Resource OR type(c) <> 'CAN_ACCESS')
    AND (c.expires_at IS NULL OR datetime(c.expires_at) > at) AND (c.created_at IS NULL OR datetime(c.created_at) <= at)
  RETURN c, null AS via, t, CASE type(c) WHEN 'CAN_ALTER' THEN 'alter' WHEN 'CAN_INVOKE' THEN 'invoke' ELSE 'access' END AS effect,
    CASE type(c) WHEN 'CAN_INVOKE' THEN coalesce(c.environment, t.environment, 'prod') ELSE c.action END AS action
  UNION
  MATCH (h)-[c:CAN_ALTER]->(v:Dataset|Pipeline)-[st:TRAINS|DEPLOYS]->(t:Model {id: $target})
  WHERE (type(st) = 'TRAINS' OR v:Pipeline)
    AND all(r IN [c, st] WHERE (r.expires_at IS NULL OR datetime(r.expires_at) > at) AND (r.created_at IS NULL OR datetime(r.created_at) <= at))
  RETURN c, v AS via, t, 'alter' AS effect,
    CASE WHEN v:Dataset THEN 'write_training_data' WHEN type(st) = 'TRAINS' THEN 'train' ELSE 'deploy' END AS action
}
WITH s, t, effect, action, p, via, relationships(p) + [c] AS hops, nodes(p) AS ns, scopeKeys
WHERE (via IS NULL OR NOT via IN ns) AND NOT t IN ns
// Delegation scopes: after a DELEGATED grant with scopes (and until a credential is entered) every edge but
// MEMBER_OF/DELEGATED needs a scope key (explicit `scope`, else its kind's default) matching one granted pattern.
WITH s, t, effect, action, p, via, hops, ns,
  [r IN hops | CASE WHEN trim(coalesce(r.scope, '')) <> '' THEN trim(r.scope)
    ELSE coalesce(scopeKeys[type(r) + '|' + coalesce(r.action, '')], scopeKeys[type(r)], '') END] AS scopeOf
WHERE all(i IN range(0, size(hops) - 1) WHERE type(hops[i]) IN ['MEMBER_OF', 'DELEGATED']
  OR all(j IN range(0, i - 1) WHERE type(hops[j]) <> 'DELEGATED' OR size(coalesce(hops[j].scopes, [])) = 0
    OR any(k IN range(j + 1, i) WHERE ns[k]:APIKey OR ns[k]:Token OR ns[k]:Secret)
    OR (scopeOf[i] <> '' AND any(pat IN hops[j].scopes WHERE scopeOf[i] =~ ('\\Q' + replace(pat, '*', '\\E.*\\Q') + '\\E')))))
WITH s, effect, action, [n IN ns | n.id] + CASE WHEN via IS NULL THEN [] ELSE [via.id] END + [t.id] AS path
WHERE size(path) - 1 <= $maxDepth
ORDER BY size(path), path
WITH s, effect, collect(action) AS held, collect(path)[0] AS shortest
UNWIND held AS action
WITH s, effect, shortest, action ORDER BY action
WITH s, effect, shortest, collect(DISTINCT action) AS actions
RETURN s.id AS source, s.kind AS source_kind, effect, actions, size(shortest) - 1 AS hops, shortest AS path
ORDER BY source, effect
