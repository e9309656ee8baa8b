// transform: one parsed workflow file → records. Each job that can run is a Pipeline (the job is what holds
// permissions, an OIDC token and secrets; the workflow is a property), with the `sub` claims its token can carry;
// each repository secret it reads is a Secret it HAS_CREDENTIAL of; a Google service account it signs in as is a
// reference node it RUNS_AS. Jobs of pull_request_target / workflow_run workflows that check out the untrusted head
// are tagged `entry-point`. Matching tokens to cloud trusts is the joins' work (join.ts, gcp-join.ts).
import { emptyRecords, type Diagnostic, type NodeRecord, type PropValue, type Provenance, type Records } from '../../src/model/index.js';
import { gcpServiceAccountId, jobId, repoSlug, secretId, SOURCE, type Repo } from './ids.js';
import type { LineOf } from './read.js';
import { repoOf } from './repo.js';
import { cloudLogins, passesAllSecrets, secretUses, untrustedCheckout, viaOf, type CloudLogin, type SecretUse } from './steps.js';
import {
  effectivePermissions, environmentOf, hasIdTokenWrite, isObject, PRIVILEGED_PR_EVENTS, subjectsOf, triggersOf, type Trigger,
} from './triggers.js';

type Obj = Readonly<Record<string, unknown>>;

/** The tag of a job that runs code from outside the repository with its secrets and token (docs/sources.md). */
export const ENTRY_POINT_TAG = 'entry-point';

/** Where the file is: its display path (diagnostics, provenance, repository by path), base name, text and line locator. */
export interface WorkflowFileContext {
  readonly file: string;
  readonly fileName: string;
  readonly text: string;
  readonly lineOf: LineOf;
}

/** Turns one workflow into records (pure; unit-tested without files). */
export function transformWorkflow(value: unknown, ctx: WorkflowFileContext): Records {
  const out = emptyRecords();
  if (!isObject(value) || !('on' in value) || !isObject(value['jobs'])) {
    out.diagnostics.push(diag(ctx, 'error', 'missing-field', isObject(value) && 'on' in value ? ['jobs'] : ['on'], 'not a GitHub Actions workflow (needs an `on:` trigger and a `jobs:` mapping); nothing was loaded from this file'));
    return out;
  }
  const found = repoOf(ctx.text, ctx.file);
  const repo = found?.repo;
  if (repo === undefined) {
    out.diagnostics.push(diag(ctx, 'warning', 'missing-field', [], 'the repository of this workflow is unknown (add a line `# pathwarden: repo=<owner>/<name>`, or keep the path `<owner>/<repo>/.github/workflows/`); its jobs load, but their OIDC tokens cannot be matched to any cloud trust'));
  }
  const triggers = triggersOf(value['on']);
  if (triggers.length === 0) {
    out.diagnostics.push(diag(ctx, 'warning', 'bad-value', ['on'], 'the workflow has no trigger, so it never runs; nothing was loaded from it'));
    return out;
  }
  const secrets = new Map<string, NodeRecord>();
  for (const [name, job] of Object.entries(value['jobs'])) {
    if (!isObject(job)) {
      out.diagnostics.push(diag(ctx, 'error', 'bad-value', ['jobs', name], `job "${name}" is not a mapping; it was skipped`));
      continue;
    }
    if (isDisabled(job)) continue;
    transformJob(value, name, job, triggers, repo, ctx, out, secrets);
  }
  out.nodes.push(...secrets.values());
  return out;
}

/** A job that can never run: `if: false` or `if: ${{ false }}`. */
function isDisabled(job: Obj): boolean {
  const cond = job['if'];
  return cond === false || (typeof cond === 'string' && /^\s*(\$\{\{\s*false\s*\}\}|false)\s*$/.test(cond));
}

