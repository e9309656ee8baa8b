// The engine's public surface: re-exports only (one algorithm per file).
export * from './types.js';
export { toCompact, type CompactGraph, type CompactOptions } from './compact.js';
export { reach, checkNode, type ReachResult } from './reach.js';
export { enumeratePaths, shortestSimplePath, DEFAULT_CAP, DEFAULT_MAX_DEPTH, type PathsOptions, type PathsResult } from './paths.js';
export { separationOfDuties, findingSources, isAlter, isProdInvoke, type SodOptions, type SodResult } from './sod.js';
export { sensitiveReach, isAccess, type SensitiveOptions, type SensitiveResult } from './sensitive.js';
export {
  blastRadius, blastCounts, ACCESS_WEIGHTS, BLAST_MAX_TIER, DEFAULT_MODEL_TIER, MODEL_WEIGHTS, TIER_WEIGHTS,
  type BlastFactor, type BlastRadiusResult,
} from './blast-radius.js';
export { scopeMatches } from './scope.js';
export { minCut, type FlowNetwork, type MinCutResult } from './min-cut.js';
export { revocationPlan, atThreshold, MAX_SHARED_SLOTS, type RevocationItem, type RevocationOptions, type RevocationPlanResult } from './revocation.js';
export { EDGE_CUT_COSTS, CREDENTIAL_REVOKE_COSTS, type CutCostSpec } from './revocation-costs.js';
