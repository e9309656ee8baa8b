// The GitHub → Google workload identity federation join: after every file is read, each job that signs in with
// google-github-actions/auth through a provider of pool P (`x_gcp_providers`) RUNS_AS every WorkloadIdentity of the
// gcp source whose issuer is P's path (`projects/<n>/locations/global/workloadIdentityPools/<pool>`) and whose
// selector accepts the job: `subject/<sub>` by its `sub` claims, `attribute.repository/<o>/<r>` and
// `attribute.repository_owner/<o>` by its repository, `*` always; other attributes conditionally. Pure.
import type { EdgeRecord, NodeRecord, PropValue } from '../../src/model/index.js';
import type { Join, JoinOutput } from '../joins/types.js';
import { SOURCE } from './ids.js';
import { bestClaim, distinct } from './join.js';

const JOIN_ID = 'join:github-gcp-wif';

/** A workload identity pool path; a provider is `<pool>/providers/<id>`, optionally after `//iam.googleapis.com/`. */
const POOL = /^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+$/;
const PROVIDER = /^(?:(?:https:)?\/\/iam\.googleapis\.com\/)?(projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+)\/providers\/[^/]+$/;

/** The pool path of a provider string, or undefined when it is not one. */
export function poolOfProvider(provider: string): string | undefined {
  return PROVIDER.exec(provider.trim())?.[1];
}

const MAPPING = 'assumes the provider maps attribute.repository from assertion.repository and attribute.repository_owner from assertion.repository_owner (Google\'s documented GitHub mapping)';

/** `owner/name` of a job's `repository: github.com/<owner>/<name>`, lower-cased (GitHub names ignore case). */
function repoOf(job: NodeRecord): string | undefined {
  const r = job.properties['repository'];
  return typeof r === 'string' && r.startsWith('github.com/') ? r.slice('github.com/'.length).toLowerCase() : undefined;
}

/** The edge properties when `selector` accepts the job, or undefined when it never does (or is a group). */
function accepts(job: NodeRecord, selector: string, via: string): Record<string, PropValue> | undefined {
  const repo = repoOf(job);
  if (selector === '*') return { conditional: false, note: `principalSet * of the pool: every identity of the pool, every job signing in through ${via}` };
  if (selector.startsWith('subject/')) {
    const sub = selector.slice('subject/'.length);
    const raw = job.properties['x_oidc_subjects'];
    const { match, claim } = bestClaim(Array.isArray(raw) ? raw : [], { pattern: sub, mode: 'exact' });
    if (match === 'no') return undefined;
    const base = `OIDC sub ${claim} accepted by principal subject ${sub} through ${via}; assumes the provider maps google.subject from assertion.sub`;
    return match === 'yes' ? { note: base } : { conditional: true, note: `${base}, only when the job runs on a matching ref` };
  }
  const attr = /^attribute\.([^/]+)\/(.+)$/.exec(selector);
  if (!attr) return undefined;
  const [, name, value] = attr as unknown as [string, string, string];
  if (name === 'repository' || name === 'repository_owner') {
    const mine = name === 'repository' ? repo : repo?.split('/')[0];
    if (mine === undefined || mine !== value.toLowerCase()) return undefined;
    return { conditional: false, note: `principalSet attribute.${name}/${value} names the job's ${name === 'repository' ? 'repository' : 'owner'} ${mine} through ${via}; ${MAPPING}` };
  }
  return { conditional: true, note: `principalSet attribute.${name}/${value} through ${via}: whether the job's token gives attribute.${name} that value depends on the provider's attribute mapping, which is not in this input` };
}

/** Edges from every job signing in through a pool to every workload identity of that pool that accepts it. */
export function resolveGithubGcpWif(nodes: readonly NodeRecord[]): JoinOutput {
  const all = distinct(nodes);
  const byPool = new Map<string, NodeRecord[]>();
  for (const n of all) {
    const pool = n.properties['issuer'];
    if (n.kind !== 'WorkloadIdentity' || typeof pool !== 'string' || typeof n.properties['subject'] !== 'string') continue;
    const members = byPool.get(pool);
    if (members) members.push(n);
    else byPool.set(pool, [n]);
  }
  const edges: EdgeRecord[] = [];
  for (const job of all.filter((n) => n.kind === 'Pipeline')) {
    const raw = job.properties['x_gcp_providers'];
    const seen = new Set<string>();
    for (const provider of Array.isArray(raw) ? raw : []) {
      const pool = poolOfProvider(provider);
      for (const target of pool === undefined ? [] : byPool.get(pool) ?? []) {
        if (seen.has(target.id)) continue;
        const properties = accepts(job, target.properties['subject'] as string, `google-github-actions/auth provider ${provider}`);
        if (properties === undefined) continue;
        seen.add(target.id);
        edges.push({ kind: 'RUNS_AS', from: job.id, to: target.id, source: JOIN_ID, properties, provenance: { ...job.provenance, source: JOIN_ID } });
      }
    }
  }
  return { nodes: [], edges, diagnostics: [] };
}

/** The join: jobs of this source that sign in to Google through a pool, and workload identities of any pool. */
export const githubGcpWif: Join = {
  id: JOIN_ID,
  wants: (n) => (n.kind === 'Pipeline' && n.source === SOURCE && Array.isArray(n.properties['x_gcp_providers']))
    || (n.kind === 'WorkloadIdentity' && typeof n.properties['issuer'] === 'string' && POOL.test(n.properties['issuer'])),
  resolve: resolveGithubGcpWif,
};
