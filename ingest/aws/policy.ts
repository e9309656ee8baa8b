// IAM policy evaluation (documents are parsed in policy-document.ts): one request (action, resource) against a
// principal's policies: explicit deny wins over every allow, an allow is needed from an identity policy, and a
// permissions boundary must allow too. Conditions are not evaluated in general: a statement with a Condition matches
// "conditionally", and the decision says so. Conditions on the request time (aws:CurrentTime, aws:EpochTime) become a
// validity window the analysis decides at its own time; a deny on tokens issued before a date (aws:TokenIssueTime,
// the "revoke older sessions" policy) does not stop new sessions.
import type { PolicyDocument, Statement } from './policy-document.js';

export { ALLOW_ALL, parsePolicyDocument, type PolicyDocument, type PolicyError, type Statement } from './policy-document.js';

/** The request's resource is chosen by the requester (a new function, stack or instance): any resource will do. */
export const ANY_RESOURCE = Symbol('any resource');
export type RequestResource = string | typeof ANY_RESOURCE;

/** Whose policies a request is evaluated against. */
export interface Subject {
  /** Identity policies: the principal's own inline and managed ones, plus those of its groups. */
  readonly identity: readonly PolicyDocument[];
  /** Permissions boundary, when the principal has one. */
  readonly boundary?: PolicyDocument;
  /** The IAM user name, substituted for `${aws:username}` in resources. */
  readonly userName?: string;
}

/** A validity window (ISO dates, UTC): valid from `from` (inclusive) until `until` (exclusive); absent = unbounded. */
export interface Window {
  readonly from?: string;
  readonly until?: string;
}

/** An allowed request; `conditional` when a Condition pathwarden does not evaluate could change the outcome. */
export interface Decision extends Window {
  readonly conditional: boolean;
}

/** The decision of several steps all needed: undefined when any is missing or the windows do not overlap. */
export function combine(...decisions: readonly (Decision | undefined)[]): Decision | undefined {
  let conditional = false;
  let from: string | undefined;
  let until: string | undefined;
  for (const d of decisions) {
    if (d === undefined) return undefined;
    conditional ||= d.conditional;
    if (d.from !== undefined && (from === undefined || d.from > from)) from = d.from;
    if (d.until !== undefined && (until === undefined || d.until < until)) until = d.until;
  }
  if (from !== undefined && until !== undefined && from >= until) return undefined;
  return { conditional, ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}) };
}

/**
 * Evaluates one request. Returns undefined when it is denied (explicitly, or for lack of an allow, or by the
 * boundary), else whether the allow depends on a condition (a conditional allow, or a conditional deny that may
 * apply) and the window in which it holds.
 */
export function evaluate(subject: Subject, action: string, resource: RequestResource): Decision | undefined {
  const denied = matchAll(subject.identity, 'Deny', action, resource, subject.userName);
  const boundaryDenied = subject.boundary ? matchAll([subject.boundary], 'Deny', action, resource, subject.userName) : NONE;
  const allowed = matchAll(subject.identity, 'Allow', action, resource, subject.userName);
  if (allowed.level === 'none') return undefined;
  const bounded = subject.boundary ? matchAll([subject.boundary], 'Allow', action, resource, subject.userName) : ALWAYS;
  if (bounded.level === 'none') return undefined;
  const steps: Decision[] = [asDecision(allowed), asDecision(bounded)];
  for (const deny of [denied, boundaryDenied]) {
    if (deny.level !== 'always') continue;
    if (deny.window === undefined) return undefined;
    // NOTE: outside a deny's window the request is allowed; a window bounded on both sides leaves two intervals.
    if (deny.window.from !== undefined && deny.window.until !== undefined) steps.push({ conditional: true });
    else if (deny.window.until !== undefined) steps.push({ conditional: false, from: deny.window.until });
    else if (deny.window.from !== undefined) steps.push({ conditional: false, until: deny.window.from });
  }
  if (denied.level === 'conditional' || boundaryDenied.level === 'conditional') steps.push({ conditional: true });
  return combine(...steps);
}

/** How statements of one effect match a request: none, only under a condition, or unconditionally (in a window). */
export interface Match {
  readonly level: 'none' | 'conditional' | 'always';
  readonly window?: Window;
}
const NONE: Match = { level: 'none' };
const ALWAYS: Match = { level: 'always' };

function asDecision(m: Match): Decision {
  return { conditional: m.level !== 'always', ...m.window };
}

function matchAll(docs: readonly PolicyDocument[], effect: Statement['effect'], action: string, resource: RequestResource, userName: string | undefined): Match {
  let conditional = false;
  let hull: Window | undefined;
  for (const doc of docs) {
    for (const s of doc.statements) {
      if (s.effect !== effect) continue;
      const m = matchStatement(s, action, resource, userName);
      if (m.level === 'always' && m.window === undefined) return ALWAYS;
      if (m.level === 'always') hull = hull === undefined ? m.window : widen(hull, m.window as Window);
      if (m.level === 'conditional') conditional = true;
    }
  }
  // NOTE: several windows are joined into their hull (a gap between them is counted as valid).
  if (hull !== undefined) return { level: 'always', window: hull };
  return conditional ? { level: 'conditional' } : NONE;
}

