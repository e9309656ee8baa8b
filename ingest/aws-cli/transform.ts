// transform: the sections of one AWS CLI file → records. Each profile is a `Secret` `aws-profile/<name>` (the full
// record from `config`; from `credentials`, which only adds keys to a profile, a reference), and rules.ts adds what
// its settings give: the role it assumes, its access key, its IAM Identity Center permission set. Malformed lines are
// `malformed-ini` errors with file:line; the other profiles (and the rest of that one) still load.
import { emptyRecords, type Diagnostic, type EdgeRecord, type NodeRecord, type PropValue, type Records } from '../../src/model/index.js';
import { scrubSecrets } from '../secrets.js';
import { profileId, SOURCE } from './ids.js';
import { profilesOf, type AwsCliFileKind, type Profile } from './profiles.js';
import type { IniProblem, IniSection } from './read.js';
import { keyRules, roleRules, ssoRules } from './rules.js';

/** The file being transformed: display path (diagnostics, provenance) and which AWS CLI file it is. */
export interface AwsCliFileContext {
  readonly file: string;
  readonly kind: AwsCliFileKind;
}

/** Settings kept on the profile node as `x_<key>` (none is secret; credential_process is scrubbed anyway). */
const KEPT_SETTINGS = [
  'region', 'role_arn', 'source_profile', 'credential_source', 'role_session_name', 'mfa_serial', 'web_identity_token_file',
  'credential_process', 'sso_session', 'sso_account_id', 'sso_role_name', 'sso_start_url', 'sso_region',
] as const;

/** Collects one file's records: nodes by id (first wins) and edges by endpoints (duplicates merged). */
export interface FileOut {
  readonly ctx: AwsCliFileContext;
  readonly nodes: Map<string, NodeRecord>;
  readonly edges: Map<string, EdgeRecord>;
  readonly diagnostics: Diagnostic[];
  node(id: string, kind: NodeRecord['kind'], name: string, properties: Record<string, PropValue>, line: number): void;
  /** A reference to a profile this file only names (a source_profile defined in the other file). */
  profileReference(name: string, line: number): void;
  edge(kind: EdgeRecord['kind'], from: string, to: string, properties: Record<string, PropValue>, line: number): void;
  diag(severity: Diagnostic['severity'], code: Diagnostic['code'], line: number, field: string | undefined, message: string): void;
}

/** An empty collector for a file whose profiles are `names`. */
function fileOut(ctx: AwsCliFileContext, names: ReadonlySet<string>): FileOut {
  const at = (line: number): NodeRecord['provenance'] => ({ source: SOURCE, file: ctx.file, line });
  const out: FileOut = {
    ctx, nodes: new Map(), edges: new Map(), diagnostics: [],
    node(id, kind, name, properties, line) {
      if (!out.nodes.has(id)) out.nodes.set(id, { id, kind, name, tags: [], source: SOURCE, properties, provenance: at(line) });
    },
    profileReference(name, line) {
      if (!names.has(name)) out.node(profileId(name), 'Secret', `AWS CLI profile ${name}`, { provider: 'aws', platform: 'aws', reference: true }, line);
    },
    edge(kind, from, to, properties, line) {
      const key = `${from}|${kind}|${to}`;
      const first = out.edges.get(key);
      out.edges.set(key, first === undefined ? { kind, from, to, source: SOURCE, properties, provenance: at(line) } : merged(first, properties));
    },
    diag(severity, code, line, field, message) {
      out.diagnostics.push({ severity, code, source: SOURCE, file: ctx.file, line, ...(field !== undefined ? { field } : {}), message });
    },
  };
  return out;
}

/** Two records of one edge: notes joined, conditional only when both are (one unconditional way is enough). */
function merged(first: EdgeRecord, next: Record<string, PropValue>): EdgeRecord {
  const properties: Record<string, PropValue> = { ...first.properties };
  const notes = [first.properties['note'], next['note']].filter((n): n is string => typeof n === 'string');
  if (notes.length > 0) properties['note'] = [...new Set(notes)].join('; ');
  if (first.properties['conditional'] !== true || next['conditional'] !== true) delete properties['conditional'];
  return { ...first, properties };
}

/** Turns one file's sections into records (pure; unit-tested without files). */
export function transformAwsCli(sections: readonly IniSection[], problems: readonly IniProblem[], ctx: AwsCliFileContext): Records {
  const { profiles, ssoSessions, skipped } = profilesOf(sections, ctx.kind);
  const out = fileOut(ctx, new Set(profiles.map((p) => p.name)));
  for (const p of problems) {
    out.diagnostics.push({
      severity: 'error', code: 'malformed-ini', source: SOURCE, file: ctx.file, line: p.line, column: p.column,
      ...(p.section !== undefined ? { field: `[${p.section}]` } : {}), message: p.reason,
    });
  }
  for (const s of skipped) out.diag('warning', 'bad-value', s.line, `[${s.header}]`, s.reason);
  for (const profile of profiles) {
    out.node(profileId(profile.name), 'Secret', `AWS CLI profile ${profile.name}`, profileProperties(profile, ctx.kind), profile.line);
    roleRules(profile, out);
    keyRules(profile, out);
    ssoRules(profile, ssoSessions, out);
  }
  const records = emptyRecords();
  records.nodes.push(...out.nodes.values());
  records.edges.push(...out.edges.values());
  records.diagnostics.push(...out.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return records;
}

/** The profile node's properties: provider, the kept settings, and `reference` when read from a credentials file. */
function profileProperties(profile: Profile, kind: AwsCliFileKind): Record<string, PropValue> {
  const properties: Record<string, PropValue> = { provider: 'aws', platform: 'aws' };
  for (const key of KEPT_SETTINGS) {
    const value = profile.settings.get(key)?.value;
    if (value !== undefined && value !== '') properties[`x_${key}`] = scrubSecrets(value).text;
  }
  if ((profile.settings.get('external_id')?.value ?? '') !== '') properties['x_external_id'] = true;
  // NOTE: the credentials file only adds keys to a profile the config describes, so its record gives way to that one.
  if (kind === 'credentials') properties['reference'] = true;
  return properties;
}
