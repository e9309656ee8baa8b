// The mcp ingestor on Codex `config.toml` (issue #10): `[mcp_servers.<name>]` tables with env, env_vars,
// bearer_token_env_var, http_headers, env_http_headers and enabled; TOML syntax errors and bad entries located by
// file, line, column and TOML path. Exact nodes, edges and diagnostics.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { detectMcp, mcp } from '../../../ingest/mcp/index.js';
import { parseMcpToml, tomlPath } from '../../../ingest/mcp/toml.js';
import { transformMcp } from '../../../ingest/mcp/transform.js';
import { fingerprint } from '../../../ingest/secrets.js';
import type { Records } from '../../../src/model/index.js';
import { diagTuples, edgesOf } from '../tuples.js';

const CASES = 'test/fixtures/mcp/cases';
const ids = (r: Records): Set<string> => new Set(r.nodes.map((n) => `${n.kind} ${n.id}`));
const secret = (value: string): string => `mcp/secret/${fingerprint(value)}`;
const via = (r: Records, to: string): unknown => r.edges.find((e) => e.to === to)?.properties['via'];

describe('mcp Codex config.toml', () => {
  it('servers, credentials by env table, env_vars, bearer_token_env_var, http_headers and env_http_headers; enabled = false makes nothing', async () => {
    const r = await loadDirectory(`${CASES}/codex`);
    const a = 'mcp/.codex/config.toml';
    const gh = secret('ghp_PLANTEDcodexTOKEN0123456789abcdefgh');
    const header = secret('PlantedCodexHeaderKey9');
    const servers = ['github', 'sentry', 'figma', 'docs', 'aws'];
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${a}`, ...servers.map((s) => `WorkloadIdentity ${a}/server/${s}`), `Token ${gh}`, `Secret ${header}`,
      `Token ${a}/env/SENTRY_AUTH_TOKEN`, `Token ${a}/env/FIGMA_OAUTH_TOKEN`, `Token ${a}/env/TENANT_TOKEN`, 'Secret aws-profile/ml',
    ]));
    expect(edgesOf(r)).toEqual(new Set([
      ...servers.map((s) => `${a}|RUNS_AS|${a}/server/${s}`),
      ...[gh, header, `${a}/env/SENTRY_AUTH_TOKEN`, `${a}/env/FIGMA_OAUTH_TOKEN`, `${a}/env/TENANT_TOKEN`, 'aws-profile/ml'].map((c) => `${a}|HAS_CREDENTIAL|${c}`),
    ]));
    expect(r.nodes[0]?.properties).toEqual({ framework: 'codex', x_disabled_servers: ['slack'] });
    expect(via(r, `${a}/env/SENTRY_AUTH_TOKEN`)).toBe('sentry env SENTRY_AUTH_TOKEN');
    expect(via(r, `${a}/env/FIGMA_OAUTH_TOKEN`)).toBe('figma header Authorization');
    expect(via(r, `${a}/env/TENANT_TOKEN`)).toBe('docs header X-Tenant-Token');
    expect(r.edges.filter((e) => e.kind === 'HAS_CREDENTIAL').map((e) => [e.provenance.line, e.provenance.path])).toEqual([
      [10, 'mcp_servers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN'], [18, 'mcp_servers.sentry.env_vars[0]'],
      [23, 'mcp_servers.figma.bearer_token_env_var'], [27, 'mcp_servers.docs.http_headers.X-Api-Key'],
      [28, 'mcp_servers.docs.env_http_headers.X-Tenant-Token'], [33, 'mcp_servers.aws.env.AWS_PROFILE'],
    ]);
    expect(r.nodes.find((n) => n.id === `${a}/server/figma`)?.properties['description']).toBe('remote: https://mcp.figma.com/mcp');
    expect(r.edges.find((e) => e.to === `${a}/server/aws`)?.properties).toEqual({ note: 'capability flags: --allow-write' });
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'secret-fingerprinted', 'config.toml', 10, undefined, 'mcp_servers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN'],
      ['warning', 'secret-fingerprinted', 'config.toml', 27, undefined, 'mcp_servers.docs.http_headers.X-Api-Key'],
    ]);
  });

  it('a server field of the wrong type is one bad-value error naming the TOML path; the server still loads', async () => {
    const r = await loadDirectory(`${CASES}/codex-bad-entry`);
    const a = 'mcp/proj/.codex/config.toml';
    expect(edgesOf(r)).toEqual(new Set([`${a}|RUNS_AS|${a}/server/github`, `${a}|RUNS_AS|${a}/server/fetch`]));
    expect(diagTuples(r.diagnostics)).toEqual([
      ['error', 'bad-value', 'config.toml', 5, undefined, 'mcp_servers.github.env'],
      ['error', 'bad-value', 'config.toml', 10, undefined, 'mcp_servers.fetch.env_vars'],
    ]);
    expect(r.diagnostics[0]?.message).toBe('server "github": mcp_servers.github.env must be a table of strings; the value was ignored (the client refuses the file)');
  });

  it('a TOML syntax error is one malformed-toml error with line, column and path; nothing loads; the line is not quoted', async () => {
    const r = await loadDirectory('test/fixtures/mcp/malformed-toml');
    expect(r.nodes).toEqual([]);
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'malformed-toml', 'config.toml', 6, 1, 'mcp_servers.github.args']]);
    expect(r.diagnostics[0]?.message).toBe('invalid TOML: expected comma or end of structure while reading mcp_servers.github.args; nothing was loaded from this file');
  });

  it('a Codex config under another name is recognised by its mcp_servers table; another TOML file is not read', async () => {
    const r = await loadDirectory(`${CASES}/codex-detect`);
    expect(r.files.map((f) => [f.file.replace(/.*\//, ''), f.source])).toEqual([['laptop-codex.toml', 'mcp']]);
    expect(edgesOf(r)).toEqual(new Set(['mcp/laptop-codex.toml|RUNS_AS|mcp/laptop-codex.toml/server/context7']));
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'unknown-file', 'pyproject.toml', undefined, undefined, undefined]]);
  });

  it('a .codex/config.toml without mcp_servers makes nothing and no error (Codex settings only)', () => {
    const read = parseMcpToml('model = "gpt-5"\n[profiles.x]\nmodel = "o3"\n');
    if (read.type !== 'json') throw new Error(read.type);
    const ctx = { file: '.codex/config.toml', relPath: '.codex/config.toml', lineOf: read.lineOf };
    expect(transformMcp(read.value, ctx)).toEqual({ nodes: [], edges: [], diagnostics: [] });
  });

  it.each([
    ['config.toml', '.codex/config.toml', true], ['config.toml', 'proj/.codex/config.toml', true],
    ['config.toml', 'config.toml', false], ['config.toml', '.cargo/config.toml', false],
  ])('accepts %s at %s: %s', (name, relPath, expected) => {
    expect(mcp.accepts(name, relPath)).toBe(expected);
  });

  it('detects [mcp_servers.x], dotted and inline mcp_servers in .toml files only', () => {
    expect(detectMcp('# c\n[mcp_servers.a]\ncommand = "x"\n', 'a.toml')).toBe(true);
    expect(detectMcp('mcp_servers.a.command = "x"\n', 'a.toml')).toBe(true);
    expect(detectMcp('mcp_servers = { a = { command = "x" } }\n', 'a.toml')).toBe(true);
    expect(detectMcp('[tool.mcp_servers]\nx = 1\n', 'a.toml')).toBe(false);
    expect(detectMcp('[mcp_servers.a]\n', 'a.ini')).toBe(false);
  });

  it('TOML lines: tables, dotted keys, inline-table keys and multi-line arrays; paths written as TOML', () => {
    const read = parseMcpToml('[mcp_servers.a]\nargs = [\n  "[x]",\n]\nenv = { K = "v" }\n\n[mcp_servers."b c".env]\nT = "${T}"\n');
    if (read.type !== 'json') throw new Error(read.type);
    expect([['mcp_servers'], ['mcp_servers', 'a', 'args', 1], ['mcp_servers', 'a', 'env', 'K'], ['mcp_servers', 'b c', 'env', 'T'], ['x']].map((p) => read.lineOf(p)))
      .toEqual([1, 2, 5, 8, undefined]);
    expect(tomlPath(['mcp_servers', 'b c', 'args', 2])).toBe('mcp_servers."b c".args[2]');
  });
});
