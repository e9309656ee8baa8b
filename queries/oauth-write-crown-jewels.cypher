// id: oauth-write-crown-jewels
// title: OAuth grants with write scopes reaching crown jewels
// description: Delegated OAuth grants (OAuthApp -DELEGATED-> user, valid at $at) that are unrestricted or carry a
//   scope matching $writeScopes, through which the app can write or administer a resource of tier $maxTier or
//   lower. One row per grant and resource: the write/admin actions held and the shortest path. The grant's scopes
//   restrict the rest of the path exactly as in docs/edges.md § Delegation scopes, with paths limited to $maxDepth
//   edges. The (app, resource) pairs are a subset of the engine's sensitive-reach findings of OAuthApp sources
//   (the engine also counts read access, grants without a write scope and paths that do not start with a grant).
// param: at datetime = now -- Point in time the graph is evaluated at (ISO-8601).
// param: writeScopes string = (?i).*(write|admin|\*).* -- Java regular expression a granted scope must match to count as a write scope.
// param: maxTier integer 0..4 = 0 -- Highest resource tier reported (0 = crown jewels only).
// param: maxDepth integer 1..8 = 8 -- Longest path in edges, the grant and the access edge included.
// returns: app, user, scopes, resource, tier, actions, hops, path
// ref: docs/edges.md#delegation-scopes
// ref: docs/edges/DELEGATED.md
// ref: docs/findings.md#sensitive-reach
WITH datetime($at) AS at,
  {CAN_ASSUME: 'assume', CAN_IMPERSONATE: 'impersonate', CAN_MINT_CREDENTIAL: 'credentials:write',
   CAN_READ_SECRET: 'secrets:read', CAN_INVOKE: 'invoke', `CAN_ALTER|train`: 'alter:train',
   `CAN_ALTER|fine_tune`: 'alter:fine_tune', `CAN_ALTER|write_weights`: 'alter:write_weights',
   `CAN_ALTER|write_training_data`: 'alter:write_training_data', `CAN_ALTER|edit_prompt`: 'alter:edit_prompt',
   `CAN_ALTER|edit_guardrail`: 'alter:edit_guardrail', `CAN_ALTER|configure`: 'alter:configure',
   `CAN_ALTER|promote`: 'alter:promote', `CAN_ALTER|deploy`: 'alter:deploy', `CAN_ACCESS|read`: 'access:read',
   `CAN_ACCESS|write`: 'access:write', `CAN_ACCESS|admin`: 'access:admin'} AS scopeKeys
// Act-as paths that start with a write-capable grant, valid at $at, through active credentials only, no node twice.
MATCH p = (s:OAuthApp)
  -[:HAS_CREDENTIAL|AUTHENTICATES_AS|CAN_ASSUME|MEMBER_OF|DELEGATED|CAN_IMPERSONATE|CAN_MINT_CREDENTIAL|CAN_READ_SECRET|RUNS_AS|CAN_ALTER*1..7]->(h:PWNode)
WHERE length(p) < $maxDepth
  AND type(relationships(p)[0]) = 'DELEGATED'
  AND (size(coalesce(relationships(p)[0].scopes, [])) = 0 OR any(sc IN relationships(p)[0].scopes WHERE sc =~ $writeScopes))
  AND all(r IN relationships(p) WHERE (type(r) <> 'CAN_ALTER' OR endNode(r):Pipeline)
    AND (r.expires_at IS NULL OR datetime(r.expires_at) > at) AND (r.created_at IS NULL OR datetime(r.created_at) <= at))
  AND all(n IN nodes(p) WHERE NOT (n:APIKey OR n:Token OR n:Secret)
    OR (NOT coalesce(n.status, 'active') IN ['disabled', 'revoked']
      AND (n.expires_at IS NULL OR datetime(n.expires_at) > at) AND (n.created_at IS NULL OR datetime(n.created_at) <= at)))
  AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
// Terminal hop: write or admin access to a resource at or above the tier threshold.
MATCH (h)-[c:CAN_ACCESS]->(t:Resource)
WHERE c.action IN ['write', 'admin'] AND t.tier <= $maxTier
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
WITH s, ns[1] AS u, hops[0] AS grant, t, c.action AS action, [n IN ns | n.id] + [t.id] AS path
ORDER BY size(path), path
WITH s, u, grant, t, collect(action) AS held, collect(path)[0] AS shortest
UNWIND held AS action
WITH s, u, grant, t, shortest, action ORDER BY action
WITH s, u, grant, t, shortest, collect(DISTINCT action) AS actions
RETURN s.id AS app, u.id AS user, coalesce(grant.scopes, []) AS scopes, t.id AS resource, t.tier AS tier, actions,
  size(shortest) - 1 AS hops, shortest AS path
ORDER BY app, user, resource
