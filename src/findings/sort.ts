// The order findings are listed in, declared once (estate.ts sorts its detailed findings with it, callers re-sort).
import { isExposedFinding } from './rank.js';
import { severityRank, type Finding } from './types.js';

/** Sorts findings best first: exposed entry credential first, then score, then severity, then id (deterministic). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => Number(isExposedFinding(b)) - Number(isExposedFinding(a)) || b.score - a.score
    || severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
}
