// Blast radius of a principal (any selector): what it reaches, grouped by tier, each target expandable to the path
// that reaches it (drawn only when opened, so hundreds of targets stay cheap).
import { apiGet } from '../api.js';
import { fill, h, num, plural } from '../dom.js';
import { mergePaths } from '../graph/model.js';
import { graphPanel } from '../graph/panel.js';
import { nodeLabel, selectorForm } from '../parts.js';
import { empty, loading } from '../states.js';
import type { BlastResponse, KindsCatalogue } from '../types.js';
import type { View } from './view.js';

type Principal = BlastResponse['principals'][number];
type Reached = Principal['reached'][number];

/** Most targets listed per tier; the rest are counted. */
const ROWS_PER_TIER = 100;

function tierName(tier: number | undefined): string {
  return tier === undefined ? 'No tier' : `Tier ${tier}`;
}

function reachedItem(r: Reached, kinds: KindsCatalogue): HTMLElement {
  const item = h('details', { class: 'reached' }, h('summary', {}, `${r.effect} `, nodeLabel(r.target), ` (${r.actions.join(', ')}) — `,
    plural(r.path.edges.length, 'hop')));
  item.addEventListener('toggle', () => {
    if (item.open && !item.querySelector('.graph-panel')) item.appendChild(graphPanel(mergePaths([r.path]), kinds, `Path to ${r.target.label}`));
  }, { passive: true });
  return item;
}

function principal(p: Principal, kinds: KindsCatalogue): HTMLElement {
  const tiers = new Map<number | undefined, Reached[]>();
  for (const r of p.reached) tiers.set(r.tier, [...(tiers.get(r.tier) ?? []), r]);
  const order = [...tiers.keys()].sort((a, b) => (a ?? 99) - (b ?? 99));
  return h('section', { class: 'principal' },
    h('h2', {}, nodeLabel(p.source, 'scope'), ` — blast radius ${num(p.score)}`),
    p.actsAs.length > 0 ? h('p', {}, 'Acts as: ', p.actsAs.map((n, i) => [i > 0 ? ', ' : '', nodeLabel(n)])) : null,
    h('table', {}, h('caption', {}, 'How the blast radius adds up'),
      h('thead', {}, h('tr', {}, ['Reaches', 'Count', 'Weight', 'Points'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, p.breakdown.map((b) => h('tr', {}, h('td', {}, b.label), h('td', { class: 'num' }, b.count), h('td', { class: 'num' }, num(b.weight)), h('td', { class: 'num' }, num(b.points)))))),
    p.reached.length === 0 ? empty('It reaches nothing sensitive.') : order.map((tier) => {
      const rows = tiers.get(tier) ?? [];
      return h('section', { class: 'tier', 'data-tier': tier ?? 'none' },
        h('h3', {}, `${tierName(tier)}: ${plural(rows.length, 'target')}`),
        rows.slice(0, ROWS_PER_TIER).map((r) => reachedItem(r, kinds)),
        rows.length > ROWS_PER_TIER ? h('p', { class: 'note' }, `${rows.length - ROWS_PER_TIER} more not listed; narrow the selector.`) : null);
    }));
}

export const blastView: View = async ({ root, route, kinds }) => {
  document.title = 'Blast radius · pathwarden';
  const selector = route.query.get('selector') ?? '';
  const status = h('div', {});
  fill(root, h('h1', {}, 'Blast radius'), selectorForm('/blast', selector, 'agent:support-bot, kind:AIAgent, an id…'), status);
  if (!selector) {
    fill(status, empty('Give a selector: a node id, kind:AIAgent, name:ci-*, tag:prod, env:prod, owner:…, agent:support-*.'));
    return;
  }
  fill(status, loading(`the blast radius of ${selector}`));
  const report = await apiGet<BlastResponse>('blast', { selector });
  if (report.principals.length === 0) {
    fill(status, empty(`"${selector}" matches ${plural(report.matched, 'node')}, none of them a principal with a blast radius.`));
    return;
  }
  fill(status, h('p', {}, `${plural(report.matched, 'node')} matched; ${plural(report.principals.length, 'principal')} shown.`),
    report.principals.map((p) => principal(p, kinds)));
};
