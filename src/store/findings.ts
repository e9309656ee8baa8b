// Writes analysis results back into the store for Neo4j Browser users: one Finding node per finding, linked to
// its source and target, and the blast radius on every principal. Replaces the previous results.
import { drawPath, type Finding } from '../findings/index.js';
import { STORE_LABELS } from './cypher.js';
import type { Store } from './driver.js';

const L = STORE_LABELS;
/** Drawn paths kept on a Finding node (the best-ranked of each path set). */
const PATHS_KEPT = 3;

export interface ResultsToStore {
  readonly at: string;
  /** Snapshot the analysis ran on (`s12`), when it came from the store. */
  readonly snapshot?: string;
  readonly findings: readonly Finding[];
  readonly suppressed: readonly Finding[];
  /** Blast radius per principal id. */
  readonly blast: ReadonlyMap<string, number>;
}

function drawn(f: Finding): string[] {
  return f.pathSets.flatMap((s) => s.paths.slice(0, PATHS_KEPT).map((p) => `${s.label}: ${drawPath(p.nodes, p.edges)}`));
}

function findingRow(f: Finding, at: string, snapshot: string | undefined): Record<string, unknown> {
  return {
    id: f.id, source: f.source.id, target: f.target.id,
    props: {
      id: f.id, rule: f.rule, severity: f.severity, score: f.score, title: f.title, analysed_at: at,
      ...(snapshot ? { snapshot } : {}), suppressed: f.suppressed !== undefined,
      ...(f.suppressed ? { suppressed_reason: f.suppressed.reason, suppressed_owner: f.suppressed.owner } : {}),
      paths: drawn(f), frameworks: f.frameworks.map((x) => `${x.framework} ${x.id}`), remediation: [...f.remediation],
    },
  };
}

/** Replaces the Finding nodes and blast radius values with these results, in batches. */
export async function writeResults(store: Store, results: ResultsToStore, batchSize = 2000): Promise<{ findings: number; principals: number }> {
  for (;;) {
    const rows = await store.run(`MATCH (f:${L.finding}) WITH f LIMIT $limit DETACH DELETE f RETURN count(*) AS n`, { limit: batchSize });
    if (Number(rows[0]?.get('n') ?? 0) < batchSize) break;
  }
  await store.run(`MATCH (n:${L.node}) WHERE n.blast_radius IS NOT NULL REMOVE n.blast_radius, n.blast_radius_at`);
  const all = [...results.findings, ...results.suppressed].map((f) => findingRow(f, results.at, results.snapshot));
  for (let i = 0; i < all.length; i += batchSize) {
    await store.run(
      `UNWIND $rows AS row CREATE (f:${L.finding}) SET f = row.props
       WITH f, row MATCH (s:${L.node} {id: row.source}) CREATE (f)-[:${L.findingSource}]->(s)
       WITH f, row MATCH (t:${L.node} {id: row.target}) CREATE (f)-[:${L.findingTarget}]->(t)`,
      { rows: all.slice(i, i + batchSize) },
    );
  }
  const principals = [...results.blast].map(([id, score]) => ({ id, score }));
  for (let i = 0; i < principals.length; i += batchSize) {
    await store.run(
      `UNWIND $rows AS row MATCH (n:${L.node} {id: row.id}) SET n.blast_radius = row.score, n.blast_radius_at = $at`,
      { rows: principals.slice(i, i + batchSize), at: results.at },
    );
  }
  return { findings: all.length, principals: principals.length };
}
