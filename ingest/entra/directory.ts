// Directory objects → nodes: service principals (ServiceAccount), app registrations (OAuthApp), users (Human),
// groups (Group); their password and key credentials (Secret, AUTHENTICATES_AS; key ids and dates only, never a
// value), federated identity credentials (CAN_ASSUME from the external workload) and owners (CAN_MINT_CREDENTIAL).
import type { Diagnostic, NodeRecord } from '../../src/model/index.js';
import { fingerprint } from '../secrets.js';
import { MICROSOFT_GRAPH_APP_ID, techniqueLabel, tier0Permission } from './catalogue.js';
import type { EntityType } from './classify.js';
import { anyAppId, appId, entraEdge, entraNode, escalationTarget, objectId, tier0PermissionTargetId, workloadId, SOURCE } from './ids.js';
import { isObject, list, parseEntraDate, str, type Located } from './normalize.js';
import type { Out } from './out.js';

/** The node of a directory object whose type is known (the same fields from every file that lists it). */
export function principalNode(type: EntityType, o: Record<string, unknown>, file: string, at: string): NodeRecord | undefined {
  const id = str(o, 'id');
  if (id === undefined) return undefined;
  const name = str(o, 'displayName') ?? id;
  switch (type) {
    case 'servicePrincipal': return entraNode(objectId(id), 'ServiceAccount', name, { arn: id.toLowerCase() }, file, at);
    case 'user': return entraNode(objectId(id), 'Human', str(o, 'userPrincipalName') ?? name, {}, file, at);
    case 'group': return entraNode(objectId(id), 'Group', name, {}, file, at);
    default: return undefined;
  }
}

/** The OAuthApp node of a client id (written alike by the app registration and its service principal). */
function appNode(clientId: string, name: string, file: string, at: string): NodeRecord {
  return entraNode(appId(clientId), 'OAuthApp', name, { client_id: clientId.toLowerCase() }, file, at);
}

/**
 * A service principal: its node, its app (CAN_ASSUME: the app's credentials sign in as it), credentials, owners, and
 * CAN_ASSUME from the tenant's "any app" hub (whoever can add credentials to every app can act as this one).
 */
export function transformServicePrincipal(entry: Located, tenant: string, file: string, out: Out): void {
  const o = entry.value;
  const node = principalNode('servicePrincipal', o, file, entry.at);
  if (node === undefined) return missing(out, file, `${entry.at}.id`, 'a service principal without an id');
  out.node(node);
  out.edge(entraEdge('CAN_ASSUME', anyAppId(tenant), node.id, {}, file, entry.at));
  const client = str(o, 'appId');
  const appName = str(o, 'appDisplayName');
  // NOTE: appDisplayName is the app registration's own name, so both files name the OAuthApp alike. Without it
  // (some PowerShell exports) the service principal's name would contradict the registration's, so the link is left
  // to an export that names the app.
  if (client !== undefined && appName !== undefined) {
    out.node(appNode(client, appName, file, entry.at));
    out.edge(entraEdge('CAN_ASSUME', appId(client), node.id, { note: 'the app registration\'s credentials sign in as its service principal' }, file, entry.at));
  }
  credentials(o, node.id, file, entry.at, out);
  owners(o, node.id, file, entry.at, out);
}

/** An app registration: its node, credentials, federated credentials and owners. */
export function transformApplication(entry: Located, tenant: string, file: string, out: Out): void {
  const o = entry.value;
  const client = str(o, 'appId');
  if (client === undefined) return missing(out, file, `${entry.at}.appId`, 'an application without an appId');
  const id = appId(client);
  out.node(appNode(client, str(o, 'displayName') ?? client, file, entry.at));
  out.edge(entraEdge('CAN_ASSUME', anyAppId(tenant), id, {}, file, entry.at));
  credentials(o, id, file, entry.at, out);
  owners(o, id, file, entry.at, out);
  requested(o, tenant, id, file, entry.at, out);
}

/**
 * Tier-0 Microsoft Graph application permissions the registration asks for (requiredResourceAccess, type Role):
 * conditional edges, since admin consent (the app role assignment) is not in an application export.
 */
