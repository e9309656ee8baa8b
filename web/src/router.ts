// History routing: one URL per view (/findings, /findings/<id>, /blast?selector=…, /scope?selector=…, /diff), so
// every view can be linked to and reloaded; the server answers every such URL with this page (api/plugins/web.ts).
export interface Route {
  /** The view name (also the nav entry it highlights). */
  readonly view: 'findings' | 'finding' | 'blast' | 'scope' | 'diff' | 'missing';
  /** The path segment after the view, e.g. the finding id. */
  readonly id?: string;
  readonly query: URLSearchParams;
}

/** The route of a location. */
export function routeOf(location: { pathname: string; search: string }): Route {
  const query = new URLSearchParams(location.search);
  const parts = location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (first === undefined || (first === 'findings' && second === undefined)) return { view: 'findings', query };
  if (first === 'findings' && parts.length === 2) return { view: 'finding', id: second as string, query };
  if ((first === 'blast' || first === 'scope' || first === 'diff') && parts.length === 1) return { view: first, query };
  return { view: 'missing', query };
}

/** A URL for a path and query (empty values left out). */
export function href(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

let onNavigate: () => void = () => undefined;

/** Goes to `url` in the page (a history entry, or a replacement) and renders it. */
export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  onNavigate();
}

/** Renders on back/forward and turns clicks on same-origin `a[data-link]` into page navigation. */
export function startRouter(render: () => void): void {
  onNavigate = render;
  window.addEventListener('popstate', render);
  document.addEventListener('click', (event) => {
    const a = (event.target as Element | null)?.closest?.('a[data-link]');
    if (!(a instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || a.origin !== location.origin) return;
    event.preventDefault();
    navigate(a.pathname + a.search);
  });
}
