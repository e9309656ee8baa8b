// Codex `config.toml` `[mcp_servers.<name>]` tables in the common server shape. Codex names variables where other
// clients write `${VAR}`: `env_vars` forwards variables from Codex's own environment, `bearer_token_env_var` sends
// one as `Authorization: Bearer`, `env_http_headers` maps a header to one; here each becomes the `${VAR}` reference it
// stands for, and `real` maps it back to the file's key. A value of the wrong type (Codex refuses the file) is a problem.
import { isObject } from '../values.js';

type Obj = Readonly<Record<string, unknown>>;
type Path = readonly (string | number)[];

/** A field of a server entry Codex would refuse: its path below the entry (file keys) and why. */
export interface EntryProblem {
  readonly path: Path;
  readonly message: string;
}

/** One Codex server: the common shape, the mapper back to the file's keys, and the problems of its fields. */
export interface CodexServer {
  readonly server: Obj;
  readonly real: (below: Path) => Path;
  readonly problems: readonly EntryProblem[];
}

const STRING_MAPS = ['env', 'http_headers', 'env_http_headers'] as const;
const STRINGS = ['command', 'url', 'cwd', 'bearer_token_env_var', 'bearer_token'] as const;

/** The field problems of one entry: each key Codex reads, checked for its type. */
function problemsOf(s: Obj): EntryProblem[] {
  const out: EntryProblem[] = [];
  for (const key of STRINGS) if (s[key] !== undefined && typeof s[key] !== 'string') out.push({ path: [key], message: 'must be a string' });
  for (const key of STRING_MAPS) {
    const map = s[key];
    if (map === undefined) continue;
    if (!isObject(map)) out.push({ path: [key], message: 'must be a table of strings' });
    else for (const [k, v] of Object.entries(map)) if (typeof v !== 'string') out.push({ path: [key, k], message: 'must be a string' });
  }
  for (const key of ['args', 'env_vars'] as const) {
    const list = s[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) out.push({ path: [key], message: 'must be an array of strings' });
    else list.forEach((v, i) => { if (typeof v !== 'string') out.push({ path: [key, i], message: 'must be a string' }); });
  }
  if (s['enabled'] !== undefined && typeof s['enabled'] !== 'boolean') out.push({ path: ['enabled'], message: 'must be true or false' });
  return out;
}

const strings = (v: unknown): [string, string][] => (isObject(v) ? Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string') : []);

/** Maps one `[mcp_servers.<name>]` table to the common shape. */
export function codexServer(s: Obj): CodexServer {
  const problems = problemsOf(s);
  const env: Record<string, string> = {};
  const headers: Record<string, string> = {};
  const envFrom = new Map<string, Path>();
  const headerFrom = new Map<string, Path>();
  const forwarded = Array.isArray(s['env_vars']) ? s['env_vars'] : [];
  forwarded.forEach((name, i) => {
    if (typeof name !== 'string' || name === '') return;
    env[name] = `\${${name}}`;
    envFrom.set(name, ['env_vars', i]);
  });
  // NOTE: a value set in `env` wins over the same variable forwarded by `env_vars` (it is what the server gets).
  for (const [k, v] of strings(s['env'])) { env[k] = v; envFrom.set(k, ['env', k]); }
  for (const [k, v] of strings(s['http_headers'])) { headers[k] = v; headerFrom.set(k, ['http_headers', k]); }
  for (const [k, v] of strings(s['env_http_headers'])) { headers[k] = `\${${v}}`; headerFrom.set(k, ['env_http_headers', k]); }
  const bearer = typeof s['bearer_token_env_var'] === 'string' ? `\${${s['bearer_token_env_var']}}` : s['bearer_token'];
  if (typeof bearer === 'string') {
    headers['Authorization'] = bearer;
    headerFrom.set('Authorization', [typeof s['bearer_token_env_var'] === 'string' ? 'bearer_token_env_var' : 'bearer_token']);
  }
  const server: Obj = {
    command: s['command'], args: Array.isArray(s['args']) ? s['args'] : undefined, url: s['url'], enabled: s['enabled'],
    ...(Object.keys(env).length > 0 ? { env } : {}), ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
  const real = (below: Path): Path => {
    const [key, name] = below;
    const from = typeof name === 'string' ? (key === 'env' ? envFrom : key === 'headers' ? headerFrom : undefined)?.get(name) : undefined;
    return from === undefined ? below : [...from, ...below.slice(2)];
  };
  return { server, real, problems };
}
