// Findings of a whole estate: the per-target pass (engine/target-pass.ts) gives every finding with its shortest
// witness paths and every principal's blast radius; findings are kept as compact rows, ranked, and only the best
// `detail` of them get every path enumerated and ranked. The rest are drawn from their witness paths when a
// reporter asks for them (in rank order), so a million-finding estate never holds a million Finding objects.
import { enumeratePaths, findingSources, isAccess, isAlter, isProdInvoke, reach, DEFAULT_CAP, DEFAULT_MAX_DEPTH, type CompactGraph, type EnginePath, type PathsResult } from '../engine/index.js';
import { IS_CREDENTIAL } from '../engine/kinds.js';
import { PAIR, targetPass, type PairRows, type TargetPassResult } from '../engine/target-pass.js';
import type { GraphLookup } from '../graph/lookup.js';
import { ACCESS_ACTIONS, ALTER_ACTIONS, NODE_KINDS } from '../model/index.js';
import { findingContext, findingId, type FindingContext } from './context.js';
import { sortFindings } from './sort.js';
import { matchExceptions, suppress, type AcceptedException, type ExceptionOutcome } from './exceptions.js';
import { ENTRY_POINT_TAG, isExposedFinding, pathScore, principalWeight, sourceWeight } from './rank.js';
import { rollupOf, type Rollup } from './rollup.js';
import { nodeRef } from './refs.js';
import { leakedAlterFindings, sensitiveFindings, sodAlterInvoke, sodFindings, sensitiveReach, type LeakedAlterResult } from './rules/index.js';
import { sensitiveSeverity, sensitiveWeight } from './rules/sensitive-reach.js';
import { sodSeverity, sodWeight } from './rules/sod-alter-invoke.js';
import { RULES } from './rules/index.js';
import { SEVERITIES, severityRank, type Finding, type NodeRef, type Severity } from './types.js';

/** Findings whose paths are all enumerated and ranked unless told otherwise; the rest show their shortest paths. */
export const DEFAULT_DETAIL = 1000;

export interface EstateOptions {
  readonly maxTier?: number;
  readonly maxDepth?: number;
  readonly cap?: number;
  readonly pathsShown?: number;
  /** Findings (best first, suppressed included) that get every path enumerated (default 1000; Infinity: all). */
  readonly detail?: number;
  readonly exceptions?: readonly AcceptedException[];
  /** Called as targets are done (progress). */
  readonly onProgress?: (done: number, total: number) => void;
  /** The per-target pass of `cg` at this maxTier, when already computed (targetPassParallel). */
  readonly pass?: TargetPassResult;
}

/** Active findings beyond the detailed ones, drawn on demand in rank order. */
export interface FindingStream extends Iterable<Finding> {
  readonly count: number;
}

export interface EstateFindings {
  /** Active findings with every path enumerated, best first. */
  readonly findings: Finding[];
  /** Active findings beyond `detail`, best first, each with its shortest paths only (`enumerated: false`). */
  readonly rest: FindingStream;
  readonly suppressed: Finding[];
  readonly outcomes: ExceptionOutcome[];
  /** Active findings by severity and by rule (detailed and rest together). */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byRule: Readonly<Record<string, number>>;
  readonly bySource: Rollup[];
  readonly byTarget: Rollup[];
  /** Blast radius of every principal, by node id. */
  readonly blast: ReadonlyMap<string, number>;
}

const RULE_IDS = [sodAlterInvoke.id, sensitiveReach.id] as const;
/** Added to the sort key of a row whose best path has an exposed entry credential (2^44). */
const EXPOSED_KEY = 2 ** 44;

/** The pass's pair rows with what ranking adds: tier, score, severity and (once ranked) id per row. */
class Rows {
  readonly tier: Int8Array;
  readonly score: Float64Array;
  readonly severity: Uint8Array;
  /** 1 when the row's best path has an exposed entry credential: such rows rank above every other. */
  readonly exposed: Uint8Array;
  ids: string[] = [];

  constructor(readonly pairs: PairRows, cg: CompactGraph) {
    const n = pairs.length;
    this.tier = new Int8Array(n);
    this.score = new Float64Array(n);
    this.severity = new Uint8Array(n);
    this.exposed = new Uint8Array(n);
    for (let r = 0; r < n; r++) this.tier[r] = cg.nodeTier[pairs.target.data[r] as number] as number;
  }

  get length(): number {
    return this.pairs.length;
  }

  rule(r: number): number {
    return this.pairs.rule.data[r] as number;
  }

  source(r: number): number {
    return this.pairs.source.data[r] as number;
  }

