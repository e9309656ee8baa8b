// transform, node files: one row → one NodeRecord plus the edges its link columns (held_by, trains…) list.
import {
  COMMON_NODE_PROPS, NODE_KINDS, edgeSpec, nodeSpec, parseNodeKind,
  type EdgeRecord, type NodeKind, type NodeRecord, type PropSpec, type PropValue,
} from '../../src/model/index.js';
import { parseEnvironment, parseProp, splitList, describe } from '../values.js';
import { CSV_FILES, EXTRA_COLUMN, NODE_FIELDS, type LinkColumn, type NodeFileSpec } from './files.js';
import { SOURCE, hasErrors, report, type RowContext } from './row-context.js';

const FIELDS = new Set<string>(NODE_FIELDS);

/** Turns a node-file row into its node and link edges; problems go to `ctx.diagnostics`. */
export function transformNodeRow(spec: NodeFileSpec, ctx: RowContext): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
  const v = ctx.values;
  const id = v.get('id');
  if (id === undefined) report(ctx, 'missing-field', 'id', 'id is required');
  const kind = rowKind(spec, ctx);
  if (id === undefined || kind === undefined) return { nodes: [], edges: [] };

  const environmentRaw = v.get('environment');
  const environment = environmentRaw === undefined ? undefined : parseEnvironment(environmentRaw);
  if (environmentRaw !== undefined && environment === undefined) {
    report(ctx, 'bad-value', 'environment', `${describe(environmentRaw)} is not an environment (prod, staging, dev or an alias such as production, stg, sandbox)`);
  }
  const properties = nodeProperties(spec, kind, ctx);
  const edges = linkEdges(spec, id, kind, ctx);
  if (hasErrors(ctx)) return { nodes: [], edges: [] };

  const owner = v.get('owner');
  const node: NodeRecord = {
    id, kind, name: v.get('name') ?? id,
    ...(owner !== undefined ? { owner } : {}),
    ...(environment !== undefined ? { environment } : {}),
    tags: splitList(v.get('tags') ?? ''), source: SOURCE, properties, provenance: ctx.provenance,
  };
  return { nodes: [node], edges };
}

function rowKind(spec: NodeFileSpec, ctx: RowContext): NodeKind | undefined {
  const raw = ctx.values.get('kind');
  if (raw === undefined) {
    if (spec.defaultKind === undefined) report(ctx, 'missing-field', 'kind', `kind is required (one of ${spec.kinds.join(', ')})`);
    return spec.defaultKind;
  }
  const kind = parseNodeKind(raw);
  if (kind !== undefined && spec.kinds.includes(kind)) return kind;
  const home = kind === undefined ? undefined : fileOf(kind);
  const hint = kind === undefined ? `known kinds: ${NODE_KINDS.join(', ')}` : `${kind} rows belong in ${home ?? 'another file'}`;
  report(ctx, 'unknown-kind', 'kind', `unknown kind ${describe(raw)} in ${spec.name}; valid kinds here: ${spec.kinds.join(', ')} (${hint})`);
  return undefined;
}

function fileOf(kind: NodeKind): string | undefined {
  return CSV_FILES.find((f) => f.role === 'nodes' && f.kinds.includes(kind))?.name;
}

/** The typed properties of the row for its kind; `fingerprint` comes from the secret column when there is one. */
function nodeProperties(spec: NodeFileSpec, kind: NodeKind, ctx: RowContext): Record<string, PropValue> {
  const kindProps = nodeSpec(kind).props as Readonly<Record<string, PropSpec>>;
  const common = COMMON_NODE_PROPS as Readonly<Record<string, PropSpec>>;
  const links = new Set(spec.links.map((l) => l.column));
  const properties: Record<string, PropValue> = {};
  for (const [col, raw] of ctx.values) {
    if (FIELDS.has(col) || links.has(col) || col === spec.secretColumn) continue;
    if (EXTRA_COLUMN.test(col)) { properties[col] = raw; continue; }
    const prop = kindProps[col] ?? common[col];
    if (prop === undefined) {
      report(ctx, 'bad-value', col, `property "${col}" does not apply to kind ${kind}; the value was ignored`, 'warning');
      continue;
    }
    const parsed = parseProp(col, prop, raw);
    if (parsed.ok) properties[col] = parsed.value;
    else report(ctx, parsed.code, col, parsed.reason);
  }
  const secret = spec.secretColumn === undefined ? undefined : ctx.values.get(spec.secretColumn);
  if (secret !== undefined) properties['fingerprint'] = secret;
  for (const [name, prop] of Object.entries(kindProps)) {
    if (prop.required && ctx.values.get(name) === undefined) report(ctx, 'missing-field', name, `${name} is required for kind ${kind}: ${prop.summary}`);
  }
  return properties;
}

/** Edges listed in the row's link columns, checked against the edge spec's endpoint kinds for this side. */
function linkEdges(spec: NodeFileSpec, id: string, kind: NodeKind, ctx: RowContext): EdgeRecord[] {
  const edges: EdgeRecord[] = [];
  for (const link of spec.links) {
    const raw = ctx.values.get(link.column);
    if (raw === undefined) continue;
    if (!linkAllows(link, kind)) {
      const side = link.direction === 'out' ? 'from' : 'to';
      report(ctx, 'kind-mismatch', link.column, `${link.edge} cannot go ${side} a ${kind}; allowed ${side} kinds: ${edgeSpec(link.edge)[side].join(', ')}`);
      continue;
    }
    for (const other of splitList(raw)) {
      if (other === id) { report(ctx, 'bad-value', link.column, `"${id}" lists itself; self-loops are not allowed`); continue; }
      const [from, to] = link.direction === 'out' ? [id, other] : [other, id];
      edges.push({ kind: link.edge, from, to, source: SOURCE, properties: {}, provenance: ctx.provenance });
    }
  }
  return edges;
}

function linkAllows(link: LinkColumn, kind: NodeKind): boolean {
  const spec = edgeSpec(link.edge);
  return (link.direction === 'out' ? spec.from : spec.to).includes(kind);
}
