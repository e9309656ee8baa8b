// A tiny element builder: h('a', { href, class }, 'text', child…). Text is always set as text (never parsed as
// HTML), so names from the graph cannot inject markup.
type Child = Node | string | number | null | undefined | false | readonly Child[];
type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const c of child as readonly Child[]) append(parent, c);
  else parent.appendChild(typeof child === 'object' ? child as Node : document.createTextNode(String(child)));
}

/** An element with attributes (`on…` keys add listeners; false/undefined values are left out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Replaces the children of `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A number with at most two decimals, no trailing zeros (scores and weights: 454.3, 1.5, 3.59). */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "1 path", "3 paths". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
