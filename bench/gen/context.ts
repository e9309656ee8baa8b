// What every section of the generator shares: the estate plan, the output files, dates relative to the
// reference date, and the stateless facts several sections must agree on (derived from hashes, never stored).
import { join } from 'node:path';
import { CsvSink } from './csv.js';
import { HUB_RESOURCES, type Estate } from './population.js';
import { distinctPicks, hash3, topicOf, unit, type Rng } from './random.js';

/** Output files and their headers (docs/inventory-format.md). */
export const FILES = {
  identities: ['identities.csv', ['id', 'kind', 'name', 'owner', 'environment', 'tags', 'platform', 'email', 'framework', 'host', 'arn', 'issuer', 'subject', 'publisher', 'client_id']],
  credentials: ['credentials.csv', ['id', 'kind', 'owner', 'environment', 'provider', 'status', 'created_at', 'expires_at', 'last_used_at', 'last_rotated_at', 'fingerprint', 'held_by', 'authenticates_as', 'tags']],
  assets: ['assets.csv', ['id', 'kind', 'owner', 'environment', 'tags', 'platform', 'tier', 'provider', 'classification', 'repository', 'trains', 'deploys']],
  resources: ['resources.csv', ['id', 'name', 'owner', 'environment', 'tier', 'type', 'platform', 'tags']],
  grants: ['oauth-grants.csv', ['app', 'user', 'scopes', 'created_at', 'expires_at']],
  bindings: ['bindings.csv', ['from', 'kind', 'to', 'scopes', 'expires_at', 'via']],
  permissions: ['permissions.csv', ['from', 'kind', 'to', 'action', 'environment', 'scope', 'expires_at']],
} as const satisfies Record<string, readonly [string, readonly string[]]>;
export type FileKey = keyof typeof FILES;

const DAY_MS = 86_400_000;
const T = {
  agentPersonal: topicOf('agent-personal'), agentOwner: topicOf('agent-owner'), resTier: topicOf('resource-tier'),
  modelTier: topicOf('model-tier'), modelEnv: topicOf('model-env'), appScopes: topicOf('app-scopes'),
  sodUnit: topicOf('sod-unit'), popularRole: topicOf('popular-role'), action: topicOf('access-action'), fingerprint: topicOf('fingerprint'),
} as const;

/** OAuth scope sets an app may request; none contains `assume`, so scoped apps stop at role assumption. */
const APP_SCOPES = ['mail.read;calendar.read', 'files.read', 'files.*;user.read', 'invoke;offline_access', 'access:read', 'calendar.read'] as const;
const ENVS = ['prod', 'staging', 'dev'] as const;

/** First workload role slot of a unit (0 admin, 1 fine-tune, 2 eval). */
export const ROLE_FIRST_WORKLOAD = 3;

/** Parent of workload role slot j (>= 3) in its unit's hierarchy: the admin for 3..5, else a workload role. */
export function parentRoleSlot(j: number): number {
  return j < 6 ? 0 : ROLE_FIRST_WORKLOAD + Math.floor((j - 6) / 3);
}

/** First slot of a unit with `size` roles that has no child role. */
function leafStart(size: number): number {
  let j = ROLE_FIRST_WORKLOAD;
  while (j < size - 1 && 6 + 3 * (j - ROLE_FIRST_WORKLOAD) < size) j++;
  return j;
}

/** Shared state of one generator run. */
export class GenContext {
  readonly out: Record<FileKey, CsvSink>;
  private readonly dayCache = new Map<number, string>();

  constructor(readonly e: Estate, readonly seed: number, readonly refMs: number, dir: string) {
    const out = {} as Record<FileKey, CsvSink>;
    for (const key of Object.keys(FILES) as FileKey[]) out[key] = new CsvSink(join(dir, FILES[key][0]), FILES[key][1]);
    this.out = out;
  }

  close(): void {
    for (const sink of Object.values(this.out)) sink.close();
  }

  /** The date `offset` days from the reference date, as YYYY-MM-DD. */
  day(offset: number): string {
    let s = this.dayCache.get(offset);
    if (s === undefined) {
      s = new Date(this.refMs + offset * DAY_MS).toISOString().slice(0, 10);
      this.dayCache.set(offset, s);
    }
    return s;
  }

  /** An act-as edge in bindings.csv. */
  bind(from: string, kind: string, to: string, scopes = '', expires = '', via = ''): void {
    this.out.bindings.line(`${from},${kind},${to},${scopes},${expires},${via}`);
    this.out.bindings.edges++;
  }

  /** A capability or structural edge in permissions.csv. */
  perm(from: string, kind: string, to: string, action = '', environment = '', scope = ''): void {
    this.out.permissions.line(`${from},${kind},${to},${action},${environment},${scope},`);
    this.out.permissions.edges++;
  }

  /** Owner address of an org unit (-1 = org-wide platform team). */
  owner(o: number): string {
    return o < 0 ? 'platform@corp.example' : `ou-${o}@corp.example`;
  }

  /** Tag of an org unit. */
  unitTag(o: number): string {
    return o < 0 ? 'org-wide' : `ou-${o}`;
  }

  // --- stateless facts ---------------------------------------------------------------------------------

  /** True when agent i is a personal assistant acting for one human (else a service agent). */
  agentIsPersonal(i: number): boolean {
    return unit(this.seed, T.agentPersonal, i) < 0.45;
  }

