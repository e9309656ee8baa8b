// Finding detail: its path(s) drawn left to right, "why this rank" (the score's factors), the entry credential's
// risk factors, and remediation for the finding and for each edge kind on the drawn paths (from the edge docs).
import { apiGet } from '../api.js';
import { fill, h, num, plural } from '../dom.js';
import { mergePaths } from '../graph/model.js';
import { graphPanel } from '../graph/panel.js';
import { markdown } from '../markdown.js';
import { nodeLabel, severityBadge } from '../parts.js';
import { href, navigate } from '../router.js';
import { loading } from '../states.js';
import type { Finding, KindsCatalogue, NodeRef, PathLike, RankedPath } from '../types.js';
import type { View } from './view.js';

function header(f: Finding, kinds: KindsCatalogue): HTMLElement {
  const rule = kinds.rules.find((r) => r.id === f.rule);
  return h('div', {},
    h('p', {}, h('a', { href: '/findings', 'data-link': true }, '← All findings')),
    h('h1', {}, f.title),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Severity'), h('dd', {}, severityBadge(f.severity)),
      h('dt', {}, 'Kind'), h('dd', {}, rule?.title ?? f.rule),
      h('dt', {}, 'Score'), h('dd', {}, num(f.score)),
      h('dt', {}, 'Source'), h('dd', {}, nodeLabel(f.source, 'blast')),
      h('dt', {}, 'Target'), h('dd', {}, nodeLabel(f.target)),
      h('dt', {}, 'Id'), h('dd', {}, h('code', {}, f.id)),
      f.frameworks.length > 0 ? [h('dt', {}, 'Frameworks'), h('dd', {}, f.frameworks.map((x) => `${x.framework} ${x.id} ${x.title}`).join('; '))] : null),
    f.suppressed ? h('p', { class: 'note' }, `Accepted risk until ${f.suppressed.expires ?? 'no expiry'} (${f.suppressed.owner}): ${f.suppressed.reason}`) : null);
}

function pathChooser(f: Finding, setIndex: number, pathIndex: number | undefined): HTMLElement {
  const set = f.pathSets[setIndex];
  const go = (s: number, p: string | undefined): void => navigate(href(`/findings/${encodeURIComponent(f.id)}`, { set: s || undefined, path: p }), true);
  const sets = h('div', { class: 'tabs', role: 'group', 'aria-label': 'Capabilities' }, f.pathSets.map((s, i) => h('button', {
    type: 'button', 'aria-pressed': String(i === setIndex), onclick: () => go(i, undefined),
  }, `${s.label} (${s.actions.join(', ')}): ${plural(s.total ?? s.paths.length, 'path')}`)));
  const choose = h('select', { id: 'path-choice', onchange: (e: Event) => go(setIndex, (e.target as HTMLSelectElement).value || undefined) },
    h('option', { value: '' }, `all ${plural(set?.paths.length ?? 0, 'path')} shown together`),
    (set?.paths ?? []).map((p, i) => h('option', { value: String(i + 1), selected: pathIndex === i }, `path ${i + 1}: score ${num(p.rank.score)}, ${plural(p.edges.length, 'hop')}`)));
  return h('div', { class: 'filters' }, sets, h('label', { for: 'path-choice' }, 'Draw '), choose,
    set?.truncated ? h('span', { class: 'note' }, ` Only the best ${set.paths.length} of ${set.total ?? 'many'} paths are listed.`) : null);
}

function whyRank(path: RankedPath): HTMLElement {
  const r = path.rank;
  return h('section', {}, h('h2', {}, 'Why this rank'),
    h('p', {}, `score ${num(r.score)} = 10 × blast factor ${num(r.blastFactor)} × principal ${num(r.principalWeight)} × exploitability `
      + `${num(r.exploitability)} × target ${num(r.targetWeight)} × length ${num(r.lengthFactor)}`),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Factor'), h('th', { scope: 'col' }, 'Detail'), h('th', { scope: 'col' }, 'Weight'))),
      h('tbody', {}, r.factors.map((x) => h('tr', {}, h('td', {}, x.name), h('td', {}, x.detail), h('td', { class: 'num' }, num(x.weight)))))));
}

function entryCredential(path: RankedPath): HTMLElement {
  const entry: NodeRef | undefined = path.nodes.find((n) => n.id === path.rank.entryCredential);
  if (!entry) return h('section', {}, h('h2', {}, 'Entry credential'), h('p', {}, 'No bearer credential on this path (interactive or federated sign-in).'));
  const risks = path.rank.factors.filter((x) => x.detail.startsWith(`${entry.label} `));
  return h('section', {}, h('h2', {}, 'Entry credential'),
    h('p', {}, nodeLabel(entry, 'scope'), ' — ', h('a', { href: href('/scope', { selector: entry.id }), 'data-link': true }, 'scope it as compromised')),
    risks.length === 0 ? h('p', {}, 'No risk factors.')
      : h('ul', {}, risks.map((x) => h('li', {}, `${x.detail.slice(entry.label.length + 1)} (${x.name}, +${num(x.weight)})`))));
}

function remediation(f: Finding, drawn: readonly PathLike[], kinds: KindsCatalogue): HTMLElement {
  const used = new Set(drawn.flatMap((p) => p.edges.map((e) => e.kind)));
  return h('section', {}, h('h2', {}, 'Remediation'),
    h('ul', {}, f.remediation.map((r) => h('li', {}, r))),
    h('h3', {}, 'Per edge on the drawn path'),
    kinds.edges.filter((e) => used.has(e.kind)).map((e) => h('div', { class: 'edge-fix', 'data-edge-kind': e.kind },
      h('h4', {}, h('code', {}, e.kind), ` — ${e.summary}`), h('p', {}, e.remediation),
      e.docRemediation ? h('details', {}, h('summary', {}, `More from ${e.doc}`), markdown(e.docRemediation)) : null)));
}

export const findingView: View = async ({ root, route, kinds }) => {
  document.title = 'Finding · pathwarden';
  fill(root, loading('the finding'));
  const f = await apiGet<Finding>(`findings/${encodeURIComponent(route.id ?? '')}`);
  document.title = `${f.title} · pathwarden`;
  const setIndex = Math.min(Math.max(0, Number(route.query.get('set') ?? 0) || 0), Math.max(0, f.pathSets.length - 1));
  const choice = Number(route.query.get('path') ?? 0);
  const set = f.pathSets[setIndex];
  const pathIndex = set && choice >= 1 && choice <= set.paths.length ? choice - 1 : undefined;
  const drawn = set ? (pathIndex === undefined ? set.paths : [set.paths[pathIndex] as RankedPath]) : [];
  const ranked = pathIndex === undefined ? set?.shortest : drawn[0];
  fill(root, header(f, kinds),
    set ? [pathChooser(f, setIndex, pathIndex), graphPanel(mergePaths(drawn), kinds, `Paths of ${set.label}`)] : h('p', {}, 'This finding has no paths.'),
    ranked ? h('div', { class: 'columns' }, whyRank(ranked), entryCredential(ranked)) : null,
    remediation(f, drawn, kinds));
};
