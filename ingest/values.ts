// Typed values from input text or JSON, checked against a PropSpec from the model: the one place where
// integers, booleans, dates, lists and enum values are parsed, shared by every ingestor.
import { ENVIRONMENTS, ENVIRONMENT_ALIASES, type Environment, type PropSpec, type PropValue } from '../src/model/index.js';

/** True for a plain JSON object (not null, not an array): the one check every JSON and YAML reader uses. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A parsed value, or why it was refused (`bad-date` for dates, `bad-value` for everything else). */
export type ParsedValue =
  | { readonly ok: true; readonly value: PropValue }
  | { readonly ok: false; readonly code: 'bad-value' | 'bad-date'; readonly reason: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
/** List properties whose items may also be separated by spaces (OAuth scope strings are space-separated). */
const SPACE_SEPARATED = new Set(['scopes']);

const ok = (value: PropValue): ParsedValue => ({ ok: true, value });
const bad = (reason: string): ParsedValue => ({ ok: false, code: 'bad-value', reason });

/** Parsed dates by their text: inventories repeat the same few thousand dates millions of times. */
const DATE_MEMO = new Map<string, string | undefined>();
const DATE_MEMO_MAX = 65_536;

/** Parses an ISO-8601 date or date-time into a UTC ISO string; a time without offset is taken as UTC. */
export function parseIsoDate(raw: string): string | undefined {
  if (DATE_MEMO.has(raw)) return DATE_MEMO.get(raw);
  const parsed = parseIsoDateOnce(raw);
  if (DATE_MEMO.size >= DATE_MEMO_MAX) DATE_MEMO.clear();
  DATE_MEMO.set(raw, parsed);
  return parsed;
}

function parseIsoDateOnce(raw: string): string | undefined {
  const m = ISO_DATE.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const offset = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone.toUpperCase();
  const text = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`;
  const t = Date.parse(text);
  if (Number.isNaN(t)) return undefined;
  // NOTE: Date.parse rolls 2026-02-30 over to March; refuse days that do not exist.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  return new Date(t).toISOString();
}

/** Resolves an environment name or alias (`production`, `stg`) to prod|staging|dev. */
export function parseEnvironment(raw: string): Environment | undefined {
  return ENVIRONMENT_ALIASES[raw.trim().toLowerCase()];
}

/** Splits a list cell on `;` (and on whitespace for space-separated properties); empty items are dropped. */
export function splitList(raw: string, name = ''): string[] {
  const parts = SPACE_SEPARATED.has(name) ? raw.split(/[;\s]+/) : raw.split(';');
  const out: string[] = [];
  for (const p of parts) {
    const item = p.trim();
    if (item !== '' && !out.includes(item)) out.push(item);
  }
  return out;
}

/** Parses a value for property `name` from text (CSV) or from a JSON value. */
export function parseProp(name: string, spec: PropSpec, input: unknown): ParsedValue {
  switch (spec.type) {
    case 'string':
      return typeof input === 'string' ? ok(input) : bad('expected a string');
    case 'integer':
      return parseInteger(spec, input);
    case 'boolean':
      return parseBoolean(input);
    case 'datetime': {
      const date = typeof input === 'string' ? parseIsoDate(input) : undefined;
      return date !== undefined ? ok(date)
        : { ok: false, code: 'bad-date', reason: `${describe(input)} is not an ISO-8601 date (use 2026-03-01 or 2026-03-01T09:00:00Z)` };
    }
    case 'string[]':
      return parseList(name, input);
    case 'enum':
      return parseEnum(spec, input);
  }
}

function parseInteger(spec: PropSpec, input: unknown): ParsedValue {
  const n = typeof input === 'number' ? input : typeof input === 'string' && /^[+-]?\d+$/.test(input.trim()) ? Number(input) : NaN;
  const range = spec.min !== undefined && spec.max !== undefined ? ` from ${spec.min} to ${spec.max}` : '';
  if (!Number.isInteger(n)) return bad(`${describe(input)} is not an integer${range}`);
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return bad(`${n} is out of range (expected an integer${range})`);
  return ok(n);
}

function parseBoolean(input: unknown): ParsedValue {
  if (typeof input === 'boolean') return ok(input);
  const text = typeof input === 'string' ? input.trim().toLowerCase() : undefined;
  if (text !== undefined && TRUE.has(text)) return ok(true);
  if (text !== undefined && FALSE.has(text)) return ok(false);
  return bad(`${describe(input)} is not a boolean (use true or false)`);
}

function parseList(name: string, input: unknown): ParsedValue {
  if (typeof input === 'string') return ok(splitList(input, name));
  if (Array.isArray(input) && input.every((x) => typeof x === 'string')) return ok(input.flatMap((x: string) => splitList(x, name)));
  return bad('expected a list of strings');
}

function parseEnum(spec: PropSpec, input: unknown): ParsedValue {
  const values = spec.values ?? [];
  const text = typeof input === 'string' ? input.trim().toLowerCase() : undefined;
  if (text !== undefined) {
    const exact = values.find((v) => v.toLowerCase() === text);
    if (exact !== undefined) return ok(exact);
    if (values === ENVIRONMENTS) {
      const env = parseEnvironment(text);
      if (env !== undefined) return ok(env);
    }
  }
  return bad(`${describe(input)} is not one of ${values.join(', ')}`);
}

/** A short, quoted rendering of an input value for messages. */
export function describe(input: unknown): string {
  const text = typeof input === 'string' ? input : JSON.stringify(input) ?? String(input);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
