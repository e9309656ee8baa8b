// The mcp ingestor on the other clients' config formats (issue #10): Claude Code's `.claude.json` (per-project
// agents), Gemini CLI and Zed `settings.json`, Goose and Continue `config.yaml`. Exact nodes, edges and diagnostics.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { detectMcp, mcp } from '../../../ingest/mcp/index.js';
import { transformMcp } from '../../../ingest/mcp/transform.js';
import { fingerprint } from '../../../ingest/secrets.js';
import type { Records } from '../../../src/model/index.js';
import { diagTuples, edgesOf } from '../tuples.js';

const CASES = 'test/fixtures/mcp/cases';
const load = (name: string): Promise<Records & { files: { file: string; source: string }[] }> => loadDirectory(`${CASES}/${name}`);
const ids = (r: Records): Set<string> => new Set(r.nodes.map((n) => `${n.kind} ${n.id}`));
const secret = (value: string): string => `mcp/secret/${fingerprint(value)}`;
const framework = (r: Records, id: string): unknown => r.nodes.find((n) => n.id === id)?.properties['framework'];
const via = (r: Records, from: string, to: string): unknown => r.edges.find((e) => e.from === from && e.to === to)?.properties['via'];

describe('mcp clients', () => {
  it('Claude Code .claude.json: user-scope servers and each project with servers are agents of their own', async () => {
    const r = await load('claude-code-user');
    const user = 'mcp/.claude.json';
    const shop = 'mcp/.claude.json#/home/dev/code/webshop';
    const infra = 'mcp/.claude.json#/home/dev/code/infra';
    const gh = secret('ghp_PLANTEDclaudeUSERtoken0123456789ab');
    const pg = secret('PlantedPgPassw0rd!');
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${user}`, `WorkloadIdentity ${user}/server/github`, `Token ${gh}`,
      `AIAgent ${shop}`, `WorkloadIdentity ${shop}/server/postgres`, `WorkloadIdentity ${shop}/server/sentry`, `Secret ${pg}`, `Token ${user}/env/SENTRY_TOKEN`,
      `AIAgent ${infra}`, `WorkloadIdentity ${infra}/server/github`,
    ]));
    expect(edgesOf(r)).toEqual(new Set([
      `${user}|RUNS_AS|${user}/server/github`, `${user}|HAS_CREDENTIAL|${gh}`,
      `${shop}|RUNS_AS|${shop}/server/postgres`, `${shop}|RUNS_AS|${shop}/server/sentry`,
      `${shop}|HAS_CREDENTIAL|${pg}`, `${shop}|HAS_CREDENTIAL|${user}/env/SENTRY_TOKEN`,
      `${infra}|RUNS_AS|${infra}/server/github`, `${infra}|HAS_CREDENTIAL|${gh}`,
    ]));
    expect([user, shop, infra].map((a) => framework(r, a))).toEqual(['claude-code', 'claude-code', 'claude-code']);
    expect(r.nodes.find((n) => n.id === shop)?.name).toBe('MCP client .claude.json project /home/dev/code/webshop');
    expect(r.nodes.filter((n) => n.id === gh)).toHaveLength(1);
    expect(via(r, shop, `${user}/env/SENTRY_TOKEN`)).toBe('sentry header Authorization');
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'secret-fingerprinted', '.claude.json', 12, undefined, '$.mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN'],
      ['warning', 'secret-fingerprinted', '.claude.json', 27, undefined, '$.projects["/home/dev/code/webshop"].mcpServers.postgres.env.POSTGRES_PASSWORD'],
      ['warning', 'secret-fingerprinted', '.claude.json', 56, undefined, '$.projects["/home/dev/code/infra"].mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN'],
    ]);
  });

  it('Gemini CLI .gemini/settings.json: command/env, httpUrl and url with headers; an editor settings.json is not read', async () => {
    const r = await load('gemini-cli');
    const a = 'mcp/.gemini/settings.json';
    const key = secret('AIzaPLANTEDgeminiKey0123456789abcdefghi');
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${a}`, `WorkloadIdentity ${a}/server/github`, `WorkloadIdentity ${a}/server/docs`, `WorkloadIdentity ${a}/server/events`,
      `Token ${a}/env/GITHUB_TOKEN`, `APIKey ${key}`,
    ]));
    expect(edgesOf(r)).toEqual(new Set([
      `${a}|RUNS_AS|${a}/server/github`, `${a}|RUNS_AS|${a}/server/docs`, `${a}|RUNS_AS|${a}/server/events`,
      `${a}|HAS_CREDENTIAL|${a}/env/GITHUB_TOKEN`, `${a}|HAS_CREDENTIAL|${key}`,
    ]));
    expect(framework(r, a)).toBe('gemini-cli');
    expect(r.nodes.find((n) => n.id === `${a}/server/docs`)?.properties['description']).toBe('remote: https://mcp.example.com/docs/mcp');
    expect(r.nodes.find((n) => n.id === `${a}/server/events`)?.properties['x_unresolved']).toEqual(['header X-API-Key: placeholder']);
    expect(r.files.map((f) => [f.file.replace(`${CASES}/gemini-cli/`, ''), f.source])).toEqual([['.gemini/settings.json', 'mcp']]);
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'secret-fingerprinted', 'settings.json', 19, undefined, '$.mcpServers.docs.headers.Authorization'],
      ['warning', 'unknown-file', 'settings.json', undefined, undefined, undefined],
    ]);
    expect(r.diagnostics[1]?.file).toBe(`${CASES}/gemini-cli/.vscode/settings.json`);
  });

  it('Zed settings.json (JSONC): command as a string and as { path, args, env }; user and project settings', async () => {
    const r = await load('zed');
    const user = 'mcp/.config/zed/settings.json';
    const project = 'mcp/.zed/settings.json';
    const linear = secret('lin_api_PLANTEDzedLinearKey0123456789');
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${user}`, `WorkloadIdentity ${user}/server/github`, `WorkloadIdentity ${user}/server/linear`,
      `Token ${user}/env/GITHUB_TOKEN`, `Secret ${linear}`, `AIAgent ${project}`, `WorkloadIdentity ${project}/server/sqlite`,
    ]));
    expect(edgesOf(r)).toEqual(new Set([
      `${user}|RUNS_AS|${user}/server/github`, `${user}|RUNS_AS|${user}/server/linear`, `${project}|RUNS_AS|${project}/server/sqlite`,
      `${user}|HAS_CREDENTIAL|${user}/env/GITHUB_TOKEN`, `${user}|HAS_CREDENTIAL|${linear}`,
    ]));
    expect([framework(r, user), framework(r, project)]).toEqual(['zed', 'zed']);
    expect(r.edges.find((e) => e.to === `${user}/server/linear`)?.properties).toEqual({ note: 'capability flags: --allow-write' });
    expect(r.nodes.find((n) => n.id === `${user}/server/linear`)?.properties['description']).toBe('stdio: npx');
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'secret-fingerprinted', 'settings.json', 19, undefined, '$.context_servers.linear.command.env.LINEAR_API_KEY'],
    ]);
  });

  it('Goose config.yaml: stdio cmd/envs, streamable_http and sse uri; env_keys are listed; builtin makes nothing, enabled: false is disabled', async () => {
    const r = await load('goose');
    const a = 'mcp/.config/goose/config.yaml';
    const gh = secret('ghp_PLANTEDgooseTOKEN0123456789abcdef');
    const sse = secret('PlantedSseKey42');
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${a}`, `WorkloadIdentity ${a}/server/github`, `WorkloadIdentity ${a}/server/remote-docs`, `WorkloadIdentity ${a}/server/events`,
      `WorkloadIdentity ${a}/server/jira`, `Token ${gh}`, `Token ${a}/env/DOCS_TOKEN`, `Secret ${sse}`,
    ]));
    expect(edgesOf(r)).toEqual(new Set([
      `${a}|RUNS_AS|${a}/server/github`, `${a}|RUNS_AS|${a}/server/remote-docs`, `${a}|RUNS_AS|${a}/server/events`, `${a}|RUNS_AS|${a}/server/jira`,
      `${a}|HAS_CREDENTIAL|${gh}`, `${a}|HAS_CREDENTIAL|${a}/env/DOCS_TOKEN`, `${a}|HAS_CREDENTIAL|${sse}`,
    ]));
    expect(r.nodes[0]?.properties).toEqual({ framework: 'goose', x_disabled_servers: ['slack'] });
    expect(via(r, a, sse)).toBe('events url ?api_key');
    expect(r.nodes.find((n) => n.id === `${a}/server/events`)?.properties['description']).toBe('remote: https://events.example.com/sse');
    expect(r.nodes.find((n) => n.id === `${a}/server/github`)?.provenance.line).toBe(12);
    expect(r.nodes.find((n) => n.id === `${a}/server/jira`)?.properties['x_unresolved']).toEqual(['env JIRA_API_TOKEN: keyring']);
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'secret-fingerprinted', 'config.yaml', 22, undefined, '$.extensions.github.envs.GITHUB_PERSONAL_ACCESS_TOKEN'],
      ['warning', 'secret-fingerprinted', 'config.yaml', 48, undefined, '$.extensions.events.uri'],
    ]);
  });

  it('a Goose config under another name is recognised by its extensions with cmd', async () => {
    const r = await load('goose-detect');
    expect(r.files.map((f) => f.source)).toEqual(['mcp']);
    expect(edgesOf(r)).toEqual(new Set(['mcp/goose-laptop.yaml|RUNS_AS|mcp/goose-laptop.yaml/server/fetch']));
    expect(framework(r, 'mcp/goose-laptop.yaml')).toBe('goose');
  });

  it('Continue .continue/config.yaml: the mcpServers list; a model apiKey is not a server credential', async () => {
    const r = await load('continue');
    const a = 'mcp/.continue/config.yaml';
    const brave = secret('BSAPLANTEDbraveKey0123456789');
    expect(ids(r)).toEqual(new Set([`AIAgent ${a}`, `WorkloadIdentity ${a}/server/SQLite`, `WorkloadIdentity ${a}/server/Brave Search`, `Secret ${brave}`]));
    expect(edgesOf(r)).toEqual(new Set([
      `${a}|RUNS_AS|${a}/server/SQLite`, `${a}|RUNS_AS|${a}/server/Brave Search`, `${a}|HAS_CREDENTIAL|${brave}`,
    ]));
    expect(framework(r, a)).toBe('continue');
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'secret-fingerprinted', 'config.yaml', 20, undefined, '$.mcpServers[1].env.BRAVE_API_KEY']]);
  });
});

