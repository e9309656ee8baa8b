// Which files the source reads (by name and by content), bad findings, a report cut short, clean reports.
import { describe, expect, it } from 'vitest';
import { ingestorFor } from '../../../ingest/index.js';
import { loadOwn } from './own.js';
import { detectSecretScanner } from '../../../ingest/secret-scanners/index.js';

const F = 'test/fixtures/secret-scanners';

describe('secret-scanner files', () => {
  it.each(['gitleaks-report.json', 'gitleaks.json', 'trufflehog.jsonl', 'trufflehog-results.json', 'TruffleHog.ndjson'])('accepts %s by name', (name) => {
    expect(ingestorFor(name)?.id).toBe('secret-scanners');
  });

  it('is recognised by content under other names', async () => {
    const r = await loadOwn(`${F}/detect`);
    expect(r.files.map((f) => [f.file, f.source, f.nodes])).toEqual([
      [`${F}/detect/leaks.json`, 'secret-scanners', 1], [`${F}/detect/scan-output.txt`, 'secret-scanners', 1],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('does not claim other JSON', () => {
    expect(detectSecretScanner('[{"apiVersion":"v1"}]')).toBe(false);
    expect(detectSecretScanner('{"mcpServers":{}}')).toBe(false);
    expect(detectSecretScanner('[{"RuleID":"x","StartLine":1')).toBe(true);
  });

  it('bad findings are located diagnostics; the good ones load', async () => {
    const r = await loadOwn(`${F}/bad`);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.file?.replace(`${F}/bad/`, ''), d.line, d.field])).toEqual([
      ['warning', 'bad-value', 'gitleaks-report.json', 2, '$[0].Secret'],
      ['error', 'missing-field', 'gitleaks-report.json', 22, '$[1].File'],
      ['error', 'bad-value', 'gitleaks-report.json', 41, '$[2]'],
      ['warning', 'bad-value', 'gitleaks-report.json', 42, '$[3].Secret'],
      ['error', 'malformed-json', 'trufflehog.json', 2, undefined],
      ['error', 'missing-field', 'trufflehog.json', 3, '$.DetectorName'],
    ]);
    expect(r.diagnostics[0]?.message).toContain('is redacted (run the scanner without --redact)');
    expect(r.nodes.map((n) => n.properties['exposed_in'])).toEqual([['ok.py:8 (commit 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b)'], ['c.env:1']]);
  });

  it('a report cut short is one error with line and column; nothing loads from it', async () => {
    const r = await loadOwn(`${F}/malformed`);
    expect(r.nodes).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line, d.column, d.field])).toEqual([['error', 'malformed-json', 20, 18, '$[0].Fingerprint']]);
  });

  it('clean reports (nothing written, an empty array) give nothing and say nothing', async () => {
    const r = await loadOwn(`${F}/empty`);
    expect([r.nodes, r.diagnostics, r.files.map((f) => f.source)]).toEqual([[], [], ['secret-scanners', 'secret-scanners']]);
  });
});
