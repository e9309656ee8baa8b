// clients: which MCP client a parsed config belongs to, and its servers in one common shape. Each client writes its
// servers differently (Claude/Cursor/Gemini/Junie/Copilot `mcpServers`, VS Code `servers`, Claude Code per-project
// servers, Zed `context_servers`, Goose `extensions`, Continue's `mcpServers` list, Codex `mcp_servers` tables); this
// module maps each entry to `{ command, args, env, headers, url, disabled, keyring }` and keeps a mapper back to the
// real JSON/YAML/TOML path for lines.
import { codexServer, type EntryProblem } from './codex.js';
import { agentId } from './ids.js';
import { isObject } from '../values.js';

type Obj = Readonly<Record<string, unknown>>;
type Path = readonly (string | number)[];

/** One server entry of a client, normalised; `real` maps a path below the normalised server to the file's path. */
export interface ServerEntry {
  readonly name: string;
  /** Path of the entry in the file (`['mcpServers', 'github']`). */
  readonly path: Path;
  /** The entry in the common shape, or the raw value when it is not an object (reported by transform). */
  readonly server: unknown;
  readonly real: (below: Path) => Path;
  /** Fields of the entry the client would refuse (paths below the entry, in the file's keys). */
  readonly problems?: readonly EntryProblem[];
}

/** One AIAgent of a file: the client, or one Claude Code project. */
export interface ClientGroup {
  readonly agent: string;
  readonly name: string;
  readonly framework: string;
  /** Path of the servers object in the file (agent provenance). */
  readonly key: Path;
  readonly servers: readonly ServerEntry[];
}

/** The groups of a config, or `undefined` when it holds no MCP servers object at all. */
export type ClientGroups = readonly ClientGroup[] | undefined;

const same = (below: Path): Path => below;
const CLAUDE_USER = /(^|\/)\.claude\.json$/;
const GEMINI = /(^|\/)\.gemini\/settings\.json$/;
const ZED = /(^|\/)(\.config\/zed|\.zed)\/settings\.json$/;
const GOOSE = /(^|\/)\.config\/goose\/config\.ya?ml$/;
const CONTINUE = /(^|\/)\.continue\/config\.ya?ml$/;
const CONTINUE_BLOCK = /(^|\/)\.continue\/mcpServers\/[^/]+$/;
const CODEX = /(^|\/)\.codex\/config\.toml$/;
const JUNIE = /(^|\/)\.junie\/mcp\/mcp\.json$/;
const COPILOT_CLI = /(^|\/)(\.copilot\/mcp-config\.json|\.github\/mcp\.json)$/;
/** Names of the Copilot coding agent's environment secrets and variables, the only ones its MCP config can use. */
const COPILOT_SECRET = /COPILOT_MCP_[A-Za-z0-9_]+/;

/** True for client settings files that hold other settings too (Claude Code user, Gemini, Zed, Goose, Continue, Codex). */
export function isClientSettingsPath(relPath: string): boolean {
  return CLAUDE_USER.test(relPath) || GEMINI.test(relPath) || ZED.test(relPath) || GOOSE.test(relPath) || CONTINUE.test(relPath)
    || CODEX.test(relPath);
}

/** The agents and servers of one parsed config file at `relPath`. */
export function clientGroups(value: unknown, relPath: string): ClientGroups {
  if (!isObject(value)) return undefined;
  const agent = agentId(relPath);
  const name = `MCP client ${relPath}`;
  if (isObject(value['context_servers']) || ZED.test(relPath)) {
    const servers = value['context_servers'];
    return isObject(servers) ? [{ agent, name, framework: 'zed', key: ['context_servers'], servers: entries(servers, ['context_servers'], zedServer) }] : undefined;
  }
  if (isObject(value['extensions']) || GOOSE.test(relPath)) {
    const servers = value['extensions'];
    return isObject(servers) ? [{ agent, name, framework: 'goose', key: ['extensions'], servers: entries(servers, ['extensions'], gooseServer) }] : undefined;
  }
  if (isObject(value['mcp_servers']) || CODEX.test(relPath)) {
    const servers = value['mcp_servers'];
    return isObject(servers) ? [{ agent, name, framework: 'codex', key: ['mcp_servers'], servers: entries(servers, ['mcp_servers'], codexServer) }] : undefined;
  }
  if (Array.isArray(value['mcpServers'])) return [{ agent, name, framework: 'continue', key: ['mcpServers'], servers: continueServers(value['mcpServers']) }];
  if (CLAUDE_USER.test(relPath) || hasProjectServers(value['projects'])) {
    return claudeCodeGroups(value, relPath);
  }
  const key = isObject(value['mcpServers']) ? 'mcpServers' : 'servers';
  const servers = value[key];
  if (!isObject(servers)) return undefined;
  return [{ agent, name, framework: frameworkOf(relPath, key === 'servers', servers), key: [key], servers: entries(servers, [key], (s) => ({ server: s, real: same })) }];
}

