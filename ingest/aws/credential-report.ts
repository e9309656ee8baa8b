// The IAM credential report (`aws iam generate-credential-report` then `get-credential-report`; the CSV itself, or
// the JSON the CLI prints with the CSV in `Content`, base64 as the API returns it or plain) → credential nodes.
// The report holds no secret values: each access key and console password becomes a node with its status, age,
// rotation and last use, authenticating as its user. Pure.
import { parse } from 'csv-parse/sync';
import type { Diagnostic, EdgeRecord, NodeRecord, PropValue } from '../../src/model/index.js';
import { SOURCE } from './authz.js';
import { adminTargetId, adminTargetNode, awsNode, idOfArn } from './ids.js';

/** The columns the report must have (the rest are read when present). */
export const REPORT_COLUMNS = ['user', 'arn', 'user_creation_time', 'password_enabled'] as const;
/** The start of the report's header line, used to recognise it. */
export const REPORT_HEADER = 'user,arn,user_creation_time';

/** The CSV text of a report given as CSV, or as the JSON wrapper with `Content` base64 or plain. */
export function reportCsv(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || typeof (value as Record<string, unknown>)['Content'] !== 'string') return undefined;
  const content = (value as Record<string, string>)['Content'] as string;
  if (content.trimStart().startsWith(REPORT_HEADER)) return content;
  const decoded = Buffer.from(content, 'base64').toString('utf8');
  return decoded.startsWith(REPORT_HEADER) ? decoded : undefined;
}

/** Transforms the report's CSV text; `where` prefixes field names (`$.Content` for the JSON wrapper). */
export function transformCredentialReport(csv: string, file: string, where = ''): { nodes: NodeRecord[]; edges: EdgeRecord[]; diagnostics: Diagnostic[] } {
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const report = (line: number | undefined, field: string, message: string, severity: Diagnostic['severity'] = 'error', code: Diagnostic['code'] = 'bad-value'): void => {
    diagnostics.push({ severity, code, message, source: SOURCE, file, ...(line !== undefined ? { line } : {}), field: `${where}${where && field ? '.' : ''}${field}` });
  };
  let rows: string[][];
  try {
    rows = parse(csv, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (cause) {
    const line = (cause as { lines?: number }).lines;
    report(line, '', 'the credential report is not valid CSV; nothing was loaded from it', 'error', 'malformed-csv');
    return { nodes, edges, diagnostics };
  }
  const header = rows[0] ?? [];
  const missing = REPORT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    report(1, missing[0] as string, `the credential report header lacks ${missing.join(', ')}; nothing was loaded from it`, 'error', 'missing-column');
    return { nodes, edges, diagnostics };
  }
  const accounts = new Set<string>();
  for (const [i, cells] of rows.slice(1).entries()) {
    const line = i + 2;
    const row = new Map(header.map((h, c) => [h, cells[c] ?? '']));
    const arn = row.get('arn') ?? '';
    const principal = idOfArn(arn);
    if (principal === undefined) {
      report(line, 'arn', 'not an IAM user or root ARN; the row was skipped');
      continue;
    }
    const at = { source: SOURCE, file, line, ...(where ? { path: where } : {}) };
    const date = (column: string): string | undefined => {
      const raw = row.get(column);
      if (raw === undefined || raw === '' || /^(N\/A|not_supported|no_information)$/.test(raw)) return undefined;
      const parsed = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? new Date(raw) : undefined;
      if (parsed === undefined || Number.isNaN(parsed.getTime())) {
        report(line, column, `${column} is not a date; it was left out`, 'warning', 'bad-date');
        return undefined;
      }
      return parsed.toISOString();
    };
    if (arn.endsWith(':root')) {
      accounts.add(principal.account);
      nodes.push(awsNode(principal.id, 'ServiceAccount', principal.name, { arn, ...opt('description', 'The account root user: unrestricted by IAM policies.') }, at));
      edges.push({ kind: 'CAN_ACCESS', from: principal.id, to: adminTargetId(principal.account), source: SOURCE, properties: { action: 'admin' }, provenance: at });
    } else if (principal.kind === 'ServiceAccount') {
      // NOTE: a reference: the user's full record is the authorization export's; a report newer than the export
      // may list users it lacks, and their keys still need a holder.
      nodes.push(awsNode(principal.id, 'ServiceAccount', principal.name, { arn, reference: true }, at));
    }
    const mfa = row.get('mfa_active');
    for (const n of [1, 2]) {
      const rotated = date(`access_key_${n}_last_rotated`);
      if (rotated === undefined) continue;
      const id = `${principal.id}/access-key-${n}`;
      const props: Record<string, PropValue> = {
        provider: 'aws', status: row.get(`access_key_${n}_active`) === 'true' ? 'active' : 'disabled', created_at: rotated, last_rotated_at: rotated,
        ...opt('last_used_at', date(`access_key_${n}_last_used_date`)), ...opt('x_last_used_service', na(row.get(`access_key_${n}_last_used_service`))),
      };
      nodes.push(awsNode(id, 'APIKey', `access key ${n} of ${principal.name}`, props, at));
      edges.push({ kind: 'AUTHENTICATES_AS', from: id, to: principal.id, source: SOURCE, properties: {}, provenance: at });
    }
    if (row.get('password_enabled') === 'true') {
      const id = `${principal.id}/password`;
      const props: Record<string, PropValue> = {
        provider: 'aws', status: 'active', ...opt('last_used_at', date('password_last_used')), ...opt('last_rotated_at', date('password_last_changed')),
        ...opt('x_mfa_active', mfa === 'true' || mfa === 'false' ? mfa : undefined),
      };
      nodes.push(awsNode(id, 'Secret', `console password of ${principal.name}`, props, at));
      edges.push({ kind: 'AUTHENTICATES_AS', from: id, to: principal.id, source: SOURCE, properties: {}, provenance: at });
    }
  }
  for (const account of accounts) nodes.push(adminTargetNode(account, file));
  return { nodes, edges, diagnostics };
}

function na(raw: string | undefined): string | undefined {
  return raw === undefined || raw === '' || raw === 'N/A' ? undefined : raw;
}

function opt(name: string, value: PropValue | undefined): Record<string, PropValue> {
  return value === undefined ? {} : { [name]: value };
}
