// Deterministic identities of edges: two edge records with the same key are the same edge.
import { edgeSpec, type EdgeKind } from './edges/index.js';
import type { PropValue } from './props.js';

/** The key of an edge: kind, endpoints and the spec's discriminating properties (e.g. action). */
export function edgeKey(kind: EdgeKind, from: string, to: string, properties: Readonly<Record<string, PropValue>>): string {
  const spec = edgeSpec(kind);
  let key = `${from}-[${kind}]->${to}`;
  for (const prop of spec.key) {
    const value = properties[prop];
    if (value !== undefined) key += `#${prop}=${String(value)}`;
  }
  return key;
}