function widen(a: Window, b: Window): Window {
  const from = a.from === undefined || b.from === undefined ? undefined : a.from < b.from ? a.from : b.from;
  const until = a.until === undefined || b.until === undefined ? undefined : a.until > b.until ? a.until : b.until;
  return { ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}) };
}

/** Whether a statement's Action (or NotAction) covers `action`, whatever its resources and effect. */
export function coversAction(s: Statement, action: string): boolean {
  const act = action.toLowerCase();
  return s.actions ? s.actions.some((p) => globMatch(p, act)) : !(s.notActions ?? []).some((p) => globMatch(p, act));
}

/** Whether one statement covers the request (ignoring its effect). */
export function matchStatement(s: Statement, action: string, resource: RequestResource, userName?: string): Match {
  if (!coversAction(s, action)) return NONE;
  let varying = false;
  let resourceOk: boolean;
  if (s.resources === undefined && s.notResources === undefined) resourceOk = true;
  else if (resource === ANY_RESOURCE) {
    // NOTE: an allow needs some resource it names; a deny must cover every resource the requester could pick.
    resourceOk = s.effect === 'Allow'
      ? s.resources !== undefined || !(s.notResources ?? []).includes('*')
      : s.resources !== undefined && s.resources.some((p) => /^\*+$/.test(p));
  } else {
    const patterns = (s.resources ?? s.notResources ?? []).map((p) => substituteVariables(p, userName));
    if (patterns.some((p) => p.varying)) varying = true;
    const any = patterns.some((p) => globMatch(p.pattern, resource, true));
    resourceOk = s.resources !== undefined ? any : !any;
  }
  if (!resourceOk) return NONE;
  if (s.condition === undefined) return varying ? { level: 'conditional' } : ALWAYS;
  if (s.effect === 'Deny' && onlyOlderTokens(s.condition)) return NONE;
  const window = timeWindow(s.condition);
  return window !== undefined && !varying ? { level: 'always', window } : { level: 'conditional' };
}

const TIME_OPERATOR = /^Date(Less|Greater)Than(Equals)?(IfExists)?$/;

/** The window a condition made only of aws:CurrentTime / aws:EpochTime comparisons allows; undefined otherwise. */
export function timeWindow(condition: NonNullable<Statement['condition']>): Window | undefined {
  let window: Decision | undefined = { conditional: false };
  for (const [op, block] of Object.entries(condition)) {
    const m = TIME_OPERATOR.exec(op);
    for (const [key, values] of Object.entries(block)) {
      const k = key.toLowerCase();
      if (m === null || (k !== 'aws:currenttime' && k !== 'aws:epochtime')) return undefined;
      const dates = values.map((v) => toIso(v, k === 'aws:epochtime'));
      if (dates.some((d) => d === undefined) || dates.length === 0) return undefined;
      // NOTE: several values of one key are ORed: the latest bound for "less than", the earliest for "greater than".
      const sorted = (dates as string[]).sort();
      const bound = m[1] === 'Less' ? { conditional: false, until: sorted[sorted.length - 1] as string } : { conditional: false, from: sorted[0] as string };
      window = combine(window, bound);
      if (window === undefined) return { from: '9999-12-31T00:00:00.000Z', until: '0000-01-01T00:00:00.000Z' };
    }
  }
  const { conditional: _, ...out } = window;
  return out;
}

/** True for a condition made only of "token issued before" comparisons (aws:TokenIssueTime less than a date). */
function onlyOlderTokens(condition: NonNullable<Statement['condition']>): boolean {
  return Object.entries(condition).every(([op, block]) => /^DateLessThan(Equals)?(IfExists)?$/.test(op)
    && Object.keys(block).every((k) => k.toLowerCase() === 'aws:tokenissuetime'));
}

function toIso(value: string, epoch: boolean): string | undefined {
  const t = epoch && /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** `${aws:username}` → the user name; other policy variables become `*` and make the match conditional. */
function substituteVariables(pattern: string, userName: string | undefined): { pattern: string; varying: boolean } {
  if (!pattern.includes('${')) return { pattern, varying: false };
  let varying = false;
  const out = pattern.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    if (name.toLowerCase() === 'aws:username' && userName !== undefined) return escapeGlob(userName);
    if (name === '*' || name === '?' || name === '$') return `\\${name}`;
    varying = true;
    return '*';
  });
  return { pattern: out, varying };
}

function escapeGlob(text: string): string {
  return text.replace(/[*?\\]/g, (c) => `\\${c}`);
}

const GLOBS = new Map<string, RegExp>();

/** IAM wildcard match: `*` any run of characters, `?` one character; actions case-insensitive, ARNs case-sensitive. */
export function globMatch(pattern: string, text: string, caseSensitive = false): boolean {
  if (pattern === '*') return true;
  const key = `${caseSensitive ? 's' : 'i'}${pattern}`;
  let re = GLOBS.get(key);
  if (re === undefined) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i] as string;
      if (c === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i] as string);
      else if (c === '*') source += '.*';
      else if (c === '?') source += '.';
      else source += escapeRegExp(c);
    }
    re = new RegExp(`^${source}$`, caseSensitive ? 's' : 'is');
    if (GLOBS.size > 10_000) GLOBS.clear();
    GLOBS.set(key, re);
  }
  return re.test(text);
}

function escapeRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
