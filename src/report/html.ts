// HTML reporter: one self-contained page per run, for a weekly job to attach or publish. Findings (or pairs, or
// principals) with their paths drawn as inline SVG pictures (src/report/picture), rank explanations and fixes.
// Scope and diff pages: html-scope.ts, html-diff.ts.
import { activeCount, topFindings, type AnalysisResult } from '../analysis/analyze.js';
import type { BlastReport } from '../analysis/blast.js';
import type { PathsReport } from '../analysis/paths.js';
import type { Finding, PathSet, RankedPath } from '../findings/index.js';
import { anchorId, esc } from './html-escape.js';
import { edgeFixes, LEGEND, page, pathText, pictureBudget, severityBadge, table, type PictureBudget } from './html-page.js';
import { mergePaths } from './picture/model.js';
import { bestPath, pathCount, severityCounts, whyRank } from './text.js';
import type { RenderOptions, Reporter } from './types.js';

const findingAnchor = (f: Finding): string => anchorId('f', f.id);

function rankFactors(path: RankedPath): string {
  const rows = path.rank.factors.map((x) => [esc(x.name), esc(x.detail), esc(x.weight)]);
  return `<details><summary>why this rank: ${esc(whyRank(path))}</summary>${table(['factor', 'detail', 'weight'], rows, '', [2])}</details>`;
}

function pathSetPart(set: PathSet): string {
  const best = bestPath(set);
  const origin = best.edges.find((e) => e.file);
  const entry = best.nodes.find((n) => n.id === best.rank.entryCredential);
  return [`<h4>${esc(set.label)} <span class="muted">(${esc(set.actions.join(', '))}; ${esc(pathCount(set))})</span></h4>`, pathText(best),
    rankFactors(best),
    entry ? `<p>Entry credential: <code>${esc(entry.label)}</code> (${esc(entry.kind)})</p>` : '',
    origin ? `<p class="muted">entry edge from <code>${esc(`${origin.file}:${origin.line ?? ''}`)}</code></p>` : ''].join('\n');
}

