// A path written as text (`agent:x -[HAS_CREDENTIAL]-> key:y -[CAN_ALTER deploy]-> model:z`, src/findings drawPath)
// back into nodes and edges, for the diff page: a diff's finding summaries carry their best paths as text only.
// TODO(#9): drop this once the diff summary carries the path's nodes and edges.
import { isEdgeKind, NODE_SPECS, type NodeKind } from '../../model/index.js';
import type { EdgeRef, NodeRef, PathLike } from './model.js';

const KIND_OF_PREFIX = new Map<string, NodeKind>(NODE_SPECS.map((s) => [s.prefix, s.kind]));
const EDGE = / -\[([A-Z][A-Z_]*)(?: ([^\]]*))?\]-> /g;

function nodeOf(label: string, known: readonly NodeRef[]): NodeRef | undefined {
  const found = known.find((n) => n.label === label);
  if (found) return found;
  const colon = label.indexOf(':');
  const kind = colon > 0 ? KIND_OF_PREFIX.get(label.slice(0, colon)) : undefined;
  // NOTE: the id of a node known only by its label is the label: enough to merge one finding's paths.
  return kind ? { id: `label:${label}`, kind, name: label.slice(colon + 1), label } : undefined;
}

/**
 * The path `text` describes, its end nodes taken from `known` (the finding's source and target) when the labels
 * match; undefined when a label has no known prefix. A name that itself contains ` -[KIND]-> ` splits there: the
 * picture is then wrong but still safe (every text is escaped when drawn).
 */
export function parsePathText(text: string, known: readonly NodeRef[] = []): PathLike | undefined {
  const labels: string[] = [];
  const kinds: { kind: string; qualifier: string | undefined }[] = [];
  let from = 0;
  for (const m of text.matchAll(EDGE)) {
    if (!isEdgeKind(m[1] ?? '')) continue;
    labels.push(text.slice(from, m.index));
    kinds.push({ kind: m[1] as string, qualifier: m[2] });
    from = m.index + m[0].length;
  }
  labels.push(text.slice(from));
  const nodes: NodeRef[] = [];
  for (const label of labels) {
    const node = nodeOf(label, known);
    if (!node) return undefined;
    nodes.push(node);
  }
  const edges: EdgeRef[] = kinds.map((k, i) => ({
    kind: k.kind, from: (nodes[i] as NodeRef).id, to: (nodes[i + 1] as NodeRef).id, ...(k.qualifier !== undefined ? { qualifier: k.qualifier } : {}),
  }));
  return { nodes, edges };
}
