// What a job's steps and expressions reveal: the cloud logins it performs with its OIDC token (AWS, Azure, Google),
// a checkout of untrusted pull-request code, and the repository secrets it reads (`${{ secrets.X }}`). Pure.
import { isObject } from './triggers.js';

type Obj = Readonly<Record<string, unknown>>;

/** A cloud sign-in with the job's OIDC token, as the login action is configured. */
export type CloudLogin =
  | { readonly cloud: 'aws'; readonly step: number; readonly role: string; readonly audience: string }
  | { readonly cloud: 'azure'; readonly step: number; readonly clientId: string; readonly tenantId: string; readonly audience: string }
  | { readonly cloud: 'gcp'; readonly step: number; readonly provider: string; readonly serviceAccount: string | undefined; readonly audience: string };

/** The job's steps that are objects, with their index. */
export function stepsOf(job: Obj): { step: Obj; index: number }[] {
  const steps = Array.isArray(job['steps']) ? job['steps'] : [];
  return steps.flatMap((step, index) => (isObject(step) ? [{ step, index }] : []));
}

/** `owner/action` of a step's `uses:` (no version, no sub-path), lower-cased; undefined for `run:` steps. */
export function actionOf(step: Obj): string | undefined {
  const uses = step['uses'];
  if (typeof uses !== 'string') return undefined;
  const [owner, name] = uses.split('@')[0]?.split('/') ?? [];
  return owner !== undefined && name !== undefined ? `${owner}/${name}`.toLowerCase() : undefined;
}

function withOf(step: Obj, key: string): string | undefined {
  const w = step['with'];
  const v = isObject(w) ? w[key] : undefined;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The OIDC logins of a job: configure-aws-credentials with role-to-assume, azure/login with client and tenant ids, google-github-actions/auth with a provider. */
export function cloudLogins(job: Obj): CloudLogin[] {
  const out: CloudLogin[] = [];
  for (const { step, index } of stepsOf(job)) {
    const action = actionOf(step);
    if (action === 'aws-actions/configure-aws-credentials') {
      const role = withOf(step, 'role-to-assume');
      // NOTE: with aws-access-key-id the action uses static keys (a secret), not the OIDC token.
      if (role !== undefined && withOf(step, 'aws-access-key-id') === undefined) out.push({ cloud: 'aws', step: index, role, audience: withOf(step, 'audience') ?? 'sts.amazonaws.com' });
    } else if (action === 'azure/login') {
      const clientId = withOf(step, 'client-id');
      const tenantId = withOf(step, 'tenant-id');
      if (clientId !== undefined && tenantId !== undefined && withOf(step, 'creds') === undefined) {
        out.push({ cloud: 'azure', step: index, clientId, tenantId, audience: withOf(step, 'audience') ?? 'api://AzureADTokenExchange' });
      }
    } else if (action === 'google-github-actions/auth') {
      const provider = withOf(step, 'workload_identity_provider');
      if (provider !== undefined) {
        out.push({ cloud: 'gcp', step: index, provider, serviceAccount: withOf(step, 'service_account'), audience: withOf(step, 'audience') ?? `https://iam.googleapis.com/${provider}` });
      }
    }
  }
  return out;
}

/** Expressions naming the head of a pull request or of the run that triggered a workflow_run. */
const UNTRUSTED_REF = /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|refs\/pull\/|github\.event\.pull_request\.head\.repo\.full_name|github\.event\.workflow_run\.head_repository\.full_name/;

/** The index of the first actions/checkout step that checks out the pull request's (or triggering run's) head, if any. */
export function untrustedCheckout(job: Obj): number | undefined {
  for (const { step, index } of stepsOf(job)) {
    if (actionOf(step) !== 'actions/checkout') continue;
    if (UNTRUSTED_REF.test(withOf(step, 'ref') ?? '') || UNTRUSTED_REF.test(withOf(step, 'repository') ?? '')) return index;
  }
  return undefined;
}

/** A secret a job reads and where (`env.TOKEN`, `steps[2].with.password`, `steps[3].run`). */
export interface SecretUse {
  readonly name: string;
  readonly via: string;
  readonly path: readonly (string | number)[];
}

/** `secrets.NAME` or `secrets['NAME']` inside an expression. */
const SECRET_REF = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\])/g;
/** The job's own token: modelled by the job's permissions, not as a secret (ingest/github-actions/README.md). */
const JOB_TOKEN = 'GITHUB_TOKEN';

/** Every `${{ … secrets.X … }}` in the strings of a value (job, or the workflow's `env`), GITHUB_TOKEN left out. */
export function secretUses(value: unknown, path: readonly (string | number)[] = []): SecretUse[] {
  if (typeof value === 'string') {
    const out: SecretUse[] = [];
    for (const expr of value.match(/\$\{\{[^]*?\}\}/g) ?? []) {
      for (const m of expr.matchAll(SECRET_REF)) {
        const name = (m[1] ?? m[2]) as string;
        if (name.toUpperCase() !== JOB_TOKEN) out.push({ name, via: viaOf(path), path });
      }
    }
    return out;
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => secretUses(v, [...path, i]));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => secretUses(v, [...path, k]));
  return [];
}

/** True when the job hands every secret on: `secrets: inherit` (reusable workflow call) or `toJSON(secrets)`. */
export function passesAllSecrets(job: Obj): boolean {
  return job['secrets'] === 'inherit' || /toJSON\(\s*secrets\s*\)/i.test(JSON.stringify(job));
}

/** `steps[2].with.password` style label of a path. */
export function viaOf(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out === '' ? p : `${out}.${p}`), '');
}
