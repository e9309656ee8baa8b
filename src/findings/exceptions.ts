// Accepted exceptions: a CSV of (source, target, reason, owner, expires[, rule]) that suppresses matching findings
// until it expires; expired exceptions stop suppressing and are reported so someone renews or fixes them.
import { matchesSelector, parseSelector, type Selector } from '../graph/select.js';
import type { GraphLookup } from '../graph/lookup.js';
import { InputError, PathwardenError } from '../model/index.js';
import { readConfigCsv } from './config-csv.js';
import type { Finding } from './types.js';

export interface AcceptedException {
  readonly source: string;
  readonly target: string;
  readonly rule?: string;
  readonly reason: string;
  readonly owner: string;
  /** ISO date-time; absent = never expires. */
  readonly expires?: string;
  readonly file: string;
  readonly line: number;
}

export interface ExceptionOutcome {
  readonly exception: AcceptedException;
  /** Ids of the findings it matches (suppressed when active, returned when expired). */
  readonly findings: readonly string[];
  readonly status: 'active' | 'expired' | 'unmatched';
}

export interface AppliedExceptions {
  readonly findings: Finding[];
  readonly suppressed: Finding[];
  readonly outcomes: ExceptionOutcome[];
}

const REQUIRED = ['source', 'target', 'reason', 'owner'] as const;
const ALLOWED = [...REQUIRED, 'expires', 'rule'] as const;

/** Reads an exceptions CSV. Bad files throw InputError naming file, line and field. */
export async function readExceptions(file: string): Promise<AcceptedException[]> {
  const { header, rows } = await readConfigCsv(file, 'exceptions file', ALLOWED, REQUIRED);
  return rows.map((cells, i) => toException(header, cells, file, i + 2));
}

function toException(header: readonly string[], cells: readonly string[], file: string, line: number): AcceptedException {
  const get = (col: string): string | undefined => {
    const v = cells[header.indexOf(col)];
    return v === undefined || v === '' ? undefined : v;
  };
  for (const col of REQUIRED) if (get(col) === undefined) throw new InputError('required value is empty', { file, line, field: col });
  const expiresRaw = get('expires');
  let expires: string | undefined;
  if (expiresRaw !== undefined) {
    const t = Date.parse(expiresRaw);
    if (Number.isNaN(t)) throw new InputError(`"${expiresRaw}" is not an ISO-8601 date`, { file, line, field: 'expires' });
    expires = new Date(t).toISOString();
  }
  const rule = get('rule');
  return {
    source: get('source') as string, target: get('target') as string, reason: get('reason') as string,
    owner: get('owner') as string, file, line, ...(expires ? { expires } : {}), ...(rule ? { rule } : {}),
  };
}

function compile(e: AcceptedException): { source: Selector; target: Selector } {
  try {
    return { source: parseSelector(e.source), target: parseSelector(e.target) };
  } catch (cause) {
    const msg = cause instanceof PathwardenError ? cause.message : String(cause);
    throw new InputError(msg, { file: e.file, line: e.line, field: 'source/target' }, { cause });
  }
}

/** What an exception matches a finding by. */
export interface FindingKey {
  readonly id: string;
  readonly rule: string;
  readonly source: string;
  readonly target: string;
}

/** Which exception suppresses which finding (first listed wins), and each exception's outcome. */
export function matchExceptions(
  lookup: GraphLookup, findings: readonly FindingKey[], exceptions: readonly AcceptedException[], at: number,
): { suppressedBy: Map<string, AcceptedException>; outcomes: ExceptionOutcome[] } {
  const suppressedBy = new Map<string, AcceptedException>();
  const outcomes: ExceptionOutcome[] = [];
  for (const e of exceptions) {
    const sel = compile(e);
    const memo = new Map<string, boolean>();
    const matches = (selector: Selector, id: string, side: string): boolean => {
      const key = `${side}\u0000${id}`;
      let m = memo.get(key);
      if (m === undefined) {
        m = matchesSelector(selector, id, lookup.node(id));
        memo.set(key, m);
      }
      return m;
    };
    const matched = findings.filter((f) => (e.rule === undefined || e.rule === f.rule)
      && matches(sel.source, f.source, 's') && matches(sel.target, f.target, 't'));
    const expired = e.expires !== undefined && Date.parse(e.expires) <= at;
    outcomes.push({ exception: e, findings: matched.map((f) => f.id), status: expired ? 'expired' : matched.length ? 'active' : 'unmatched' });
    if (!expired) for (const f of matched) if (!suppressedBy.has(f.id)) suppressedBy.set(f.id, e);
  }
  return { suppressedBy, outcomes };
}

/** A finding marked as suppressed by `e`. */
export function suppress(f: Finding, e: AcceptedException): Finding {
  return { ...f, suppressed: { reason: e.reason, owner: e.owner, file: e.file, line: e.line, ...(e.expires ? { expires: e.expires } : {}) } };
}

/** Splits findings into active and suppressed; reports expired and unmatched exceptions. */
export function applyExceptions(
  lookup: GraphLookup, findings: readonly Finding[], exceptions: readonly AcceptedException[], at: number,
): AppliedExceptions {
  const keys = findings.map((f) => ({ id: f.id, rule: f.rule, source: f.source.id, target: f.target.id }));
  const { suppressedBy, outcomes } = matchExceptions(lookup, keys, exceptions, at);
  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const e = suppressedBy.get(f.id);
    if (!e) active.push(f);
    else suppressed.push(suppress(f, e));
  }
  return { findings: active, suppressed, outcomes };
}