describe('mcp client files', () => {
  it('a malformed Goose config.yaml is one malformed-yaml error with line and column; nothing is loaded', async () => {
    const r = await loadDirectory('test/fixtures/mcp/malformed-yaml');
    expect(r.nodes).toEqual([]);
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'malformed-yaml', 'config.yaml', 6, 5, '$.extensions.github.type']]);
  });

  it.each([
    ['.claude.json', '.claude.json', true], ['settings.json', 'home/.gemini/settings.json', true], ['settings.json', '.config/zed/settings.json', true],
    ['settings.json', 'proj/.zed/settings.json', true], ['config.yaml', '.config/goose/config.yaml', true], ['config.yaml', '.continue/config.yaml', true],
    ['settings.json', 'settings.json', false], ['settings.json', '.vscode/settings.json', false], ['config.yaml', '.config/other/config.yaml', false],
  ])('accepts %s at %s: %s', (name, relPath, expected) => {
    expect(mcp.accepts(name, relPath)).toBe(expected);
  });

  it('detects Zed context_servers and Goose extensions with cmd/uri, not other settings or YAML', () => {
    expect(detectMcp('// zed\n{ "theme": "x", "context_servers": { "a": {} } }', 'settings.json')).toBe(true);
    expect(detectMcp('{ "editor.tabSize": 2, "servers": {} }', 'settings.json')).toBe(false);
    expect(detectMcp('extensions:\n  docs:\n    type: sse\n    uri: https://x\n', 'goose.yaml')).toBe(true);
    expect(detectMcp('extensions:\n  - ms-python.python\nsettings:\n  cmd: x\n', 'tools.yaml')).toBe(false);
    expect(detectMcp('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n', 'ci.yml')).toBe(false);
  });
});

