// transform for OpenGraph payloads pathwarden wrote (src/graph/opengraph.ts): each node and edge is reshaped into the
// JSON graph shape and checked by the same code (transform.ts); diagnostics name the OpenGraph field
// (`$.graph.nodes[2].kinds`, `$.graph.edges[0].start.match_by`). Derived `pw_` properties (findings, provenance,
// traversability) are dropped, so a round trip gives the graph that was exported. Pure.
import {
  OPENGRAPH_BASE_KIND, OPENGRAPH_DERIVED_PROPS, OPENGRAPH_NAMESPACE, OPENGRAPH_NODE_FIELDS, OPENGRAPH_SOURCE_KIND, PW_PROP, fromOpenGraphId,
} from '../../src/graph/opengraph.js';
import { emptyRecords, type Records } from '../../src/model/index.js';
import { describe } from '../values.js';
import { fail, isObj, report, transformEdge, transformNode, type Ctx } from './transform.js';

type Obj = Record<string, unknown>;

/** The start of a payload pathwarden wrote, as `detect` sees it. */
export const OPENGRAPH_HEAD = new RegExp(`^\\s*\\{\\s*"metadata"\\s*:\\s*\\{\\s*"source_kind"\\s*:\\s*"${OPENGRAPH_SOURCE_KIND}"`);
const PREFIX = `${OPENGRAPH_NAMESPACE}_`;
const NODE_RENAME = {
  '.kind': '.kinds', '.name': '.properties.name', '.owner': `.properties.${OPENGRAPH_NODE_FIELDS.owner}`,
  '.environment': `.properties.${OPENGRAPH_NODE_FIELDS.environment}`, '.tags': `.properties.${OPENGRAPH_NODE_FIELDS.tags}`,
  '.source': `.properties.${OPENGRAPH_NODE_FIELDS.source}`,
};
const EDGE_RENAME = { '.from': '.start.value', '.to': '.end.value', '.source': `.properties.${OPENGRAPH_NODE_FIELDS.source}` };
/** Record fields by their property name (`pw_owner` → `owner`). */
const FIELD_OF: ReadonlyMap<string, string> = new Map(Object.entries(OPENGRAPH_NODE_FIELDS).map(([field, prop]) => [prop, field]));

/** True when a parsed JSON document is shaped like an OpenGraph payload (`graph`, no `format`). */
export function isOpenGraph(doc: unknown): doc is Obj {
  return isObj(doc) && doc['format'] === undefined && doc['graph'] !== undefined;
}

/** Turns an OpenGraph payload into records; a payload that is not pathwarden's, or not shaped right, is one diagnostic. */
export function transformOpenGraph(doc: Obj, file: string): Records {
  const out = emptyRecords();
  const top: Ctx = { file, path: '$', diagnostics: out.diagnostics };
  const meta = doc['metadata'];
  if (meta !== undefined && meta !== null && !isObj(meta)) return fail(out, top, '$.metadata', '"metadata" must be an object');
  const sourceKind = isObj(meta) ? meta['source_kind'] : undefined;
  if (sourceKind !== undefined && sourceKind !== null && sourceKind !== OPENGRAPH_SOURCE_KIND) {
    return fail(out, top, '$.metadata.source_kind', `source_kind ${describe(sourceKind)} is not "${OPENGRAPH_SOURCE_KIND}": only OpenGraph written by pathwarden export (${PREFIX} kinds) can be read`);
  }
  const graph = doc['graph'];
  if (!isObj(graph)) return fail(out, top, '$.graph', 'expected "graph": { "nodes": [...], "edges": [...] }');
  for (const key of ['nodes', 'edges'] as const) {
    if (graph[key] !== undefined && !Array.isArray(graph[key])) return fail(out, top, `$.graph.${key}`, `"${key}" must be an array`);
  }
  for (const [i, raw] of ((graph['nodes'] ?? []) as unknown[]).entries()) {
    const ctx: Ctx = { file, path: `$.graph.nodes[${i}]`, diagnostics: out.diagnostics, rename: NODE_RENAME };
    const shaped = nodeShape(raw, ctx);
    const node = shaped && transformNode(shaped, ctx);
    if (node) out.nodes.push(node);
  }
  for (const [i, raw] of ((graph['edges'] ?? []) as unknown[]).entries()) {
    const ctx: Ctx = { file, path: `$.graph.edges[${i}]`, diagnostics: out.diagnostics, rename: EDGE_RENAME };
    const shaped = edgeShape(raw, ctx);
    const edge = shaped && transformEdge(shaped, ctx);
    if (edge) out.edges.push(edge);
  }
  return out;
}

