// Cross-account role assumption across exports. A role of account B whose trust accepts account A (its id or root
// ARN) can be assumed by a principal of A only when A's identity policies allow that principal sts:AssumeRole on
// the role: the two halves are in two files. Each export records its half on its nodes — a principal's
// sts:AssumeRole grants that may reach another account (`x_assume_allow`, `x_assume_conditional`, `x_assume_deny`:
// resource patterns), a role's trusted other accounts (`x_trusted_accounts`, `x_trusted_accounts_conditional`) —
// and the join `join:aws-cross-account` matches them once both are loaded. Pure.
import type { EdgeRecord, NodeRecord, PropValue } from '../../src/model/index.js';
import type { Join, JoinOutput } from '../joins/types.js';
import { arnAccount, type AwsRole } from './authz.js';
import { coversAction, globMatch, type Statement } from './policy.js';
import type { Principal } from './principals.js';
import { accountPrincipal } from './trust.js';

const JOIN_ID = 'join:aws-cross-account';
const coversAssume = (s: Statement): boolean => coversAction(s, 'sts:AssumeRole');

/** True when a resource pattern may name a role outside `own` (a wildcard account, `*`, or another account). */
function mayLeave(pattern: string, own: string): boolean {
  if (pattern === '*') return true;
  const account = pattern.split(':')[4];
  return account === undefined || account !== own;
}

/**
 * The properties recording a principal's sts:AssumeRole grants that may reach other accounts: unconditional and
 * conditional Allow patterns and unconditional Deny patterns (its own and its groups' policies). A permissions
 * boundary, or an Allow through NotResource, makes every grant conditional (not evaluated across files).
 */
export function assumeGrantProps(p: Principal): Record<string, PropValue> {
  const own = p.entry.account;
  const allow = new Set<string>();
  const conditional = new Set<string>();
  const deny = new Set<string>();
  let vague = p.subject.boundary !== undefined;
  for (const doc of p.subject.identity) {
    for (const s of doc.statements) {
      if (!coversAssume(s)) continue;
      if (s.notResources !== undefined) {
        if (s.effect === 'Allow') vague = true;
        continue;
      }
      for (const r of s.resources ?? []) {
        if (s.effect === 'Deny') {
          if (s.condition === undefined) deny.add(r);
        } else if (mayLeave(r, own)) {
          (s.condition === undefined ? allow : conditional).add(r);
        }
      }
    }
  }
  if (vague) for (const r of allow) conditional.add(r);
  const list = (set: Set<string>): string[] => [...set].sort();
  return {
    ...(allow.size > 0 && !vague ? { x_assume_allow: list(allow) } : {}),
    ...(conditional.size > 0 ? { x_assume_conditional: list(conditional) } : {}),
    ...(deny.size > 0 && (allow.size + conditional.size > 0) ? { x_assume_deny: list(deny) } : {}),
  };
}

/** The properties recording which other accounts a role's trust accepts as a whole (with or without a condition). */
export function trustedAccountProps(role: AwsRole): Record<string, PropValue> {
  const plain = new Set<string>();
  const conditional = new Set<string>();
  for (const s of role.trust?.statements ?? []) {
    if (s.effect !== 'Allow' || s.notPrincipal === true || !coversAssume(s)) continue;
    for (const value of s.principals?.['AWS'] ?? []) {
      const account = accountPrincipal(value);
      if (account === undefined || account === role.account) continue;
      (s.condition === undefined ? plain : conditional).add(account);
    }
  }
  for (const a of plain) conditional.delete(a);
  return {
    ...(plain.size > 0 ? { x_trusted_accounts: [...plain].sort() } : {}),
    ...(conditional.size > 0 ? { x_trusted_accounts_conditional: [...conditional].sort() } : {}),
  };
}

const strings = (v: PropValue | undefined): readonly string[] => (Array.isArray(v) ? v as readonly string[] : []);
const accountOf = (n: NodeRecord): string | undefined => (typeof n.properties['arn'] === 'string' ? arnAccount(n.properties['arn']) : undefined);

/** The join: CAN_ASSUME from each principal of a trusted account whose grants cover the role and whose denies do not. */
export const awsCrossAccount: Join = {
  id: JOIN_ID,
  wants: (n) => n.properties['x_trusted_accounts'] !== undefined || n.properties['x_trusted_accounts_conditional'] !== undefined
    || n.properties['x_assume_allow'] !== undefined || n.properties['x_assume_conditional'] !== undefined,
  resolve(nodes): JoinOutput {
    const principals = new Map<string, NodeRecord[]>();
    const roles: NodeRecord[] = [];
    const seen = new Set<string>();
    for (const n of nodes) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      if (n.properties['x_assume_allow'] !== undefined || n.properties['x_assume_conditional'] !== undefined) {
        const account = accountOf(n);
        if (account !== undefined) principals.set(account, [...(principals.get(account) ?? []), n]);
      }
      if (n.kind === 'Role' && (n.properties['x_trusted_accounts'] !== undefined || n.properties['x_trusted_accounts_conditional'] !== undefined)) roles.push(n);
    }
    const edges: EdgeRecord[] = [];
    for (const role of roles) {
      const arn = role.properties['arn'];
      if (typeof arn !== 'string') continue;
      const trusts = [
        ...strings(role.properties['x_trusted_accounts']).map((a) => ({ account: a, conditional: false })),
        ...strings(role.properties['x_trusted_accounts_conditional']).map((a) => ({ account: a, conditional: true })),
      ];
      for (const { account, conditional } of trusts) {
        for (const p of principals.get(account) ?? []) {
          if (strings(p.properties['x_assume_deny']).some((d) => globMatch(d, arn))) continue;
          const plain = strings(p.properties['x_assume_allow']).find((a) => globMatch(a, arn));
          const maybe = plain ?? strings(p.properties['x_assume_conditional']).find((a) => globMatch(a, arn));
          if (maybe === undefined) continue;
          edges.push({
            kind: 'CAN_ASSUME', from: p.id, to: role.id, source: JOIN_ID,
            properties: {
              ...(conditional || plain === undefined ? { conditional: true } : {}),
              note: `cross-account: ${p.name} may sts:AssumeRole on ${maybe}; the trust of ${role.name} accepts account ${account}`,
            },
            provenance: { source: JOIN_ID, ...(role.provenance.file !== undefined ? { file: role.provenance.file } : {}), ...(role.provenance.path !== undefined ? { path: role.provenance.path } : {}) },
          });
        }
      }
    }
    return { nodes: [], edges, diagnostics: [] };
  },
};
