// transform: the findings of one gitleaks or trufflehog report → one reference node per leaked value (`leak/<fp>`,
// its kind by the value's shape) carrying the value's fingerprint, the AWS key id when there is one, and where it
// was found (`exposed_in`). The cross-source join (join.ts) later marks the inventory's credential of the same
// fingerprint or key id exposed, or the leak node itself when none matches. Values are dropped in leak.ts.
import { emptyRecords, type Diagnostic, type NodeRecord, type PropValue, type Records } from '../../src/model/index.js';
import { scrubSecrets } from '../secrets.js';
import { leakId, SOURCE } from './ids.js';
import { leakFacts, type LeakFacts } from './leak.js';
import type { RawFinding } from './read.js';
import { isObject } from '../values.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The scanners this source reads. */
export type Scanner = 'gitleaks' | 'trufflehog';

/** Where the report is (display path, for diagnostics and provenance). */
export interface ScannerFileContext {
  readonly file: string;
}

/** One finding reduced to what is kept: the value's facts and where the scanner saw it. */
interface Sighting {
  readonly facts: LeakFacts;
  readonly where: string;
  readonly rule: string;
  readonly verified: boolean;
  readonly arn: string | undefined;
  readonly at: RawFinding;
}

/** A leak being collected: one per fingerprint in this report. */
interface Leak {
  readonly first: Sighting;
  readonly where: Set<string>;
  readonly rules: Set<string>;
  verified: boolean;
}

/** Turns the findings of one report into leak nodes and diagnostics (pure; unit-tested without files). */
export function transformFindings(scanner: Scanner, findings: readonly RawFinding[], ctx: ScannerFileContext): Records {
  const out = emptyRecords();
  const leaks = new Map<string, Leak>();
  for (const at of findings) {
    const seen = scanner === 'gitleaks' ? gitleaksSighting(at, ctx, out.diagnostics) : trufflehogSighting(at, ctx, out.diagnostics);
    if (seen === undefined) continue;
    const id = leakId(seen.facts.fingerprint);
    const leak = leaks.get(id) ?? { first: seen, where: new Set<string>(), rules: new Set<string>(), verified: false };
    leak.where.add(seen.where);
    leak.rules.add(seen.rule);
    leak.verified ||= seen.verified;
    leaks.set(id, leak);
  }
  for (const [id, leak] of leaks) out.nodes.push(leakNode(id, scanner, leak, ctx));
  return out;
}

function leakNode(id: string, scanner: Scanner, leak: Leak, ctx: ScannerFileContext): NodeRecord {
  const { facts, arn, at } = leak.first;
  const properties: Record<string, PropValue> = {
    // NOTE: a reference: the scanner names a credential by its value without describing it, so the same value in
    // several reports merges silently, and the join's marks (exposed, x_matched) merge into it.
    reference: true, fingerprint: facts.fingerprint,
    ...(facts.keyId !== undefined ? { key_id: facts.keyId } : {}),
    ...(facts.provider !== undefined ? { provider: facts.provider } : {}),
    exposed_in: [...leak.where].sort(),
    ...(facts.also.length > 0 ? { x_fingerprints: [...facts.also] } : {}),
    x_scanner: [scanner], x_rule: [...leak.rules].sort(),
    ...(leak.verified ? { x_verified: true } : {}),
    ...(arn !== undefined ? { x_arn: arn } : {}),
  };
  const name = facts.keyId !== undefined ? `leaked AWS access key ${facts.keyId}` : `leaked ${facts.shape ?? 'secret'} ${facts.fingerprint}`;
  return { id, kind: facts.kind, name, tags: [], source: SOURCE, properties, provenance: prov(ctx, at) };
}

/** A gitleaks finding (`gitleaks detect --report-format json`): RuleID, File, StartLine, Commit, Secret. */
function gitleaksSighting(at: RawFinding, ctx: ScannerFileContext, diagnostics: Diagnostic[]): Sighting | undefined {
  const f = at.value;
  if (!isObject(f)) {
    diagnostics.push(diag(ctx, at, 'error', 'bad-value', undefined, 'a gitleaks finding is a JSON object; it was skipped'));
    return undefined;
  }
  const file = text(f['File']);
  if (file === undefined) {
    diagnostics.push(diag(ctx, at, 'error', 'missing-field', 'File', 'the finding has no File; it was skipped'));
    return undefined;
  }
  const rule = text(f['RuleID']) ?? text(f['Description']) ?? 'gitleaks';
  const line = typeof f['StartLine'] === 'number' ? f['StartLine'] : undefined;
  const where = location({ file, line, commit: text(f['Commit']) });
  const facts = valueFacts(f['Secret'], undefined, 'Secret', where, ctx, at, diagnostics);
  return facts === undefined ? undefined : { facts, where, rule, verified: false, arn: undefined, at };
}