function requested(o: Record<string, unknown>, tenant: string, app: string, file: string, at: string, out: Out): void {
  list(o, 'requiredResourceAccess').forEach((r, i) => {
    if (!isObject(r) || str(r, 'resourceAppId')?.toLowerCase() !== MICROSOFT_GRAPH_APP_ID) return;
    list(r, 'resourceAccess').forEach((a, j) => {
      if (!isObject(a) || str(a, 'type')?.toLowerCase() !== 'role') return;
      const permission = tier0Permission(str(a, 'id')?.toLowerCase() ?? '');
      if (permission === undefined) return;
      const path = `${at}.requiredResourceAccess[${i}].resourceAccess[${j}]`;
      const props = { conditional: true, note: `requested ${permission.value}; admin consent is not in this export` };
      out.edge(entraEdge('CAN_ACCESS', app, tier0PermissionTargetId(tenant, permission.value), { action: 'admin', ...props }, file, path));
      if (permission.escalation) {
        const esc = escalationTarget(tenant, permission.escalation.via, permission.escalation.technique);
        out.edge(entraEdge(esc.kind, app, esc.to, { technique: [esc.technique], ...props }, file, path));
      }
    });
  });
}

/** passwordCredentials and keyCredentials → Secret nodes that AUTHENTICATES_AS the owner; federated ones → CAN_ASSUME. */
function credentials(o: Record<string, unknown>, holder: string, file: string, at: string, out: Out): void {
  for (const [field, type] of [['passwordCredentials', 'password'], ['keyCredentials', 'certificate']] as const) {
    list(o, field).forEach((c, i) => {
      const path = `${at}.${field}[${i}]`;
      if (!isObject(c)) return;
      const keyId = str(c, 'keyId');
      if (keyId === undefined) return missing(out, file, `${path}.keyId`, `a ${type} credential without a keyId`);
      const created = parseEntraDate(c['startDateTime']);
      const expires = parseEntraDate(c['endDateTime']);
      // NOTE: secretText (only in addPassword responses) is fingerprinted; hint, key and customKeyIdentifier never enter.
      const secret = str(c, 'secretText');
      const id = `${holder}/${type}/${keyId.toLowerCase()}`;
      out.node(entraNode(id, 'Secret', `${type} ${str(c, 'displayName') ?? keyId}`, {
        provider: 'entra', status: 'active', x_key_id: keyId.toLowerCase(), x_credential_type: type,
        ...(created ? { created_at: created } : {}), ...(expires ? { expires_at: expires } : {}),
        ...(secret ? { fingerprint: fingerprint(secret) } : {}),
      }, file, path));
      out.edge(entraEdge('AUTHENTICATES_AS', id, holder, {}, file, path));
    });
  }
  list(o, 'federatedIdentityCredentials').forEach((c, i) => {
    const path = `${at}.federatedIdentityCredentials[${i}]`;
    if (!isObject(c)) return;
    const issuer = str(c, 'issuer');
    const expression = isObject(c['claimsMatchingExpression']) ? str(c['claimsMatchingExpression'], 'value') : undefined;
    const subject = str(c, 'subject') ?? expression;
    if (issuer === undefined || subject === undefined) return missing(out, file, `${path}.${issuer === undefined ? 'issuer' : 'subject'}`, 'a federated credential without issuer and subject');
    const id = workloadId(issuer, subject);
    const audiences = c['audiences'];
    out.node({ ...entraNode(id, 'WorkloadIdentity', `${issuer.replace(/^https?:\/\//i, '').replace(/\/+$/, '')} ${subject}`, { issuer, subject }, file, path), properties: { issuer, subject } });
    out.edge(entraEdge('CAN_ASSUME', id, holder, {
      ...(expression !== undefined && str(c, 'subject') === undefined ? { conditional: true } : {}),
      ...(typeof audiences === 'string' || Array.isArray(audiences) ? { note: `federated credential ${str(c, 'name') ?? ''} (audience ${[audiences].flat().join(', ')})`.replace('  ', ' ') } : {}),
    }, file, path));
  });
}

/** Expanded `owners` (users or service principals) → CAN_MINT_CREDENTIAL to the owned object. */
function owners(o: Record<string, unknown>, owned: string, file: string, at: string, out: Out): void {
  list(o, 'owners').forEach((w, i) => {
    const path = `${at}.owners[${i}]`;
    if (!isObject(w)) return;
    const id = str(w, 'id');
    if (id === undefined) return missing(out, file, `${path}.id`, 'an owner without an id');
    const type = typeof w['@odata.type'] === 'string' && /serviceprincipal/i.test(w['@odata.type']) ? 'servicePrincipal' : 'userPrincipalName' in w || /user/i.test(String(w['@odata.type'] ?? '')) ? 'user' : undefined;
    const node = type ? principalNode(type, w, file, path) : undefined;
    if (node) out.node(node);
    out.edge(entraEdge('CAN_MINT_CREDENTIAL', objectId(id), owned, { technique: [techniqueLabel('entra-001')] }, file, path));
  });
}

export function missing(out: Out, file: string, field: string, what: string): void {
  const d: Diagnostic = { severity: 'error', code: 'missing-field', source: SOURCE, file, field, message: `${what}; the entry was skipped` };
  out.diagnostic(d);
}
