// Terminal reporter: a ranked table of findings, then each top finding with its paths drawn and its rank explained.
import Table from 'cli-table3';
import pc from 'picocolors';
import { activeCount, topFindings, type AnalysisResult } from '../analysis/analyze.js';
import type { BlastReport } from '../analysis/blast.js';
import type { PathsReport } from '../analysis/paths.js';
import { RULES, type Finding, type Severity } from '../findings/index.js';
import { bestPath, draw, pathCount, severityCounts, whyRank } from './text.js';
import type { RenderOptions, Reporter } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Findings per rule drawn in full with their paths (the overview table lists up to --limit). */
const DETAILS_PER_RULE = 5;

function paint(c: Colors, s: Severity): string {
  const label = s.toUpperCase();
  switch (s) {
    case 'critical': return c.bold(c.red(label));
    case 'high': return c.red(label);
    case 'medium': return c.yellow(label);
    case 'low': return c.cyan(label);
    case 'info': return c.dim(label);
  }
}

function findingBlock(f: Finding, i: number, c: Colors): string {
  const lines = [`${c.bold(`#${i + 1}`)} ${paint(c, f.severity)} score ${f.score}  ${f.rule}  ${c.dim(f.id)}`, `   ${f.title}`];
  for (const set of f.pathSets) {
    const best = bestPath(set);
    lines.push(`   ${set.label.padEnd(6)} ${draw(best)}`);
    lines.push(c.dim(`          ${pathCount(set)}; why this rank: ${whyRank(best)}`));
  }
  if (f.frameworks.length) lines.push(c.dim(`   maps to: ${f.frameworks.map((x) => `${x.framework} ${x.id} ${x.title}`).join('; ')}`));
  if (f.remediation[0]) lines.push(`   fix: ${f.remediation[0]}`);
  return lines.join('\n');
}

function analysis(r: AnalysisResult, o: RenderOptions): string {
  const c = pc.createColors(o.color);
  const out: string[] = [];
  out.push(c.bold(`pathwarden ${o.version} — ${r.dir} at ${r.at}`));
  const total = activeCount(r);
  out.push(`${r.lookup.nodeCount} nodes, ${r.lookup.edgeCount} edges; ${total} findings (${severityCounts(r.bySeverity)})`
    + `${r.suppressed.length ? `, ${r.suppressed.length} suppressed by exceptions` : ''}`);
  if (total === 0) return `${out.join('\n')}\nNo separation-of-duties breaks or sensitive reach at tier <= ${r.options.maxTier}.\n`;
  const top = topFindings(r, o.limit);
  const table = new Table({ head: ['#', 'severity', 'score', 'rule', 'source', 'target'], style: { head: o.color ? ['bold'] : [], border: o.color ? ['grey'] : [] } });
  top.forEach((f, i) => table.push([String(i + 1), paint(c, f.severity), String(f.score), f.rule, f.source.label, f.target.label]));
  out.push(table.toString(), '');
  if (total > top.length) out.push(c.dim(`… ${total - top.length} more findings: --limit ${total} or --format json`), '');
  // NOTE: paths are shown per rule, so the top separation-of-duties breaks are visible even when sensitive
  // reach dominates the overall ranking (and vice versa).
  const rank = new Map(r.findings.map((f, i) => [f.id, i]));
  for (const rule of RULES) {
    const ofRule = r.findings.filter((f) => f.rule === rule.id);
    if (ofRule.length === 0) continue;
    const shown = ofRule.slice(0, Math.min(o.limit, DETAILS_PER_RULE));
    out.push(c.bold(`${rule.title} (${r.byRule[rule.id] ?? ofRule.length}): top ${shown.length}`), '');
    for (const f of shown) out.push(findingBlock(f, rank.get(f.id) ?? 0, c), '');
  }
  const expired = r.exceptions.filter((e) => e.status === 'expired');
  for (const e of expired) {
    out.push(c.yellow(`expired exception ${e.exception.file}:${e.exception.line} (${e.exception.owner}, expired ${e.exception.expires}): ${e.findings.length} finding(s) back: ${e.exception.reason}`));
  }
  const topSources = r.bySource.slice(0, 5).map((x) => `${x.node.label} (${x.findings}, max ${x.maxSeverity})`);
  const topTargets = r.byTarget.slice(0, 5).map((x) => `${x.node.label} (${x.findings} sources, max ${x.maxSeverity})`);
  out.push(`top sources: ${topSources.join(', ')}`, `most exposed: ${topTargets.join(', ')}`);
  return `${out.join('\n')}\n`;
}

function paths(p: PathsReport, o: RenderOptions): string {
  const c = pc.createColors(o.color);
  const out = [c.bold(`${p.total}${p.truncated ? '+' : ''} paths from "${p.from}" (${p.sources} nodes) to "${p.to}" (${p.targets} nodes), max depth ${p.maxDepth}, at ${p.at}`)];
  for (const pair of p.pairs) {
    out.push('', `${pair.source.label} → ${pair.target.label}: ${pair.paths.length}${pair.truncated ? '+ (cap reached)' : ''}`);
    for (const path of pair.paths.slice(0, o.limit)) out.push(`  ${draw(path)}`);
    if (pair.paths.length > o.limit) out.push(c.dim(`  … ${pair.paths.length - o.limit} more (--limit)`));
  }
  if (p.pairs.length === 0) out.push('No path.');
  return `${out.join('\n')}\n`;
}

function blast(b: BlastReport, o: RenderOptions): string {
  const c = pc.createColors(o.color);
  const out = [c.bold(`blast radius of "${b.selector}" (${b.matched} matched) at ${b.at}`)];
  for (const p of b.principals.slice(0, o.limit)) {
    out.push('', `${c.bold(p.source.label)} score ${p.score}; acts as ${p.actsAs.length} identities/credentials`);
    const t = new Table({ head: ['factor', 'count', 'weight', 'points'], style: { head: [], border: [] } });
    for (const x of p.breakdown) t.push([x.label, String(x.count), String(x.weight), String(x.points)]);
    out.push(t.toString());
    for (const r of p.reached) out.push(`  ${r.tier !== undefined ? `tier ${r.tier}` : '      '} ${r.effect} ${r.actions.join('/')} ${r.target.label}\n      ${c.dim(draw(r.path))}`);
  }
  return `${out.join('\n')}\n`;
}

export const table: Reporter = { summary: 'ranked table with paths drawn (terminal)', analysis, paths, blast };
