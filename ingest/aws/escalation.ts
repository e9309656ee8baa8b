// Effective administrators and privilege-escalation edges of one export (techniques.ts), from policy evaluation.
// A principal is an effective administrator when it may write any inline or managed policy of every user and role
// of its account: it can then grant itself anything. Techniques that make a principal admin become CAN_ACCESS admin
// on the account's tier-0 target; those that reach another user become CAN_MINT_CREDENTIAL, another role CAN_ASSUME.
import type { AwsGroup, AwsRole, AwsUser } from './authz.js';
import type { EdgeCollector } from './collect.js';
import { adminTargetId } from './ids.js';
import { ALLOW_ALL, ANY_RESOURCE, combine, evaluate, type Decision, type PolicyDocument, type Subject } from './policy.js';
import type { Principal, PrincipalIndex } from './principals.js';
import { EXISTING_TECHNIQUES, ROLE_TECHNIQUES, techniqueLabel, type TechniqueId } from './techniques.js';
import type { Assumers } from './trust.js';

/** The IAM writes that define an effective administrator, on any user or role of the account. */
export const ADMIN_PROBES = [
  ['iam:PutUserPolicy', 'user'], ['iam:AttachUserPolicy', 'user'], ['iam:PutRolePolicy', 'role'], ['iam:AttachRolePolicy', 'role'],
] as const;

/** Allowed when every admin probe is, on a user and a role no policy names (only wildcards cover them). */
export function adminDecision(subject: Subject, account: string): Decision | undefined {
  return combine(...ADMIN_PROBES.map(([action, type]) => evaluate(subject, action, `arn:aws:iam::${account}:${type}/~pathwarden-any~`)));
}

/** Actions whose grant on another principal can start a technique: a principal allowed none of them skips the pairwise pass. */
const PAIR_ACTIONS: readonly string[] = [
  'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:UpdateAssumeRolePolicy', 'iam:PassRole',
  'iam:PutUserPolicy', 'iam:AttachUserPolicy', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:CreatePolicyVersion',
  ...EXISTING_TECHNIQUES.map((t) => t.existing.actions[0]),
];

/** Every admin and escalation edge of the export, added to `out`. */
export function deriveEscalations(index: PrincipalIndex, assumers: Assumers, out: EdgeCollector): void {
  const gains = new Map<Principal, Decision | undefined>();
  const gainOf = (t: Principal): Decision | undefined => {
    if (!gains.has(t)) gains.set(t, adminDecision(withPolicies(t.subject, [ALLOW_ALL]), t.entry.account));
    return gains.get(t);
  };
  for (const p of index.principals) {
    const account = p.entry.account;
    const admin = adminDecision(p.subject, account);
    if (admin) out.add('CAN_ACCESS', p.id, adminTargetId(account), undefined, admin, p.entry.at, { action: 'admin' });
    if (admin && !admin.conditional && admin.from === undefined && admin.until === undefined) continue;
    const toAdmin = (id: TechniqueId, d: Decision): void => {
      out.add('CAN_ACCESS', p.id, adminTargetId(account), techniqueLabel(id), d, p.entry.at, { action: 'admin' });
    };
    selfEscalations(p, index, gainOf(p), toAdmin);
    // NOTE: an action not allowed on a requester-chosen resource is allowed on no resource (evaluate's ANY_RESOURCE
    // matches a superset), so most principals skip the pairwise pass, which is quadratic in the export's principals.
    if (!PAIR_ACTIONS.some((a) => evaluate(p.subject, a, ANY_RESOURCE) !== undefined)) continue;
    for (const t of index.principals) {
      if (t === p || t.entry.account !== account) continue;
      otherEscalations(p, t, assumers, gainOf(t), toAdmin, out);
    }
  }
}

function withPolicies(subject: Subject, extra: readonly PolicyDocument[]): Subject {
  return { ...subject, identity: [...subject.identity, ...extra] };
}

