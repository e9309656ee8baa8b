// The weekly risk diff shared by CLI and API: two sides (inventory, saved analysis or Neo4j snapshot) analysed at
// the same time → graph changes, findings new / resolved / worsened / improved by stable id, blast-radius movers.
import { drawPath, severityRank, type EdgeRef, type Finding, type NodeRef, type Severity } from '../findings/index.js';
import { diffGraphs, documentNodeLabel, graphUnchanged, type GraphDiff } from './diff-graph.js';
import { analyzeSide, type DiffSide, type PreparedSide, type SideKind } from './diff-side.js';
import { DEFAULT_MAX_TIER, type AnalyzeOptions } from './analyze.js';

export * from './diff-graph.js';
export * from './diff-side.js';

/** How far a score must move to count: every bound given must be reached (points and/or percent of the base). */
export interface Threshold {
  readonly points?: number;
  readonly percent?: number;
}

/** Default: at least 10% and at least 5 points. */
export const DEFAULT_THRESHOLD: Threshold = { points: 5, percent: 10 };

/** Parses `5`, `10%` or `10%,5` (both bounds); undefined when the text is not a threshold. */
export function parseThreshold(raw: string): Threshold | undefined {
  const out: { points?: number; percent?: number } = {};
  for (const part of raw.split(',').map((s) => s.trim())) {
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(part);
    if (!m) return undefined;
    if (m[2]) out.percent = Number(m[1]);
    else out.points = Number(m[1]);
  }
  return out;
}

/** `10% and 5 points`. */
export function describeThreshold(t: Threshold): string {
  const parts = [t.percent !== undefined ? `${t.percent}%` : '', t.points !== undefined ? `${t.points} points` : ''].filter(Boolean);
  return parts.length ? `at least ${parts.join(' and ')}` : 'any change';
}

/** True when moving from `before` to `after` reaches every bound of the threshold. */
export function exceedsThreshold(before: number, after: number, t: Threshold): boolean {
  const d = Math.abs(after - before);
  if (d === 0) return false;
  if (t.points !== undefined && d < t.points) return false;
  if (t.percent !== undefined && before !== 0 && (d / Math.abs(before)) * 100 < t.percent) return false;
  return true;
}

/** A finding as listed in a diff: its rank and the best path of each capability, drawn. */
/** A path set's best path: its text (drawPath) and its nodes and edges, to draw. */
export interface SummaryPath {
  readonly label: string;
  readonly path: string;
  readonly nodes: readonly NodeRef[];
  readonly edges: readonly EdgeRef[];
}

export interface FindingSummary extends Pick<Finding, 'id' | 'rule' | 'severity' | 'score' | 'title' | 'source' | 'target'> {
  readonly paths: readonly SummaryPath[];
}

export type FindingChangeKind = 'new' | 'resolved' | 'worsened' | 'improved';

export interface FindingChange {
  readonly id: string;
  readonly change: FindingChangeKind;
  readonly before?: FindingSummary;
  readonly after?: FindingSummary;
  /** Why a finding appears or disappears when that is an accepted exception, not the graph. */
  readonly note?: string;
}

export interface BlastMove {
  readonly id: string;
  readonly label: string;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
  /** Change relative to the base, in percent; null when the base is 0. */
  readonly percent: number | null;
}

export interface SideInfo {
  readonly ref: string;
  readonly kind: SideKind;
  readonly at: string;
  readonly snapshot?: string;
  readonly nodes: number | null;
  readonly edges: number | null;
  readonly findings: number;
}

export interface DiffReport {
  /** The time both sides were analysed at. */
  readonly at: string;
  readonly maxTier: number;
  readonly threshold: Threshold;
  readonly base: SideInfo;
  readonly head: SideInfo;
  /** null when a side is a saved analysis without its graph (`graphUnavailable` says why). */
  readonly graph: GraphDiff | null;
  readonly graphUnavailable?: string;
  readonly findings: { readonly [K in FindingChangeKind]: readonly FindingChange[] } & { readonly unchanged: number };
  readonly blast: { readonly movers: readonly BlastMove[]; readonly compared: number; readonly partial: boolean };
  /** Things the reader must know to trust the comparison (times, tiers, partial data). */
  readonly notes: readonly string[];
  /** True when anything at all differs. */
  readonly changed: boolean;
}

