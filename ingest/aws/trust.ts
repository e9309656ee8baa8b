// Role trust policies → CAN_ASSUME edges. AWS principals: a named user or role (same account: the trust alone is
// enough), an account (`123…` or `arn:aws:iam::123…:root`: any principal of that account its own policies allow
// sts:AssumeRole on the role), `*` (anyone); services; SAML and OIDC federation (one node per provider, or per
// provider and subject when the trust pins the `sub` claim). Pure.
import type { Diagnostic, EdgeRecord, NodeKind, NodeRecord, PropValue } from '../../src/model/index.js';
import { SOURCE, arnAccount, type AwsRole } from './authz.js';
import { awsNode, idOfArn } from './ids.js';
import { ANY_RESOURCE, combine, coversAction, evaluate, timeWindow, type Decision, type Statement } from './policy.js';
import type { Principal, PrincipalIndex } from './principals.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];
/** Condition keys the federation node itself stands for, so they do not make the edge conditional. */
const DECIDED_KEY = /:(sub|aud|amr)$|^saml:aud$/i;

/** Who can assume each role: role ARN → principal id → how. */
export type Assumers = Map<string, Map<string, Decision>>;
const PLAIN: Decision = { conditional: false };

/** The CAN_ASSUME edges of every role's trust policy, the external nodes they start from, and the assumers map. */
export function resolveTrust(index: PrincipalIndex, roles: readonly AwsRole[], file: string, diagnostics: Diagnostic[]): { nodes: NodeRecord[]; edges: EdgeRecord[]; assumers: Assumers } {
  const nodes = new Map<string, NodeRecord>();
  const edges: EdgeRecord[] = [];
  const assumers: Assumers = new Map();
  for (const role of roles) {
    if (!role.trust) continue;
    const toId = index.byArn.get(role.arn)?.id;
    if (toId === undefined) continue;
    const found = new Map<string, { decision: Decision; at: string }>();
    const add = (from: string, decision: Decision, at: string): void => {
      if (from === toId) return;
      const prior = found.get(from);
      if (prior === undefined || (prior.decision.conditional && !decision.conditional)) found.set(from, { decision, at });
    };
    for (const [i, s] of role.trust.statements.entries()) {
      if (s.effect !== 'Allow' || !ASSUME_ACTIONS.some((a) => coversAction(s, a))) continue;
      const at = `${role.at}.AssumeRolePolicyDocument.Statement[${i}]`;
      if (s.notPrincipal) {
        diagnostics.push({ severity: 'warning', code: 'bad-value', source: SOURCE, file, field: `${at}.NotPrincipal`, message: 'NotPrincipal in a trust policy is not resolved; the statement was ignored' });
        continue;
      }
      const granted = statementDecision(s);
      for (const [type, values] of Object.entries(s.principals ?? {})) {
        for (const value of values) {
          for (const hit of principalsOf(type, value, s, role, index, file, nodes, diagnostics, at)) {
            const d = combine(granted, hit.decision);
            if (d) add(hit.id, d, at);
          }
        }
      }
    }
    const denied = deniedPrincipals(role, index);
    const map = new Map<string, Decision>();
    for (const [from, { decision, at }] of [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (denied.has(from)) continue;
      map.set(from, decision);
      edges.push(assumeEdge(from, toId, decision, file, at));
    }
    assumers.set(role.arn, map);
  }
  return { nodes: [...nodes.values()], edges, assumers };
}

function assumeEdge(from: string, to: string, d: Decision, file: string, path: string): EdgeRecord {
  const properties: Record<string, PropValue> = {
    ...(d.conditional ? { conditional: true } : {}), ...(d.from !== undefined ? { created_at: d.from } : {}), ...(d.until !== undefined ? { expires_at: d.until } : {}),
  };
  return { kind: 'CAN_ASSUME', from, to, source: SOURCE, properties, provenance: { source: SOURCE, file, path } };
}

/** What a trust statement's condition leaves open: federation keys are decided by the node, time keys give a window. */
function statementDecision(s: Statement): Decision {
  const rest = Object.entries(s.condition ?? {})
    .map(([op, block]) => [op, Object.fromEntries(Object.entries(block).filter(([k]) => !DECIDED_KEY.test(k)))] as const)
    .filter(([, block]) => Object.keys(block).length > 0);
  if (rest.length === 0) return PLAIN;
  const window = timeWindow(Object.fromEntries(rest));
  return window === undefined ? { conditional: true } : { conditional: false, ...window };
}

/** The nodes one Principal value stands for, adding external nodes as needed. */
function principalsOf(
  type: string, value: string, s: Statement, role: AwsRole, index: PrincipalIndex, file: string,
  nodes: Map<string, NodeRecord>, diagnostics: Diagnostic[], at: string,
): { id: string; decision: Decision }[] {
  const external = (id: string, kind: NodeKind, name: string, props: Record<string, PropValue>): { id: string; decision: Decision }[] => {
    if (!nodes.has(id)) nodes.set(id, awsNode(id, kind, name, props, { source: SOURCE, file, path: at }));
    return [{ id, decision: PLAIN }];
  };
  if (type === '*' || (type === 'AWS' && value === '*')) {
    return external('aws/any-principal', 'ServiceAccount', 'any AWS principal (public trust)', { description: 'Any authenticated principal of any AWS account.' });
  }
  if (type === 'Service') return external(`aws/service/${value}`, 'WorkloadIdentity', value, { issuer: 'aws', subject: value });
  if (type === 'Federated') return federatedNode(value, s, nodes, file, at);
  if (type !== 'AWS') return [];
  const account = accountPrincipal(value);
  if (account !== undefined) {
    if (account !== role.account) {
      return external(`aws/${account}/any-principal`, 'ServiceAccount', `any principal of account ${account}`, { arn: `arn:aws:iam::${account}:root` });
    }
    // NOTE: trusting the own account delegates to identity policies: each principal needs sts:AssumeRole on the role.
    const out: { id: string; decision: Decision }[] = [];
    for (const p of assumersOf(index)) {
      if (p.entry.account !== account || p.entry.arn === role.arn) continue;
      const d = evaluate(p.subject, 'sts:AssumeRole', role.arn);
      if (d) out.push({ id: p.id, decision: d });
    }
    return out;
  }
  const known = index.byArn.get(value);
  if (known) return [{ id: known.id, decision: PLAIN }];
  const parsed = idOfArn(value);
  if (parsed === undefined || parsed.account === role.account) {
    const why = parsed === undefined ? 'is not a principal ARN (a unique id such as AROA… means the principal was deleted)' : 'is not in this export';
    diagnostics.push({ severity: 'warning', code: 'dangling-ref', source: SOURCE, file, field: `${at}.Principal.AWS`, message: `trusted principal ${value} ${why}; no edge was made for it` });
    return [];
  }
  // NOTE: a reference: the other account's export, when loaded too, holds the full record.
  return external(parsed.id, parsed.kind, value, { arn: value, reference: true });
}

const MAY_ASSUME = new WeakMap<PrincipalIndex, readonly Principal[]>();

/** Principals allowed sts:AssumeRole on some resource (the others can assume nothing through their account's trust). */
function assumersOf(index: PrincipalIndex): readonly Principal[] {
  let list = MAY_ASSUME.get(index);
  if (list === undefined) {
    list = index.principals.filter((p) => evaluate(p.subject, 'sts:AssumeRole', ANY_RESOURCE) !== undefined);
    MAY_ASSUME.set(index, list);
  }
  return list;
}

/** Condition operators whose `sub` values are the subjects a federated principal is narrowed to (not negated, not ForAllValues). */
const SUBJECT_OPERATOR = /^(ForAnyValue:)?(StringEquals|StringLike|StringEqualsIgnoreCase)(IfExists)?$/i;

/**
 * A SAML or OIDC provider (ARN or a well-known web identity host): one node per `sub` value the trust accepts
 * (`x_subject_match`: `glob` for a StringLike value with `*`/`?`, `ignore-case` for StringEqualsIgnoreCase, absent
 * for an exact value), or the provider itself when the trust pins no subject (any subject of the issuer). A negated or
 * ForAllValues `sub` condition, or `sub` under several operators (all must hold), leaves the edge conditional.
 */
function federatedNode(value: string, s: Statement, nodes: Map<string, NodeRecord>, file: string, at: string): { id: string; decision: Decision }[] {
  const m = /^arn:aws[a-z-]*:iam::([^:]+):(saml-provider|oidc-provider)\/(.+)$/.exec(value);
  const host = m ? (m[3] as string) : value;
  const base = m ? `aws/${m[1] as string}/${m[2] as string}/${host}` : `aws/federated/${value}`;
  const key = `${host.toLowerCase()}:sub`;
  const blocks = Object.entries(s.condition ?? {})
    .map(([op, block]) => [op, Object.entries(block).filter(([k]) => k.toLowerCase() === key).flatMap(([, v]) => v)] as const)
    .filter(([, values]) => values.length > 0);
  const pinned = blocks.filter(([op]) => SUBJECT_OPERATOR.test(op));
  const decision: Decision = pinned.length === blocks.length && pinned.length <= 1 ? PLAIN : { conditional: true };
  const subjects = pinned.flatMap(([op, values]) => values.map((subject) => ({
    subject, match: /like/i.test(op) && /[*?]/.test(subject) ? 'glob' : /ignorecase/i.test(op) ? 'ignore-case' : undefined,
  })));
  const add = (subject: string | undefined, match: string | undefined): { id: string; decision: Decision } => {
    const id = subject === undefined ? base : `${base}/sub/${subject}`;
    if (!nodes.has(id)) {
      const name = subject === undefined ? `${m?.[2] === 'saml-provider' ? 'SAML' : 'web identity'} federation ${host}` : `${host} subject ${subject}`;
      nodes.set(id, awsNode(id, 'WorkloadIdentity', name, {
        issuer: host, ...(subject !== undefined ? { subject } : {}), ...(match !== undefined ? { x_subject_match: match } : {}), ...(m ? { x_arn: value } : {}),
      }, { source: SOURCE, file, path: at }));
    }
    return { id, decision };
  };
  if (subjects.length === 0) return [add(undefined, undefined)];
  return subjects.map(({ subject, match }) => add(subject, match));
}

/** Principals an unconditional Deny statement of the trust policy names (by ARN, account, or `*`). */
function deniedPrincipals(role: AwsRole, index: PrincipalIndex): Set<string> {
  const out = new Set<string>();
  for (const s of role.trust?.statements ?? []) {
    if (s.effect !== 'Deny' || s.condition !== undefined || !ASSUME_ACTIONS.some((a) => coversAction(s, a))) continue;
    for (const value of s.principals?.['AWS'] ?? []) {
      for (const p of index.principals) {
        const account = arnAccount(p.entry.arn);
        if (value === '*' || value === p.entry.arn || value === account || value === `arn:aws:iam::${account ?? ''}:root`) out.add(p.id);
      }
      if (value === '*') out.add('aws/any-principal');
    }
  }
  return out;
}

/** The account an AWS principal value stands for as a whole (`123…` or `arn:aws:iam::123…:root`), if it is one. */
export function accountPrincipal(value: string): string | undefined {
  return /^\d{12}$/.test(value) ? value : /^arn:aws[a-z-]*:iam::(\d{12}|[^:]+):root$/.exec(value)?.[1];
}