/** Writes `p` may make to the policies of `t` (a user or role), keyed by the write technique used alone. */
function policyWrites(p: Principal, t: Principal): { put?: Decision; attach?: Decision; cpv?: Decision } {
  if (isServiceLinked(t.entry)) return {};
  const user = t.entry.type === 'user';
  const put = evaluate(p.subject, user ? 'iam:PutUserPolicy' : 'iam:PutRolePolicy', t.entry.arn);
  const attach = evaluate(p.subject, user ? 'iam:AttachUserPolicy' : 'iam:AttachRolePolicy', t.entry.arn);
  let cpv: Decision | undefined;
  for (const a of t.attachments) {
    if (a.group !== undefined || a.policy.awsOwned) continue;
    const d = evaluate(p.subject, 'iam:CreatePolicyVersion', a.policy.arn);
    if (d && (cpv === undefined || (cpv.conditional && !d.conditional))) cpv = d;
  }
  return { ...(put ? { put } : {}), ...(attach ? { attach } : {}), ...(cpv ? { cpv } : {}) };
}

/** Techniques by which `p` grants itself admin: its own, its groups' and its attached policies, and joining a group. */
function selfEscalations(p: Principal, index: PrincipalIndex, gain: Decision | undefined, toAdmin: (id: TechniqueId, d: Decision) => void): void {
  const account = p.entry.account;
  if (gain) {
    const own = policyWrites(p, p);
    const user = p.entry.type === 'user';
    emit(toAdmin, user ? 'iam-007' : 'iam-005', own.put, gain);
    emit(toAdmin, user ? 'iam-008' : 'iam-009', own.attach, gain);
    emit(toAdmin, 'iam-001', own.cpv, gain);
    for (const g of p.groups) {
      emit(toAdmin, 'iam-011', evaluate(p.subject, 'iam:PutGroupPolicy', g.arn), gain);
      emit(toAdmin, 'iam-010', evaluate(p.subject, 'iam:AttachGroupPolicy', g.arn), gain);
    }
    for (const a of p.attachments) {
      if (a.group !== undefined && !a.policy.awsOwned) emit(toAdmin, 'iam-001', evaluate(p.subject, 'iam:CreatePolicyVersion', a.policy.arn), gain);
    }
  }
  for (const a of p.attachments) {
    if (a.policy.awsOwned || a.policy.defaultVersion === undefined) continue;
    const current = a.policy.defaultVersion;
    for (const version of a.policy.otherVersions) {
      const swapped = { ...p.subject, identity: p.subject.identity.map((d) => (d === current ? version : d)) };
      const d = adminDecision(swapped, account);
      if (d) emit(toAdmin, 'pw-001', evaluate(p.subject, 'iam:SetDefaultPolicyVersion', a.policy.arn), d);
    }
  }
  if (p.entry.type === 'user' && evaluate(p.subject, 'iam:AddUserToGroup', ANY_RESOURCE) !== undefined) {
    for (const g of index.groups.values()) {
      if (g.account !== account || p.groups.includes(g)) continue;
      const joined = adminDecision(withPolicies(p.subject, groupPolicies(g, index)), account);
      if (joined) emit(toAdmin, 'iam-013', evaluate(p.subject, 'iam:AddUserToGroup', g.arn), joined);
    }
  }
}

/** Techniques by which `p` reaches or empowers another principal `t` of its account. */
function otherEscalations(
  p: Principal, t: Principal, assumers: Assumers, gain: Decision | undefined, toAdmin: (id: TechniqueId, d: Decision) => void, out: EdgeCollector,
): void {
  const at = p.entry.at;
  if (t.entry.type === 'user') {
    for (const [id, action] of [['iam-002', 'iam:CreateAccessKey'], ['iam-004', 'iam:CreateLoginProfile'], ['iam-006', 'iam:UpdateLoginProfile']] as const) {
      const d = evaluate(p.subject, action, t.entry.arn);
      if (d) out.add('CAN_MINT_CREDENTIAL', p.id, t.id, techniqueLabel(id), d, at);
    }
  } else {
    const role = t.entry;
    const update = isServiceLinked(role) ? undefined : evaluate(p.subject, 'iam:UpdateAssumeRolePolicy', role.arn);
    if (update) out.add('CAN_ASSUME', p.id, t.id, techniqueLabel('iam-012'), update, at);
    passRoleEscalations(p, t, role, out);
    existingResourceEscalations(p, t, role, out);
  }
  if (!gain) return;
  const writes = policyWrites(p, t);
  if (t.entry.type === 'user') {
    const key = evaluate(p.subject, 'iam:CreateAccessKey', t.entry.arn);
    emit(toAdmin, 'iam-015', combine(writes.attach, key), gain);
    emit(toAdmin, 'iam-018', combine(writes.put, key), gain);
    return;
  }
  const assume = assumers.get(t.entry.arn)?.get(p.id);
  const update = isServiceLinked(t.entry) ? undefined : evaluate(p.subject, 'iam:UpdateAssumeRolePolicy', t.entry.arn);
  emit(toAdmin, 'iam-014', combine(writes.attach, assume), gain);
  emit(toAdmin, 'iam-017', combine(writes.put, assume), gain);
  emit(toAdmin, 'iam-016', combine(writes.cpv, assume), gain);
  emit(toAdmin, 'iam-019', combine(writes.attach, update), gain);
  emit(toAdmin, 'iam-021', combine(writes.put, update), gain);
  emit(toAdmin, 'iam-020', combine(writes.cpv, update), gain);
}

