// Findings of a whole estate: the all-sources pass (engine/all-sources.ts) gives every finding with its shortest
// witness paths and every principal's blast radius; findings are kept as compact rows, ranked, and only the best
// `detail` of them get every path enumerated and ranked. The rest are drawn from their witness paths when a
// reporter asks for them (in rank order), so a million-finding estate never holds a million Finding objects.
import { enumeratePaths, findingSources, isAccess, isAlter, isProdInvoke, DEFAULT_CAP, DEFAULT_MAX_DEPTH, type CompactGraph, type EnginePath, type PathsResult } from '../engine/index.js';
import { forEachSourceReach, type SensitiveWitness, type SodWitness } from '../engine/all-sources.js';
import { IS_CREDENTIAL } from '../engine/kinds.js';
import type { GraphLookup } from '../graph/lookup.js';
import { ACCESS_ACTIONS, ALTER_ACTIONS } from '../model/index.js';
import { findingContext, findingId, type FindingContext } from './context.js';
import { matchExceptions, suppress, type AcceptedException, type ExceptionOutcome } from './exceptions.js';
import { pathScore, principalWeight } from './rank.js';
import { rollupOf, type Rollup } from './rollup.js';
import { nodeRef } from './refs.js';
import { sensitiveFindings, sensitiveReach, sodAlterInvoke, sodFindings } from './rules/index.js';
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
  /** Called as sources are done (progress). */
  readonly onProgress?: (done: number, total: number) => void;
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

const SOD = 0;
const SENSITIVE = 1;
const RULE_IDS = [sodAlterInvoke.id, sensitiveReach.id] as const;

/** Compact rows: one per finding, witness paths packed as [length, slots…] (one path, or alter then invoke). */
class Rows {
  readonly rule: number[] = [];
  readonly source: number[] = [];
  readonly target: number[] = [];
  readonly mask: number[] = [];
  readonly tier: number[] = [];
  readonly score: number[] = [];
  readonly severity: number[] = [];
  readonly pathAt: number[] = [];
  readonly pool: number[] = [];
  ids: string[] = [];

  get length(): number {
    return this.rule.length;
  }

  push(rule: number, source: number, target: number, mask: number, tier: number, paths: readonly EnginePath[]): number {
    this.rule.push(rule);
    this.source.push(source);
    this.target.push(target);
    this.mask.push(mask);
    this.tier.push(tier);
    this.score.push(0);
    this.severity.push(0);
    this.pathAt.push(this.pool.length);
    for (const p of paths) {
      this.pool.push(p.edges.length);
      for (const s of p.edges) this.pool.push(s);
    }
    return this.rule.length - 1;
  }

  /** The i-th packed path of row r (0: the only path or the alter path, 1: the invoke path). */
  path(cg: CompactGraph, r: number, which: number): EnginePath {
    let at = this.pathAt[r] as number;
    for (let k = 0; k < which; k++) at += (this.pool[at] as number) + 1;
    const len = this.pool[at] as number;
    const edges = this.pool.slice(at + 1, at + 1 + len);
    const nodes = [this.source[r] as number];
    for (const s of edges) nodes.push(cg.targets[s] as number);
    return { nodes, edges };
  }
}

function entryOf(cg: CompactGraph, path: EnginePath): number {
  return path.nodes.find((n) => IS_CREDENTIAL[cg.nodeKind[n] as number] === 1) ?? -1;
}