  target(r: number): number {
    return this.pairs.target.data[r] as number;
  }

  mask(r: number): number {
    return this.pairs.mask.data[r] as number;
  }

  /** The i-th witness path of row r (0: the only path or the alter path, 1: the invoke path). */
  path(cg: CompactGraph, r: number, which: number): EnginePath {
    const edges = this.pairs.path(r, which);
    const nodes = [this.source(r)];
    for (const s of edges) nodes.push(cg.targets[s] as number);
    return { nodes, edges };
  }
}

/** The entry credential (first credential, the source included) of the `which`-th witness of row r, or -1. */
function witnessEntry(cg: CompactGraph, rows: Rows, r: number, which: number): { entry: number; length: number } {
  const pool = rows.pairs.pool.data;
  let at = rows.pairs.pathAt.data[r] as number;
  for (let k = 0; k < which; k++) at += (pool[at] as number) + 1;
  const length = pool[at] as number;
  const source = rows.source(r);
  if (IS_CREDENTIAL[cg.nodeKind[source] as number] === 1) return { entry: source, length };
  for (let i = 1; i <= length; i++) {
    const v = cg.targets[pool[at + i] as number] as number;
    if (IS_CREDENTIAL[cg.nodeKind[v] as number] === 1) return { entry: v, length };
  }
  return { entry: -1, length };
}

