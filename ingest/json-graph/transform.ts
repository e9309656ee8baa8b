// transform: a parsed JSON graph document (src/graph/export.ts writes it) → records. Pure. Every problem
// names the JSON path (`$.edges[3].kind`); a bad node or edge is skipped, the rest load.
import {
  COMMON_NODE_PROPS, EDGE_KINDS, NODE_KINDS, edgeSpec, emptyRecords, nodeSpec, parseEdgeKind, parseNodeKind,
  type Diagnostic, type EdgeRecord, type NodeRecord, type PropSpec, type PropValue, type Records,
} from '../../src/model/index.js';
import { scrubSecrets } from '../secrets.js';
import { describe, parseEnvironment, parseProp } from '../values.js';

export const SOURCE = 'json-graph';
const FORMAT = 'pathwarden-graph';
const EXTRA = /^x_[A-Za-z0-9_]+$/;
const NODE_KEYS = new Set(['id', 'kind', 'name', 'owner', 'environment', 'tags', 'source', 'properties', 'provenance']);
const EDGE_KEYS = new Set(['kind', 'from', 'to', 'source', 'properties', 'provenance']);

type Obj = Record<string, unknown>;

/** One record being checked: its JSON path and the diagnostics found so far. */
export interface Ctx {
  readonly file: string;
  readonly path: string;
  readonly diagnostics: Diagnostic[];
  /** Where a field of the JSON graph shape is in the input, when the input has another shape (`.kind` → `.kinds`). */
  readonly rename?: Readonly<Record<string, string>>;
}

/** Turns a JSON graph document into records; the document itself being wrong is one diagnostic. */
export function transformGraph(doc: unknown, file: string): Records {
  const out = emptyRecords();
  const top: Ctx = { file, path: '$', diagnostics: out.diagnostics };
  if (!isObj(doc)) return fail(out, top, '$', `expected a JSON object with "format": "${FORMAT}", "nodes" and "edges"`);
  if (doc['format'] !== undefined && doc['format'] !== FORMAT) return fail(out, top, '$.format', `format ${describe(doc['format'])} is not "${FORMAT}"`);
  if (doc['version'] !== undefined && doc['version'] !== 1) return fail(out, top, '$.version', `version ${describe(doc['version'])} is not supported (expected 1)`);
  for (const key of ['nodes', 'edges'] as const) {
    if (doc[key] !== undefined && !Array.isArray(doc[key])) return fail(out, top, `$.${key}`, `"${key}" must be an array`);
  }
  for (const [i, raw] of ((doc['nodes'] ?? []) as unknown[]).entries()) {
    const node = transformNode(raw, { file, path: `$.nodes[${i}]`, diagnostics: out.diagnostics });
    if (node) out.nodes.push(node);
  }
  for (const [i, raw] of ((doc['edges'] ?? []) as unknown[]).entries()) {
    const edge = transformEdge(raw, { file, path: `$.edges[${i}]`, diagnostics: out.diagnostics });
    if (edge) out.edges.push(edge);
  }
  return out;
}

/** One node of the JSON graph shape → a record, or undefined (diagnostics said why). */
export function transformNode(raw: unknown, ctx: Ctx): NodeRecord | undefined {
  if (!isObj(raw)) {
    report(ctx, 'bad-value', '', 'expected an object');
    return undefined;
  }
  const rec = scrub(raw, ctx) as Obj;
  const errors = ctx.diagnostics.length;
  const id = requireString(rec, 'id', ctx);
  const kindRaw = requireString(rec, 'kind', ctx);
  const kind = kindRaw === undefined ? undefined : parseNodeKind(kindRaw);
  if (kindRaw !== undefined && kind === undefined) report(ctx, 'unknown-kind', '.kind', `unknown node kind ${describe(kindRaw)}; valid kinds: ${NODE_KINDS.join(', ')}`);
  const name = optionalString(rec, 'name', ctx);
  const owner = optionalString(rec, 'owner', ctx);
  const source = optionalString(rec, 'source', ctx);
  const envRaw = optionalString(rec, 'environment', ctx);
  const environment = envRaw === undefined ? undefined : parseEnvironment(envRaw);
  if (envRaw !== undefined && environment === undefined) report(ctx, 'bad-value', '.environment', `${describe(envRaw)} is not an environment (prod, staging, dev)`);
  const tags = rec['tags'] === undefined ? [] : rec['tags'];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) report(ctx, 'bad-value', '.tags', 'expected an array of strings');
  warnUnknownKeys(rec, NODE_KEYS, ctx);
  const props = kind === undefined ? {} : { ...(COMMON_NODE_PROPS as Record<string, PropSpec>), ...(nodeSpec(kind).props as Record<string, PropSpec>) };
  const properties = kind === undefined ? {} : typedProperties(rec['properties'], props, `kind ${kind}`, ctx);
  if (kind !== undefined) for (const [p, spec] of Object.entries(props)) if (spec.required && properties[p] === undefined) report(ctx, 'missing-field', `.properties.${p}`, `${p} is required for kind ${kind}`);
  if (hasErrorsSince(ctx, errors) || id === undefined || kind === undefined) return undefined;
  return {
    id, kind, name: name ?? id, ...(owner !== undefined ? { owner } : {}), ...(environment !== undefined ? { environment } : {}),
    tags: tags as string[], source: source ?? SOURCE, properties, provenance: { source: SOURCE, file: ctx.file, path: ctx.path },
  };
}

