// Normalises the two shapes of one export: Graph REST JSON (camelCase, ISO dates, `{"value":[…]}` pages) and the
// PowerShell SDK's ConvertTo-Json output (PascalCase, `/Date(ms)/` dates, `AdditionalProperties` bags, a single
// object when there is one item). Property names become camelCase; dates become ISO strings in UTC.
import { parseIsoDate } from '../values.js';
import { isObject } from '../values.js';

/** One object of the export with the JSON path it was found at. */
export interface Located {
  readonly value: Record<string, unknown>;
  readonly at: string;
}

/** camelCase of a property name: `AppId` → `appId`, `OAuth2PermissionScopes` → `oauth2PermissionScopes`. */
export function camelKey(key: string): string {
  if (key.startsWith('@')) return key;
  if (/^OAuth2/.test(key)) return `oauth2${key.slice(6)}`;
  return key.length > 0 && /[A-Z]/.test(key[0] as string) ? (key[0] as string).toLowerCase() + key.slice(1) : key;
}

/** A copy of `value` with camelCase keys at every level; `AdditionalProperties` is merged into its object. */
export function camelize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelize);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const k = camelKey(key);
    if (k === 'additionalProperties' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      for (const [ak, av] of Object.entries(camelize(v) as Record<string, unknown>)) if (!(ak in out)) out[ak] = av;
      continue;
    }
    out[k] = camelize(v);
  }
  return out;
}

const MS_DATE = /^\\?\/Date\((-?\d+)(?:[+-]\d{4})?\)\\?\/$/;

/** An ISO date from Graph's ISO string or PowerShell's `/Date(ms)/` (also with escaped slashes); undefined otherwise. */
export function parseEntraDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const ms = MS_DATE.exec(raw.trim());
  if (ms) {
    const d = new Date(Number(ms[1]));
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  const iso = parseIsoDate(raw.trim().replace(/(\.\d{3})\d+/, '$1'));
  // NOTE: .NET writes DateTime.MinValue (0001-01-01) for "no date".
  return iso === undefined || iso.startsWith('0001-') ? undefined : iso;
}

/**
 * The objects of an export: a `{"value":[…]}` page, a list of pages, a list of objects, or a single object.
 * The wrapper's `tenantId` (added by the user, Graph does not write one) names the tenant.
 */
export function objectsOf(doc: unknown): { objects: Located[]; tenantId?: string } {
  const objects: Located[] = [];
  let tenantId: string | undefined;
  const page = (p: Record<string, unknown>, at: string): void => {
    if (typeof p['tenantId'] === 'string' && !('id' in p)) tenantId ??= p['tenantId'];
    const list = p['value'];
    if (Array.isArray(list) && !('id' in p)) {
      list.forEach((o, i) => { if (isObject(o)) objects.push({ value: o, at: `${at}.value[${i}]` }); });
    } else objects.push({ value: p, at });
  };
  if (Array.isArray(doc)) doc.forEach((o, i) => { if (isObject(o)) page(o, `$[${i}]`); });
  else if (isObject(doc)) page(doc, '$');
  return tenantId === undefined ? { objects } : { objects, tenantId };
}

export { isObject };

/** A non-empty string field, else undefined. */
export function str(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** An array field (PowerShell writes `null` for empty lists, and a lone item as an object). */
export function list(o: Record<string, unknown>, key: string): unknown[] {
  const v = o[key];
  return Array.isArray(v) ? v : isObject(v) ? [v] : [];
}
