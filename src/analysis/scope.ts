// Incident scoping of a compromised credential or identity: everything it reaches by tier with a path each, who
// holds or uses it, the minimum-cost revocation plan that cuts it off from every target at the tier threshold,
// and the residual reach once that plan is applied (recomputed by the engine on the graph without the cut).
import { graphLookup, type GraphLookup } from '../graph/lookup.js';
import {
  atThreshold, CREDENTIAL_REVOKE_COSTS, DEFAULT_CAP, DEFAULT_MAX_DEPTH, DEFAULT_MODEL_TIER, EDGE_CUT_COSTS, enumeratePaths, reach,
  revocationPlan, toCompact, type Capability, type CompactGraph, type RevocationItem,
} from '../engine/index.js';
import { credentialRisks, type EdgeRef, type NodeRef, type RankFactor } from '../findings/index.js';
import { nodeRef, pathRefs } from '../findings/refs.js';
import { parseSelector, selectNodes } from '../graph/select.js';
import type { PathwardenGraph } from '../graph/types.js';
import { NODE_KINDS, NotFoundError, nodeSpec, type NodeKind } from '../model/index.js';
import { byStrength, byTier, groupCapabilities, strongestFilter, type ReachedTarget } from './reached.js';
import type { LoadedGraph } from './load.js';
import { holdersOf, type ScopeHolders, type ScopePath } from './scope-users.js';

export type { ScopeHolders, ScopePath } from './scope-users.js';

/** Most matched nodes one scope covers (the report says when a selector matched more). */
export const MAX_SCOPE_SOURCES = 100;
/** Default tier threshold: the plan must cut every target of tier 0 or 1. */
export const DEFAULT_SCOPE_TIER = 1;

export interface ScopeOptions {
  readonly at?: Date;
  /** Tier threshold: targets of tier <= maxTier must become unreachable (default 1). */
  readonly maxTier?: number;
  /** Longest path counted per target, in edges. */
  readonly maxDepth?: number;
  /** Most paths counted per target (reported when hit). */
  readonly cap?: number;
}

/** One model or resource a scoped node reaches (a model without a tier counts as tier 1), with a path carrying its strongest action. */
export interface ScopeTarget extends ReachedTarget {
  /** True when this reach is at the threshold (models: alter, or invoke in prod). */
  readonly atThreshold: boolean;
  readonly path: ScopePath;
  /** Simple paths within maxDepth (at most cap). */
  readonly paths: { readonly count: number; readonly truncated: boolean };
}

export interface ScopedNode {
  readonly source: NodeRef;
  /** False when the node is an inactive credential at the instant (revoked, disabled, expired): it reaches nothing. */
  readonly active: boolean;
  /** Risk factors of a credential (no expiry, never rotated, shared…); empty for identities. */
  readonly risks: readonly RankFactor[];
  readonly actsAs: readonly { readonly node: NodeRef; readonly path: ScopePath }[];
  /** By tier (most sensitive first), then effect, then id. */
  readonly reached: readonly ScopeTarget[];
  readonly holders: ScopeHolders;
}

export interface ScopePlanItem {
  readonly type: RevocationItem['type'];
  /** The credential to revoke (leaked, exposed). */
  readonly node?: NodeRef;
  /** The edge to remove. */
  readonly edge?: EdgeRef;
  readonly cost: number;
  /** What to do, in words. */
  readonly action: string;
  /** How the cost is made up. */
  readonly why: string;
  /** Principals outside the compromise that rely on it: what breaks. */
  readonly relying: readonly NodeRef[];
  /** Targets at the threshold whose routes run through it. */
  readonly cuts: readonly NodeRef[];
}

export interface ScopePlan {
  readonly cost: number;
  /** True when the cost is proven minimal (see src/engine/revocation.ts). */
  readonly exact: boolean;
  readonly items: readonly ScopePlanItem[];
  /** Credentials the compromise could have copied and identities it could mint keys for: assumed held. */
  readonly exposed: readonly NodeRef[];
  /** Targets at the threshold the compromise reaches before the plan. */
  readonly targets: readonly NodeRef[];
  readonly network: { readonly nodes: number; readonly arcs: number };
}

export interface ScopeResidual {
  /** True when nothing at the threshold is reachable after the plan. */
  readonly clear: boolean;
  /** Reach at the threshold left after the plan (empty when clear), from the sources or exposed nodes. */
  readonly atThreshold: readonly ResidualTarget[];
  /** Reach below the threshold that remains. */
  readonly remaining: readonly ResidualTarget[];
}

