// id: credential-tier0-paths
// title: Act-as paths from a credential to tier-0 resources
// description: Every simple act-as path from an active credential (API key, token, secret) to a resource of tier
//   $maxTier or lower (0 = crown jewel), one row per path and access edge, shortest first. A stolen key needs
//   nothing else: these are the paths to rotate or cut first. Follows docs/edges.md § Path semantics in full
//   (pipeline takeover, delegation scopes, credentials and grants valid at $at); a path has at most $maxDepth
//   edges, the access edge included, as the engine's path listing. The (credential, resource) pairs are the
//   engine's sensitive-reach findings of credential sources at these tiers.
// param: at datetime = now -- Point in time the graph is evaluated at (ISO-8601).
// param: maxDepth integer 1..8 = 8 -- Longest path in edges, the access edge included.
// param: maxTier integer 0..4 = 0 -- Highest resource tier reported (0 = crown jewels only).
// param: limit integer 1..100000 = 10000 -- Most rows returned.
// returns: credential, credential_kind, resource, tier, action, hops, path, edges
// ref: docs/edges.md#path-semantics
// ref: docs/findings.md#sensitive-reach
WITH datetime($at) AS at,
  {CAN_ASSUME: 'assume', CAN_IMPERSONATE: 'impersonate', CAN_MINT_CREDENTIAL: 'credentials:write',
   CAN_READ_SECRET: 'secrets:read', CAN_INVOKE: 'invoke', `CAN_ALTER|train`: 'alter:train',
   `CAN_ALTER|fine_tune`: 'alter:fine_tune', `CAN_ALTER|write_weights`: 'alter:write_weights',
   `CAN_ALTER|write_training_data`: 'alter:write_training_data', `CAN_ALTER|edit_prompt`: 'alter:edit_prompt',
   `CAN_ALTER|edit_guardrail`: 'alter:edit_guardrail', `CAN_ALTER|configure`: 'alter:configure',
   `CAN_ALTER|promote`: 'alter:promote', `CAN_ALTER|deploy`: 'alter:deploy', `CAN_ACCESS|read`: 'access:read',
   `CAN_ACCESS|write`: 'access:write', `CAN_ACCESS|admin`: 'access:admin'} AS scopeKeys
// Act-as paths from every active credential, valid at $at, through active credentials only, no node twice.
MATCH p = (s:APIKey|Token|Secret)
  -[:HAS_CREDENTIAL|AUTHENTICATES_AS|CAN_ASSUME|MEMBER_OF|DELEGATED|CAN_IMPERSONATE|CAN_MINT_CREDENTIAL|CAN_READ_SECRET|RUNS_AS|CAN_ALTER*0..7]->(h:PWNode)
WHERE length(p) < $maxDepth
  AND all(r IN relationships(p) WHERE (type(r) <> 'CAN_ALTER' OR endNode(r):Pipeline)
    AND (r.expires_at IS NULL OR datetime(r.expires_at) > at) AND (r.created_at IS NULL OR datetime(r.created_at) <= at))
  AND all(n IN nodes(p) WHERE NOT (n:APIKey OR n:Token OR n:Secret)
    OR (NOT coalesce(n.status, 'active') IN ['disabled', 'revoked']
      AND (n.expires_at IS NULL OR datetime(n.expires_at) > at) AND (n.created_at IS NULL OR datetime(n.created_at) <= at)))
  AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
// Terminal hop: CAN_ACCESS into a resource at or above the tier threshold.
MATCH (h)-[c:CAN_ACCESS]->(t:Resource)
WHERE t.tier <= $maxTier AND NOT t IN nodes(p)
  AND (c.expires_at IS NULL OR datetime(c.expires_at) > at) AND (c.created_at IS NULL OR datetime(c.created_at) <= at)
WITH s, t, c, p, relationships(p) + [c] AS hops, nodes(p) AS ns, scopeKeys
// Delegation scopes: after a DELEGATED grant with scopes (and until a credential is entered) every edge but
// MEMBER_OF/DELEGATED needs a scope key (explicit `scope`, else its kind's default) matching one granted pattern.
WITH s, t, c, p, hops, ns,
  [r IN hops | CASE WHEN trim(coalesce(r.scope, '')) <> '' THEN trim(r.scope)
    ELSE coalesce(scopeKeys[type(r) + '|' + coalesce(r.action, '')], scopeKeys[type(r)], '') END] AS scopeOf
WHERE all(i IN range(0, size(hops) - 1) WHERE type(hops[i]) IN ['MEMBER_OF', 'DELEGATED']
  OR all(j IN range(0, i - 1) WHERE type(hops[j]) <> 'DELEGATED' OR size(coalesce(hops[j].scopes, [])) = 0
    OR any(k IN range(j + 1, i) WHERE ns[k]:APIKey OR ns[k]:Token OR ns[k]:Secret)
    OR (scopeOf[i] <> '' AND any(pat IN hops[j].scopes WHERE scopeOf[i] =~ ('\\Q' + replace(pat, '*', '\\E.*\\Q') + '\\E')))))
WITH s, t, c, [n IN ns | n.id] + [t.id] AS path, [r IN hops | type(r)] AS edges
RETURN s.id AS credential, s.kind AS credential_kind, t.id AS resource, t.tier AS tier, c.action AS action,
  size(edges) AS hops, path, edges
ORDER BY hops, credential, resource, path, edges, action
LIMIT $limit
