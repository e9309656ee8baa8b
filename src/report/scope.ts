// Renderers of the scope view (incident response): terminal report, Markdown for the incident ticket, and the
// complete deterministic JSON. Sections: reach by tier, holders/users, revocation plan, residual reach.
import pc from 'picocolors';
import type { ResidualTarget, ScopedNode, ScopePath, ScopePlanItem, ScopeReport, ScopeTarget } from '../analysis/scope.js';
import { drawPath, type EdgeRef } from '../findings/index.js';
import { htmlScope } from './html-scope.js';
import type { FormatId, RenderOptions } from './index.js';
import { mermaidBlock, type MermaidMarks } from './mermaid.js';

type Colors = ReturnType<typeof pc.createColors>;

const draw = (p: ScopePath): string => drawPath(p.nodes, p.edges);
const tierLabel = (t: number | undefined): string => (t === undefined ? 'untiered' : `tier ${t}`);
const what = (r: { effect: string; actions: readonly string[] }): string =>
  `${r.effect === 'invoke' ? 'invoke in' : r.effect} ${r.actions.join('/')}`;
const pathCount = (r: ScopeTarget): string => `${r.paths.count}${r.paths.truncated ? '+' : ''} path${r.paths.count === 1 ? '' : 's'}`;

function summaryLine(r: ScopeReport): string {
  const at = r.plan.targets.length;
  return `${at} target${at === 1 ? '' : 's'} at tier <= ${r.maxTier} reachable; plan: ${r.plan.items.length} action${r.plan.items.length === 1 ? '' : 's'}, `
    + `cost ${r.plan.cost}${r.plan.exact ? ' (minimum)' : ' (may exceed the minimum)'}; residual at tier <= ${r.maxTier}: ${r.residual.clear ? 'none' : r.residual.atThreshold.length}`;
}

function residualVerdict(r: ScopeReport): string {
  return r.residual.clear ? `none at tier <= ${r.maxTier} ✓` : `${r.residual.atThreshold.length} reach(es) at tier <= ${r.maxTier} remain ✗`;
}

const residualLine = (x: ResidualTarget): string => `${tierLabel(x.tier)} ${what(x)} ${x.target.label} (from ${x.from.label})`;

function tableNode(n: ScopedNode, o: RenderOptions, c: Colors): string[] {
  const out = ['', c.bold(`${n.source.label} (${n.source.kind}, ${n.source.id})${n.active ? '' : ' — inactive at this time: reaches nothing'}`)];
  if (n.risks.length) out.push(`  risks: ${n.risks.map((f) => f.detail).join('; ')}`);
  out.push('', c.bold('Reach by tier'));
  let tier: string | undefined;
  for (const t of n.reached) {
    if (tierLabel(t.tier) !== tier) { tier = tierLabel(t.tier); out.push(`  ${tier}`); }
    const mark = t.atThreshold ? c.red('!') : ' ';
    out.push(`   ${mark} ${what(t)} ${t.target.label}  ${c.dim(pathCount(t))}`, `        ${c.dim(draw(t.path))}`);
  }
  if (n.reached.length === 0) out.push('  nothing');
  const acts = n.actsAs.slice(0, o.limit).map((a) => a.node.label);
  out.push(`  acts as ${n.actsAs.length}: ${acts.join(', ') || 'nothing else'}${n.actsAs.length > acts.length ? `, … (${n.actsAs.length - acts.length} more: --limit)` : ''}`);
  out.push('', c.bold('Holders/users'));
  for (const d of n.holders.direct) out.push(`  ${d.node.label} -[${d.edge.kind}]-> ${n.source.label}${d.edge.file ? c.dim(`  ${d.edge.file}:${d.edge.line ?? ''}`) : ''}`);
  if (n.holders.direct.length === 0) out.push('  no direct holder');
  out.push(`  ${n.holders.userCount} principal(s) can act as it (what breaks when it is revoked):`);
  for (const u of n.holders.users.slice(0, o.limit)) out.push(`    ${draw(u.path)}`);
  if (n.holders.userCount > o.limit) out.push(c.dim(`    … ${n.holders.userCount - o.limit} more (--limit or --format json)`));
  return out;
}

function tableItem(x: ScopePlanItem, i: number, c: Colors): string[] {
  return [
    `  ${i + 1}. ${x.action}  ${c.bold(`[cost ${x.cost}]`)}`,
    c.dim(`     why: ${x.why}`),
    c.dim(`     cuts: ${x.cuts.map((t) => t.label).join(', ') || '—'}`),
    ...(x.relying.length ? [c.dim(`     breaks: ${x.relying.map((t) => t.label).join(', ')}`)] : []),
  ];
}

