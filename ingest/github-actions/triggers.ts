// What a workflow's triggers and a job's environment make of the job's OIDC token: the `sub` claims it can carry
// (GitHub's default subject format), and the job's effective `id-token` permission. Pure.
import { repoSlug, type Repo } from './ids.js';
import { isObject } from '../values.js';

type Obj = Readonly<Record<string, unknown>>;
export { isObject };

/** One event of `on:` with its filters (`branches`, `tags`…), if any. */
export interface Trigger {
  readonly event: string;
  readonly config: Obj | undefined;
}

/** The events of `on:` (a string, a list or a mapping), in file order. */
export function triggersOf(on: unknown): Trigger[] {
  if (typeof on === 'string') return [{ event: on, config: undefined }];
  if (Array.isArray(on)) return on.filter((e): e is string => typeof e === 'string').map((event) => ({ event, config: undefined }));
  if (isObject(on)) return Object.entries(on).map(([event, config]) => ({ event, config: isObject(config) ? config : undefined }));
  return [];
}

/** Events whose runs see the base repository's secrets and a write token although a pull request's author started them. */
export const PRIVILEGED_PR_EVENTS: ReadonlySet<string> = new Set(['pull_request_target', 'workflow_run']);

/**
 * The `permissions:` in force for a job, as `scope:level` strings (`write-all`, `read-all`, `{}` → []), or undefined
 * when neither the job nor the workflow sets any (then the repository default applies, which never includes id-token).
 */
export function effectivePermissions(job: Obj, workflow: Obj): string[] | undefined {
  const raw = 'permissions' in job ? job['permissions'] : 'permissions' in workflow ? workflow['permissions'] : undefined;
  if (raw === undefined) return undefined;
  if (raw === 'write-all' || raw === 'read-all') return [raw];
  if (!isObject(raw)) return [];
  return Object.entries(raw).filter(([, v]) => typeof v === 'string').map(([k, v]) => `${k}:${v as string}`).sort();
}

/** True when the permissions let the job request an OIDC token (`id-token: write`, or `write-all`). */
export function hasIdTokenWrite(permissions: readonly string[] | undefined): boolean {
  return permissions !== undefined && (permissions.includes('write-all') || permissions.includes('id-token:write'));
}

/** The environment a job deploys to (`environment: prod` or `environment: { name: prod }`), if any. */
export function environmentOf(job: Obj): string | undefined {
  const env = job['environment'];
  const name = isObject(env) ? env['name'] : env;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

/**
 * The `sub` claims the job's token can carry. A job with an environment always gets `repo:O/R:environment:E`;
 * otherwise each trigger gives its form: push to branch B `repo:O/R:ref:refs/heads/B`, tag T `…:ref:refs/tags/T`,
 * pull requests `repo:O/R:pull_request`. A claim with `*` is a pattern: the ref is decided at run time (unfiltered
 * pushes, manual dispatch, scheduled or chained runs on the default branch, an expression in the environment name).
 */
export function subjectsOf(repo: Repo, triggers: readonly Trigger[], environment: string | undefined): string[] {
  const base = `repo:${repoSlug(repo)}`;
  if (environment !== undefined) return [`${base}:environment:${environment.includes('${{') ? '*' : environment}`];
  const out = new Set<string>();
  const heads = (b: string): void => { out.add(`${base}:ref:refs/heads/${b}`); };
  const tags = (t: string): void => { out.add(`${base}:ref:refs/tags/${t}`); };
  for (const { event, config } of triggers) {
    switch (event) {
      case 'push': {
        const branches = filterPatterns(config, 'branches');
        const tagList = filterPatterns(config, 'tags');
        if (branches === undefined && tagList === undefined) { heads('*'); tags('*'); break; }
        branches?.forEach(heads);
        tagList?.forEach(tags);
        break;
      }
      case 'pull_request': case 'pull_request_target':
        out.add(`${base}:pull_request`);
        break;
      case 'release': case 'create':
        tags('*');
        break;
      case 'workflow_dispatch':
        heads('*');
        tags('*');
        break;
      case 'workflow_call':
        // NOTE: a called workflow's jobs carry the caller's subject; same-repository callers are assumed.
        out.add(`${base}:*`);
        break;
      default:
        // NOTE: schedule, workflow_run, issues, issue_comment, repository_dispatch… run on the default branch.
        heads('*');
    }
  }
  return [...out].sort();
}

/**
 * The patterns of a `branches`/`tags` filter as claim patterns (`**` → `*`; `[…]`, `+` and `!` negations widen to
 * `*`); `<key>-ignore` means "any but", i.e. `*`. Undefined when the trigger filters neither way on this key.
 */
function filterPatterns(config: Obj | undefined, key: 'branches' | 'tags'): string[] | undefined {
  if (config === undefined) return undefined;
  if (Array.isArray(config[`${key}-ignore`]) || typeof config[`${key}-ignore`] === 'string') return ['*'];
  const raw = config[key];
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : undefined;
  if (list === undefined) return undefined;
  if (list.some((p) => p.startsWith('!'))) return ['*'];
  return list.map((p) => (/[[\]+]/.test(p) ? '*' : p.replace(/\*\*/g, '*')));
}
