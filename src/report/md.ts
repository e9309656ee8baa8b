// Markdown reporter: for tickets, PRs and wikis; every finding with its paths (as text and as a Mermaid picture),
// rank explanation and fixes.
import { activeCount, topFindings, type AnalysisResult } from '../analysis/analyze.js';
import type { BlastReport } from '../analysis/blast.js';
import type { PathsReport } from '../analysis/paths.js';
import type { Finding } from '../findings/index.js';
import { mermaidBlock } from './mermaid.js';
import { bestPath, draw, pathCount, severityCounts, whyRank } from './text.js';
import type { RenderOptions, Reporter } from './types.js';

/** Escapes a table cell. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function findingSection(f: Finding, i: number): string {
  const lines = [`### ${i + 1}. ${f.severity.toUpperCase()} — ${cell(f.title)}`, '',
    `- rule: \`${f.rule}\` · id: \`${f.id}\` · score: ${f.score}`,
    `- source: \`${f.source.id}\` (${f.source.kind}) · target: \`${f.target.id}\` (${f.target.kind})`];
  for (const set of f.pathSets) {
    const best = bestPath(set);
    lines.push(`- **${set.label}** (${set.actions.join(', ')}; ${pathCount(set)}):`, '', '  ```', `  ${draw(best)}`, '  ```', '',
      `  why this rank: ${whyRank(best)}`);
    const origin = best.edges.find((e) => e.file);
    if (origin) lines.push(`  entry edge from \`${origin.file}:${origin.line ?? ''}\``);
  }
  if (f.frameworks.length) lines.push(`- maps to: ${f.frameworks.map((x) => `${x.framework} ${x.id} (${x.title})`).join('; ')}`);
  for (const r of f.remediation) lines.push(`- fix: ${cell(r)}`);
  // NOTE: one picture per finding: the best path of each path set (a SoD break's alter and invoke paths meet).
  lines.push('', ...mermaidBlock(f.pathSets.map(bestPath)));
  return lines.join('\n');
}

function analysis(r: AnalysisResult, o: RenderOptions): string {
  const out = [`# pathwarden report`, '', `Input \`${r.dir}\`, analysed at ${r.at} (pathwarden ${o.version}).`, '',
    `${r.lookup.nodeCount} nodes, ${r.lookup.edgeCount} edges. **${activeCount(r)} findings** (${severityCounts(r.bySeverity)}); ${r.suppressed.length} suppressed by exceptions.`, ''];
  const top = topFindings(r, o.limit);
  if (top.length) {
    out.push('| # | severity | score | rule | source | target |', '|---|---|---|---|---|---|');
    top.forEach((f, i) => out.push(`| ${i + 1} | ${f.severity} | ${f.score} | ${f.rule} | ${cell(f.source.label)} | ${cell(f.target.label)} |`));
    out.push('', '## Findings', '');
    top.forEach((f, i) => out.push(findingSection(f, i), ''));
    if (activeCount(r) > top.length) out.push(`_${activeCount(r) - top.length} more findings not shown (use --limit or --format json)._`, '');
  }
  const expired = r.exceptions.filter((e) => e.status === 'expired');
  if (r.exceptions.length) {
    out.push('## Exceptions', '', '| status | source | target | owner | expires | findings | reason |', '|---|---|---|---|---|---|---|');
    for (const e of r.exceptions) out.push(`| ${e.status} | ${cell(e.exception.source)} | ${cell(e.exception.target)} | ${cell(e.exception.owner)} | ${e.exception.expires ?? 'never'} | ${e.findings.length} | ${cell(e.exception.reason)} |`);
    out.push('');
    if (expired.length) out.push(`${expired.length} exception(s) expired: their findings are reported again.`, '');
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (r.diagnostics.length) out.push('## Input diagnostics', '', `${errors.length} rejected rows or files, ${r.diagnostics.length - errors.length} warnings.`, '');
  return `${out.join('\n')}\n`;
}

function paths(p: PathsReport, o: RenderOptions): string {
  const out = [`# Paths from \`${p.from}\` to \`${p.to}\``, '', `${p.total}${p.truncated ? '+' : ''} paths, max depth ${p.maxDepth}, at ${p.at}.`, ''];
  for (const pair of p.pairs) {
    out.push(`## ${cell(pair.source.label)} → ${cell(pair.target.label)}`, '', '```');
    for (const path of pair.paths.slice(0, o.limit)) out.push(draw(path));
    out.push('```', '', ...mermaidBlock(pair.paths.slice(0, o.limit)), '');
  }
  return `${out.join('\n')}\n`;
}

function blast(b: BlastReport, o: RenderOptions): string {
  const out = [`# Blast radius of \`${b.selector}\``, '', `${b.matched} principal(s) matched, at ${b.at}.`, ''];
  for (const p of b.principals.slice(0, o.limit)) {
    out.push(`## ${cell(p.source.label)} — score ${p.score}`, '', '| factor | count | weight | points |', '|---|---|---|---|');
    for (const x of p.breakdown) out.push(`| ${x.label} | ${x.count} | ${x.weight} | ${x.points} |`);
    out.push('', '| tier | effect | actions | target | path |', '|---|---|---|---|---|');
    for (const r of p.reached) out.push(`| ${r.tier ?? ''} | ${r.effect} | ${r.actions.join(', ')} | ${cell(r.target.label)} | \`${cell(draw(r.path))}\` |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export const md: Reporter = { summary: 'Markdown for tickets and pull requests', analysis, paths, blast };
