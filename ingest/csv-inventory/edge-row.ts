// transform, edge files: one row of bindings.csv, permissions.csv or oauth-grants.csv → one EdgeRecord.
import { edgeSpec, parseEdgeKind, type EdgeKind, type EdgeRecord, type PropSpec, type PropValue } from '../../src/model/index.js';
import { describe, parseProp } from '../values.js';
import { EXTRA_COLUMN, type EdgeFileSpec } from './files.js';
import { SOURCE, hasErrors, report, type RowContext } from './row-context.js';

/** Turns an edge-file row into its edge; problems go to `ctx.diagnostics`. */
export function transformEdgeRow(spec: EdgeFileSpec, ctx: RowContext): { nodes: []; edges: EdgeRecord[] } {
  const from = ctx.values.get(spec.fromColumn);
  const to = ctx.values.get(spec.toColumn);
  if (from === undefined) report(ctx, 'missing-field', spec.fromColumn, `${spec.fromColumn} is required (the id of the source node)`);
  if (to === undefined) report(ctx, 'missing-field', spec.toColumn, `${spec.toColumn} is required (the id of the target node)`);
  const kind = rowKind(spec, ctx);
  if (from !== undefined && from === to) report(ctx, 'bad-value', spec.toColumn, `${spec.fromColumn} and ${spec.toColumn} are both "${from}"; self-loops are not allowed`);
  if (from === undefined || to === undefined || kind === undefined) return { nodes: [], edges: [] };
  const properties = edgeProperties(spec, kind, ctx);
  if (hasErrors(ctx)) return { nodes: [], edges: [] };
  return { nodes: [], edges: [{ kind, from, to, source: SOURCE, properties, provenance: ctx.provenance }] };
}

function rowKind(spec: EdgeFileSpec, ctx: RowContext): EdgeKind | undefined {
  if (!spec.kindColumn) return spec.kinds[0];
  const raw = ctx.values.get('kind');
  if (raw === undefined) {
    report(ctx, 'missing-field', 'kind', `kind is required (one of ${spec.kinds.join(', ')})`);
    return undefined;
  }
  const kind = parseEdgeKind(raw);
  if (kind !== undefined && spec.kinds.includes(kind)) return kind;
  const hint = kind === undefined ? '' : ` (${kind} edges belong in another file)`;
  report(ctx, 'unknown-kind', 'kind', `unknown edge kind ${describe(raw)} in ${spec.name}; valid kinds here: ${spec.kinds.join(', ')}${hint}`);
  return undefined;
}

/** The typed properties of the row for its edge kind; values for properties the kind lacks are ignored with a warning. */
function edgeProperties(spec: EdgeFileSpec, kind: EdgeKind, ctx: RowContext): Record<string, PropValue> {
  const props = edgeSpec(kind).props as Readonly<Record<string, PropSpec>>;
  const properties: Record<string, PropValue> = {};
  for (const [col, raw] of ctx.values) {
    if (col === spec.fromColumn || col === spec.toColumn || (spec.kindColumn && col === 'kind')) continue;
    if (EXTRA_COLUMN.test(col)) { properties[col] = raw; continue; }
    const prop = props[col];
    if (prop === undefined) {
      report(ctx, 'bad-value', col, `property "${col}" does not apply to ${kind} edges; the value was ignored`, 'warning');
      continue;
    }
    const parsed = parseProp(col, prop, raw);
    if (parsed.ok) properties[col] = parsed.value;
    else report(ctx, parsed.code, col, parsed.reason);
  }
  for (const [name, prop] of Object.entries(props)) {
    if (prop.required && ctx.values.get(name) === undefined) {
      const values = prop.values ? ` (one of ${prop.values.join(', ')})` : '';
      report(ctx, 'missing-field', name, `${name} is required for ${kind}${values}`);
    }
  }
  return properties;
}
