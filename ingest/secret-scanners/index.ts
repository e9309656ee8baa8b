// The secret-scanners ingestor (sync): gitleaks JSON reports (`gitleaks detect --report-format json`) and trufflehog
// JSON Lines (`trufflehog … --json`). Recognised by name (gitleaks*.json, trufflehog*.json[l]) and by content. Secret
// values are fingerprinted and dropped in leak.ts; the join (join.ts) marks the matching credentials exposed.
import { emptyRecords, type Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { SOURCE } from './ids.js';
import { readScannerFile } from './read.js';
import { transformFindings } from './transform.js';

const NAME = /^(gitleaks|trufflehog)[\w.-]*\.(json|jsonl|ndjson)$/i;
const GITLEAKS_HEAD = /^\[\s*\{/;
const GITLEAKS_KEYS = /"RuleID"\s*:/;
const GITLEAKS_LINE = /"StartLine"\s*:/;
const TRUFFLEHOG_KEYS = /"SourceMetadata"\s*:/;
const TRUFFLEHOG_DETECTOR = /"DetectorName"\s*:/;

/** True when the start of a file is a gitleaks JSON array or trufflehog JSON Lines. */
export function detectSecretScanner(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (GITLEAKS_HEAD.test(text)) return GITLEAKS_KEYS.test(text) && GITLEAKS_LINE.test(text);
  return text.startsWith('{') && TRUFFLEHOG_KEYS.test(text) && TRUFFLEHOG_DETECTOR.test(text);
}

/** Reads one report into leak nodes. */
export async function ingestScannerFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readScannerFile(path);
  if (read.type === 'unreadable' || read.type === 'malformed') return unusableFile(read, SOURCE, file);
  if (read.type === 'empty') return emptyRecords();
  const records = transformFindings(read.type, read.findings, { file });
  if (read.type === 'trufflehog') {
    for (const bad of read.bad) {
      records.diagnostics.push({
        severity: 'error', code: 'malformed-json', source: SOURCE, file, line: bad.line,
        message: `${bad.reason}; the line was skipped (the other findings load)`,
      });
    }
    records.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
  return deliverWhole(records, options);
}

/** The secret-scanners source. */
export const secretScanners: Ingestor = {
  id: SOURCE,
  accepts: (fileName) => NAME.test(fileName),
  detect: detectSecretScanner,
  ingestFile: ingestScannerFile,
};