function transformJob(workflow: Obj, name: string, job: Obj, triggers: readonly Trigger[], repo: Repo | undefined,
  ctx: WorkflowFileContext, out: ReturnType<typeof emptyRecords>, secrets: Map<string, NodeRecord>): void {
  const id = jobId(repo, ctx.fileName, name);
  const at = prov(ctx, ['jobs', name]);
  const permissions = effectivePermissions(job, workflow);
  const idToken = hasIdTokenWrite(permissions);
  const environment = environmentOf(job);
  const logins = cloudLogins(job);
  const gcpProviders = [...new Set(logins.flatMap((l) => (l.cloud === 'gcp' && !l.provider.includes('${{') ? [l.provider] : [])))].sort();
  const events = triggers.map((t) => t.event);
  const checkout = untrustedCheckout(job);
  const privileged = events.filter((e) => PRIVILEGED_PR_EVENTS.has(e));
  const entry = privileged.length > 0 && checkout !== undefined
    ? `${privileged.join(', ')} runs steps[${checkout}]'s checkout of the untrusted head with the repository's secrets and token`
    : undefined;
  const props: Record<string, PropValue> = {
    platform: 'github',
    ...(repo ? { repository: `github.com/${repoSlug(repo)}` } : {}),
    x_workflow: `.github/workflows/${ctx.fileName}`,
    ...(typeof workflow['name'] === 'string' ? { x_workflow_name: workflow['name'] } : {}),
    x_job: name,
    x_triggers: events,
    ...(permissions !== undefined ? { x_permissions: permissions } : {}),
    ...(environment !== undefined ? { x_environment: environment } : {}),
    ...(idToken ? { x_id_token: true } : {}),
    ...(idToken && repo ? { x_oidc_subjects: subjectsOf(repo, triggers, environment) } : {}),
    ...(idToken && gcpProviders.length > 0 ? { x_gcp_providers: gcpProviders } : {}),
    ...(logins.length > 0 ? { x_oidc_logins: logins.map(loginLabel), x_oidc_audiences: [...new Set(logins.map((l) => l.audience))].sort() } : {}),
    ...(entry !== undefined ? { x_entry_point: entry } : {}),
    ...(passesAllSecrets(job) ? { x_secrets_all: true } : {}),
  };
  const jobName = typeof job['name'] === 'string' ? job['name'] : name;
  out.nodes.push({
    id, kind: 'Pipeline', name: `${typeof workflow['name'] === 'string' ? workflow['name'] : ctx.fileName} / ${jobName}`,
    tags: entry !== undefined ? [ENTRY_POINT_TAG] : [], source: SOURCE, properties: props, provenance: at,
  });
  if (idToken) gcpLogins(id, logins, ctx, name, out);
  const uses = [...secretUses(workflow['env'], ['env']).map((u) => ({ ...u, via: `workflow ${u.via}` })),
    ...secretUses(job).map((u) => ({ ...u, path: ['jobs', name, ...u.path] }))];
  holdSecrets(id, uses, repo, ctx, out, secrets);
}

/** Google: a reference ServiceAccount per impersonated service account, RUNS_AS conditional (the provider's attribute condition is not known). */
function gcpLogins(id: string, logins: readonly CloudLogin[], ctx: WorkflowFileContext, job: string, out: ReturnType<typeof emptyRecords>): void {
  for (const login of logins) {
    if (login.cloud !== 'gcp' || login.serviceAccount === undefined || login.serviceAccount.includes('${{')) continue;
    const at = prov(ctx, ['jobs', job, 'steps', login.step]);
    const sa = gcpServiceAccountId(login.serviceAccount);
    out.nodes.push({
      id: sa, kind: 'ServiceAccount', name: login.serviceAccount, tags: [], source: SOURCE, provenance: at,
      properties: { arn: login.serviceAccount.toLowerCase(), platform: 'gcp', reference: true },
    });
    out.edges.push({
      kind: 'RUNS_AS', from: id, to: sa, source: SOURCE, provenance: at,
      properties: { conditional: true, note: `google-github-actions/auth through ${login.provider}; the provider's attribute condition is not in this input` },
    });
  }
}

/** One Secret node per name (a reference: the repository defines it) and one HAS_CREDENTIAL edge per job, `via` listing every place. */
function holdSecrets(id: string, uses: readonly SecretUse[], repo: Repo | undefined, ctx: WorkflowFileContext,
  out: ReturnType<typeof emptyRecords>, secrets: Map<string, NodeRecord>): void {
  const byName = new Map<string, SecretUse[]>();
  for (const u of uses) {
    const key = u.name.toUpperCase();
    byName.set(key, [...(byName.get(key) ?? []), u]);
  }
  for (const [upper, list] of [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const sid = secretId(repo, ctx.fileName, upper);
    const first = list[0] as SecretUse;
    if (!secrets.has(sid)) {
      secrets.set(sid, {
        id: sid, kind: 'Secret', name: `${repo ? repoSlug(repo) : ctx.fileName} secret ${upper}`, tags: [], source: SOURCE,
        properties: { provider: 'github', platform: 'github', reference: true }, provenance: prov(ctx, first.path),
      });
    }
    const via = [...new Set(list.map((u) => u.via))].join(', ');
    out.edges.push({ kind: 'HAS_CREDENTIAL', from: id, to: sid, source: SOURCE, properties: { via }, provenance: prov(ctx, first.path) });
  }
}

function loginLabel(login: CloudLogin): string {
  switch (login.cloud) {
    case 'aws': return `aws role ${login.role}`;
    case 'azure': return `azure client ${login.clientId} tenant ${login.tenantId}`;
    case 'gcp': return `gcp provider ${login.provider}${login.serviceAccount ? ` service account ${login.serviceAccount}` : ''}`;
  }
}

function prov(ctx: WorkflowFileContext, path: readonly (string | number)[]): Provenance {
  const line = ctx.lineOf(path);
  return { source: SOURCE, file: ctx.file, ...(line !== undefined ? { line } : {}), ...(path.length > 0 ? { path: `$.${viaOf(path)}` } : {}) };
}

function diag(ctx: WorkflowFileContext, severity: Diagnostic['severity'], code: Diagnostic['code'], path: readonly (string | number)[], message: string): Diagnostic {
  const line = path.length > 0 ? ctx.lineOf(path) : undefined;
  return { severity, code, source: SOURCE, file: ctx.file, ...(line !== undefined ? { line } : {}), ...(path.length > 0 ? { field: `$.${viaOf(path)}` } : {}), message };
}
