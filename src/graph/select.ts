// Node selectors for CLI and API: `id:…`, `kind:AIAgent`, `name:ci-*`, `tag:prod`, `env:prod`, `owner:…`,
// `agent:support-*` (display prefix + name glob), or a bare id / name glob; terms joined by `,` must all match.
import { NODE_SPECS, UsageError, parseNodeKind, type NodeKind, type NodeRecord } from '../model/index.js';
import type { PathwardenGraph } from './types.js';

export const SELECTOR_FIELDS = ['id', 'kind', 'name', 'tag', 'env', 'owner', 'source'] as const;
type Field = (typeof SELECTOR_FIELDS)[number];

type Term =
  | { readonly field: Exclude<Field, 'kind'>; readonly pattern: RegExp }
  | { readonly field: 'kind'; readonly kind: NodeKind }
  | { readonly field: 'bare'; readonly exact: string; readonly pattern: RegExp; readonly idPattern: RegExp };

/** A parsed selector. */
export interface Selector {
  readonly raw: string;
  readonly terms: readonly Term[];
}

const PREFIX_KIND = new Map<string, NodeKind>(NODE_SPECS.map((s) => [s.prefix, s.kind]));

/** Compiles a glob (`*`, `?`) to an anchored regular expression. */
export function globToRegExp(glob: string, flags = ''): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, flags);
}

function parseTerm(raw: string, whole: string): Term[] {
  const colon = raw.indexOf(':');
  const head = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
  const value = colon > 0 ? raw.slice(colon + 1) : raw;
  if (colon > 0 && value === '') throw new UsageError(`selector "${whole}": "${raw}" has no value after ":"`);
  if (head === 'kind') {
    const kind = parseNodeKind(value);
    if (!kind) throw new UsageError(`selector "${whole}": unknown kind "${value}" (kinds: ${NODE_SPECS.map((s) => s.kind).join(', ')})`);
    return [{ field: 'kind', kind }];
  }
  if ((SELECTOR_FIELDS as readonly string[]).includes(head)) {
    const flags = head === 'id' ? '' : 'i';
    return [{ field: head as Exclude<Field, 'kind'>, pattern: globToRegExp(value, flags) }];
  }
  const prefixKind = PREFIX_KIND.get(head);
  if (prefixKind) return [{ field: 'kind', kind: prefixKind }, { field: 'name', pattern: globToRegExp(value, 'i') }];
  return [{ field: 'bare', exact: raw, pattern: globToRegExp(raw, 'i'), idPattern: globToRegExp(raw) }];
}

/** Parses a selector; throws UsageError naming the bad term. */
export function parseSelector(raw: string): Selector {
  const text = raw.trim();
  if (text === '') throw new UsageError('selector is empty (try an id, kind:AIAgent, name:ci-*, tag:prod)');
  if (text.length > 512) throw new UsageError('selector is longer than 512 characters');
  const terms = text.split(',').map((t) => t.trim()).filter((t) => t !== '').flatMap((t) => parseTerm(t, text));
  return { raw: text, terms };
}

function matchTerm(term: Term, id: string, node: NodeRecord): boolean {
  switch (term.field) {
    case 'kind': return node.kind === term.kind;
    case 'id': return term.pattern.test(id);
    case 'name': return term.pattern.test(node.name);
    case 'tag': return node.tags.some((t) => term.pattern.test(t));
    case 'env': return node.environment !== undefined && term.pattern.test(node.environment);
    case 'owner': return node.owner !== undefined && term.pattern.test(node.owner);
    case 'source': return term.pattern.test(node.source);
    case 'bare': return id === term.exact || term.idPattern.test(id) || term.pattern.test(node.name);
  }
}

/** True when the node matches every term. */
export function matchesSelector(selector: Selector, id: string, node: NodeRecord): boolean {
  return selector.terms.every((t) => matchTerm(t, id, node));
}

/** Ids of the nodes a selector matches, sorted. A bare exact id match wins over globs. */
export function selectNodes(graph: PathwardenGraph, selector: Selector): string[] {
  const only = selector.terms.length === 1 ? selector.terms[0] : undefined;
  if (only?.field === 'bare' && graph.hasNode(only.exact)) return [only.exact];
  const out: string[] = [];
  graph.forEachNode((id, node) => {
    if (matchesSelector(selector, id, node)) out.push(id);
  });
  return out.sort();
}
