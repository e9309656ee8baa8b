// id: credentials-expiring
// title: Credentials expiring soon, or expired but still bound
// description: Credentials that are not revoked or disabled and either expire within $days days after $at, or
//   have already expired at $at while an identity still holds them (HAS_CREDENTIAL) or they still log in as one
//   (AUTHENTICATES_AS): the first need rotating before something breaks, the second are dead entries to clean up
//   (the engine already treats them as absent). Relationships count only when valid at $at.
// param: at datetime = now -- Point in time the graph is evaluated at (ISO-8601).
// param: days integer 0..3650 = 30 -- How far ahead of $at an expiry counts as soon.
// returns: credential, credential_kind, state, expires_at, days_left, holders, authenticates_as
// ref: docs/edges.md#time-validity
// ref: docs/edges/HAS_CREDENTIAL.md
WITH datetime($at) AS at
MATCH (k:APIKey|Token|Secret)
WHERE k.expires_at IS NOT NULL AND NOT coalesce(k.status, 'active') IN ['disabled', 'revoked']
  AND datetime(k.expires_at) <= at + duration({days: $days})
OPTIONAL MATCH (holder:PWNode)-[h:HAS_CREDENTIAL]->(k)
WHERE (h.expires_at IS NULL OR datetime(h.expires_at) > at) AND (h.created_at IS NULL OR datetime(h.created_at) <= at)
WITH k, at, holder ORDER BY holder.id
WITH k, at, collect(DISTINCT holder.id) AS holders
OPTIONAL MATCH (k)-[a:AUTHENTICATES_AS]->(identity:PWNode)
WHERE (a.expires_at IS NULL OR datetime(a.expires_at) > at) AND (a.created_at IS NULL OR datetime(a.created_at) <= at)
WITH k, at, holders, identity ORDER BY identity.id
WITH k, at, holders, collect(DISTINCT identity.id) AS identities,
  CASE WHEN datetime(k.expires_at) <= at THEN 'expired' ELSE 'expiring' END AS state
WHERE state = 'expiring' OR size(holders) + size(identities) > 0
RETURN k.id AS credential, k.kind AS credential_kind, state, k.expires_at AS expires_at,
  duration.inDays(at, datetime(k.expires_at)).days AS days_left, holders, identities AS authenticates_as
ORDER BY expires_at, credential
