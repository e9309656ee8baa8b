// Scope of a compromised credential (or identity): its risk factors, reach by tier, holders, the revocation plan
// with the edges it cuts drawn in red and marked "✂ cut", and the reach left after the plan (zero when it is clear).
import { apiPost } from '../api.js';
import { fill, h, num, plural } from '../dom.js';
import { cutsOf, mergePaths } from '../graph/model.js';
import { graphPanel } from '../graph/panel.js';
import { nodeLabel, selectorForm } from '../parts.js';
import { empty, loading } from '../states.js';
import type { KindsCatalogue, PathLike, ScopeResponse } from '../types.js';
import type { View } from './view.js';

type ScopeNode = ScopeResponse['nodes'][number];

function rows<T>(caption: string, heads: readonly string[], items: readonly T[], cells: (x: T) => (Node | string)[]): HTMLElement {
  return h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, heads.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, items.map((x) => h('tr', {}, cells(x).map((c) => h('td', {}, c))))));
}

function scopedNode(n: ScopeNode): HTMLElement {
  const reached = [...n.reached].sort((a, b) => (a.tier ?? 99) - (b.tier ?? 99));
  return h('section', { class: 'scoped' },
    h('h2', {}, nodeLabel(n.source, 'blast'), n.active ? '' : ' (inactive: expired, disabled or revoked)'),
    n.risks.length > 0 ? h('p', {}, 'Risk factors: ', n.risks.map((r) => `${r.detail} (+${num(r.weight)})`).join('; ')) : null,
    rows(`Reach: ${plural(reached.length, 'target')}`, ['Tier', 'Effect', 'Target', 'Actions', 'Paths'], reached, (r) => [
      r.tier === undefined ? '—' : String(r.tier), r.effect, nodeLabel(r.target), r.actions.join(', '),
      `${r.paths.count}${r.paths.truncated ? '+' : ''}`]),
    rows(`Holders: ${plural(n.holders.direct.length, 'direct holder')}, ${plural(n.holders.userCount, 'user')} in all`, ['Holder', 'How'],
      [...n.holders.direct.map((d) => ({ node: d.node, how: d.edge.kind })), ...n.holders.users.map((u) => ({ node: u.node, how: `${plural(u.path.edges.length, 'hop')} away` }))],
      (x) => [nodeLabel(x.node), x.how]));
}

function plan(report: ScopeResponse): HTMLElement {
  const p = report.plan;
  return h('section', { class: 'plan' }, h('h2', {}, `Revocation plan: cost ${num(p.cost)}${p.exact ? '' : ' (best found, not proven cheapest)'}`),
    p.items.length === 0 ? empty('Nothing to cut: the compromise reaches nothing at this tier.')
      : h('ol', {}, p.items.map((x) => h('li', { class: 'plan-item', 'data-type': x.type },
        h('strong', {}, x.action), ` — ${x.why}`,
        x.cuts.length > 0 ? h('span', { class: 'muted' }, ` Cuts reach to ${x.cuts.map((c) => c.label).join(', ')}.`) : null))),
    p.exposed.length > 0 ? h('p', {}, 'Exposed credentials (readable by the compromise): ', p.exposed.map((n) => n.label).join(', ')) : null);
}

function residual(report: ScopeResponse): HTMLElement {
  const r = report.residual;
  const left = r.atThreshold.length;
  return h('section', { class: 'residual' }, h('h2', {}, 'After the plan'),
    h('p', { class: left === 0 ? 'residual-zero' : 'residual-left', 'data-residual': left },
      h('span', { class: 'big' }, String(left)), ` targets of tier ${report.maxTier} or more sensitive still reachable.`),
    left > 0 ? h('ul', {}, r.atThreshold.map((x) => h('li', {}, `${x.from.label} ${x.effect} ${x.target.label}`))) : null,
    r.remaining.length > 0 ? h('p', { class: 'muted' }, `Less sensitive reach left: ${r.remaining.map((x) => x.target.label).join(', ')}.`) : null);
}

function picture(report: ScopeResponse, kinds: KindsCatalogue): HTMLElement {
  const paths: PathLike[] = report.nodes.flatMap((n) => n.reached.map((r) => r.path));
  const holders: PathLike[] = report.nodes.flatMap((n) => n.holders.direct.map((d) => ({ nodes: [d.node, n.source], edges: [d.edge] })));
  return graphPanel(mergePaths(paths, cutsOf(report.plan.items), undefined, holders), kinds, 'Reach, holders and the edges the plan cuts');
}

export const scopeView: View = async ({ root, route, kinds }) => {
  document.title = 'Scope · pathwarden';
  const selector = route.query.get('selector') ?? '';
  const tier = route.query.get('tier') ?? '1';
  const tierField = h('label', {}, 'Cut reach to tier ≤ ', h('select', { name: 'tier' },
    ['0', '1', '2', '3', '4'].map((t) => h('option', { value: t, selected: t === tier }, t))));
  const status = h('div', {});
  fill(root, h('h1', {}, 'Scope of a compromise'), selectorForm('/scope', selector, 'a credential id, key:…, token:…', tierField), status);
  if (!selector) {
    fill(status, empty('Give the credential (or identity) you believe is compromised, e.g. its id from a finding.'));
    return;
  }
  fill(status, loading(`the scope of ${selector}`));
  const report = await apiPost<ScopeResponse>('scope', { selector, tier: Number(tier) });
  if (report.nodes.length === 0) {
    fill(status, empty(`"${selector}" matches nothing to scope.`));
    return;
  }
  fill(status, picture(report, kinds), h('div', { class: 'columns' }, plan(report), residual(report)), report.nodes.map(scopedNode));
};
