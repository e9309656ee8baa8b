// The scope view (incident response) as one self-contained HTML page: the scoped credential(s) or identity(ies),
// reach by tier with a picture whose cut edges (the revocation plan's) are dashed red, holders, the plan, and the
// residual reach after it.
import type { ResidualTarget, ScopedNode, ScopeReport } from '../analysis/scope.js';
import { esc } from './html-escape.js';
import { LEGEND, page, pathText, pictureBudget, table, type PictureBudget } from './html-page.js';
import type { RenderOptions } from './types.js';
import { cutsOf, mergePaths, type Cuts, type PathLike } from './picture/model.js';

const tierLabel = (t: number | undefined): string => (t === undefined ? 'untiered' : `tier ${t}`);
const what = (r: { effect: string; actions: readonly string[] }): string => `${r.effect === 'invoke' ? 'invoke in' : r.effect} ${r.actions.join('/')}`;
const residualText = (x: ResidualTarget): string => `${tierLabel(x.tier)} ${what(x)} ${x.target.label} (from ${x.from.label})`;

/** The paths to the targets at the threshold (first --limit), and the direct holders as extra edges, cuts marked. */
function picture(n: ScopedNode, r: ScopeReport, o: RenderOptions, cuts: Cuts, pictures: PictureBudget): string {
  const shown = n.reached.filter((t) => t.atThreshold).slice(0, o.limit).map((t) => t.path);
  if (shown.length === 0) return '';
  const holders: PathLike[] = n.holders.direct.map((d) => ({ nodes: [d.node, n.source], edges: [d.edge] }));
  return `<p>Paths to the targets at tier ≤ ${esc(r.maxTier)} and the direct holders; what the revocation plan cuts is dashed red.</p>`
    + pictures.draw(mergePaths(shown, cuts, undefined, holders), `Reach of ${n.source.label} and the plan's cuts`);
}

function nodeSection(n: ScopedNode, r: ScopeReport, o: RenderOptions, cuts: Cuts, pictures: PictureBudget): string {
  const reach = table(['tier', 'at threshold', 'effect', 'target', 'paths', 'path'], n.reached.map((t) => [
    esc(tierLabel(t.tier)), t.atThreshold ? '<strong>yes</strong>' : 'no', esc(what(t)), `<code>${esc(t.target.label)}</code>`,
    esc(`${t.paths.count}${t.paths.truncated ? '+' : ''}`), pathText(t.path)]), ' class="reach"');
  const holders = n.holders.direct.map((d) => `<li><code>${esc(d.node.label)}</code> ${esc(d.edge.kind)}${d.edge.file ? ` <span class="muted">${esc(`${d.edge.file}:${d.edge.line ?? ''}`)}</span>` : ''}</li>`);
  const users = n.holders.users.slice(0, o.limit).map((u) => `<li>${pathText(u.path)}</li>`);
  const acts = n.actsAs.slice(0, o.limit).map((a) => `<code>${esc(a.node.label)}</code>`);
  return ['<section class="item scoped">', `<h2>${esc(n.source.label)} <span class="muted">(${esc(n.source.kind)})</span></h2>`,
    `<p>id <code>${esc(n.source.id)}</code>${n.active ? '' : ' — <strong>inactive at this time</strong>: reaches nothing'}</p>`,
    n.risks.length ? `<p>Risks: ${esc(n.risks.map((f) => f.detail).join('; '))}</p>` : '',
    `<p>Acts as (${esc(n.actsAs.length)}): ${acts.join(', ') || 'nothing else'}</p>`,
    '<h3>Reach by tier</h3>', n.reached.length ? reach : '<p>Nothing.</p>', picture(n, r, o, cuts, pictures),
    '<h3>Holders and users</h3>', `<ul>${holders.join('') || '<li>no direct holder</li>'}</ul>`,
    `<p>${esc(n.holders.userCount)} principal(s) can act as it (what breaks when it is revoked):</p>`, `<ul>${users.join('')}</ul>`,
    '</section>'].join('\n');
}

function planPart(r: ScopeReport): string[] {
  const items = r.plan.items.map((x) => `<li class="plan-item"><strong>${esc(x.action)}</strong> — cost ${esc(x.cost)}<br>`
    + `<span class="muted">why: ${esc(x.why)}</span><br>cuts: ${x.cuts.map((t) => `<code>${esc(t.label)}</code>`).join(', ') || '—'}`
    + `${x.relying.length ? `<br>breaks: ${x.relying.map((t) => `<code>${esc(t.label)}</code>`).join(', ')}` : ''}</li>`);
  return [`<h2>Revocation plan (cost ${esc(r.plan.cost)}${r.plan.exact ? ', minimum' : ', may exceed the minimum'})</h2>`,
    items.length ? `<ol class="plan">${items.join('')}</ol>` : `<p>Nothing to cut: no target at tier ≤ ${esc(r.maxTier)} is reachable.</p>`,
    r.plan.exposed.length ? `<p>Exposed (assumed in the attacker's hands): ${r.plan.exposed.map((x) => `<code>${esc(x.label)}</code>`).join(', ')}.</p>` : ''];
}

function residualPart(r: ScopeReport, o: RenderOptions): string[] {
  const left = r.residual.atThreshold.length;
  return ['<h2>Residual reach after the plan</h2>',
    `<p data-residual="${left}"><span class="${left === 0 ? 'zero' : 'left'}">${left}</span> target(s) of tier ${esc(r.maxTier)} or more sensitive still reachable.</p>`,
    left ? `<ul>${r.residual.atThreshold.map((x) => `<li class="cut">${esc(residualText(x))}</li>`).join('')}</ul>` : '',
    r.residual.remaining.length ? `<p class="muted">Below the threshold: ${esc(r.residual.remaining.slice(0, o.limit).map(residualText).join('; '))}`
      + `${r.residual.remaining.length > o.limit ? ` … ${esc(r.residual.remaining.length - o.limit)} more (--limit)` : ''}</p>` : ''];
}

/** The scope report as one HTML page. */
export function htmlScope(r: ScopeReport, o: RenderOptions): string {
  const cuts = cutsOf(r.plan.items);
  const pictures = pictureBudget();
  const at = r.plan.targets.length;
  const body = [`<p>Scoped at ${esc(r.at)} with tier threshold ≤ ${esc(r.maxTier)}. ${esc(r.matched)} node(s) matched`
    + `${r.matched > r.nodes.length ? `; the first ${esc(r.nodes.length)} are scoped` : ''}.</p>`,
  `<p><strong>${esc(at)} target(s) at tier ≤ ${esc(r.maxTier)} reachable; plan: ${esc(r.plan.items.length)} action(s), cost ${esc(r.plan.cost)}; `
    + `residual: ${r.residual.clear ? 'none' : esc(r.residual.atThreshold.length)}.</strong></p>`, LEGEND,
  ...r.nodes.map((n) => nodeSection(n, r, o, cuts, pictures)), ...planPart(r), ...residualPart(r, o)];
  return page(`Incident scope: ${r.selector}`, o.version, body);
}
