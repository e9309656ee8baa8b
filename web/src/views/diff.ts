// Diff: the served graph against an earlier state — a saved analysis (`pathwarden analyze --format json`, chosen
// here and sent to POST /v1/diff) or a Neo4j snapshot (?snapshot=s12, linkable): new, resolved, worsened and
// improved findings, blast-radius movers and graph changes. A server that cannot diff says why, in plain words.
import { apiPost } from '../api.js';
import { fill, h, num, plural } from '../dom.js';
import { findingLink, severityBadge } from '../parts.js';
import { href, navigate } from '../router.js';
import { empty, failure, loading } from '../states.js';
import type { DiffResponse } from '../types.js';
import type { View } from './view.js';

type Change = DiffResponse['findings']['new'][number];

function changeList(title: string, changes: readonly Change[], linked: boolean): HTMLElement {
  return h('section', { class: 'changes', 'data-change': title.toLowerCase() }, h('h2', {}, `${title}: ${changes.length}`),
    changes.length === 0 ? null : h('ul', {}, changes.map((c) => {
      const s = c.after ?? c.before;
      const scores = c.before && c.after ? ` (score ${num(c.before.score)} → ${num(c.after.score)})` : s ? ` (score ${num(s.score)})` : '';
      return h('li', {}, s ? severityBadge(s.severity) : null, ' ', linked ? findingLink(c.id, s?.title ?? c.id) : (s?.title ?? c.id), scores,
        c.note ? h('span', { class: 'muted' }, ` — ${c.note}`) : null);
    })));
}

function report(d: DiffResponse): HTMLElement {
  const side = (s: DiffResponse['base']): string => `${s.ref} (${s.kind}, ${plural(s.findings, 'finding')})`;
  return h('div', {},
    h('p', {}, `Base: ${side(d.base)}. Head: ${side(d.head)}. `, d.changed ? 'Risk changed.' : 'No risk change.'),
    d.notes.length > 0 ? h('ul', { class: 'note' }, d.notes.map((n) => h('li', {}, n))) : null,
    changeList('New', d.findings.new, true), changeList('Worsened', d.findings.worsened, true),
    changeList('Resolved', d.findings.resolved, false), changeList('Improved', d.findings.improved, true),
    h('p', {}, `${plural(d.findings.unchanged, 'finding')} unchanged.`),
    h('section', {}, h('h2', {}, 'Blast radius movers'), d.blast.movers.length === 0 ? empty('None.')
      : h('ul', {}, d.blast.movers.map((m) => h('li', {}, `${m.label}: ${num(m.before)} → ${num(m.after)} (${m.delta > 0 ? '+' : ''}${num(m.delta)})`)))),
    h('section', {}, h('h2', {}, 'Graph changes'), d.graph === null ? empty(d.graphUnavailable ?? 'Not available for these sides.')
      : h('ul', {}, d.graph.byKind.map((r) => h('li', {}, `${r.of} ${r.group}: +${r.added} −${r.removed} ~${r.changed}`)))));
}

async function run(status: HTMLElement, base: unknown, retry: () => void): Promise<void> {
  fill(status, loading('the diff'));
  try {
    fill(status, report(await apiPost<DiffResponse>('diff', { base })));
  } catch (error) {
    fill(status, failure(error, retry));
  }
}

export const diffView: View = async ({ root, route, retry }) => {
  document.title = 'Diff · pathwarden';
  const snapshot = route.query.get('snapshot') ?? '';
  const status = h('div', {});
  const file = h('input', { type: 'file', id: 'saved', accept: '.json,application/json' });
  const fileForm = h('form', { class: 'filters' }, h('label', { for: 'saved' }, 'A saved analysis (pathwarden analyze --format json) '), file,
    h('button', { type: 'submit' }, 'Compare with the served graph'));
  fileForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) { fill(status, empty('Choose a saved analysis file first.')); return; }
    void chosen.text().then((text) => {
      let saved: unknown;
      try { saved = JSON.parse(text); } catch { fill(status, empty(`${chosen.name} is not JSON: save it with pathwarden analyze --format json.`)); return; }
      void run(status, { saved }, () => fileForm.requestSubmit());
    });
  });
  const snap = h('input', { name: 'snapshot', value: snapshot, placeholder: 's12 or latest', size: 12, pattern: '(latest|s?\\d{1,9})' });
  const snapForm = h('form', { class: 'filters' }, h('label', {}, 'or a Neo4j snapshot ', snap), h('button', { type: 'submit' }, 'Compare'));
  snapForm.addEventListener('submit', (event) => { event.preventDefault(); navigate(href('/diff', { snapshot: snap.value.trim() })); });
  fill(root, h('h1', {}, 'Diff'), h('p', {}, 'Compare the graph this server serves (head) with an earlier state (base).'), fileForm, snapForm, status);
  if (snapshot) await run(status, { snapshot }, retry);
  else fill(status, empty('Choose a saved analysis or a snapshot to compare with.'));
};