function findingSection(f: Finding, i: number, pictures: PictureBudget): string {
  const best = f.pathSets.map(bestPath);
  const entry = new Set(best.flatMap((p) => (p.rank.entryCredential ? [p.rank.entryCredential] : [])));
  // NOTE: one picture per finding, the best path of each path set (a SoD break's alter and invoke paths meet), as md.
  const picture = best.length ? pictures.draw(mergePaths(best), `Paths of finding ${f.id}`, entry) : '<p>This finding has no paths.</p>';
  return [`<section class="item finding" id="${findingAnchor(f)}" data-finding="${esc(f.id)}">`,
    `<h3>${i + 1}. ${severityBadge(f.severity)} ${esc(f.title)}</h3>`,
    `<p>rule <code>${esc(f.rule)}</code> · id <code>${esc(f.id)}</code> · score ${esc(f.score)}<br>`
    + `source <code>${esc(f.source.label)}</code> (${esc(f.source.kind)}) · target <code>${esc(f.target.label)}</code> (${esc(f.target.kind)})</p>`,
    picture, ...f.pathSets.map(pathSetPart),
    f.frameworks.length ? `<p>Maps to: ${esc(f.frameworks.map((x) => `${x.framework} ${x.id} (${x.title})`).join('; '))}</p>` : '',
    f.remediation.length ? `<h4>Fix</h4><ul>${f.remediation.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '',
    edgeFixes(best), '</section>'].join('\n');
}

function countsPart(r: AnalysisResult): string {
  const rules = Object.entries(r.byRule).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return table(['rule', 'findings'], rules.map(([rule, n]) => [`<code>${esc(rule)}</code>`, esc(n)]), ' class="by-rule"', [1]);
}

function findingsTable(top: readonly Finding[]): string {
  return table(['#', 'severity', 'rule', 'source', 'target', 'score'], top.map((f, i) => [
    `<a href="#${findingAnchor(f)}">${i + 1}</a>`, severityBadge(f.severity), `<code>${esc(f.rule)}</code>`,
    esc(f.source.label), esc(f.target.label), esc(f.score)]), ' class="findings"', [0, 5]);
}

function exceptionsPart(r: AnalysisResult): string[] {
  if (r.exceptions.length === 0) return [];
  const rows = r.exceptions.map((e) => [esc(e.status), esc(e.exception.source), esc(e.exception.target), esc(e.exception.owner),
    esc(e.exception.expires ?? 'never'), esc(e.findings.length), esc(e.exception.reason)]);
  return ['<h2>Exceptions</h2>', table(['status', 'source', 'target', 'owner', 'expires', 'findings', 'reason'], rows)];
}

function analysis(r: AnalysisResult, o: RenderOptions): string {
  const top = topFindings(r, o.limit);
  const pictures = pictureBudget();
  const sections = top.map((f, i) => findingSection(f, i, pictures));
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const body = [
    `<p>Input <code>${esc(r.dir)}</code>, analysed at ${esc(r.at)}. ${esc(r.lookup.nodeCount)} nodes, ${esc(r.lookup.edgeCount)} edges.</p>`,
    `<p><strong>${esc(activeCount(r))} findings</strong> (${esc(severityCounts(r.bySeverity))}); ${esc(r.suppressed.length)} suppressed by exceptions.</p>`,
    countsPart(r),
    ...(top.length ? ['<h2>Findings</h2>', findingsTable(top),
      activeCount(r) > top.length ? `<p class="note">${esc(activeCount(r) - top.length)} more findings not shown (use --limit, or --format json for all).</p>` : '',
      LEGEND, ...sections] : ['<p>No findings.</p>']),
    pictures.skipped ? `<p class="note">${esc(pictures.skipped)} finding(s) past the first pictures show their paths as text only.</p>` : '',
    ...exceptionsPart(r),
    r.diagnostics.length ? `<h2>Input diagnostics</h2><p>${esc(errors)} rejected rows or files, ${esc(r.diagnostics.length - errors)} warnings.</p>` : '',
  ];
  return page('pathwarden report', o.version, body);
}

function paths(p: PathsReport, o: RenderOptions): string {
  const pictures = pictureBudget();
  const body = [`<p>Paths from <code>${esc(p.from)}</code> to <code>${esc(p.to)}</code>: ${esc(p.total)}${p.truncated ? '+' : ''} paths, max depth ${esc(p.maxDepth)}, at ${esc(p.at)}.</p>`, LEGEND];
  for (const pair of p.pairs) {
    const shown = pair.paths.slice(0, o.limit);
    body.push(`<section class="item pair"><h2>${esc(pair.source.label)} → ${esc(pair.target.label)}</h2>`,
      pictures.draw(mergePaths(shown), `Paths from ${pair.source.label} to ${pair.target.label}`), ...shown.map(pathText),
      pair.paths.length > shown.length ? `<p class="muted">${esc(pair.paths.length - shown.length)} more (--limit)</p>` : '', '</section>');
  }
  return page(`Paths from ${p.from} to ${p.to}`, o.version, body);
}

function blast(b: BlastReport, o: RenderOptions): string {
  const pictures = pictureBudget();
  const body = [`<p>${esc(b.matched)} principal(s) matched <code>${esc(b.selector)}</code>, at ${esc(b.at)}.</p>`, LEGEND];
  for (const p of b.principals.slice(0, o.limit)) {
    body.push(`<section class="item principal"><h2>${esc(p.source.label)} — score ${esc(p.score)}</h2>`,
      table(['factor', 'count', 'weight', 'points'], p.breakdown.map((x) => [esc(x.label), esc(x.count), esc(x.weight), esc(x.points)]), '', [1, 2, 3]),
      pictures.draw(mergePaths(p.reached.map((r) => r.path)), `What ${p.source.label} reaches`),
      table(['tier', 'effect', 'actions', 'target', 'path'], p.reached.map((r) => [esc(r.tier ?? ''), esc(r.effect), esc(r.actions.join(', ')),
        esc(r.target.label), pathText(r.path)])), '</section>');
  }
  return page(`Blast radius of ${b.selector}`, o.version, body);
}

export const html: Reporter = { summary: 'one self-contained HTML page with the paths drawn (no network, no script)', analysis, paths, blast };
