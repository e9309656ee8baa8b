// The merge diagnostics both graph builders give (build.ts for graphology, compact-build.ts for typed arrays):
// duplicate nodes, dangling references, endpoint kinds, conflicting duplicate edges, located and worded once;
// test/graph/compact-build.test.ts compares both builders' diagnostics in full, messages included.
import { EDGE_KINDS, type Diagnostic, type NodeRecord, type PropValue, type Provenance } from '../model/index.js';
import { NO_LINE, propStart, StringTable, type EdgeTable } from './compact-build-columns.js';

/** A diagnostic located at a record's provenance; JSON records name the field by JSON path. */
export function diagnosticAt(p: Provenance, code: Diagnostic['code'], field: string, message: string): Diagnostic {
  return {
    severity: 'error', code, message, source: p.source,
    ...(p.file !== undefined ? { file: p.file } : {}), ...(p.line !== undefined ? { line: p.line } : {}),
    field: p.path !== undefined ? `${p.path}.${field}` : field,
  };
}

/** `file:line` (or `file $.nodes[3]`) of a record, for messages. */
export function where(p: Provenance): string {
  const file = p.file ?? p.source;
  return p.line !== undefined ? `${file}:${p.line}` : p.path !== undefined ? `${file} ${p.path}` : file;
}

/**
 * The record a node becomes when `node` arrives after `first` and either is a reference (properties.reference:
 * a source only names the node): the full record wins, properties only the other had are kept, list properties
 * are joined. Undefined when neither is a reference or their kinds differ (duplicateNode reports those).
 */
export function mergeReference(first: NodeRecord, node: NodeRecord): NodeRecord | undefined {
  const firstRef = first.properties['reference'] === true;
  const nodeRef = node.properties['reference'] === true;
  if ((!firstRef && !nodeRef) || first.kind !== node.kind) return undefined;
  const [base, extra] = firstRef && !nodeRef ? [node, first] : [first, node];
  const properties: Record<string, PropValue> = { ...base.properties };
  for (const [name, value] of Object.entries(extra.properties)) {
    const have = properties[name];
    if (have === undefined) properties[name] = value;
    else if (Array.isArray(have) && Array.isArray(value)) properties[name] = [...new Set([...(have as string[]), ...(value as string[])])].sort();
  }
  if (!firstRef || !nodeRef) delete properties['reference'];
  return { ...base, properties };
}

/** The diagnostic for a node defined again, or undefined when the second record is an identical duplicate. */
export function duplicateNode(first: NodeRecord, node: NodeRecord): Diagnostic | undefined {
  if (first.kind !== node.kind) {
    return diagnosticAt(node.provenance, 'kind-mismatch', 'kind',
      `node "${node.id}" is a ${node.kind} here but a ${first.kind} at ${where(first.provenance)}; kept the ${first.kind}`);
  }
  const differs = nodeDifferences(first, node);
  if (differs.length === 0) return undefined;
  return diagnosticAt(node.provenance, 'duplicate-conflict', 'id',
    `node "${node.id}" is defined again with different ${differs.join(', ')}; kept the one at ${where(first.provenance)}`);
}

function nodeDifferences(a: NodeRecord, b: NodeRecord): string[] {
  const out: string[] = [];
  if (a.name !== b.name) out.push('name');
  if (a.owner !== b.owner) out.push('owner');
  if (a.environment !== b.environment) out.push('environment');
  if (canonical([...a.tags].sort()) !== canonical([...b.tags].sort())) out.push('tags');
  const names = [...new Set([...Object.keys(a.properties), ...Object.keys(b.properties)])].sort();
  return [...out, ...names.filter((n) => canonical(a.properties[n]) !== canonical(b.properties[n]))];
}

/** What build.ts compares property values by. */
export function canonical(value: PropValue | readonly string[] | undefined): string {
  return value === undefined ? '' : JSON.stringify(value);
}

/** Provenance of edge `e`, rebuilt from the columns. */
export function edgeProvenance(edges: EdgeTable, e: number, tables: ProvenanceTables): Provenance {
  const file = tables.files.get(edges.file[e] as number);
  const line = edges.line[e] as number;
  const path = tables.paths.get(e);
  return {
    source: tables.sources.get(edges.source[e] as number) as string,
    ...(file !== undefined ? { file } : {}), ...(line !== NO_LINE ? { line } : {}), ...(path !== undefined ? { path } : {}),
  };
}

/** Interned provenance parts; `paths` holds the JSON path of the (few) edges that have one. */
export interface ProvenanceTables {
  readonly sources: StringTable;
  readonly files: StringTable;
  readonly paths: Map<number, string>;
}

/** Property name id → [hash 1, hash 2] of edge `e`; `envHash` overrides `environment` for a filled CAN_INVOKE. */
function propHashes(edges: EdgeTable, e: number, envName: number, envHash: [number, number] | undefined): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  for (let i = propStart(edges, e); i < (edges.propEnd[e] as number); i += 3) {
    out.set(edges.props[i] as number, [edges.props[i + 1] as number, edges.props[i + 2] as number]);
  }
  if (envHash !== undefined) out.set(envName, envHash);
  return out;
}

/** Sorted names of the properties in which edges `a` and `b` differ (as build.ts's diffProps, by value hash). */
export function edgeDifferences(
  edges: EdgeTable, a: number, b: number, names: StringTable, envHash: (e: number) => [number, number] | undefined,
): string[] {
  const envName = names.id('environment');
  const ha = propHashes(edges, a, envName, envHash(a));
  const hb = propHashes(edges, b, envName, envHash(b));
  const differs: string[] = [];
  for (const id of new Set([...ha.keys(), ...hb.keys()])) {
    const x = ha.get(id);
    const y = hb.get(id);
    if (x === undefined || y === undefined || x[0] !== y[0] || x[1] !== y[1]) differs.push(names.get(id) as string);
  }
  return differs.sort();
}

/** The diagnostic for edge `later`, a duplicate of `first` with different properties. */
export function conflictingEdge(
  later: { from: string; to: string; kind: number; provenance: Provenance }, first: Provenance, differs: readonly string[],
): Diagnostic {
  const kind = EDGE_KINDS[later.kind] as string;
  return diagnosticAt(later.provenance, 'duplicate-conflict', differs[0] as string,
    `${kind} "${later.from}" → "${later.to}" is given again with different ${differs.join(', ')}; kept the one at ${where(first)}`);
}
