// Mermaid flowcharts of attack paths, for the Markdown reports (GitHub and GitLab render ```mermaid blocks).
// Node shapes and colours follow the node kind's category; every label is escaped, every node id sanitised,
// so no name in an inventory can break out of the picture or inject Mermaid syntax.
import type { EdgeRef, NodeRef } from '../findings/index.js';
import { nodeSpec, type NodeCategory } from '../model/index.js';

/** A path to draw: its nodes and the edges between them (edges[i] joins nodes[i] and nodes[i + 1]). */
export interface DrawnPath {
  readonly nodes: readonly NodeRef[];
  readonly edges: readonly EdgeRef[];
}

/** Opening and closing bracket of each category's node shape, and its class (fill, stroke). */
const SHAPES = {
  identity: { open: '([', close: '])', style: 'fill:#e3f2fd,stroke:#1565c0' },
  grouping: { open: '[[', close: ']]', style: 'fill:#f3e5f5,stroke:#6a1b9a' },
  credential: { open: '{{', close: '}}', style: 'fill:#fff3e0,stroke:#e65100' },
  asset: { open: '[/', close: '\\]', style: 'fill:#fce4ec,stroke:#ad1457' },
  resource: { open: '[(', close: ')]', style: 'fill:#e8f5e9,stroke:#2e7d32' },
} as const satisfies Record<NodeCategory, { open: string; close: string; style: string }>;

/**
 * Text safe inside a quoted Mermaid label: line breaks become spaces, and every character other than letters,
 * digits, space and `:._-/@+=,!?*'$~` becomes a Mermaid entity code (`#34;` for `"`), which Mermaid renders as
 * the character itself. Quotes, brackets, `|`, `<`, `>`, `#`, `&`, `;`, `%` and backticks can therefore not end
 * the label, start an edge, open HTML or a comment.
 */
export function mermaidText(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/[^\p{L}\p{N} :._\-\/@+=,!?*'$~]/gu, (c) => `#${c.codePointAt(0) ?? 0};`);
}

/** A Mermaid-safe node identifier for a graph id: `n_` + the id with every non-alphanumeric character as `_`. */
export function mermaidId(id: string): string {
  return `n_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** Edges and nodes to mark in red, e.g. what a revocation plan cuts (a marked edge's label starts with `cut: `). */
export interface MermaidMarks {
  readonly edge?: (e: EdgeRef) => boolean;
  readonly node?: (n: NodeRef) => boolean;
}

const MARK_STYLE = 'stroke:#c62828,stroke-width:3px';

/** The label of an edge: its kind, then its action / environment / scopes when it has one. */
function edgeLabel(e: EdgeRef): string {
  return e.qualifier !== undefined ? `${e.kind} ${e.qualifier}` : e.kind;
}

/** Identifiers for the nodes of `paths`, in order of first appearance; ids that sanitise alike get `_2`, `_3`…. */
function assignIds(paths: readonly DrawnPath[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of paths) {
    for (const n of p.nodes) {
      if (ids.has(n.id)) continue;
      const base = mermaidId(n.id);
      let id = base;
      for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
      ids.set(n.id, id);
      taken.add(id);
    }
  }
  return ids;
}

/**
 * One `flowchart LR` drawing every node and edge of `paths` once (paths sharing a source and target, such as a
 * separation-of-duties finding's alter and invoke paths, become one picture). Returns the diagram text without
 * the Markdown fence.
 */
export function mermaidFlowchart(paths: readonly DrawnPath[], marks: MermaidMarks = {}): string {
  const ids = assignIds(paths);
  const nodeLines: string[] = [];
  const edgeLines: string[] = [];
  const used = new Map<NodeCategory | 'cut', string[]>();
  const markedEdges: number[] = [];
  const seenNodes = new Set<string>();
  const seenEdges = new Set<string>();
  for (const p of paths) {
    for (const n of p.nodes) {
      if (seenNodes.has(n.id)) continue;
      seenNodes.add(n.id);
      const id = ids.get(n.id) as string;
      const category = nodeSpec(n.kind).category;
      const shape = SHAPES[category];
      nodeLines.push(`  ${id}${shape.open}"${mermaidText(n.label)}"${shape.close}`);
      used.set(category, [...(used.get(category) ?? []), id]);
      if (marks.node?.(n)) used.set('cut', [...(used.get('cut') ?? []), id]);
    }
    p.edges.forEach((e, i) => {
      const from = ids.get(p.nodes[i]?.id ?? '');
      const to = ids.get(p.nodes[i + 1]?.id ?? '');
      const marked = marks.edge?.(e) === true;
      const line = `  ${from ?? '?'} -->|"${marked ? 'cut: ' : ''}${mermaidText(edgeLabel(e))}"| ${to ?? '?'}`;
      if (from === undefined || to === undefined || seenEdges.has(line)) return;
      seenEdges.add(line);
      if (marked) markedEdges.push(edgeLines.length);
      edgeLines.push(line);
    });
  }
  const classLines: string[] = [];
  for (const category of [...Object.keys(SHAPES) as NodeCategory[], 'cut' as const]) {
    const members = used.get(category);
    const style = category === 'cut' ? MARK_STYLE : SHAPES[category].style;
    if (members) classLines.push(`  classDef ${category} ${style}`, `  class ${members.join(',')} ${category}`);
  }
  if (markedEdges.length) classLines.push(`  linkStyle ${markedEdges.join(',')} ${MARK_STYLE}`);
  return ['flowchart LR', ...nodeLines, ...edgeLines, ...classLines].join('\n');
}

/** `flowchart` in a Markdown ```mermaid fence. */
export function mermaidBlock(paths: readonly DrawnPath[], marks: MermaidMarks = {}): string[] {
  return ['```mermaid', ...mermaidFlowchart(paths, marks).split('\n'), '```'];
}