/** The client name of an `mcpServers` / `servers` file, from its path and shape. */
function frameworkOf(relPath: string, vscode: boolean, servers: Obj): string {
  if (/claude_desktop_config\.json$/.test(relPath)) return 'claude-desktop';
  if (vscode) return 'vscode';
  if (CONTINUE_BLOCK.test(relPath)) return 'continue';
  if (JUNIE.test(relPath)) return 'junie';
  if (COPILOT_CLI.test(relPath)) return 'copilot-cli';
  if (namesCopilotSecret(servers)) return 'copilot-coding-agent';
  if (/(^|\/)\.mcp\.json$/.test(relPath)) return 'claude-code';
  if (/(^|\/)settings\.json$/.test(relPath)) return 'gemini-cli';
  return 'mcp';
}

/** Claude Code's user config: its own `mcpServers` (user scope) and, per project, `projects.<path>.mcpServers`. */
function claudeCodeGroups(value: Obj, relPath: string): ClientGroups {
  const groups: ClientGroup[] = [];
  const plain = (s: unknown): { server: unknown; real: typeof same } => ({ server: s, real: same });
  if (isObject(value['mcpServers'])) {
    groups.push({ agent: agentId(relPath), name: `MCP client ${relPath}`, framework: 'claude-code', key: ['mcpServers'], servers: entries(value['mcpServers'], ['mcpServers'], plain) });
  }
  const projects = value['projects'];
  for (const [project, settings] of Object.entries(isObject(projects) ? projects : {})) {
    const servers = isObject(settings) ? settings['mcpServers'] : undefined;
    // NOTE: Claude Code writes `mcpServers: {}` into every project it has opened; only projects with servers are agents.
    if (!isObject(servers) || Object.keys(servers).length === 0) continue;
    const key = ['projects', project, 'mcpServers'];
    groups.push({ agent: agentId(relPath, project), name: `MCP client ${relPath} project ${project}`, framework: 'claude-code', key, servers: entries(servers, key, plain) });
  }
  return groups.length > 0 ? groups : undefined;
}

/** True for Claude Code's `projects` map with at least one project's `mcpServers` (a renamed `.claude.json`). */
function hasProjectServers(projects: unknown): boolean {
  return isObject(projects) && Object.values(projects).some((p) => isObject(p) && isObject(p['mcpServers']));
}

function entries(servers: Obj, key: Path, shape: (s: Obj) => Pick<ServerEntry, 'server' | 'real' | 'problems'>): ServerEntry[] {
  return Object.entries(servers).map(([name, s]) => ({ name, path: [...key, name], ...(isObject(s) ? shape(s) : { server: s, real: same }) }));
}

/** Zed: `command` a string with `args`/`env` beside it, or (older) an object `{ path, args, env }`. */
function zedServer(s: Obj): { server: Obj; real: (below: Path) => Path } {
  const command = s['command'];
  if (!isObject(command)) return { server: s, real: same };
  const server = { ...s, command: command['path'], args: command['args'], env: command['env'] };
  return { server, real: (below) => (below[0] === 'args' || below[0] === 'env' ? ['command', ...below] : below) };
}

/** Goose: `cmd`, `args`, `envs`, `env_keys`, `uri`, `headers`, `enabled`; `builtin`/`platform`/`frontend` run inside Goose. */
function gooseServer(s: Obj): { server: Obj; real: (below: Path) => Path } {
  const inside = typeof s['type'] === 'string' && !['stdio', 'sse', 'streamable_http'].includes(s['type']);
  // NOTE: `env_keys` name variables whose values Goose keeps in the system keyring: known by name only.
  const keyring = Array.isArray(s['env_keys']) ? s['env_keys'].filter((k): k is string => typeof k === 'string') : [];
  const server = {
    command: s['cmd'], args: s['args'], env: s['envs'], url: s['uri'], headers: s['headers'], enabled: s['enabled'],
    ...(keyring.length > 0 ? { keyring } : {}), ...(inside ? { builtin: true } : {}),
  };
  const names: Record<string, string> = { command: 'cmd', env: 'envs', url: 'uri' };
  return { server, real: (below) => (typeof below[0] === 'string' && names[below[0]] !== undefined ? [names[below[0]] as string, ...below.slice(1)] : below) };
}

/** True when some server's env or headers name a `COPILOT_MCP_` secret: a Copilot coding agent repository config. */
function namesCopilotSecret(servers: Obj): boolean {
  return Object.values(servers).some((s) => isObject(s) && ['env', 'headers'].some((k) => {
    const map = s[k];
    return isObject(map) && Object.values(map).some((v) => typeof v === 'string' && COPILOT_SECRET.test(v));
  }));
}

/**
 * Continue (`config.yaml` and `.continue/mcpServers/*.yaml` blocks): a list of `{ name, command, args, env }` or
 * `{ name, type, url, requestOptions: { headers } }`; a nameless entry is named by its index.
 */
function continueServers(list: readonly unknown[]): ServerEntry[] {
  return list.map((s, i) => {
    const name = isObject(s) && typeof s['name'] === 'string' ? s['name'] : `#${i}`;
    const options = isObject(s) ? s['requestOptions'] : undefined;
    if (!isObject(s) || !isObject(options) || s['headers'] !== undefined) return { name, path: ['mcpServers', i], server: s, real: same };
    return {
      name, path: ['mcpServers', i], server: { ...s, headers: options['headers'] },
      real: (below: Path) => (below[0] === 'headers' ? ['requestOptions', ...below] : below),
    };
  });
}