export const GRAPH_UNAVAILABLE = 'graph changes unavailable for saved analyses';

function summarize(f: Finding): FindingSummary {
  return {
    id: f.id, rule: f.rule, severity: f.severity, score: f.score, title: f.title, source: f.source, target: f.target,
    paths: f.pathSets.map((s) => {
      const best = s.paths[0] ?? s.shortest;
      return { label: s.label, path: drawPath(best.nodes, best.edges), nodes: best.nodes, edges: best.edges };
    }),
  };
}

const byScore = (side: 'before' | 'after') => (a: FindingChange, b: FindingChange): number =>
  (b[side]?.score ?? 0) - (a[side]?.score ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Findings matched by id: new, resolved, worsened (severity up, or score up past the threshold), improved. */
export function diffFindings(base: DiffSide, head: DiffSide, threshold: Threshold): DiffReport['findings'] {
  const before = new Map(base.findings.map((f) => [f.id, f]));
  const after = new Map(head.findings.map((f) => [f.id, f]));
  const out: Record<FindingChangeKind, FindingChange[]> = { new: [], resolved: [], worsened: [], improved: [] };
  let unchanged = 0;
  for (const f of head.findings) {
    const old = before.get(f.id);
    if (!old) {
      const note = base.suppressed.includes(f.id) ? 'was suppressed by an accepted exception in the base' : undefined;
      out.new.push({ id: f.id, change: 'new', after: summarize(f), ...(note ? { note } : {}) });
      continue;
    }
    const sev = severityRank(f.severity) - severityRank(old.severity);
    const moved = exceedsThreshold(old.score, f.score, threshold);
    const change = sev > 0 || (sev === 0 && moved && f.score > old.score) ? 'worsened'
      : sev < 0 || (sev === 0 && moved && f.score < old.score) ? 'improved' : undefined;
    if (change) out[change].push({ id: f.id, change, before: summarize(old), after: summarize(f) });
    else unchanged++;
  }
  for (const f of base.findings) {
    if (after.has(f.id)) continue;
    const note = head.suppressed.includes(f.id) ? 'suppressed by an accepted exception in the head' : undefined;
    out.resolved.push({ id: f.id, change: 'resolved', before: summarize(f), ...(note ? { note } : {}) });
  }
  return {
    new: out.new.sort(byScore('after')), resolved: out.resolved.sort(byScore('before')),
    worsened: out.worsened.sort(byScore('after')), improved: out.improved.sort(byScore('before')), unchanged,
  };
}

/** Labels of every node either side knows (graph documents, then finding ends). */
function labels(sides: readonly DiffSide[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sides) {
    for (const n of s.graph?.nodes ?? []) out.set(n.id, documentNodeLabel(n));
    for (const f of s.findings) for (const r of [f.source, f.target]) if (!out.has(r.id)) out.set(r.id, r.label);
  }
  return out;
}

/**
 * Principals whose blast radius moved past the threshold, biggest move first. With a partial side (blast known only
 * for finding sources) only principals known on both sides are compared; otherwise a missing principal counts 0.
 */
export function blastMovers(base: DiffSide, head: DiffSide, threshold: Threshold): DiffReport['blast'] {
  const partial = !base.blastComplete || !head.blastComplete;
  const ids = partial ? [...base.blast.keys()].filter((id) => head.blast.has(id)) : [...new Set([...base.blast.keys(), ...head.blast.keys()])];
  const names = labels([base, head]);
  const movers: BlastMove[] = [];
  for (const id of ids) {
    const before = base.blast.get(id) ?? 0;
    const after = head.blast.get(id) ?? 0;
    if (!exceedsThreshold(before, after, threshold)) continue;
    const delta = Math.round((after - before) * 100) / 100;
    movers.push({ id, label: names.get(id) ?? id, before, after, delta, percent: before === 0 ? null : Math.round((delta / before) * 1000) / 10 });
  }
  movers.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.id < b.id ? -1 : 1));
  return { movers, compared: ids.length, partial };
}

