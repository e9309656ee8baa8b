// id: agent-long-lived-keys
// title: Agents holding long-lived or never-rotated keys on privileged paths
// description: AI agents that hold an active credential (HAS_CREDENTIAL valid at $at) which never expires, lives
//   longer than $maxLifetimeDays, was never rotated since it was issued more than $rotationDays ago, or was last
//   rotated more than $rotationDays ago, and which on its own reaches a privileged target: access to a resource of
//   tier $maxTier or lower, or alter of a model of tier $maxTier or lower (a model without a tier counts as tier
//   1, as in the engine). Reach follows docs/edges.md § Path semantics in full from the credential, with paths
//   limited to $maxDepth edges; the resources listed are the engine's sensitive-reach targets of the credential.
// param: at datetime = now -- Point in time the graph is evaluated at (ISO-8601).
// param: maxLifetimeDays integer 1..36500 = 365 -- A credential valid for longer than this is long-lived.
// param: rotationDays integer 1..36500 = 90 -- A credential not rotated within this many days is stale.
// param: maxTier integer 0..4 = 1 -- Highest tier that counts as privileged.
// param: maxDepth integer 1..8 = 8 -- Longest path in edges from the credential, the terminal hop included.
// returns: agent, credential, credential_kind, created_at, expires_at, last_rotated_at, reasons, privileged_targets
// ref: docs/edges.md#time-validity
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
MATCH (a:AIAgent)-[hc:HAS_CREDENTIAL]->(s:APIKey|Token|Secret)
WHERE (hc.expires_at IS NULL OR datetime(hc.expires_at) > at) AND (hc.created_at IS NULL OR datetime(hc.created_at) <= at)
WITH a, s, at, scopeKeys, [reason IN [
    CASE WHEN s.expires_at IS NULL THEN 'no expiry' END,
    CASE WHEN s.expires_at IS NOT NULL AND s.created_at IS NOT NULL
      AND duration.inDays(datetime(s.created_at), datetime(s.expires_at)).days > $maxLifetimeDays
      THEN 'valid for over ' + toString($maxLifetimeDays) + ' days' END,
    CASE WHEN s.last_rotated_at IS NULL AND s.created_at IS NOT NULL
      AND duration.inDays(datetime(s.created_at), at).days > $rotationDays THEN 'never rotated' END,
    CASE WHEN s.last_rotated_at IS NOT NULL AND duration.inDays(datetime(s.last_rotated_at), at).days > $rotationDays
      THEN 'not rotated for over ' + toString($rotationDays) + ' days' END
  ] WHERE reason IS NOT NULL] AS reasons
WHERE size(reasons) > 0
// Act-as paths from the credential, valid at $at, through active credentials only, no node twice.
MATCH p = (s)
  -[:HAS_CREDENTIAL|AUTHENTICATES_AS|CAN_ASSUME|MEMBER_OF|DELEGATED|CAN_IMPERSONATE|CAN_MINT_CREDENTIAL|CAN_READ_SECRET|RUNS_AS|CAN_ALTER*0..7]->(h:PWNode)
WHERE length(p) < $maxDepth
  AND all(r IN relationships(p) WHERE (type(r) <> 'CAN_ALTER' OR endNode(r):Pipeline)
    AND (r.expires_at IS NULL OR datetime(r.expires_at) > at) AND (r.created_at IS NULL OR datetime(r.created_at) <= at))
  AND all(n IN nodes(p) WHERE NOT (n:APIKey OR n:Token OR n:Secret)
    OR (NOT coalesce(n.status, 'active') IN ['disabled', 'revoked']
      AND (n.expires_at IS NULL OR datetime(n.expires_at) > at) AND (n.created_at IS NULL OR datetime(n.created_at) <= at)))
  AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
// Terminal hop onto a privileged target: access to a resource, alter of a model (directly or indirectly).
CALL (h, at) {
  MATCH (h)-[c:CAN_ALTER|CAN_ACCESS]->(t:Model|Resource)
  WHERE ((type(c) = 'CAN_ACCESS' AND t:Resource AND t.tier <= $maxTier) OR (type(c) = 'CAN_ALTER' AND t:Model AND coalesce(t.tier, 1) <= $maxTier))
    AND (c.expires_at IS NULL OR datetime(c.expires_at) > at) AND (c.created_at IS NULL OR datetime(c.created_at) <= at)
  RETURN c, null AS via, t
  UNION
  MATCH (h)-[c:CAN_ALTER]->(v:Dataset|Pipeline)-[st:TRAINS|DEPLOYS]->(t:Model)
  WHERE (type(st) = 'TRAINS' OR v:Pipeline) AND coalesce(t.tier, 1) <= $maxTier
    AND all(r IN [c, st] WHERE (r.expires_at IS NULL OR datetime(r.expires_at) > at) AND (r.created_at IS NULL OR datetime(r.created_at) <= at))
  RETURN c, v AS via, t
}
WITH a, s, reasons, t, p, via, relationships(p) + [c] AS hops, nodes(p) AS ns, scopeKeys
WHERE (via IS NULL OR NOT via IN ns) AND size(hops) + CASE WHEN via IS NULL THEN 0 ELSE 1 END <= $maxDepth
// Delegation scopes: after a DELEGATED grant with scopes (and until a credential is entered) every edge but
// MEMBER_OF/DELEGATED needs a scope key (explicit `scope`, else its kind's default) matching one granted pattern.
WITH a, s, reasons, t, hops, ns,
  [r IN hops | CASE WHEN trim(coalesce(r.scope, '')) <> '' THEN trim(r.scope)
    ELSE coalesce(scopeKeys[type(r) + '|' + coalesce(r.action, '')], scopeKeys[type(r)], '') END] AS scopeOf
WHERE all(i IN range(0, size(hops) - 1) WHERE type(hops[i]) IN ['MEMBER_OF', 'DELEGATED']
  OR all(j IN range(0, i - 1) WHERE type(hops[j]) <> 'DELEGATED' OR size(coalesce(hops[j].scopes, [])) = 0
    OR any(k IN range(j + 1, i) WHERE ns[k]:APIKey OR ns[k]:Token OR ns[k]:Secret)
    OR (scopeOf[i] <> '' AND any(pat IN hops[j].scopes WHERE scopeOf[i] =~ ('\\Q' + replace(pat, '*', '\\E.*\\Q') + '\\E')))))
WITH DISTINCT a, s, reasons, t.id AS target ORDER BY target
WITH a, s, reasons, collect(target) AS targets
RETURN a.id AS agent, s.id AS credential, s.kind AS credential_kind, s.created_at AS created_at, s.expires_at AS expires_at,
  s.last_rotated_at AS last_rotated_at, reasons, targets AS privileged_targets
ORDER BY agent, credential
