// RBAC evaluation: effective rules of roles (with aggregated ClusterRoles), the grants each subject holds through
// its bindings (cluster-wide, or limited to one namespace by a RoleBinding, also when it refers to a ClusterRole),
// and whether a set of grants allows a request (verb, API group, resource[/subresource], namespace, name). Pure.
// Matching follows the API server's authorizer: `*` in verbs, apiGroups and resources; `*/<subresource>`;
// resourceNames are literal names (no wildcard) and a rule that lists names never allows a request without a name.
import { BUILT_IN_ROLE_RULES } from './built-in-roles.js';
import type { K8sBinding, K8sRole, LabelSelector, Rule, Where } from './objects.js';

/**
 * ClusterRoles whose rules are fixed by Kubernetes (cluster-admin, admin, edit, view), used when an export refers to
 * them without listing them; a role of that name in the export always wins (rulesOfBinding).
 */
export const BUILT_IN_CLUSTER_ROLES: ReadonlyMap<string, readonly Rule[]> = new Map(Object.entries(BUILT_IN_ROLE_RULES));

/** A rule held by a subject, cluster-wide (`namespace` undefined) or in one namespace. */
export interface Grant {
  readonly rule: Rule;
  readonly namespace?: string;
  /** `ClusterRole/<name>` or `Role/<ns>/<name>`: the role the rule comes from. */
  readonly role: string;
  /** The binding subject that gives it (provenance of the edges it leads to). */
  readonly at: Where;
}

/** One request to authorise; `namespace` undefined for a cluster-scoped resource. */
export interface Request {
  readonly verb: string;
  readonly group: string;
  /** `pods` or `pods/exec`. */
  readonly resource: string;
  readonly namespace?: string;
  /** The object's name; undefined when the request has none (create, list of all) or any name would do. */
  readonly name?: string;
}

/** Key of a role: `ClusterRole/<name>` or `Role/<ns>/<name>`. */
export function roleKey(kind: 'Role' | 'ClusterRole', namespace: string | undefined, name: string): string {
  return kind === 'ClusterRole' ? `ClusterRole/${name}` : `Role/${namespace ?? ''}/${name}`;
}

/** The effective rules of every role: own rules plus, for aggregated ClusterRoles, those of every selected ClusterRole. */
export function effectiveRules(roles: readonly K8sRole[]): Map<string, readonly Rule[]> {
  const byKey = new Map(roles.map((r) => [roleKey(r.kind, r.namespace, r.name), r]));
  const clusterRoles = roles.filter((r) => r.kind === 'ClusterRole');
  const out = new Map<string, readonly Rule[]>();
  const resolve = (role: K8sRole, visiting: Set<K8sRole>): readonly Rule[] => {
    const key = roleKey(role.kind, role.namespace, role.name);
    const done = out.get(key);
    if (done) return done;
    if (role.aggregation === undefined || visiting.has(role)) return role.rules;
    visiting.add(role);
    const rules = [...role.rules];
    // NOTE: the aggregation controller replaces an aggregated role's rules by the union of the selected roles'.
    for (const other of clusterRoles) {
      if (other !== role && role.aggregation.some((s) => selects(s, other.labels))) rules.push(...resolve(other, visiting));
    }
    visiting.delete(role);
    out.set(key, rules);
    return rules;
  };
  for (const role of byKey.values()) out.set(roleKey(role.kind, role.namespace, role.name), resolve(role, new Set()));
  return out;
}

/** True when a label selector matches the labels (an empty selector matches nothing here, as for aggregation). */
export function selects(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const entries = Object.entries(selector.matchLabels);
  if (entries.length === 0 && selector.matchExpressions.length === 0) return false;
  if (!entries.every(([k, v]) => labels[k] === v)) return false;
  return selector.matchExpressions.every((e) => {
    const has = Object.hasOwn(labels, e.key);
    const value = labels[e.key];
    if (e.operator === 'In') return has && e.values.includes(value as string);
    if (e.operator === 'NotIn') return !has || !e.values.includes(value as string);
    if (e.operator === 'Exists') return has;
    if (e.operator === 'DoesNotExist') return !has;
    return false;
  });
}

/** The role a binding refers to, or undefined when it is neither in the export nor built in. */
export function rulesOfBinding(binding: K8sBinding, rules: ReadonlyMap<string, readonly Rule[]>): readonly Rule[] | undefined {
  const { kind, name } = binding.roleRef;
  if (kind === 'ClusterRole') return rules.get(roleKey('ClusterRole', undefined, name)) ?? BUILT_IN_CLUSTER_ROLES.get(name);
  return rules.get(roleKey('Role', binding.namespace, name));
}

/** True when one rule allows the request (namespaces are checked by the caller). */
export function ruleAllows(rule: Rule, req: Request): boolean {
  if (!rule.verbs.includes('*') && !rule.verbs.includes(req.verb)) return false;
  if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(req.group)) return false;
  const slash = req.resource.indexOf('/');
  const sub = slash < 0 ? undefined : req.resource.slice(slash + 1);
  const resourceOk = rule.resources.some((r) => r === '*' || r === req.resource || (sub !== undefined && r === `*/${sub}`));
  if (!resourceOk) return false;
  if (rule.resourceNames.length === 0) return true;
  return req.name !== undefined && rule.resourceNames.includes(req.name);
}

/** True when some grant allows the request: a cluster-wide grant, or one in the request's namespace. */
export function allows(grants: readonly Grant[], req: Request): boolean {
  return grants.some((g) => (g.namespace === undefined || g.namespace === req.namespace) && ruleAllows(g.rule, req));
}

/** The first grant that allows one of the requests, if any (its location is the edge's provenance). */
export function allowing(grants: readonly Grant[], ...reqs: readonly Request[]): Grant | undefined {
  for (const req of reqs) {
    const g = grants.find((x) => (x.namespace === undefined || x.namespace === req.namespace) && ruleAllows(x.rule, req));
    if (g) return g;
  }
  return undefined;
}

/** True when the grants allow every verb on every resource of every group cluster-wide (cluster-admin). */
export function isClusterAdmin(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.namespace === undefined && g.rule.verbs.includes('*') && g.rule.apiGroups.includes('*')
    && g.rule.resources.includes('*') && g.rule.resourceNames.length === 0);
}
