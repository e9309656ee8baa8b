// Finding shapes: what the engine's typed-array results become once mapped back to ids, ranked and explained.
import type { EdgeView } from '../graph/lookup.js';
import type { NodeKind } from '../model/index.js';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rank of a severity (info = 0 … critical = 4). */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** A node as shown in a finding. */
export interface NodeRef {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  /** `prefix:name`, as drawn in paths and accepted as a selector. */
  readonly label: string;
}

/** An edge as shown in a finding, with where it came from. */
export type EdgeRef = EdgeView;

/** One factor of a path's rank ("why this rank"). */
export interface RankFactor {
  readonly name: string;
  readonly detail: string;
  /** Added to the exploitability multiplier (or the multiplier itself for base factors). */
  readonly weight: number;
}

export interface PathRank {
  readonly score: number;
  readonly blastRadius: number;
  /** 1 + log10(1 + blastRadius). */
  readonly blastFactor: number;
  /** Weight of the source's kind (PRINCIPAL_WEIGHTS). */
  readonly principalWeight: number;
  readonly exploitability: number;
  readonly targetWeight: number;
  readonly lengthFactor: number;
  readonly entryCredential?: string;
  readonly factors: readonly RankFactor[];
}

export interface RankedPath {
  readonly nodes: readonly NodeRef[];
  readonly edges: readonly EdgeRef[];
  readonly rank: PathRank;
}

/** A group of paths for one capability of a finding (alter / invoke / access). */
export interface PathSet {
  readonly label: 'alter' | 'invoke' | 'access';
  readonly actions: readonly string[];
  readonly shortest: RankedPath;
  /** The best-ranked paths, at most the analysis' paths-per-finding setting. */
  readonly paths: readonly RankedPath[];
  /** Every path enumerated within --max-depth and --cap (paths holds the best of them). */
  readonly total: number;
  /** True when enumeration stopped at --cap (or, with `enumerated: false`, was not run). */
  readonly truncated: boolean;
  /**
   * Absent when every path within --max-depth and --cap was enumerated and ranked; false when only the shortest
   * path was drawn (`paths` is then empty; large estates: findings ranked below --detail, docs/scoring.md).
   */
  readonly enumerated?: false;
}

export interface FrameworkRef {
  readonly framework: 'OWASP-NHI-2025' | 'OWASP-Agentic-AI' | 'CSA-MAESTRO' | 'NIST-AI-RMF';
  readonly id: string;
  readonly title: string;
}

export interface Suppression {
  readonly reason: string;
  readonly owner: string;
  readonly expires?: string;
  readonly file: string;
  readonly line: number;
}

export interface Finding {
  /** Stable id: same rule, source and target give the same id across runs. */
  readonly id: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly score: number;
  readonly title: string;
  readonly source: NodeRef;
  readonly target: NodeRef;
  readonly pathSets: readonly PathSet[];
  readonly frameworks: readonly FrameworkRef[];
  readonly remediation: readonly string[];
  readonly suppressed?: Suppression;
}