function table(r: ScopeReport, o: RenderOptions): string {
  const c = pc.createColors(o.color);
  const out = [c.bold(`scope of "${r.selector}" (${r.matched} matched${r.matched > r.nodes.length ? `, first ${r.nodes.length} scoped` : ''}) at ${r.at}, tier threshold <= ${r.maxTier}`), summaryLine(r)];
  for (const n of r.nodes) out.push(...tableNode(n, o, c));
  out.push('', c.bold(`Revocation plan: cost ${r.plan.cost}${r.plan.exact ? ' (minimum)' : ' (a route revisits a node: may exceed the minimum)'}`));
  r.plan.items.forEach((x, i) => out.push(...tableItem(x, i, c)));
  if (r.plan.items.length === 0) out.push(`  nothing to cut: no target at tier <= ${r.maxTier} is reachable`);
  if (r.plan.exposed.length) out.push(`  exposed (assumed in the attacker's hands): ${r.plan.exposed.map((x) => x.label).join(', ')}`);
  out.push('', c.bold(`Residual reach: ${residualVerdict(r)}`));
  for (const x of r.residual.atThreshold) out.push(c.red(`  ${residualLine(x)}`));
  for (const x of r.residual.remaining.slice(0, o.limit)) out.push(`  below threshold: ${residualLine(x)}`);
  if (r.residual.remaining.length > o.limit) out.push(c.dim(`  … ${r.residual.remaining.length - o.limit} more (--limit)`));
  return `${out.join('\n')}\n`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const sameEdge = (a: EdgeRef, b: EdgeRef): boolean => a.kind === b.kind && a.from === b.from && a.to === b.to && a.qualifier === b.qualifier;

/** What the plan cuts, for the pictures: its edges, and the credentials it revokes. */
function planMarks(r: ScopeReport): MermaidMarks {
  const edges = r.plan.items.flatMap((x) => (x.edge ? [x.edge] : []));
  const nodes = new Set(r.plan.items.flatMap((x) => (x.node ? [x.node.id] : [])));
  return { edge: (e) => edges.some((x) => sameEdge(x, e)), node: (n) => nodes.has(n.id) };
}

/** A picture of the paths to the targets at the threshold (at most --limit), the plan's cuts marked. */
function mdPicture(n: ScopedNode, r: ScopeReport, o: RenderOptions): string[] {
  const shown = n.reached.filter((t) => t.atThreshold).slice(0, o.limit);
  if (shown.length === 0) return [];
  return ['', `Paths to the targets at tier ≤ ${r.maxTier}; what the revocation plan cuts is red (edges labelled \`cut:\`):`, '',
    ...mermaidBlock(shown.map((t) => t.path), planMarks(r))];
}

function mdNode(n: ScopedNode, r: ScopeReport, o: RenderOptions): string[] {
  const out = [`## ${cell(n.source.label)} (${n.source.kind})`, '', `- id: \`${n.source.id}\`${n.active ? '' : ' — **inactive at this time**: reaches nothing'}`];
  if (n.risks.length) out.push(`- risks: ${n.risks.map((f) => cell(f.detail)).join('; ')}`);
  out.push(`- acts as (${n.actsAs.length}): ${n.actsAs.slice(0, o.limit).map((a) => `\`${a.node.label}\``).join(', ') || 'nothing else'}`, '',
    '### Reach by tier', '');
  if (n.reached.length) {
    out.push('| tier | at threshold | effect | target | paths | path |', '|---|---|---|---|---|---|');
    for (const t of n.reached) out.push(`| ${tierLabel(t.tier)} | ${t.atThreshold ? '**yes**' : 'no'} | ${what(t)} | \`${cell(t.target.label)}\` | ${pathCount(t)} | \`${cell(draw(t.path))}\` |`);
  } else out.push('Nothing.');
  out.push(...mdPicture(n, r, o));
  out.push('', '### Holders and users', '');
  for (const d of n.holders.direct) out.push(`- \`${cell(d.node.label)}\` ${d.edge.kind}${d.edge.file ? ` (${d.edge.file}:${d.edge.line ?? ''})` : ''}`);
  if (n.holders.direct.length === 0) out.push('- no direct holder');
  out.push('', `${n.holders.userCount} principal(s) can act as it (what breaks when it is revoked):`, '');
  for (const u of n.holders.users.slice(0, o.limit)) out.push(`- \`${cell(draw(u.path))}\``);
  return [...out, ''];
}

function md(r: ScopeReport, o: RenderOptions): string {
  const out = [`# Incident scope: \`${cell(r.selector)}\``, '',
    `Scoped at ${r.at} with tier threshold ≤ ${r.maxTier} (pathwarden ${o.version}). ${r.matched} node(s) matched${r.matched > r.nodes.length ? `; the first ${r.nodes.length} are scoped` : ''}.`, '',
    `**${summaryLine(r)}**`, ''];
  for (const n of r.nodes) out.push(...mdNode(n, r, o));
  out.push(`## Revocation plan (cost ${r.plan.cost}${r.plan.exact ? ', minimum' : ', may exceed the minimum'})`, '');
  r.plan.items.forEach((x) => {
    out.push(`- [ ] ${cell(x.action)} — cost ${x.cost}`, `  - why: ${cell(x.why)}`, `  - cuts: ${x.cuts.map((t) => `\`${t.label}\``).join(', ') || '—'}`);
    if (x.relying.length) out.push(`  - breaks: ${x.relying.map((t) => `\`${t.label}\``).join(', ')}`);
  });
  if (r.plan.items.length === 0) out.push(`Nothing to cut: no target at tier ≤ ${r.maxTier} is reachable.`);
  if (r.plan.exposed.length) out.push('', `Exposed (assumed in the attacker's hands): ${r.plan.exposed.map((x) => `\`${x.label}\``).join(', ')}.`);
  out.push('', `## Residual reach: ${residualVerdict(r)}`, '');
  for (const x of r.residual.atThreshold) out.push(`- **${cell(residualLine(x))}**`);
  for (const x of r.residual.remaining.slice(0, o.limit)) out.push(`- below threshold: ${cell(residualLine(x))}`);
  if (r.residual.atThreshold.length + r.residual.remaining.length === 0) out.push('Nothing reachable remains.');
  return `${out.join('\n')}\n`;
}

function json(r: ScopeReport, o: RenderOptions): string {
  return `${JSON.stringify({ tool: { name: 'pathwarden', version: o.version }, ...r }, null, 2)}\n`;
}

/** The scope view in every format. */
export const SCOPE_REPORTERS = { table, json, md, html: htmlScope } satisfies Record<FormatId, (report: ScopeReport, options: RenderOptions) => string>;