function sideInfo(s: DiffSide): SideInfo {
  return {
    ref: s.ref, kind: s.kind, at: s.at, ...(s.snapshot ? { snapshot: s.snapshot } : {}),
    nodes: s.graph ? s.graph.nodes.length : null, edges: s.graph ? s.graph.edges.length : null, findings: s.findings.length,
  };
}

/** Compares two analysed sides. `notes` carries what the caller learnt while preparing them. */
export function diffSides(base: DiffSide, head: DiffSide, options: { threshold?: Threshold; notes?: readonly string[] } = {}): DiffReport {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const notes = [...(options.notes ?? [])];
  const missing = [...new Set([base, head].filter((s) => !s.graph).map((s) => s.ref))];
  const graph = base.graph && head.graph ? diffGraphs(base.graph, head.graph) : null;
  if (missing.length) notes.push(`${GRAPH_UNAVAILABLE} without their graph (${missing.join(', ')}): save them with \`analyze --format json --include-graph\``);
  if (base.at !== head.at) notes.push(`the sides were analysed at different times (base ${base.at}, head ${head.at}; a saved analysis keeps its own): some changes may come from time alone`);
  if (base.maxTier !== head.maxTier) notes.push(`the sides used different tier thresholds (base ${base.maxTier}, head ${head.maxTier})`);
  const findings = diffFindings(base, head, threshold);
  const blast = blastMovers(base, head, threshold);
  if (blast.partial) notes.push('blast radius is known only for finding sources on a side saved without it; only principals known on both sides are compared');
  const changed = (graph !== null && !graphUnchanged(graph)) || blast.movers.length > 0
    || findings.new.length + findings.resolved.length + findings.worsened.length + findings.improved.length > 0;
  return {
    at: head.at, maxTier: head.maxTier, threshold, base: sideInfo(base), head: sideInfo(head), graph,
    ...(graph ? {} : { graphUnavailable: GRAPH_UNAVAILABLE }), findings, blast, notes, changed,
  };
}

/** New or worsened findings at or above `severity` (what `--fail-on` gates on). */
export function regressions(report: DiffReport, severity: Severity): FindingChange[] {
  const min = severityRank(severity);
  return [...report.findings.new, ...report.findings.worsened].filter((c) => severityRank((c.after as FindingSummary).severity) >= min);
}

export interface DiffOptions extends Pick<AnalyzeOptions, 'maxDepth' | 'cap' | 'exceptions'> {
  /** Analysis time of both sides; default: the time of a saved side, else now. */
  readonly at?: Date;
  /** Tier threshold of both sides; default: that of a saved side, else 1. */
  readonly maxTier?: number;
  readonly threshold?: Threshold;
  /** Called as each side's analysis enters a stage (ANALYSIS_STAGES). */
  readonly onStage?: (stage: string, side: 'base' | 'head') => void;
}

/** The time and tier both sides use: as given, else those of a saved side (which cannot be re-analysed), else now and 1. */
export function diffSettings(sides: readonly PreparedSide[], options: DiffOptions): { at: Date; maxTier: number } {
  const saved = sides.flatMap((s) => (s.kind === 'saved' ? [s.side] : []));
  const at = options.at ?? (saved[0] ? new Date(saved[0].at) : new Date());
  return { at, maxTier: options.maxTier ?? saved[0]?.maxTier ?? DEFAULT_MAX_TIER };
}

/** Analyses both prepared sides at the same time and tier, then compares them. */
export async function diffPrepared(base: PreparedSide, head: PreparedSide, options: DiffOptions = {}): Promise<DiffReport> {
  const { at, maxTier } = diffSettings([base, head], options);
  const analyze: AnalyzeOptions = {
    at, maxTier,
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}), ...(options.cap !== undefined ? { cap: options.cap } : {}),
    ...(options.exceptions !== undefined ? { exceptions: options.exceptions } : {}),
  };
  const stages = (side: 'base' | 'head'): AnalyzeOptions => {
    const onStage = options.onStage;
    return onStage ? { ...analyze, onStage: (s) => onStage(s, side) } : analyze;
  };
  const sides = [await analyzeSide(base, stages('base')), await analyzeSide(head, stages('head'))] as const;
  return diffSides(sides[0], sides[1], options.threshold ? { threshold: options.threshold } : {});
}