export interface ResidualTarget {
  readonly from: NodeRef;
  readonly effect: Capability['effect'];
  readonly target: NodeRef;
  readonly tier: number | undefined;
  readonly actions: readonly string[];
}

export interface ScopeReport {
  readonly at: string;
  readonly selector: string;
  readonly maxTier: number;
  readonly maxDepth: number;
  readonly cap: number;
  readonly matched: number;
  readonly nodes: readonly ScopedNode[];
  readonly plan: ScopePlan;
  readonly residual: ScopeResidual;
}

function tierOf(cg: CompactGraph, target: number): number | undefined {
  const t = cg.nodeTier[target] as number;
  if (t >= 0) return t;
  return cg.nodeKind[target] === MODEL_KIND ? DEFAULT_MODEL_TIER : undefined;
}
const MODEL_KIND = NODE_KINDS.indexOf('Model' satisfies NodeKind);

function scopeNode(lookup: GraphLookup, cg: CompactGraph, s: number, o: Required<Omit<ScopeOptions, 'at'>>): ScopedNode {
  const id = cg.ids[s] as string;
  const r = reach(cg, s);
  const reached: ScopeTarget[] = [];
  for (const caps of groupCapabilities(r.capabilities)) {
    const first = caps[0] as Capability;
    const actions = byStrength(caps.map((c) => c.action));
    const path = r.shortest(first.target, strongestFilter(caps));
    if (!path) continue;
    const all = enumeratePaths(cg, { source: s, target: first.target, maxDepth: o.maxDepth, cap: o.cap, filter: (c) => c.effect === first.effect });
    reached.push({
      effect: first.effect, target: nodeRef(lookup, cg.ids[first.target] as string), tier: tierOf(cg, first.target), actions,
      atThreshold: caps.some((c) => atThreshold(cg, c, o.maxTier)), path: pathRefs(lookup, cg, path),
      paths: { count: all.paths.length, truncated: all.truncated },
    });
  }
  reached.sort(byTier);
  const actsAs: { node: NodeRef; path: ScopePath }[] = [];
  for (const v of r.actAs) {
    const path = v === s ? undefined : r.shortest(v);
    if (path) actsAs.push({ node: nodeRef(lookup, cg.ids[v] as string), path: pathRefs(lookup, cg, path) });
  }
  const credential = nodeSpec(lookup.node(id).kind).category === 'credential';
  return {
    source: nodeRef(lookup, id), active: cg.active[s] === 1, risks: credential ? credentialRisks(lookup, id, cg.at) : [],
    actsAs, reached, holders: holdersOf(lookup, cg, s),
  };
}

/** Scope of everything a selector matches, treated as one compromise. */
export function scopeOf(loaded: LoadedGraph, selector: string, options: ScopeOptions = {}): ScopeReport {
  const ids = selectNodes(loaded.graph, parseSelector(selector));
  if (ids.length === 0) throw new NotFoundError(`"${selector}" matches no node`);
  return scopeNodes(loaded, ids, selector, options);
}

/** The `selector` of a report of `scope --exposed`. */
export const EXPOSED_SELECTOR = '--exposed';

/** Ids of the credentials a secret scanner found leaked (`exposed`, set by the secret-scanners join), sorted. */
export function exposedCredentials(graph: PathwardenGraph): string[] {
  const out: string[] = [];
  graph.forEachNode((id, node) => {
    if (node.properties['exposed'] === true && nodeSpec(node.kind).category === 'credential') out.push(id);
  });
  return out.sort();
}

/** Scope of every exposed credential at once: one compromise, one combined revocation plan (a multi-source cut). */
export function scopeExposed(loaded: LoadedGraph, options: ScopeOptions = {}): ScopeReport {
  const ids = exposedCredentials(loaded.graph);
  if (ids.length === 0) {
    throw new NotFoundError('no credential is exposed (load gitleaks or trufflehog reports with the inventory; docs/sources.md)');
  }
  return scopeNodes(loaded, ids, EXPOSED_SELECTOR, options);
}