/** One edge of the JSON graph shape → a record, or undefined (diagnostics said why). */
export function transformEdge(raw: unknown, ctx: Ctx): EdgeRecord | undefined {
  if (!isObj(raw)) {
    report(ctx, 'bad-value', '', 'expected an object');
    return undefined;
  }
  const rec = scrub(raw, ctx) as Obj;
  const errors = ctx.diagnostics.length;
  const kindRaw = requireString(rec, 'kind', ctx);
  const kind = kindRaw === undefined ? undefined : parseEdgeKind(kindRaw);
  if (kindRaw !== undefined && kind === undefined) report(ctx, 'unknown-kind', '.kind', `unknown edge kind ${describe(kindRaw)}; valid kinds: ${EDGE_KINDS.join(', ')}`);
  const from = requireString(rec, 'from', ctx);
  const to = requireString(rec, 'to', ctx);
  if (from !== undefined && from === to) report(ctx, 'bad-value', '.to', `from and to are both "${from}"; self-loops are not allowed`);
  const source = optionalString(rec, 'source', ctx);
  warnUnknownKeys(rec, EDGE_KEYS, ctx);
  const props = kind === undefined ? {} : (edgeSpec(kind).props as Record<string, PropSpec>);
  const properties = kind === undefined ? {} : typedProperties(rec['properties'], props, `${kind} edges`, ctx);
  if (kind !== undefined) for (const [p, spec] of Object.entries(props)) if (spec.required && properties[p] === undefined) report(ctx, 'missing-field', `.properties.${p}`, `${p} is required for ${kind}`);
  if (hasErrorsSince(ctx, errors) || kind === undefined || from === undefined || to === undefined) return undefined;
  return { kind, from, to, source: source ?? SOURCE, properties, provenance: { source: SOURCE, file: ctx.file, path: ctx.path } };
}

/** Checks each property against its spec; `x_…` extras are kept as strings; anything else is an error. */
function typedProperties(raw: unknown, props: Readonly<Record<string, PropSpec>>, owner: string, ctx: Ctx): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  if (raw === undefined) return out;
  if (!isObj(raw)) {
    report(ctx, 'bad-value', '.properties', 'expected an object');
    return out;
  }
  for (const [name, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    const at = `.properties.${name}`;
    if (EXTRA.test(name)) {
      if (typeof value === 'string') out[name] = value;
      else report(ctx, 'bad-value', at, 'extra x_ properties must be strings');
      continue;
    }
    const spec = props[name];
    if (spec === undefined) { report(ctx, 'bad-value', at, `property "${name}" is not declared for ${owner} (use an x_ name for extra data)`); continue; }
    const parsed = parseProp(name, spec, value);
    if (parsed.ok) out[name] = parsed.value;
    else report(ctx, parsed.code, at, parsed.reason);
  }
  return out;
}

/** A copy of the record with every secret-shaped string replaced by its fingerprint (warning per string). */
function scrub(value: unknown, ctx: Ctx, at = ''): unknown {
  if (typeof value === 'string') {
    const { text, found } = scrubSecrets(value);
    if (found.length > 0) report(ctx, 'secret-fingerprinted', at, `${found.join(', ')} found; replaced by its fingerprint and not stored`, 'warning');
    return text;
  }
  if (Array.isArray(value)) return value.map((v, i) => scrub(v, ctx, `${at}[${i}]`));
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, ctx, `${at}.${k}`)]));
  return value;
}

function requireString(rec: Obj, key: string, ctx: Ctx): string | undefined {
  const v = rec[key];
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  report(ctx, v === undefined || v === '' ? 'missing-field' : 'bad-value', `.${key}`, v === undefined || v === '' ? `${key} is required` : `${key} must be a non-empty string`);
  return undefined;
}

function optionalString(rec: Obj, key: string, ctx: Ctx): string | undefined {
  const v = rec[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  report(ctx, 'bad-value', `.${key}`, `${key} must be a string`);
  return undefined;
}

function warnUnknownKeys(rec: Obj, known: ReadonlySet<string>, ctx: Ctx): void {
  for (const key of Object.keys(rec)) if (!known.has(key)) report(ctx, 'bad-value', `.${key}`, `unknown field "${key}" ignored`, 'warning');
}

/** Adds a diagnostic for the field at `suffix` of the current record. */
export function report(ctx: Ctx, code: Diagnostic['code'], suffix: string, message: string, severity: Diagnostic['severity'] = 'error'): void {
  ctx.diagnostics.push({ severity, code, message, source: SOURCE, file: ctx.file, field: `${ctx.path}${ctx.rename?.[suffix] ?? suffix}` });
}

/** The whole document is unusable: one diagnostic, no records. */
export function fail(out: ReturnType<typeof emptyRecords>, ctx: Ctx, path: string, message: string): Records {
  out.diagnostics.push({ severity: 'error', code: 'bad-value', source: SOURCE, file: ctx.file, field: path, message: `${message}; the file was skipped` });
  return out;
}

function hasErrorsSince(ctx: Ctx, start: number): boolean {
  for (let i = start; i < ctx.diagnostics.length; i++) if (ctx.diagnostics[i]?.severity === 'error') return true;
  return false;
}

/** True for a JSON object (not an array, not null). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
