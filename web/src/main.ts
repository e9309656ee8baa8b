// The web view's entry: loads the kinds catalogue once, routes the URL to a view, and renders it into <main>.
// Each render gets a fresh root, so a slow answer for a page the user already left is drawn into nothing.
import './styles.css';
import { apiGet } from './api.js';
import { h, fill } from './dom.js';
import { routeOf, startRouter, type Route } from './router.js';
import { failure, loading } from './states.js';
import type { KindsCatalogue } from './types.js';
import { blastView } from './views/blast.js';
import { diffView } from './views/diff.js';
import { findingView } from './views/finding.js';
import { findingsView } from './views/findings.js';
import { missingView } from './views/missing.js';
import { scopeView } from './views/scope.js';
import type { View } from './views/view.js';

const VIEWS: Record<Route['view'], View> = {
  findings: findingsView, finding: findingView, blast: blastView, scope: scopeView, diff: diffView, missing: missingView,
};

let catalogue: Promise<KindsCatalogue> | undefined;

function kinds(): Promise<KindsCatalogue> {
  catalogue ??= apiGet<KindsCatalogue>('kinds').catch((error: unknown) => {
    catalogue = undefined;
    throw error;
  });
  return catalogue;
}

let renders = 0;

async function render(): Promise<void> {
  const main = document.getElementById('main') as HTMLElement;
  const route = routeOf(location);
  for (const a of document.querySelectorAll('nav a[data-nav]')) {
    const nav = a.getAttribute('data-nav');
    if (nav === route.view || (nav === 'findings' && route.view === 'finding')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // NOTE: after a filter change the same field keeps the focus; after any other navigation (not the first load) the
  // focus moves to the new view, so keyboard and screen-reader users land on it.
  const field = document.activeElement?.closest('main form') ? document.activeElement.getAttribute('name') : null;
  const root = h('div', { class: 'view', 'data-view': route.view });
  main.replaceChildren(root);
  if (renders++ > 0 && field === null) main.focus();
  const retry = (): void => { void render(); };
  try {
    fill(root, loading('the kinds catalogue'));
    const view = VIEWS[route.view]({ root, route, kinds: await kinds(), retry });
    if (field !== null) root.querySelector<HTMLElement>(`form [name="${CSS.escape(field)}"]`)?.focus();
    await view;
  } catch (error) {
    fill(root, failure(error, retry));
  }
}

startRouter(() => { void render(); });
void render();
