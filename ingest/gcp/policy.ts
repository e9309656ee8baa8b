// IAM allow policies → records. Each binding's role on its resource is a Role node `gcp/<resource>/role/<role>` that
// its members are MEMBER_OF (conditional with the condition's title and expression when the binding has one) and
// that has the edges its classified permissions give on that resource (targets.ts). Roles with no classified
// permission on the resource make no record. Pure.
import type { PropValue } from '../../src/model/index.js';
import type { GcpContext } from './context.js';
import { bindingRoleId, gcpNode, SOURCE, type Scope } from './ids.js';
import { parseMember } from './members.js';
import { isObject, str, type GcpOut } from './out.js';
import { permissionSpec, predefinedPermissions } from './permissions.js';
import { targetsOf } from './targets.js';

/** One policy and the resource it is set on; `at` is its JSON path (`$`, `$[2].policy`). */
export interface PolicyEntry {
  readonly scope: Scope;
  readonly at: string;
  readonly policy: unknown;
  /** Resources the export places below a project, folder or organization: its grants reach them too. */
  readonly below?: readonly Scope[];
}

/** Transforms the bindings of each policy. */
export function transformPolicies(entries: readonly PolicyEntry[], out: GcpOut, ctx: GcpContext): void {
  const unknownRoles = new Set<string>();
  for (const { scope, at, policy, below = [] } of entries) {
    if (!isObject(policy)) {
      out.diag('error', 'bad-value', at, 'the policy is not an object; it was skipped');
      continue;
    }
    const bindings = policy['bindings'];
    if (bindings === undefined) continue;
    if (!Array.isArray(bindings)) {
      out.diag('error', 'bad-value', `${at}.bindings`, 'bindings is not a list; the policy was skipped');
      continue;
    }
    for (const [i, binding] of bindings.entries()) transformBinding(scope, below, binding, `${at}.bindings[${i}]`, out, ctx, unknownRoles);
  }
}

function transformBinding(scope: Scope, below: readonly Scope[], binding: unknown, path: string, out: GcpOut, ctx: GcpContext, unknownRoles: Set<string>): void {
  const role = isObject(binding) ? str(binding, 'role') : undefined;
  if (!isObject(binding) || role === undefined) {
    out.diag('error', 'missing-field', `${path}.role`, 'the binding has no role; it was skipped');
    return;
  }
  const members = binding['members'];
  if (!Array.isArray(members)) {
    out.diag('error', 'missing-field', `${path}.members`, `the binding of ${role} has no members list; it was skipped`);
    return;
  }
  const permissions = permissionsOf(role, ctx, path, out, unknownRoles);
  if (permissions === undefined) return;
  const at = { source: SOURCE, file: out.file, path };
  const account = scope.type === 'service-account' ? accountOf(scope.account, ctx, path, out) : undefined;
  const targets = [targetsOf(scope, permissions, account, at), ...below.map((b) => targetsOf(b, permissions, undefined, at))].flat();
  if (targets.length === 0) return;
  const roleId = bindingRoleId(scope, role);
  const granted = [...new Set(permissions)].filter((p) => permissionSpec(p) !== undefined).sort();
  out.node(gcpNode(roleId, 'Role', `${role} on ${scope.key}`, { arn: role, x_resource: scope.key, x_permissions: granted }, at));
  for (const t of targets) {
    out.node(t.node);
    out.edge(t.kind, roleId, t.node.id, path, t.action ? { action: t.action } : {}, t.action ?? '');
  }
  const condition = conditionProps(binding['condition'], `${path}.condition`, out);
  for (const [j, member] of members.entries()) {
    const where = `${path}.members[${j}]`;
    const parsed = typeof member === 'string' ? parseMember(member) : { type: 'unknown' as const };
    if (parsed.type === 'deleted') {
      out.diag('warning', 'dangling-ref', where, `deleted principal ${parsed.what} is still bound to ${role}; it holds no access (remove the stale binding)`);
    } else if (parsed.type === 'unknown') {
      out.diag('error', 'bad-value', where, `not a principal this source reads (user:, serviceAccount:, group:, domain:, allUsers, allAuthenticatedUsers, principal://, principalSet://, deleted:); the member was skipped`);
    } else {
      const n = parsed.node;
      out.node(gcpNode(n.id, n.kind, n.name, { ...n.properties, reference: true }, { ...at, path: where }));
      out.edge('MEMBER_OF', n.id, roleId, where, condition);
    }
  }
}

/** The permissions a role grants; undefined (with a warning once per role) for a custom role no roles export defines. */
function permissionsOf(role: string, ctx: GcpContext, path: string, out: GcpOut, unknown: Set<string>): readonly string[] | undefined {
  if (role.startsWith('roles/')) return predefinedPermissions(role);
  const custom = ctx.roles.get(role);
  if (custom?.permissions !== undefined) return custom.active ? custom.permissions : [];
  if (!unknown.has(role)) {
    unknown.add(role);
    out.diag('warning', 'dangling-ref', `${path}.role`, `custom role ${role} is not defined (with includedPermissions) in a roles export of this folder (\`gcloud iam roles describe\`); its bindings make no edge`);
  }
  return undefined;
}

/** The e-mail of a service account named by e-mail or unique id. */
function accountOf(account: string, ctx: GcpContext, path: string, out: GcpOut): string {
  if (account.includes('@')) return account;
  const email = ctx.accountsByUid.get(account);
  if (email !== undefined) return email;
  out.diag('warning', 'dangling-ref', path, `service account unique id ${account} is in no service-accounts list of this folder; its node is gcp/sa/${account}`);
  return account;
}

/** Edge properties of a binding's condition: a plain `request.time < timestamp(…)` is an expiry, anything else conditional. */
function conditionProps(condition: unknown, path: string, out: GcpOut): Record<string, PropValue> {
  if (condition === undefined) return {};
  const expression = isObject(condition) ? str(condition, 'expression') : undefined;
  if (!isObject(condition) || expression === undefined) {
    out.diag('error', 'missing-field', `${path}.expression`, 'the condition has no expression; the binding is taken as conditional');
    return { conditional: true };
  }
  const title = str(condition, 'title');
  const expiry = /^\s*request\.time\s*<\s*timestamp\(\s*["']([^"']+)["']\s*\)\s*$/.exec(expression);
  const date = expiry ? new Date(expiry[1] as string) : undefined;
  const props: Record<string, PropValue> = { x_condition_expression: expression, ...(title ? { x_condition_title: title } : {}) };
  if (date !== undefined && !Number.isNaN(date.getTime())) return { ...props, expires_at: date.toISOString() };
  return { ...props, conditional: true, note: `IAM condition${title ? ` "${title}"` : ''}: ${expression}` };
}
