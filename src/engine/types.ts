// Result types shared by the engine algorithms: paths and capabilities in CSR numbering
// (node indices and slot numbers of a CompactGraph). Callers map back to ids at the boundary.

/** What a terminal hop lets the path's source do to its target. */
export type Effect = 'alter' | 'invoke' | 'access';

/** The effects of terminal hops, plus `act-as` for paths that arrive at their target by an act-as edge. */
export const PATH_EFFECTS = ['act-as', 'alter', 'invoke', 'access'] as const;

/** A path in CSR numbering: `nodes[i] -edges[i]-> nodes[i + 1]`, so nodes.length = edges.length + 1. */
export interface EnginePath {
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
}

/**
 * One terminal hop available to a source: `holder` (reached by act-as) has `effect` on `target` with `action`.
 * `edges` = the capability slot, plus the TRAINS/DEPLOYS slot when the hop goes through a dataset or pipeline.
 */
export interface Capability {
  readonly effect: Effect;
  readonly target: number;
  readonly action: string;
  readonly holder: number;
  readonly edges: readonly number[];
}
