// Findings: the ranked table with filters (rule, minimum severity, source kind, environment, tag) and a name search.
// The filters live in the URL, so a filtered list can be linked to; each title links to the finding's detail.
import { apiGet } from '../api.js';
import { fill, h, num } from '../dom.js';
import { findingLink, nodeLabel, severityBadge } from '../parts.js';
import { href, navigate } from '../router.js';
import { empty, loading } from '../states.js';
import type { FindingsPage, KindsCatalogue } from '../types.js';
import type { View } from './view.js';

const PAGE = 50;
const FILTERS = ['rule', 'severity', 'sourceKind', 'environment', 'tag', 'q'] as const;

function select(name: string, label: string, value: string, options: readonly (readonly [string, string])[]): HTMLElement {
  return h('label', {}, `${label} `, h('select', { name },
    h('option', { value: '' }, 'any'),
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

function filterForm(kinds: KindsCatalogue, query: URLSearchParams): HTMLFormElement {
  const v = (name: string): string => query.get(name) ?? '';
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter findings' },
    select('rule', 'Kind', v('rule'), kinds.rules.map((r) => [r.id, r.title])),
    select('severity', 'Severity at least', v('severity'), [...kinds.severities].reverse().map((s) => [s, s])),
    select('sourceKind', 'Source kind', v('sourceKind'), kinds.nodes.filter((n) => n.isSource).map((n) => [n.kind, n.kind])),
    select('environment', 'Environment', v('environment'), kinds.environments.map((e) => [e, e])),
    h('label', {}, 'Tag ', h('input', { name: 'tag', value: v('tag'), size: 10 })),
    h('label', {}, 'Search ', h('input', { name: 'q', type: 'search', value: v('q'), placeholder: 'name in title, source or target', size: 24 })),
    h('button', { type: 'submit' }, 'Apply'),
    h('a', { href: '/findings', 'data-link': true }, 'Clear'));
  const apply = (): void => {
    const data = new FormData(form);
    navigate(href('/findings', Object.fromEntries(FILTERS.map((f) => [f, String(data.get(f) ?? '').trim()]))));
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); apply(); });
  for (const s of form.querySelectorAll('select')) s.addEventListener('change', apply);
  return form;
}

function table(page: FindingsPage, kinds: KindsCatalogue): HTMLElement {
  const ruleTitle = new Map(kinds.rules.map((r) => [r.id, r.title]));
  return h('table', { class: 'findings' },
    h('caption', {}, `Findings ${page.offset + 1}–${page.offset + page.findings.length} of ${page.total}, highest score first`),
    h('thead', {}, h('tr', {}, ['Severity', 'Kind', 'Finding', 'Source', 'Target', 'Score', 'Id'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, page.findings.map((f) => h('tr', { 'data-finding': f.id },
      h('td', {}, severityBadge(f.severity)),
      h('td', {}, h('span', { class: 'rule', title: ruleTitle.get(f.rule) ?? f.rule }, f.rule)),
      h('td', {}, findingLink(f.id, f.title)),
      h('td', {}, nodeLabel(f.source, 'blast')),
      h('td', {}, nodeLabel(f.target)),
      h('td', { class: 'num' }, num(f.score)),
      h('td', {}, h('code', {}, f.id))))));
}

function pager(page: FindingsPage, query: URLSearchParams): HTMLElement {
  const at = (offset: number): string => {
    const q = new URLSearchParams(query);
    if (offset > 0) q.set('offset', String(offset)); else q.delete('offset');
    return href('/findings', Object.fromEntries(q));
  };
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    page.offset > 0 ? h('a', { href: at(Math.max(0, page.offset - PAGE)), 'data-link': true }, '← Previous') : null,
    page.offset + page.findings.length < page.total ? h('a', { href: at(page.offset + PAGE), 'data-link': true }, 'Next →') : null);
}

export const findingsView: View = async ({ root, route, kinds }) => {
  document.title = 'Findings · pathwarden';
  const status = h('div', {}, loading('findings'));
  fill(root, h('h1', {}, 'Findings'), filterForm(kinds, route.query), status);
  const q = route.query;
  const page = await apiGet<FindingsPage>('findings', {
    ...Object.fromEntries(FILTERS.map((f) => [f, q.get(f) ?? undefined])), limit: PAGE, offset: q.get('offset') ?? undefined,
  });
  if (page.total === 0) {
    fill(status, empty('No findings match these filters. ', h('a', { href: '/findings', 'data-link': true }, 'Show all findings.')));
    return;
  }
  if (page.findings.length === 0) {
    fill(status, empty(`This page is past the last of ${page.total} findings. `, h('a', { href: '/findings', 'data-link': true }, 'Go to the first page.')));
    return;
  }
  fill(status, table(page, kinds), pager(page, q));
};