/** A trufflehog finding (`trufflehog … --json`): DetectorName, Verified, Raw, RawV2, SourceMetadata.Data.<Source>. */
function trufflehogSighting(at: RawFinding, ctx: ScannerFileContext, diagnostics: Diagnostic[]): Sighting | undefined {
  const f = at.value;
  // NOTE: trufflehog's own log lines (`{"level":…,"msg":…}`) end up in the file when stderr is redirected with stdout.
  if (isObject(f) && f['DetectorName'] === undefined && typeof f['msg'] === 'string' && f['level'] !== undefined) return undefined;
  if (!isObject(f) || text(f['DetectorName']) === undefined) {
    diagnostics.push(diag(ctx, at, 'error', isObject(f) ? 'missing-field' : 'bad-value', isObject(f) ? 'DetectorName' : undefined,
      'not a trufflehog finding (no DetectorName); the line was skipped'));
    return undefined;
  }
  const rule = text(f['DetectorName']) as string;
  const where = trufflehogLocation(f['SourceMetadata']);
  const raw = text(f['Raw']) !== undefined ? f['Raw'] : f['RawV2'];
  const facts = valueFacts(raw, typeof f['RawV2'] === 'string' ? f['RawV2'] : undefined, 'Raw', where, ctx, at, diagnostics);
  if (facts === undefined) return undefined;
  const extra = f['ExtraData'];
  const arn = isObject(extra) && typeof extra['arn'] === 'string' && /^arn:aws[\w-]*:iam::\d{12}:/.test(extra['arn']) ? extra['arn'] : undefined;
  return { facts, where, rule, verified: f['Verified'] === true, arn, at };
}

function valueFacts(value: unknown, pair: string | undefined, field: string, where: string, ctx: ScannerFileContext, at: RawFinding,
  diagnostics: Diagnostic[]): LeakFacts | undefined {
  if (typeof value !== 'string') {
    diagnostics.push(diag(ctx, at, 'error', 'missing-field', field, `the finding at ${where} has no ${field} value; it was skipped`));
    return undefined;
  }
  const facts = leakFacts(value, pair);
  if ('refused' in facts) {
    const why = facts.refused === 'redacted' ? 'is redacted (run the scanner without --redact)' : 'is empty';
    diagnostics.push(diag(ctx, at, 'warning', 'bad-value', field,
      `the ${field} of the finding at ${where} ${why}: without it no fingerprint can match a credential; it was skipped`));
    return undefined;
  }
  return facts;
}

/** `<repository> <file>:<line> (commit <sha>)` from trufflehog's source metadata (Git, Github, Gitlab, Filesystem…). */
function trufflehogLocation(meta: unknown): string {
  const data = isObject(meta) && isObject(meta['Data']) ? meta['Data'] : undefined;
  const [type, inner] = data !== undefined ? Object.entries(data).find(([, v]) => isObject(v)) ?? [] : [];
  if (type === undefined || !isObject(inner)) return 'unknown location';
  const file = text(inner['file']) ?? text(inner['link']) ?? type;
  const line = typeof inner['line'] === 'number' ? inner['line'] : undefined;
  return location({ repository: text(inner['repository']), file, line, commit: text(inner['commit']) });
}

function location(l: { repository?: string | undefined; file: string; line: number | undefined; commit?: string | undefined }): string {
  const where = `${l.repository !== undefined ? `${l.repository} ` : ''}${l.file}${l.line !== undefined ? `:${l.line}` : ''}${l.commit !== undefined ? ` (commit ${l.commit})` : ''}`;
  // NOTE: a repository URL or path may carry credentials of its own (`https://user:token@host/…`).
  return scrubSecrets(where.replace(/:\/\/[^/@\s]+@/g, '://')).text;
}

function prov(ctx: ScannerFileContext, at: RawFinding): NodeRecord['provenance'] {
  return { source: SOURCE, file: ctx.file, ...(at.line !== undefined ? { line: at.line } : {}), path: at.path };
}

function diag(ctx: ScannerFileContext, at: RawFinding, severity: Diagnostic['severity'], code: Diagnostic['code'], field: string | undefined,
  message: string): Diagnostic {
  return {
    severity, code, source: SOURCE, file: ctx.file, ...(at.line !== undefined ? { line: at.line } : {}),
    field: field !== undefined ? `${at.path}.${field}` : at.path, message,
  };
}
