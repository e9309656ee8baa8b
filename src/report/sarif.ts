// SARIF 2.1.0 reporter for code-scanning dashboards: one rule per finding rule, one result per finding with its
// stable id as fingerprint, located at the inventory row that created the finding's entry edge. Deterministic:
// findings best first, no absolute paths of the machine, no timestamps beyond the analysis time.
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { activeCount, type AnalysisResult } from '../analysis/analyze.js';
import type { Finding } from '../findings/index.js';
import type { GraphLookup } from '../graph/lookup.js';
import { listedCount, listedFindings } from './listed.js';
import { ruleIndex, SARIF_LEVELS, sarifRules } from './sarif-rules.js';
import { bestPath, draw } from './text.js';
import type { RenderOptions } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Fingerprint key of the finding id (versioned, as SARIF recommends, in case the id scheme ever changes). */
export const FINGERPRINT = 'pathwardenFindingId/v1';
/** URI base ids: the inventory directory, and the directory pathwarden ran in. */
const INVENTORY = 'INVENTORY';
const SRCROOT = 'SRCROOT';

/** A path as a relative URI reference: `/` separators, each segment percent-encoded. */
function uriOf(path: string): string {
  return path.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}

/** Where a finding comes from: its first edge's record, else its source node's record. */
function entryOf(f: Finding, lookup: GraphLookup): { file: string; line?: number } | undefined {
  const first = f.pathSets[0] ? bestPath(f.pathSets[0]).edges[0] : undefined;
  if (first?.file) return { file: first.file, ...(first.line !== undefined ? { line: first.line } : {}) };
  const p = lookup.hasNode(f.source.id) ? lookup.node(f.source.id).provenance : undefined;
  return p?.file ? { file: p.file, ...(p.line !== undefined ? { line: p.line } : {}) } : undefined;
}

/** True when the analysed input is a directory on disk (not a Neo4j snapshot). */
function onDisk(dir: string): boolean {
  return !dir.startsWith('neo4j:');
}

/** The artifact location of a provenance file: relative to the inventory directory when inside it. */
function artifactOf(file: string, dir: string): Record<string, string> {
  const rel = onDisk(dir) ? relative(dir, file) : '..';
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return { uri: uriOf(rel), uriBaseId: INVENTORY };
  return isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: uriOf(file), uriBaseId: SRCROOT };
}

/** `originalUriBaseIds`: the inventory folder relative to the working directory, whose absolute URI is left out. */
function uriBases(dir: string): Record<string, unknown> {
  const bases: Record<string, unknown> = { [SRCROOT]: { description: { text: 'The directory pathwarden ran in.' } } };
  if (!onDisk(dir)) return bases;
  const folder = isAbsolute(dir) ? { uri: `${pathToFileURL(dir).href.replace(/\/$/, '')}/` }
    : { uri: `${uriOf(dir).replace(/\/$/, '') || '.'}/`, uriBaseId: SRCROOT };
  return { ...bases, [INVENTORY]: { ...folder, description: { text: 'The analysed inventory directory.' } } };
}

function message(f: Finding): string {
  const paths = f.pathSets.map((s) => `${s.label} (${s.actions.join(', ')}): ${draw(bestPath(s))}`);
  return `${f.title}. ${paths.join('; ')}.${f.remediation.length ? ` Fix: ${f.remediation.join(' ')}` : ''}`;
}

function result(f: Finding, r: AnalysisResult): Record<string, unknown> {
  const entry = entryOf(f, r.lookup);
  const first = f.pathSets[0] ? bestPath(f.pathSets[0]).edges[0] : undefined;
  const location = entry && {
    physicalLocation: {
      artifactLocation: artifactOf(entry.file, r.dir),
      ...(entry.line !== undefined && entry.line > 0 ? { region: { startLine: entry.line } } : {}),
    },
    message: { text: first?.file ? `entry edge ${first.kind} of ${f.source.label}` : `source ${f.source.label}` },
  };
  return {
    ruleId: f.rule,
    ruleIndex: ruleIndex(f.rule),
    level: SARIF_LEVELS[f.severity],
    message: { text: message(f) },
    ...(location ? { locations: [location] } : {}),
    partialFingerprints: { [FINGERPRINT]: f.id },
    fingerprints: { [FINGERPRINT]: f.id },
    ...(f.suppressed ? {
      suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.suppressed.reason} (owner ${f.suppressed.owner}${f.suppressed.expires ? `, expires ${f.suppressed.expires}` : ''})` }],
    } : {}),
    properties: {
      findingId: f.id, severity: f.severity, score: f.score,
      source: f.source, target: f.target,
      paths: f.pathSets.map((s) => ({ label: s.label, actions: s.actions, path: draw(bestPath(s)), total: s.total, truncated: s.truncated })),
      frameworks: f.frameworks.map((x) => `${x.framework} ${x.id}`),
      remediation: f.remediation,
    },
  };
}

/** The SARIF log of an analysis: the best --max-findings active findings, then the suppressed ones (as suppressed). */
export function sarifAnalysis(r: AnalysisResult, o: RenderOptions): string {
  const results = [...listedFindings(r, o), ...r.suppressed].map((f) => result(f, r));
  const listed = listedCount(r, o);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'pathwarden', version: o.version, semanticVersion: o.version, rules: sarifRules(o.docsBase) } },
      originalUriBaseIds: uriBases(r.dir),
      results,
      properties: { at: r.at, findings: activeCount(r), listed, omitted: activeCount(r) - listed, suppressed: r.suppressed.length },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