  /** The human a personal agent works for (same org unit). */
  agentOwner(i: number): number {
    const { agent, human } = this.e.pop;
    const o = agent.unitOf(i);
    return human.lo(o) + (hash3(this.seed, T.agentOwner, i) % human.size(o));
  }

  /** Tier of resource i: crown jewels, then the hub systems, then a long tail mostly of tier 3 and 4. */
  resourceTier(i: number): number {
    const cj = this.e.crownJewels;
    if (i < cj) return 0;
    if (i < cj + HUB_RESOURCES.length) return (HUB_RESOURCES[i - cj] as (typeof HUB_RESOURCES)[number]).tier;
    const u = unit(this.seed, T.resTier, i);
    return u < 0.0015 ? 0 : u < 0.025 ? 1 : u < 0.18 ? 2 : u < 0.58 ? 3 : 4;
  }

  /** Tier of model i. */
  modelTier(i: number): number {
    const u = unit(this.seed, T.modelTier, i);
    return u < 0.08 ? 0 : u < 0.28 ? 1 : u < 0.6 ? 2 : u < 0.85 ? 3 : 4;
  }

  /** Environment of model i. */
  modelEnv(i: number): (typeof ENVS)[number] {
    const u = unit(this.seed, T.modelEnv, i);
    return u < 0.6 ? 'prod' : u < 0.85 ? 'staging' : 'dev';
  }

  /** Scopes app i requests (`;`-separated), or '' for unrestricted delegation (some long-tail apps). */
  appScopes(i: number): string {
    const h = hash3(this.seed, T.appScopes, i);
    const popular = i < Math.max(3, Math.floor(this.e.pop.app.count * 0.3));
    if (!popular && h % 100 < 30) return '';
    return APP_SCOPES[(h >>> 8) % APP_SCOPES.length] as string;
  }

  /**
   * True when org unit o has the planted separation-of-duties break: its fine-tuning role can assume its eval
   * role, which invokes the unit's models in prod. Unit 0 always has it.
   */
  sodUnit(o: number): boolean {
    return o === 0 || unit(this.seed, T.sodUnit, o) < 0.35;
  }

  /** Access action of a grant from node `from` (of topic `fromTopic`) on resource `to`: read, write or admin. */
  accessAction(fromTopic: number, from: number, to: number): 'read' | 'write' | 'admin' {
    const h = hash3(this.seed ^ fromTopic, T.action + from, to) % 100;
    return h < 62 ? 'read' : h < 92 ? 'write' : 'admin';
  }

  /** A made-up `sha256:` fingerprint for credential `topic`/i (never a secret). */
  fingerprint(topic: number, i: number): string {
    const a = hash3(this.seed, T.fingerprint + topic, i).toString(16).padStart(8, '0');
    const b = hash3(this.seed, T.fingerprint + topic, i + 0x40000000).toString(16).padStart(8, '0');
    return `sha256:${a}${b}`;
  }

  /**
   * CAN_ACCESS grants from node `from` (index `index` of topic `topic`, for the access action) to about k
   * resources: a share `popular` of them heavy-tailed picks of popular systems anywhere, the rest distinct
   * systems of unit o, where tier-0/1 systems are rarely granted.
   */
  grantAccess(rng: Rng, from: string, topic: number, index: number, o: number, k: number, popular: number): void {
    const res = this.e.pop.resource;
    const lo = res.lo(o);
    const hi = res.lo(o + 1);
    const local = Math.ceil(k * (1 - popular));
    for (const x of distinctPicks(rng, lo, hi - lo, local)) {
      if (this.grantable(x, rng.float())) this.perm(from, 'CAN_ACCESS', res.id(x), this.accessAction(topic, index, x));
    }
    for (let t = local; t < k; t++) {
      const x = this.popularResource(rng.zipf(res.count));
      if (x < lo || x >= hi) this.perm(from, 'CAN_ACCESS', res.id(x), this.accessAction(topic, index, x));
    }
  }

  /** Resource at popularity rank r: the hub systems first, then systems of every org unit of tier 2 or lower. */
  popularResource(rank: number): number {
    const res = this.e.pop.resource;
    if (rank < HUB_RESOURCES.length) return this.e.crownJewels + rank;
    const span = res.count - res.global;
    let x = (((rank - HUB_RESOURCES.length) % span) * 2147483647) % span;
    // NOTE: tiers 0 and 1 are a few percent of the tail, so this walk is short (and bounded by span).
    for (let t = 0; t < span && this.resourceTier(res.global + x) <= 1; t++) x = (x + 1) % span;
    return res.global + x;
  }

  /**
   * True when an ordinary grant (not an admin role's) may target resource x: tier-0/1 systems are granted to
   * only a few ordinary identities, so sensitive reach stays a minority of principals.
   */
  grantable(x: number, u: number): boolean {
    return this.resourceTier(x) > 1 || u < 0.05;
  }

  /**
   * Role at popularity rank r: the shared platform-admin and read-only roles first, then leaf workload roles
   * of any unit (roles nothing else hangs below, so a popular role does not pull in a whole hierarchy).
   */
  popularRole(rank: number): number {
    const role = this.e.pop.role;
    if (rank < role.global) return rank;
    const o = (((rank - role.global) * 2147483647) % (role.count - role.global)) % this.e.units;
    const size = role.size(o);
    const firstLeaf = Math.max(ROLE_FIRST_WORKLOAD, leafStart(size));
    return role.lo(o) + firstLeaf + (hash3(this.seed, T.popularRole, rank) % (size - firstLeaf));
  }
}

export { ENVS };
