// The aws ingestor (sync): `aws iam get-account-authorization-details` JSON and the IAM credential report (CSV or
// the CLI's JSON wrapper). These exports have no fixed file name: they are recognised by content (`detect`).
// A malformed file is one diagnostic naming the file, line, column and JSON path; other files still load.
import { emptyRecords, type Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { AUTHZ_KEYS, SOURCE } from './authz.js';
import { REPORT_HEADER, reportCsv, transformCredentialReport } from './credential-report.js';
import { readAwsFile } from './read.js';
import { transformAuthz } from './transform.js';

const AUTHZ_HEAD = /"(UserDetailList|GroupDetailList|RoleDetailList)"\s*:/;
const POLICIES_HEAD = /"Policies"\s*:\s*\[\s*\{[^]*"PolicyVersionList"\s*:/;
/** The credential report's header, plain or base64 (`user,arn,user_creation_time,` encodes to this prefix). */
const REPORT_HEAD = /"Content"\s*:\s*"(user,arn,user_creation_time|dXNlcixhcm4sdXNlcl9jcmVhdGlvbl90aW1l)/;

/** True when the start of a file looks like an authorization-details export or a credential report. */
export function detectAws(head: string): boolean {
  const text = head.trimStart();
  if (text.startsWith(REPORT_HEADER)) return true;
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  return AUTHZ_HEAD.test(text) || POLICIES_HEAD.test(text) || REPORT_HEAD.test(text);
}

/** Reads one AWS export file into records. */
export async function ingestAwsFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readAwsFile(path);
  if (read.type === 'unreadable' || read.type === 'malformed') return unusableFile(read, SOURCE, file);
  const records = transform(read.type === 'json' ? read.value : read.text, file);
  // NOTE: an export is evaluated whole (trust and escalation need every principal); the sink gets records after.
  return deliverWhole(records, options);
}

/** Picks the export type by content: a credential report (CSV or its JSON wrapper) or authorization details. */
function transform(value: unknown, file: string): Records {
  if (typeof value === 'string' || (typeof value === 'object' && value !== null && 'Content' in value)) {
    const csv = reportCsv(value);
    if (csv !== undefined) return transformCredentialReport(csv, file, typeof value === 'string' ? '' : '$.Content');
    const out = emptyRecords();
    out.diagnostics.push({
      severity: 'error', code: 'bad-value', source: SOURCE, file, field: typeof value === 'string' ? '' : '$.Content',
      message: `not a credential report (expected a CSV starting with ${REPORT_HEADER}, plain or base64); nothing was loaded from this file`,
    });
    return out;
  }
  if (Array.isArray(value)) return transformAuthz(mergePages(value), file);
  if (typeof value === 'object' && value !== null && !AUTHZ_KEYS.some((k) => k in value)) {
    const out = emptyRecords();
    out.diagnostics.push({ severity: 'error', code: 'bad-value', source: SOURCE, file, field: '$', message: `none of ${AUTHZ_KEYS.join(', ')} found; nothing was loaded from this file` });
    return out;
  }
  return transformAuthz(value, file);
}

/**
 * boto3's paginator yields one response per page; saved as a JSON list, the pages are joined into one document
 * (each detail list concatenated in page order). Anything else in the list is left for parseAuthz to report.
 */
function mergePages(pages: readonly unknown[]): unknown {
  if (!pages.every((p) => typeof p === 'object' && p !== null && !Array.isArray(p))) return pages;
  const merged: Record<string, unknown[]> = {};
  for (const page of pages as Record<string, unknown>[]) {
    for (const key of AUTHZ_KEYS) {
      const list = page[key];
      if (Array.isArray(list)) (merged[key] ??= []).push(...(list as unknown[]));
    }
  }
  return merged;
}

/** The aws source: no fixed file names, recognised by content. */
export const aws: Ingestor = {
  id: SOURCE,
  accepts: () => false,
  detect: detectAws,
  ingestFile: ingestAwsFile,
};