/** An OpenGraph node in the JSON graph shape, or undefined when it cannot be reshaped (reported). */
function nodeShape(raw: unknown, ctx: Ctx): Obj | undefined {
  if (!isObj(raw)) { report(ctx, 'bad-value', '', 'expected an object'); return undefined; }
  warnUnknown(raw, ['id', 'kinds', 'properties'], ctx);
  const kinds = raw['kinds'];
  if (!Array.isArray(kinds) || !kinds.every((k) => typeof k === 'string')) {
    report(ctx, kinds === undefined ? 'missing-field' : 'bad-value', '.kinds', 'kinds must be an array of strings');
    return undefined;
  }
  const ours = (kinds as string[]).find((k) => k.startsWith(PREFIX) && k !== OPENGRAPH_BASE_KIND);
  if (ours === undefined) {
    report(ctx, 'unknown-kind', '.kinds', `no pathwarden kind (${PREFIX}<kind>, e.g. ${PREFIX}ServiceAccount) among kinds ${describe(kinds)}`);
    return undefined;
  }
  const props = split(raw['properties'], ctx);
  if (props === undefined) return undefined;
  const { name, ...properties } = props.properties;
  return { id: typeof raw['id'] === 'string' ? fromOpenGraphId(raw['id']) : raw['id'], kind: ours.slice(PREFIX.length), name, ...props.fields, properties };
}

/** An OpenGraph edge in the JSON graph shape, or undefined when it cannot be reshaped (reported). */
function edgeShape(raw: unknown, ctx: Ctx): Obj | undefined {
  if (!isObj(raw)) { report(ctx, 'bad-value', '', 'expected an object'); return undefined; }
  warnUnknown(raw, ['kind', 'start', 'end', 'properties'], ctx);
  const kind = raw['kind'];
  if (typeof kind === 'string' && !kind.startsWith(PREFIX)) {
    report(ctx, 'unknown-kind', '.kind', `edge kind ${describe(kind)} is not a pathwarden kind (${PREFIX}<KIND>, e.g. ${PREFIX}CAN_ALTER)`);
    return undefined;
  }
  const from = endpoint(raw['start'], '.start', ctx);
  const to = endpoint(raw['end'], '.end', ctx);
  const props = split(raw['properties'], ctx);
  if (from === null || to === null || props === undefined) return undefined;
  if (props.fields['tags'] !== undefined || props.fields['owner'] !== undefined || props.fields['environment'] !== undefined) {
    report(ctx, 'bad-value', '.properties', 'edges carry no owner, environment or tags (pw_owner, pw_environment, pw_tags)');
    return undefined;
  }
  return { kind: typeof kind === 'string' ? kind.slice(PREFIX.length) : kind, from, to, ...props.fields, properties: props.properties };
}

/** The node id an endpoint names (match_by id only); undefined passes on to the required-field check, null is reported. */
function endpoint(raw: unknown, at: string, ctx: Ctx): unknown {
  if (raw === undefined) return undefined;
  if (!isObj(raw)) { report(ctx, 'bad-value', at, 'expected an object { "match_by": "id", "value": "<node id>" }'); return null; }
  const by = raw['match_by'];
  if (by !== undefined && by !== 'id') {
    report(ctx, 'bad-value', `${at}.match_by`, `match_by ${describe(by)} is not supported: pathwarden reads edges that name their nodes by id`);
    return null;
  }
  const value = raw['value'];
  if (value === undefined) { report(ctx, 'missing-field', `${at}.value`, 'value (the node id) is required'); return null; }
  return typeof value === 'string' ? fromOpenGraphId(value) : value;
}

/** Properties split into record fields (`pw_owner` …) and model properties; derived `pw_` ones dropped. */
function split(raw: unknown, ctx: Ctx): { fields: Obj; properties: Obj } | undefined {
  if (raw === undefined || raw === null) return { fields: {}, properties: {} };
  if (!isObj(raw)) { report(ctx, 'bad-value', '.properties', 'expected an object'); return undefined; }
  const fields: Obj = {};
  const properties: Obj = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = FIELD_OF.get(key);
    if (field !== undefined) fields[field] = value;
    else if (OPENGRAPH_DERIVED_PROPS.has(key)) continue;
    else if (key.startsWith(PW_PROP)) report(ctx, 'bad-value', `.properties.${key}`, `unknown pathwarden property "${key}" ignored`, 'warning');
    else properties[key] = value;
  }
  return { fields, properties };
}

function warnUnknown(raw: Obj, known: readonly string[], ctx: Ctx): void {
  for (const key of Object.keys(raw)) if (!known.includes(key)) report(ctx, 'bad-value', `.${key}`, `unknown field "${key}" ignored`, 'warning');
}
