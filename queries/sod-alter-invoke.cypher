// id: sod-alter-invoke
// title: Identities that can both alter and invoke the same model
// description: Separation-of-duties breaks: every principal (identity, credential or pipeline) that can alter a
//   model (directly, by writing a dataset that trains it, or by changing a pipeline that trains or deploys it)
//   and can also invoke it in prod, over act-as paths valid at $at. Same answer as the engine's
//   sod-alter-invoke rule, suppressed findings included: docs/edges.md § Path semantics (terminal hops,
//   dataset/pipeline indirection, pipeline takeover, delegation scopes, time validity) is followed in full, with
//   paths limited to $maxDepth edges (the engine's reachability is unbounded; its path listing uses the same
//   limit), so a break only reachable over a longer path is missed here.
// param: at datetime = now -- Point in time the graph is evaluated at (ISO-8601; credential status, expiry and validity windows).
// param: maxDepth integer 1..8 = 8 -- Longest path in edges, the terminal hop included.
// returns: source, source_kind, model, model_tier, alter_actions, alter_hops, invoke_hops, alter_path, invoke_path
// ref: docs/edges.md#path-semantics
// ref: docs/findings.md#sod-alter-invoke
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
// Terminal hop: CAN_ALTER into the model, or into a dataset/pipeline that trains/deploys it; CAN_INVOKE in prod.
CALL (h, at) {
  MATCH (h)-[c:CAN_ALTER|CAN_INVOKE]->(m:Model)
  WHERE (c.expires_at IS NULL OR datetime(c.expires_at) > at) AND (c.created_at IS NULL OR datetime(c.created_at) <= at)
    AND (type(c) = 'CAN_ALTER' OR coalesce(c.environment, m.environment, 'prod') = 'prod')
  RETURN c, null AS via, m, CASE type(c) WHEN 'CAN_ALTER' THEN 'alter' ELSE 'invoke' END AS effect, c.action AS action
  UNION
  MATCH (h)-[c:CAN_ALTER]->(v:Dataset|Pipeline)-[st:TRAINS|DEPLOYS]->(m:Model)
  WHERE (type(st) = 'TRAINS' OR v:Pipeline)
    AND all(r IN [c, st] WHERE (r.expires_at IS NULL OR datetime(r.expires_at) > at) AND (r.created_at IS NULL OR datetime(r.created_at) <= at))
  RETURN c, v AS via, m, 'alter' AS effect,
    CASE WHEN v:Dataset THEN 'write_training_data' WHEN type(st) = 'TRAINS' THEN 'train' ELSE 'deploy' END AS action
}
WITH s, m, effect, action, p, via, relationships(p) + [c] AS hops, nodes(p) AS ns, scopeKeys
WHERE via IS NULL OR NOT via IN ns
// Delegation scopes: after a DELEGATED grant with scopes (and until a credential is entered) every edge but
// MEMBER_OF/DELEGATED needs a scope key (explicit `scope`, else its kind's default) matching one granted pattern.
WITH s, m, effect, action, p, via, hops, ns,
  [r IN hops | CASE WHEN trim(coalesce(r.scope, '')) <> '' THEN trim(r.scope)
    ELSE coalesce(scopeKeys[type(r) + '|' + coalesce(r.action, '')], scopeKeys[type(r)], '') END] AS scopeOf
WHERE all(i IN range(0, size(hops) - 1) WHERE type(hops[i]) IN ['MEMBER_OF', 'DELEGATED']
  OR all(j IN range(0, i - 1) WHERE type(hops[j]) <> 'DELEGATED' OR size(coalesce(hops[j].scopes, [])) = 0
    OR any(k IN range(j + 1, i) WHERE ns[k]:APIKey OR ns[k]:Token OR ns[k]:Secret)
    OR (scopeOf[i] <> '' AND any(pat IN hops[j].scopes WHERE scopeOf[i] =~ ('\\Q' + replace(pat, '*', '\\E.*\\Q') + '\\E')))))
WITH s, m, effect, action, [n IN ns | n.id] + CASE WHEN via IS NULL THEN [] ELSE [via.id] END + [m.id] AS path
WHERE size(path) - 1 <= $maxDepth
ORDER BY size(path), path
WITH s, m, collect(CASE effect WHEN 'alter' THEN action END) AS alters,
  collect(CASE effect WHEN 'alter' THEN path END) AS alterPaths, collect(CASE effect WHEN 'invoke' THEN path END) AS invokePaths
WHERE size(alters) > 0 AND size(invokePaths) > 0
UNWIND alters AS a
WITH s, m, alterPaths, invokePaths, a ORDER BY a
WITH s, m, alterPaths, invokePaths, collect(DISTINCT a) AS alterActions
RETURN s.id AS source, s.kind AS source_kind, m.id AS model, m.tier AS model_tier, alterActions AS alter_actions,
  size(alterPaths[0]) - 1 AS alter_hops, size(invokePaths[0]) - 1 AS invoke_hops,
  alterPaths[0] AS alter_path, invokePaths[0] AS invoke_path
ORDER BY source, model