/** Scope of these nodes (the first MAX_SCOPE_SOURCES), treated as one compromise; `selector` names them in the report. */
function scopeNodes(loaded: LoadedGraph, ids: readonly string[], selector: string, options: ScopeOptions): ScopeReport {
  const at = options.at ?? new Date();
  const o = { maxTier: options.maxTier ?? DEFAULT_SCOPE_TIER, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, cap: options.cap ?? DEFAULT_CAP };
  const cg = toCompact(loaded.graph, { at });
  const sources = ids.slice(0, MAX_SCOPE_SOURCES).map((id) => cg.indexOf.get(id) as number);
  const result = revocationPlan(cg, sources, { maxTier: o.maxTier });
  const lookup = graphLookup(loaded.graph, cg);
  const ref = (v: number): NodeRef => nodeRef(lookup, cg.ids[v] as string);
  const plan: ScopePlan = {
    cost: result.cost, exact: result.exact, items: result.items.map((x) => planItem(lookup, cg, x)),
    exposed: result.exposed.map(ref), targets: result.targets.map(ref), network: result.network,
  };
  return {
    at: at.toISOString(), selector, ...o, matched: ids.length,
    nodes: sources.map((s) => scopeNode(lookup, cg, s, o)), plan,
    residual: residualOf(loaded.graph, lookup, cg, result.items, [...sources, ...result.exposed], o.maxTier),
  };
}

function planItem(lookup: GraphLookup, cg: CompactGraph, x: RevocationItem): ScopePlanItem {
  const ref = (v: number): NodeRef => nodeRef(lookup, cg.ids[v] as string);
  const base = { type: x.type, cost: x.cost, relying: x.relying.map(ref), cuts: x.cuts.map(ref) };
  const n = x.relying.length;
  const others = n === 0 ? 'nobody outside the compromise relies on it' : `${n} principal${n === 1 ? '' : 's'} outside the compromise rel${n === 1 ? 'ies' : 'y'} on it`;
  if (x.type === 'leaked') {
    return { ...base, node: ref(x.node), action: `revoke ${ref(x.node).label}`, why: `the compromised credential itself: revoked whatever else is cut (cost ${CREDENTIAL_REVOKE_COSTS.source})` };
  }
  if (x.type === 'credential') {
    return {
      ...base, node: ref(x.node), action: `revoke and rotate ${ref(x.node).label}`,
      why: `exposed: the compromise can read or use it, so its value may be copied; ${CREDENTIAL_REVOKE_COSTS.base} + ${n} (${others})`,
    };
  }
  const edge = lookup.slot(x.slot);
  const spec = EDGE_CUT_COSTS[edge.kind];
  const draw = `${nodeRef(lookup, edge.from).label} -[${edge.kind}${edge.qualifier ? ` ${edge.qualifier}` : ''}]-> ${nodeRef(lookup, edge.to).label}`;
  const sharing = spec.perRelying ? ` + ${n} (${others})` : '';
  return { ...base, edge, action: `${spec.action}: ${draw}`, why: `a ${edge.kind} cut costs ${String(spec.base)}${sharing}` };
}

/** Applies the plan to a copy of the graph (credentials revoked, edges dropped) and recomputes reach of every root. */
function residualOf(graph: PathwardenGraph, lookup: GraphLookup, cg: CompactGraph, items: readonly RevocationItem[], roots: readonly number[], maxTier: number): ScopeResidual {
  const copy = graph.copy();
  for (const x of items) {
    if (x.type === 'edge') copy.dropEdge(cg.edgeKey(x.slot));
    else {
      const id = cg.ids[x.node] as string;
      const attrs = copy.getNodeAttributes(id);
      copy.replaceNodeAttributes(id, { ...attrs, properties: { ...attrs.properties, status: 'revoked' } });
    }
  }
  const after = toCompact(copy, { at: new Date(cg.at) });
  const hit: ResidualTarget[] = [];
  const rest: ResidualTarget[] = [];
  for (const root of roots) {
    const id = cg.ids[root] as string;
    const r = reach(after, after.indexOf.get(id) as number);
    for (const caps of groupCapabilities(r.capabilities)) {
      const first = caps[0] as Capability;
      const entry = {
        from: nodeRef(lookup, id), effect: first.effect, target: nodeRef(lookup, after.ids[first.target] as string),
        tier: tierOf(after, first.target), actions: byStrength(caps.map((c) => c.action)),
      };
      (caps.some((c) => atThreshold(after, c, maxTier)) ? hit : rest).push(entry);
    }
  }
  const order = (a: ResidualTarget, b: ResidualTarget): number => byTier(a, b) || a.from.id.localeCompare(b.from.id);
  return { clear: hit.length === 0, atThreshold: hit.sort(order), remaining: rest.sort(order) };
}