function names(mask: number, all: readonly string[]): string[] {
  return all.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Score and severity of a row from its witness paths alone (as the rules rank a path set of one path). */
function witnessRank(ctx: FindingContext, rows: Rows, r: number, principalWeights: readonly number[], entryPoints: ReadonlyMap<number, number>): void {
  const source = rows.source(r);
  const blast = ctx.blast(source);
  const principal = entryPoints.get(source) ?? principalWeights[ctx.cg.nodeKind[source] as number] as number;
  const sod = rows.rule(r) === PAIR.SOD;
  const tier = rows.tier[r] as number;
  const strongest = ACCESS_ACTIONS[31 - Math.clz32(rows.mask(r))] ?? 'read';
  const weight = sod ? sodWeight(tier) : sensitiveWeight(tier, strongest);
  let best = -1;
  let bestExploitability = 1;
  let bestExposed = false;
  for (let which = 0; which < (sod ? 2 : 1); which++) {
    const { entry, length } = witnessEntry(ctx.cg, rows, r, which);
    const exploitability = ctx.exploitability(entry);
    const score = pathScore(blast, principal, exploitability, weight, length);
    if (score > best) { best = score; bestExploitability = exploitability; bestExposed = ctx.exposed(entry); }
  }
  rows.score[r] = best;
  rows.exposed[r] = bestExposed ? 1 : 0;
  const severity = sod ? sodSeverity(tier, bestExploitability) : sensitiveSeverity(tier, strongest, bestExploitability);
  rows.severity[r] = severityRank(severity);
}

/** The finding of row r: every path enumerated (`detailed`) or its witness paths only. */
function materialise(ctx: FindingContext, rows: Rows, r: number, detailed: boolean, limits: { maxDepth: number; cap: number }): Finding {
  const { cg } = ctx;
  const source = rows.source(r);
  const target = rows.target(r);
  const only = (p: EnginePath): PathsResult => ({ paths: [p], truncated: true });
  const all = (filter: Parameters<typeof enumeratePaths>[1]['filter']): PathsResult => enumeratePaths(cg, { source, target, ...limits, filter });
  let finding: Finding;
  if (rows.rule(r) === PAIR.SOD) {
    const shortestAlter = rows.path(cg, r, 0);
    const shortestInvoke = rows.path(cg, r, 1);
    const alter = names(rows.mask(r), ALTER_ACTIONS).map((action) => ({ effect: 'alter' as const, target, action, holder: -1, edges: [] }));
    finding = sodFindings(ctx, [{
      source, model: target, alter, invoke: [], shortestAlter, shortestInvoke,
      alterPaths: detailed ? all(isAlter) : only(shortestAlter), invokePaths: detailed ? all(isProdInvoke) : only(shortestInvoke),
    }])[0] as Finding;
  } else {
    const shortest = rows.path(cg, r, 0);
    finding = sensitiveFindings(ctx, [{
      source, resource: target, tier: rows.tier[r] as number, actions: names(rows.mask(r), ACCESS_ACTIONS), shortest,
      // NOTE: the same filter function every time, so enumeratePaths' distance cache recognises the target.
      paths: detailed ? all(isAccess) : only(shortest),
    }])[0] as Finding;
  }
  // NOTE: the shortest path is the only one drawn, so `paths` stays empty rather than repeat it.
  return detailed ? finding : { ...finding, pathSets: finding.pathSets.map((s) => ({ ...s, paths: [], enumerated: false as const })) };
}

function counts(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

/**
 * Roll-ups from rows and the findings made outside them (leaked-alter), the same as rollupBySource/rollupByTarget
 * give for the materialised findings.
 */
function rollups(ctx: FindingContext, rows: Rows, active: readonly number[], extra: readonly Finding[], side: 'source' | 'target'): Rollup[] {
  const col = side === 'source' ? rows.pairs.source.data : rows.pairs.target.data;
  const other = side === 'source' ? rows.pairs.target.data : rows.pairs.source.data;
  const items: (number | Finding)[] = [...active, ...extra];
  const own = (f: Finding): string => (side === 'source' ? f.source.id : f.target.id);
  return rollupOf(items, {
    key: (x) => (typeof x === 'number' ? col[x] as number : ctx.cg.indexOf.get(own(x)) as number),
    node: (node) => nodeRef(ctx.lookup, ctx.cg.ids[node] as string),
    other: (x) => (typeof x === 'number' ? ctx.cg.ids[other[x] as number] as string : side === 'source' ? x.target.id : x.source.id),
    severity: (x) => (typeof x === 'number' ? SEVERITIES[rows.severity[x] as number] as Severity : x.severity),
    score: (x) => (typeof x === 'number' ? rows.score[x] as number : x.score),
  });
}

/**
 * Rule leaked-alter: every model an exposed (leaked) credential can alter, unless its sod-alter-invoke finding
 * already covers the pair. Leaked credentials are few, so each is searched on its own; every path is enumerated.
 */
function leakedAlterOf(ctx: FindingContext, rows: Rows, sources: readonly number[], limits: { maxDepth: number; cap: number }): Finding[] {
  const { cg } = ctx;
  const exposed = sources.filter((v) => IS_CREDENTIAL[cg.nodeKind[v] as number] === 1 && ctx.exposed(v));
  if (exposed.length === 0) return [];
  const sod = new Set<string>();
  for (let r = 0; r < rows.length; r++) if (rows.rule(r) === PAIR.SOD) sod.add(`${rows.source(r)}:${rows.target(r)}`);
  const results: LeakedAlterResult[] = [];
  for (const source of exposed) {
    const found = reach(cg, source);
    const actions = new Map<number, Set<string>>();
    for (const c of found.capabilities) {
      if (!isAlter(c) || sod.has(`${source}:${c.target}`)) continue;
      const set = actions.get(c.target) ?? new Set<string>();
      set.add(c.action);
      actions.set(c.target, set);
    }
    for (const model of [...actions.keys()].sort((a, b) => a - b)) {
      const shortest = found.shortest(model, isAlter);
      if (!shortest) continue;
      results.push({ source, model, actions: [...(actions.get(model) as Set<string>)].sort(), shortest, paths: enumeratePaths(cg, { source, target: model, ...limits, filter: isAlter }) });
    }
  }
  return leakedAlterFindings(ctx, results);
}

/** Every finding of every rule on a compiled graph, ranked, with the blast radius of every principal. */
export function estateFindings(lookup: GraphLookup, cg: CompactGraph, options: EstateOptions = {}): EstateFindings {
  const limits = { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, cap: options.cap ?? DEFAULT_CAP };
  const pass = options.pass ?? targetPass(cg, { ...(options.maxTier !== undefined ? { maxTier: options.maxTier } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const sources = findingSources(cg);
  const blastScores = new Map<number, number>();
  for (const v of sources) blastScores.set(v, pass.blast[v] as number);
  const ctx = findingContext(lookup, cg, undefined, blastScores, options.pathsShown);
  const rows = new Rows(pass.rows, cg);
  const principalWeights = NODE_KINDS.map((k) => principalWeight(k));
  // NOTE: entry points are tagged Pipeline sources (GitHub jobs): few, so only those records are looked at.
  const entryPoints = new Map<number, number>();
  const pipeline = NODE_KINDS.indexOf('Pipeline');
  for (const v of sources) {
    if (cg.nodeKind[v] !== pipeline) continue;
    const node = lookup.node(cg.ids[v] as string);
    if (node.tags.includes(ENTRY_POINT_TAG)) entryPoints.set(v, sourceWeight(node).weight);
  }
  const n = rows.length;
  for (let r = 0; r < n; r++) witnessRank(ctx, rows, r, principalWeights, entryPoints);
  rows.ids = new Array<string>(n);
  for (let r = 0; r < n; r++) {
    rows.ids[r] = findingId(RULE_IDS[rows.rule(r)] as string, cg.ids[rows.source(r)] as string, cg.ids[rows.target(r)] as string);
  }
  // NOTE: one number per row orders by exposure, then score, then severity (scores have one decimal, severities are
  // 0-4; EXPOSED_KEY is far above any score × 80, and exact in a double).
  const key = new Float64Array(n);
  const rekey = (r: number): void => {
    key[r] = (rows.exposed[r] as number) * EXPOSED_KEY + Math.round((rows.score[r] as number) * 10) * 8 + (rows.severity[r] as number);
  };
  for (let r = 0; r < n; r++) rekey(r);
  const order = (a: number, b: number): number => (key[b] as number) - (key[a] as number) || ((rows.ids[a] as string) < (rows.ids[b] as string) ? -1 : 1);
  const ranked = new Int32Array(n);
  for (let r = 0; r < n; r++) ranked[r] = r;
  ranked.sort(order);
  // NOTE: enumerating can only raise a finding's score and severity (its witness paths are among the paths
  // ranked), so the detailed findings stay ahead of the rest; re-sorting them settles their order among themselves.
  const detail = Math.min(n, options.detail ?? DEFAULT_DETAIL);
  const detailed = new Map<number, Finding>();
  for (const r of ranked.subarray(0, detail)) {
    const f = materialise(ctx, rows, r, true, limits);
    rows.score[r] = f.score;
    rows.severity[r] = severityRank(f.severity);
    rows.exposed[r] = isExposedFinding(f) ? 1 : 0;
    rekey(r);
    detailed.set(r, f);
  }
  ranked.subarray(0, detail).sort(order);
  const leaked = leakedAlterOf(ctx, rows, sources, limits);
  const exceptions = options.exceptions ?? [];
  const keys = exceptions.length === 0 ? [] : [
    ...Array.from(ranked, (r) => ({ id: rows.ids[r] as string, rule: RULE_IDS[rows.rule(r)] as string, source: cg.ids[rows.source(r)] as string, target: cg.ids[rows.target(r)] as string })),
    ...leaked.map((f) => ({ id: f.id, rule: f.rule, source: f.source.id, target: f.target.id })),
  ];
  const { suppressedBy, outcomes } = matchExceptions(lookup, keys, exceptions, cg.at);
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const restRows: number[] = [];
  const activeRows: number[] = [];
  const bySeverity = counts([...SEVERITIES].reverse()) as Record<Severity, number>;
  const byRule = counts(RULES.map((x) => x.id));
  for (let i = 0; i < n; i++) {
    const r = ranked[i] as number;
    const f = i < detail ? detailed.get(r) : undefined;
    const exception = suppressedBy.size ? suppressedBy.get(rows.ids[r] as string) : undefined;
    if (exception) {
      suppressed.push(suppress(f ?? materialise(ctx, rows, r, false, limits), exception));
      continue;
    }
    activeRows.push(r);
    bySeverity[SEVERITIES[rows.severity[r] as number] as Severity]++;
    const rule = RULE_IDS[rows.rule(r)] as string;
    byRule[rule] = (byRule[rule] ?? 0) + 1;
    if (f) findings.push(f);
    else restRows.push(r);
  }
  // NOTE: leaked-alter findings are exposed, so they rank above every row that is not; sorting the detailed
  // findings with them puts them in place (rows beyond `detail` are never exposed ones ranked above them).
  const activeLeaked: Finding[] = [];
  for (const f of leaked) {
    const exception = suppressedBy.size ? suppressedBy.get(f.id) : undefined;
    if (exception) {
      suppressed.push(suppress(f, exception));
      continue;
    }
    activeLeaked.push(f);
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  if (activeLeaked.length > 0) {
    findings.unshift(...activeLeaked);
    sortFindings(findings);
  }
  const rest: FindingStream = {
    count: restRows.length,
    *[Symbol.iterator]() {
      for (const r of restRows) yield materialise(ctx, rows, r, false, limits);
    },
  };
  const blast = new Map<string, number>(sources.map((v) => [cg.ids[v] as string, pass.blast[v] as number]));
  return {
    findings, rest, suppressed, outcomes, bySeverity, byRule, blast,
    bySource: rollups(ctx, rows, activeRows, activeLeaked, 'source'), byTarget: rollups(ctx, rows, activeRows, activeLeaked, 'target'),
  };
}

export type { NodeRef };
