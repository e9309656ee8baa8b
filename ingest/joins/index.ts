// The cross-source joins, run in this order after every file of an inventory is read (ingest/joins/types.ts), and
// the collector loadDirectory feeds: it keeps only the node records some join wants, so a streaming load of a
// million rows holds a handful.
import type { Diagnostic, EdgeRecord, NodeRecord } from '../../src/model/index.js';
import { awsCrossAccount } from '../aws/cross-account.js';
import { awsSsoJoin } from '../aws-cli/sso-join.js';
import { githubGcpWif } from '../github-actions/gcp-join.js';
import { githubOidc } from '../github-actions/join.js';
import { secretScannersJoin } from '../secret-scanners/join.js';
import type { Join } from './types.js';

export type { Join, JoinOutput } from './types.js';

/** Every join, in run order. */
export const JOINS: readonly Join[] = [secretScannersJoin, githubOidc, githubGcpWif, awsCrossAccount, awsSsoJoin];

/** What the joins added, per join id (for the loaded-files summary). */
export interface JoinResult {
  readonly nodes: NodeRecord[];
  readonly edges: EdgeRecord[];
  readonly diagnostics: Diagnostic[];
  readonly counts: readonly { id: string; nodes: number; edges: number; rejected: number }[];
}

/** Watches node records as they are loaded and runs the joins on what they want. */
export class JoinCollector {
  private readonly wanted: NodeRecord[][];

  constructor(private readonly joins: readonly Join[] = JOINS) {
    for (const j of joins) if (!j.id.startsWith('join:')) throw new Error(`ingest/joins: join id "${j.id}" must start with "join:"`);
    this.wanted = joins.map(() => []);
  }

  /** Looks at one loaded node record. */
  observe(node: NodeRecord): void {
    for (let j = 0; j < this.joins.length; j++) if ((this.joins[j] as Join).wants(node)) (this.wanted[j] as NodeRecord[]).push(node);
  }

  /** Runs every join on the records it wanted. */
  resolve(): JoinResult {
    const counts: { id: string; nodes: number; edges: number; rejected: number }[] = [];
    const out: JoinResult = { nodes: [], edges: [], diagnostics: [], counts };
    for (const [j, join] of this.joins.entries()) {
      const wanted = this.wanted[j] as NodeRecord[];
      if (wanted.length === 0) continue;
      const r = join.resolve(wanted);
      out.nodes.push(...r.nodes);
      out.edges.push(...r.edges);
      out.diagnostics.push(...r.diagnostics);
      if (r.nodes.length + r.edges.length + r.diagnostics.length > 0) {
        counts.push({ id: join.id, nodes: r.nodes.length, edges: r.edges.length, rejected: r.diagnostics.filter((d) => d.severity === 'error').length });
      }
    }
    return out;
  }
}