describe('mcp Claude Code user config under another name', () => {
  it('a projects map with mcpServers makes the per-project agents, beside the user-scope servers', () => {
    const value = {
      mcpServers: { time: { command: 'uvx', args: ['mcp-server-time'] } },
      projects: { '/srv/app': { mcpServers: { fetch: { command: 'uvx', args: ['mcp-server-fetch'] } } }, '/tmp/x': { mcpServers: {} } },
    };
    const r = transformMcp(value, { file: 'laptop-claude.json', relPath: 'laptop-claude.json', lineOf: () => undefined });
    expect(edgesOf(r)).toEqual(new Set([
      'mcp/laptop-claude.json|RUNS_AS|mcp/laptop-claude.json/server/time',
      'mcp/laptop-claude.json#/srv/app|RUNS_AS|mcp/laptop-claude.json#/srv/app/server/fetch',
    ]));
    expect(r.nodes.filter((n) => n.kind === 'AIAgent').map((n) => n.properties['framework'])).toEqual(['claude-code', 'claude-code']);
    expect(r.diagnostics).toEqual([]);
  });

  it('a .claude.json without any server makes nothing and no error; a Gemini settings.json without servers neither', () => {
    const none = { file: '.claude.json', relPath: '.claude.json', lineOf: () => undefined };
    expect(transformMcp({ numStartups: 1, projects: { '/a': { mcpServers: {} } } }, none)).toEqual({ nodes: [], edges: [], diagnostics: [] });
    expect(transformMcp({ theme: 'x' }, { ...none, file: 'mcp.json', relPath: 'mcp.json' }).diagnostics.map((d) => d.code)).toEqual(['missing-field']);
    expect(transformMcp({ theme: 'GitHub' }, { ...none, file: '.gemini/settings.json', relPath: '.gemini/settings.json' })).toEqual({ nodes: [], edges: [], diagnostics: [] });
  });
});
