// The GitHub OIDC join: after every file is read, each job that may request an OIDC token (`id-token: write`)
// RUNS_AS every federated subject of the GitHub issuer that accepts one of its `sub` claims — AWS trust policies
// (`aws/<acct>/oidc-provider/<host>[/sub/<subject>]`) and Entra federated credentials (`oidc/<host>/<subject>`)
// alike. A trust that pins no subject accepts every repository's jobs. Pure.
import type { EdgeRecord, NodeRecord, PropValue } from '../../src/model/index.js';
import type { Join, JoinOutput } from '../joins/types.js';
import { GITHUB_OIDC_HOST, SOURCE } from './ids.js';
import { matchSubject, type SubjectMatch, type TrustSubject } from './subject-match.js';

const JOIN_ID = 'join:github-oidc';

/** True for an issuer of GitHub Actions tokens (`token.actions.githubusercontent.com`, with or without scheme, enterprise path). */
export function isGithubIssuer(issuer: PropValue | undefined): boolean {
  if (typeof issuer !== 'string') return false;
  const bare = issuer.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return bare === GITHUB_OIDC_HOST || bare.startsWith(`${GITHUB_OIDC_HOST}/`);
}

/** An Entra flexible federated credential: `claims['sub'] matches '…'` / `eq '…'` (only the first clause is read). */
const EXPRESSION = /^\s*claims\[\s*'sub'\s*\]\s+(matches|eq)\s+'([^']*)'\s*(.*)$/i;

/** What a federated subject node accepts: undefined subject = any; `partial` when an expression has more clauses. */
function trustOf(node: NodeRecord): { subject: TrustSubject | undefined; partial: boolean } | undefined {
  const subject = node.properties['subject'];
  if (subject === undefined) return { subject: undefined, partial: false };
  if (typeof subject !== 'string') return undefined;
  const expr = EXPRESSION.exec(subject);
  if (expr) return { subject: { pattern: expr[2] as string, mode: /matches/i.test(expr[1] as string) ? 'glob' : 'exact' }, partial: (expr[3] as string).trim() !== '' };
  if (/claims\[/i.test(subject)) return undefined;
  const match = node.properties['x_subject_match'];
  return { subject: { pattern: subject, mode: match === 'glob' ? 'glob' : match === 'ignore-case' ? 'ignore-case' : 'exact' }, partial: false };
}

/** The best match of any of a job's claims against one trust subject, with the claim that gave it. */
export function bestClaim(claims: readonly string[], trust: TrustSubject): { match: SubjectMatch; claim: string } {
  let best: { match: SubjectMatch; claim: string } = { match: 'no', claim: '' };
  for (const claim of claims) {
    const match = matchSubject(claim, trust);
    if (match === 'yes') return { match, claim };
    if (match === 'maybe' && best.match === 'no') best = { match, claim };
  }
  return best;
}

/** The RUNS_AS edge of one job to one federated subject node, or undefined when the trust never accepts the job's token. */
function edgeFor(job: NodeRecord, claims: readonly string[], target: NodeRecord): EdgeRecord | undefined {
  const trust = trustOf(target);
  if (trust === undefined) return undefined;
  let properties: Record<string, PropValue>;
  if (trust.subject === undefined) {
    properties = { conditional: false, note: 'the trust pins no `sub` claim: a workflow of any GitHub repository can assume it' };
  } else {
    const { match, claim } = bestClaim(claims, trust.subject);
    if (match === 'no') return undefined;
    const how = `${trust.subject.mode === 'glob' ? 'pattern' : 'subject'} ${trust.subject.pattern}`;
    properties = match === 'yes' && !trust.partial
      ? { note: `OIDC sub ${claim} accepted by ${how}` }
      : { conditional: true, note: match === 'maybe' ? `OIDC sub ${claim} accepted by ${how} only when the job runs on a matching ref` : `OIDC sub ${claim} accepted by ${how}; the expression has further clauses` };
  }
  return { kind: 'RUNS_AS', from: job.id, to: target.id, source: JOIN_ID, properties, provenance: { ...job.provenance, source: JOIN_ID } };
}

/** One record per id (a full record before a reference), in id order. */
export function distinct(nodes: readonly NodeRecord[]): NodeRecord[] {
  const byId = new Map<string, NodeRecord>();
  for (const n of nodes) {
    const prior = byId.get(n.id);
    if (prior === undefined || (prior.properties['reference'] === true && n.properties['reference'] !== true)) byId.set(n.id, n);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Edges from every token-requesting job to every GitHub-issuer subject that accepts it. */
export function resolveGithubOidc(nodes: readonly NodeRecord[]): JoinOutput {
  const all = distinct(nodes);
  const jobs = all.filter((n) => n.kind === 'Pipeline');
  const subjects = all.filter((n) => n.kind === 'WorkloadIdentity');
  const edges: EdgeRecord[] = [];
  for (const job of jobs) {
    const raw = job.properties['x_oidc_subjects'];
    const claims = Array.isArray(raw) ? raw : [];
    for (const target of subjects) {
      const edge = edgeFor(job, claims, target);
      if (edge) edges.push(edge);
    }
  }
  return { nodes: [], edges, diagnostics: [] };
}

/** The join: jobs of this source with `id-token: write`, and WorkloadIdentity nodes of the GitHub issuer from any source. */
export const githubOidc: Join = {
  id: JOIN_ID,
  wants: (n) => (n.kind === 'Pipeline' && n.source === SOURCE && n.properties['x_id_token'] === true)
    || (n.kind === 'WorkloadIdentity' && isGithubIssuer(n.properties['issuer'])),
  resolve: resolveGithubOidc,
};