function names(mask: number, all: readonly string[]): string[] {
  return all.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Score and severity of a row from its witness paths alone (as the rules rank a path set of one path). */
function witnessRank(ctx: FindingContext, rows: Rows, r: number): void {
  const source = rows.source[r] as number;
  const blast = ctx.blast(source);
  const principal = principalWeight(ctx.lookup.node(ctx.cg.ids[source] as string).kind);
  const paths = rows.rule[r] === SOD ? [rows.path(ctx.cg, r, 0), rows.path(ctx.cg, r, 1)] : [rows.path(ctx.cg, r, 0)];
  const tier = rows.tier[r] as number;
  const mask = rows.mask[r] as number;
  const weight = rows.rule[r] === SOD ? sodWeight(tier) : sensitiveWeight(tier, ACCESS_ACTIONS[31 - Math.clz32(mask)] ?? 'read');
  let best = -1;
  let bestExploitability = 1;
  for (const p of paths) {
    const exploitability = ctx.exploitability(entryOf(ctx.cg, p));
    const score = pathScore(blast, principal, exploitability, weight, p.edges.length);
    if (score > best) { best = score; bestExploitability = exploitability; }
  }
  rows.score[r] = best;
  const severity = rows.rule[r] === SOD ? sodSeverity(tier, bestExploitability) : sensitiveSeverity(tier, ACCESS_ACTIONS[31 - Math.clz32(mask)] ?? 'read', bestExploitability);
  rows.severity[r] = severityRank(severity);
}

/** The finding of row r: every path enumerated (`detailed`) or its witness paths only. */
function materialise(ctx: FindingContext, rows: Rows, r: number, detailed: boolean, limits: { maxDepth: number; cap: number }): Finding {
  const { cg } = ctx;
  const source = rows.source[r] as number;
  const target = rows.target[r] as number;
  const only = (p: EnginePath): PathsResult => ({ paths: [p], truncated: true });
  const all = (filter: Parameters<typeof enumeratePaths>[1]['filter']): PathsResult => enumeratePaths(cg, { source, target, ...limits, filter });
  let finding: Finding;
  if (rows.rule[r] === SOD) {
    const shortestAlter = rows.path(cg, r, 0);
    const shortestInvoke = rows.path(cg, r, 1);
    const alter = names(rows.mask[r] as number, ALTER_ACTIONS).map((action) => ({ effect: 'alter' as const, target, action, holder: -1, edges: [] }));
    finding = sodFindings(ctx, [{
      source, model: target, alter, invoke: [], shortestAlter, shortestInvoke,
      alterPaths: detailed ? all(isAlter) : only(shortestAlter), invokePaths: detailed ? all(isProdInvoke) : only(shortestInvoke),
    }])[0] as Finding;
  } else {
    const shortest = rows.path(cg, r, 0);
    finding = sensitiveFindings(ctx, [{
      source, resource: target, tier: rows.tier[r] as number, actions: names(rows.mask[r] as number, ACCESS_ACTIONS), shortest,
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

/** Roll-ups from rows (the same as rollupBySource/rollupByTarget give for the materialised findings). */
function rollups(ctx: FindingContext, rows: Rows, active: readonly number[], side: 'source' | 'target'): Rollup[] {
  const col = side === 'source' ? rows.source : rows.target;
  const other = side === 'source' ? rows.target : rows.source;
  return rollupOf(active, {
    key: (r) => col[r] as number, node: (node) => nodeRef(ctx.lookup, ctx.cg.ids[node] as string),
    other: (r) => ctx.cg.ids[other[r] as number] as string,
    severity: (r) => SEVERITIES[rows.severity[r] as number] as Severity, score: (r) => rows.score[r] as number,
  });
}

/** Every finding of every rule on a compiled graph, ranked, with the blast radius of every principal. */
export function estateFindings(lookup: GraphLookup, cg: CompactGraph, options: EstateOptions = {}): EstateFindings {
  const limits = { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, cap: options.cap ?? DEFAULT_CAP };
  const blastScores = new Map<number, number>();
  const ctx = findingContext(lookup, cg, undefined, blastScores, options.pathsShown);
  const rows = new Rows();
  const sources = findingSources(cg);
  forEachSourceReach(cg, (reached) => {
    blastScores.set(reached.source, reached.blast);
    for (const w of reached.sod as readonly SodWitness[]) {
      const tier = cg.nodeTier[w.model] as number;
      witnessRank(ctx, rows, rows.push(SOD, reached.source, w.model, w.alterActions, tier, [w.alter, w.invoke]));
    }
    for (const w of reached.sensitive as readonly SensitiveWitness[]) {
      witnessRank(ctx, rows, rows.push(SENSITIVE, reached.source, w.resource, w.actions, w.tier, [w.access]));
    }
  }, { sources, ...(options.maxTier !== undefined ? { maxTier: options.maxTier } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const n = rows.length;
  rows.ids = new Array<string>(n);
  for (let r = 0; r < n; r++) {
    rows.ids[r] = findingId(RULE_IDS[rows.rule[r] as number] as string, cg.ids[rows.source[r] as number] as string, cg.ids[rows.target[r] as number] as string);
  }
  const order = (a: number, b: number): number => (rows.score[b] as number) - (rows.score[a] as number)
    || (rows.severity[b] as number) - (rows.severity[a] as number) || ((rows.ids[a] as string) < (rows.ids[b] as string) ? -1 : 1);
  let ranked = Array.from({ length: n }, (_, i) => i).sort(order);
  // NOTE: enumerating can only raise a finding's score (its witness paths are among the paths ranked), so the
  // detailed findings stay at the top; re-sorting settles their order among themselves.
  const detail = Math.min(n, options.detail ?? DEFAULT_DETAIL);
  const detailed = new Map<number, Finding>();
  for (const r of ranked.slice(0, detail)) {
    const f = materialise(ctx, rows, r, true, limits);
    rows.score[r] = f.score;
    rows.severity[r] = severityRank(f.severity);
    detailed.set(r, f);
  }
  ranked = ranked.sort(order);
  const keys = ranked.map((r) => ({ id: rows.ids[r] as string, rule: RULE_IDS[rows.rule[r] as number] as string, source: cg.ids[rows.source[r] as number] as string, target: cg.ids[rows.target[r] as number] as string }));
  const { suppressedBy, outcomes } = matchExceptions(lookup, keys, options.exceptions ?? [], cg.at);
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const restRows: number[] = [];
  const activeRows: number[] = [];
  const bySeverity = counts([...SEVERITIES].reverse()) as Record<Severity, number>;
  const byRule = counts(RULES.map((x) => x.id));
  for (const r of ranked) {
    const f = detailed.get(r);
    const exception = suppressedBy.get(rows.ids[r] as string);
    if (exception) {
      suppressed.push(suppress(f ?? materialise(ctx, rows, r, false, limits), exception));
      continue;
    }
    activeRows.push(r);
    bySeverity[SEVERITIES[rows.severity[r] as number] as Severity]++;
    byRule[RULE_IDS[rows.rule[r] as number] as string] = (byRule[RULE_IDS[rows.rule[r] as number] as string] ?? 0) + 1;
    if (f) findings.push(f);
    else restRows.push(r);
  }
  const rest: FindingStream = {
    count: restRows.length,
    *[Symbol.iterator]() {
      for (const r of restRows) yield materialise(ctx, rows, r, false, limits);
    },
  };
  const blast = new Map<string, number>([...blastScores].map(([s, v]) => [cg.ids[s] as string, v]));
  return {
    findings, rest, suppressed, outcomes, bySeverity, byRule, blast,
    bySource: rollups(ctx, rows, activeRows, 'source'), byTarget: rollups(ctx, rows, activeRows, 'target'),
  };
}

export type { NodeRef };
