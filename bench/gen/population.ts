// How many nodes of each kind an estate of N nodes has, how they split into org units, and their ids.
// Ids are arithmetic (`sa-123`), so any section can name any node without a lookup table.

/** One population of a node kind: indices [0, global) are org-wide, the rest split evenly over the org units. */
export class Population {
  /** Nodes per org unit, rounded down (the smallest org unit's share). */
  readonly perUnit: number;

  constructor(
    readonly prefix: string,
    readonly count: number,
    readonly global: number,
    readonly units: number,
  ) {
    this.perUnit = Math.floor((count - global) / units);
  }

  /** The id of node i. */
  id(i: number): string {
    return `${this.prefix}-${i}`;
  }

  /** First index of org unit o (o = units gives the end of the last one). */
  lo(o: number): number {
    return this.global + Math.floor((o * (this.count - this.global) + this.units - 1) / this.units);
  }

  /** Number of nodes in org unit o. */
  size(o: number): number {
    return this.lo(o + 1) - this.lo(o);
  }

  /** Org unit of node i, or -1 for org-wide nodes. */
  unitOf(i: number): number {
    return i < this.global ? -1 : Math.floor(((i - this.global) * this.units) / (this.count - this.global));
  }

  /** Index within its org unit. */
  local(i: number): number {
    return i - this.lo(this.unitOf(i));
  }

  /** The node at position `rank` of a popularity order that spreads popular nodes over all org units. */
  spread(rank: number): number {
    // NOTE: 2^31-1 is prime and larger than any count, so rank -> rank*P mod count is a permutation; rank 0 -> 0.
    return (rank * 2147483647) % this.count;
  }
}

/** Share of the N nodes each kind gets (sums to 1); tens of non-human identities and credentials per human. */
export const SHARES = {
  human: 0.025, group: 0.005, role: 0.02, agent: 0.06, sa: 0.15, wi: 0.08, app: 0.005,
  key: 0.2, token: 0.12, secret: 0.1, model: 0.01, dataset: 0.03, pipeline: 0.07, resource: 0.125,
} as const;
export type PopName = keyof typeof SHARES;

/** Org-wide nodes per kind: the all-staff group, the shared admin and read-only roles, shared service accounts,
 * crown jewels and hub systems, and every OAuth app. */
function globalsOf(name: PopName, count: number, crownJewels: number): number {
  switch (name) {
    case 'group': return 1;
    case 'role': return 2;
    case 'sa': return 2;
    case 'resource': return crownJewels + HUB_RESOURCES.length;
    case 'app': return count;
    default: return 0;
  }
}

/** Org-wide, heavily shared low-tier systems, right after the crown jewels. */
export const HUB_RESOURCES = [
  { name: 'central-logs', type: 'bucket', tier: 3 },
  { name: 'wiki', type: 'saas', tier: 4 },
  { name: 'chat', type: 'saas', tier: 4 },
  { name: 'artifact-registry', type: 'registry', tier: 2 },
  { name: 'metrics', type: 'saas', tier: 3 },
] as const;

/** Org-wide tier-0 systems, cycled when there are more crown jewels than names. */
export const CROWN_JEWELS = [
  { name: 'prod-k8s', type: 'cluster' }, { name: 'vault', type: 'vault' }, { name: 'customer-db', type: 'database' },
  { name: 'payments-db', type: 'database' }, { name: 'kms', type: 'kms' }, { name: 'idp', type: 'saas' },
  { name: 'pii-bucket', type: 'bucket' }, { name: 'prod-account', type: 'cloud-account' },
] as const;

export const MIN_NODES = 500;

/** Fewest nodes per org unit of each kind, so every unit has its department, admin and ML structure. */
const MIN_PER_UNIT: Readonly<Record<PopName, number>> = {
  human: 4, group: 5, role: 8, agent: 2, sa: 4, wi: 2, app: 0,
  key: 4, token: 4, secret: 2, model: 1, dataset: 2, pipeline: 4, resource: 10,
};

/** Every population of an estate of about `nodes` nodes. */
export interface Estate {
  readonly nodes: number;
  readonly units: number;
  readonly crownJewels: number;
  readonly pop: Readonly<Record<PopName, Population>>;
}

const PREFIX: Readonly<Record<PopName, string>> = {
  human: 'human', group: 'group', role: 'role', agent: 'agent', sa: 'sa', wi: 'wi', app: 'app',
  key: 'key', token: 'token', secret: 'secret', model: 'model', dataset: 'dataset', pipeline: 'pipeline', resource: 'res',
};

/** Splits `nodes` over the kinds; the counts sum to exactly `nodes`. */
export function planEstate(nodes: number): Estate {
  const names = Object.keys(SHARES) as PopName[];
  const units = Math.max(2, Math.round((nodes * SHARES.human) / 25));
  const crownJewels = 3 + Math.floor((nodes * SHARES.resource) / 20000);
  const counts = {} as Record<PopName, number>;
  let used = 0;
  for (const name of names) {
    const floor = globalsOf(name, 0, crownJewels) + units * MIN_PER_UNIT[name];
    counts[name] = Math.max(2, floor, Math.floor(nodes * SHARES[name]));
    used += counts[name];
  }
  counts.resource += nodes - used;
  const pop = {} as Record<PopName, Population>;
  for (const name of names) pop[name] = new Population(PREFIX[name], counts[name], globalsOf(name, counts[name], crownJewels), units);
  return { nodes, units, crownJewels, pop };
}
