// Small pieces several views share: node labels with their kind, severity badges, links to other views.
import { h } from './dom.js';
import { href, navigate } from './router.js';
import type { NodeRef } from './types.js';

/** A node as "label" with its kind, optionally linked to a view of it. */
export function nodeLabel(node: NodeRef, link?: 'blast' | 'scope'): HTMLElement {
  const text = h('span', { class: 'node-label', title: node.id }, node.label);
  const kind = h('span', { class: 'kind', 'data-kind': node.kind }, node.kind);
  if (!link) return h('span', { class: 'node' }, text, ' ', kind);
  return h('span', { class: 'node' }, h('a', { href: href(`/${link}`, { selector: node.id }), 'data-link': true }, text), ' ', kind);
}

/** The severity as a coloured, still readable badge. */
export function severityBadge(severity: string): HTMLElement {
  return h('span', { class: `sev sev-${severity}` }, severity);
}

/** A link to a finding's detail view. */
export function findingLink(id: string, text: string): HTMLAnchorElement {
  return h('a', { href: `/findings/${encodeURIComponent(id)}`, 'data-link': true }, text);
}

/** A selector form (blast, scope): one text field plus extra fields, submitted as page navigation to `path?…`. */
export function selectorForm(path: string, selector: string, placeholder: string, ...extra: HTMLElement[]): HTMLFormElement {
  const form = h('form', { class: 'filters', role: 'search' },
    h('label', {}, 'Selector ', h('input', { name: 'selector', value: selector, placeholder, size: 40, required: true })),
    ...extra, h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields = [...new FormData(form)].map(([k, v]) => [k, String(v).trim()] as const);
    navigate(href(path, Object.fromEntries(fields)));
  });
  return form;
}
