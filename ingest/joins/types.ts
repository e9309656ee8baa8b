// The contract of a cross-source join: after every file of an inventory has been read, a join looks at the node
// records some other source produced (only the ones it `wants`, so a streaming load keeps a handful) and adds the
// records that connect them — an edge from a CI job to the federated subject a trust policy accepts, an exposure
// mark on the credential a secret scanner matched by fingerprint. Joins never see secrets and never drop records.
import type { Diagnostic, EdgeRecord, NodeRecord } from '../../src/model/index.js';

/** What a join adds: edges, and `reference` nodes (properties.reference = true) that enrich existing nodes. */
export interface JoinOutput {
  readonly nodes: readonly NodeRecord[];
  readonly edges: readonly EdgeRecord[];
  readonly diagnostics: readonly Diagnostic[];
}

/** One cross-source join (declared in ingest/joins/index.ts, run in that order). */
export interface Join {
  /** `join:<name>`, the `source` of every record it adds (e.g. `join:github-oidc`): what tells joined records from read ones. */
  readonly id: string;
  /** True for the node records this join needs to see (keep it cheap: it is called for every node). */
  wants(node: NodeRecord): boolean;
  /** The records that connect what it was given; `nodes` are the wanted records in load order (ids may repeat). */
  resolve(nodes: readonly NodeRecord[]): JoinOutput;
}