/** PassRole techniques: `p` passes role `t` to a new compute resource of a service the role trusts, and runs code there. */
function passRoleEscalations(p: Principal, t: Principal, role: AwsRole, out: EdgeCollector): void {
  const pass = evaluate(p.subject, 'iam:PassRole', role.arn);
  if (!pass) return;
  for (const tech of ROLE_TECHNIQUES) {
    if (!('passTo' in tech)) continue;
    if (!tech.passTo.services.some((s) => trustsService(role, s))) continue;
    const steps = tech.passTo.actions.map((a) => evaluate(p.subject, a, ANY_RESOURCE));
    if ('instanceProfile' in tech.passTo && role.instanceProfiles.length === 0) {
      steps.push(combine(evaluate(p.subject, 'iam:CreateInstanceProfile', ANY_RESOURCE), evaluate(p.subject, 'iam:AddRoleToInstanceProfile', ANY_RESOURCE)));
    }
    const d = combine(pass, ...steps);
    if (d) out.add('CAN_ASSUME', p.id, t.id, techniqueLabel(tech.id), d, p.entry.at);
  }
}

/**
 * Techniques on an existing resource of a service the role trusts: the export cannot say which resource runs as which
 * role, so every such role is reachable, conditionally.
 */
function existingResourceEscalations(p: Principal, t: Principal, role: AwsRole, out: EdgeCollector): void {
  for (const tech of EXISTING_TECHNIQUES) {
    const spec = tech.existing;
    if (!spec.services.some((s) => trustsService(role, s))) continue;
    if ('instanceProfile' in spec && role.instanceProfiles.length === 0) continue;
    const steps = spec.actions.map((a) => evaluate(p.subject, a, ANY_RESOURCE));
    if ('passRole' in spec) steps.push(evaluate(p.subject, 'iam:PassRole', role.arn));
    const d = combine(...steps, { conditional: true });
    if (d) out.add('CAN_ASSUME', p.id, t.id, techniqueLabel(tech.id), d, p.entry.at);
  }
}

function emit(toAdmin: (id: TechniqueId, d: Decision) => void, id: TechniqueId, step: Decision | undefined, gain: Decision): void {
  const d = combine(step, gain);
  if (d) toAdmin(id, d);
}

/** The identity policies a group gives its members. */
function groupPolicies(g: AwsGroup, index: PrincipalIndex): PolicyDocument[] {
  const docs = [...g.inline];
  for (const arn of g.managed) {
    const doc = index.policies.get(arn)?.defaultVersion;
    if (doc) docs.push(doc);
  }
  return docs;
}

/** True when the role's trust policy allows the service principal (unconditionally or not). */
export function trustsService(role: AwsRole, service: string): boolean {
  return (role.trust?.statements ?? []).some((s) => s.effect === 'Allow' && (s.principals?.['Service'] ?? []).includes(service));
}

/** Service-linked roles are owned by AWS: their policies and trust cannot be changed. */
function isServiceLinked(entry: AwsUser | AwsRole): boolean {
  return entry.type === 'role' && entry.arn.includes(':role/aws-service-role/');
}
