// The mcp ingestor, one rule per fixture directory (test/fixtures/mcp/cases/<rule>/): the expected nodes and edges
// and only those, through the directory loader as a user runs it.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import type { Records } from '../../../src/model/index.js';
import { diagTuples, edgesOf } from '../tuples.js';

const CASES = 'test/fixtures/mcp/cases';
const load = (name: string): Promise<Records> => loadDirectory(`${CASES}/${name}`);
const ids = (r: Records): Set<string> => new Set(r.nodes.map((n) => `${n.kind} ${n.id}`));
const edge = (r: Records, to: string) => r.edges.find((e) => e.to === to);

describe('mcp rules', () => {
  it('env reference: ${VAR} in a credential env var is a credential of the file\'s environment', async () => {
    const r = await load('env-ref');
    const agent = 'mcp/claude_desktop_config.json';
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${agent}`, `WorkloadIdentity ${agent}/server/github`, `Token ${agent}/env/GITHUB_TOKEN`,
    ]));
    expect(edgesOf(r)).toEqual(new Set([
      `${agent}|RUNS_AS|${agent}/server/github`, `${agent}|HAS_CREDENTIAL|${agent}/env/GITHUB_TOKEN`,
    ]));
    expect(edge(r, `${agent}/env/GITHUB_TOKEN`)?.properties).toEqual({ via: 'github env GITHUB_PERSONAL_ACCESS_TOKEN' });
    expect(r.nodes.find((n) => n.kind === 'AIAgent')?.properties).toEqual({ framework: 'claude-desktop' });
    expect(r.diagnostics).toEqual([]);
  });

  it('real secrets: one node per fingerprint (shared by two servers), kind and provider by shape, a warning each', async () => {
    const r = await load('real-secret');
    const agent = 'mcp/.mcp.json';
    const creds = r.nodes.filter((n) => ['APIKey', 'Token', 'Secret'].includes(n.kind))
      .map((n) => [n.kind, n.name.replace(/ sha256:.*/, ''), n.properties['provider']]).sort();
    expect(creds).toEqual([
      ['APIKey', 'AWS access key id', 'aws'], ['APIKey', 'OpenAI API key', 'openai'], ['Secret', 'secret', undefined], ['Token', 'GitHub token', 'github'],
    ]);
    for (const n of r.nodes.filter((x) => x.kind !== 'AIAgent' && x.kind !== 'WorkloadIdentity')) {
      expect(n.id).toBe(`mcp/secret/${n.properties['fingerprint'] as string}`);
      expect(n.properties['fingerprint']).toMatch(/^sha256:[0-9a-f]{16}$/);
    }
    expect(edgesOf(r, 'HAS_CREDENTIAL').size).toBe(4);
    const github = r.nodes.find((n) => n.kind === 'Token');
    expect(edge(r, github?.id ?? '')?.properties['via']).toBe('github env GITHUB_PERSONAL_ACCESS_TOKEN, github-issues env GH_TOKEN');
    expect(edgesOf(r, 'RUNS_AS')).toEqual(new Set(['github', 'github-issues', 'openai', 's3'].map((s) => `${agent}|RUNS_AS|${agent}/server/${s}`)));
    expect(diagTuples(r.diagnostics)).toEqual([
      ['warning', 'secret-fingerprinted', '.mcp.json', 6, undefined, '$.mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN'],
      ['warning', 'secret-fingerprinted', '.mcp.json', 11, undefined, '$.mcpServers["github-issues"].env.GH_TOKEN'],
      ['warning', 'secret-fingerprinted', '.mcp.json', 15, undefined, '$.mcpServers.openai.args[2]'],
      ['warning', 'secret-fingerprinted', '.mcp.json', 20, undefined, '$.mcpServers.s3.env.AWS_ACCESS_KEY_ID'],
      ['warning', 'secret-fingerprinted', '.mcp.json', 20, undefined, '$.mcpServers.s3.env.DB_PASSWORD'],
    ]);
  });

  it('AWS_PROFILE: one aws-profile/<name> credential shared by every server, one edge, no dangling reference', async () => {
    const r = await load('aws-profile');
    const agent = 'mcp/mcp.json';
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${agent}`, `WorkloadIdentity ${agent}/server/sagemaker`, `WorkloadIdentity ${agent}/server/bedrock`, 'Secret aws-profile/ml',
    ]));
    expect(edgesOf(r, 'HAS_CREDENTIAL')).toEqual(new Set([`${agent}|HAS_CREDENTIAL|aws-profile/ml`]));
    expect(edge(r, 'aws-profile/ml')?.properties).toEqual({ via: 'sagemaker env AWS_PROFILE, bedrock env AWS_PROFILE' });
    expect(r.nodes.find((n) => n.id === 'aws-profile/ml')?.name).toBe('AWS CLI profile ml');
    expect(r.diagnostics).toEqual([]);
  });

  it('capability flags are kept on the RUNS_AS edge; other flags are not', async () => {
    const r = await load('flags');
    const agent = 'mcp/mcp.json';
    expect(r.edges.map((e) => [e.to, e.properties])).toEqual([
      [`${agent}/server/eks`, { note: 'capability flags: --allow-write --allow-sensitive-data-access' }],
      [`${agent}/server/docs`, { note: 'capability flags: --read-only' }],
    ]);
  });

  it('disabled servers make no node and no edge (their secrets neither)', async () => {
    const r = await load('disabled');
    expect(ids(r)).toEqual(new Set(['AIAgent mcp/mcp.json']));
    expect(r.edges).toEqual([]);
    expect(r.nodes[0]?.properties['x_disabled_servers']).toEqual(['slack', 'off']);
    expect(r.diagnostics).toEqual([]);
  });

  it('placeholders, empty values and redactions make no credential; they are listed on the server', async () => {
    const r = await load('placeholder');
    const agent = 'mcp/claude_desktop_config.json';
    expect(ids(r)).toEqual(new Set([`AIAgent ${agent}`, `WorkloadIdentity ${agent}/server/brave`]));
    expect(edgesOf(r)).toEqual(new Set([`${agent}|RUNS_AS|${agent}/server/brave`]));
    expect(r.nodes[1]?.properties['x_unresolved']).toEqual([
      'env BRAVE_API_KEY: placeholder', 'env GITHUB_TOKEN: placeholder', 'env SENTRY_AUTH_TOKEN: empty',
      'env DB_PASSWORD: redacted', 'env STRIPE_SECRET: redacted', 'arg --api-key: placeholder',
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('VS Code servers + inputs (JSONC): a prompted input makes no credential, ${env:VAR} does', async () => {
    const r = await load('vscode-input');
    const agent = 'mcp/mcp.json';
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${agent}`, `WorkloadIdentity ${agent}/server/github`, `WorkloadIdentity ${agent}/server/perplexity`,
      `APIKey ${agent}/env/PERPLEXITY_API_KEY`,
    ]));
    expect(edgesOf(r, 'HAS_CREDENTIAL')).toEqual(new Set([`${agent}|HAS_CREDENTIAL|${agent}/env/PERPLEXITY_API_KEY`]));
    const github = r.nodes.find((n) => n.id === `${agent}/server/github`);
    expect(github?.properties['x_unresolved']).toEqual(['header Authorization: prompted input']);
    expect(github?.properties['description']).toBe('remote: https://api.githubcopilot.com/mcp/');
    expect(r.nodes[0]?.properties['framework']).toBe('vscode');
    expect(github?.provenance.line).toBe(8);
  });

  it('remote server: secrets in headers and the URL query are credentials; the URL is kept without its query', async () => {
    const r = await load('remote-headers');
    expect(r.nodes.filter((n) => n.kind !== 'AIAgent' && n.kind !== 'WorkloadIdentity').map((n) => `${n.kind} ${n.properties['provider'] as string}`).sort())
      .toEqual(['APIKey anthropic', 'Token slack']);
    expect(r.nodes.find((n) => n.kind === 'WorkloadIdentity')?.properties['description']).toBe('remote: https://mcp.example.com/slack');
    expect(edgesOf(r, 'HAS_CREDENTIAL').size).toBe(2);
  });

  it('a server with neither command nor url is one warning; the others load', async () => {
    const r = await load('no-command');
    expect(ids(r)).toEqual(new Set(['AIAgent mcp/mcp.json', 'WorkloadIdentity mcp/mcp.json/server/fetch']));
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'missing-field', 'mcp.json', 3, undefined, '$.mcpServers.broken']]);
  });
});

describe('mcp files', () => {
  it('a malformed file is one error with line, column and JSON path; the other file still loads', async () => {
    const r = await loadDirectory('test/fixtures/mcp/malformed');
    expect(diagTuples(r.diagnostics)).toEqual([['error', 'malformed-json', 'mcp.json', 3, 33, '$.mcpServers.fetch.args']]);
    expect(ids(r)).toEqual(new Set(['AIAgent mcp/claude_desktop_config.json', 'WorkloadIdentity mcp/claude_desktop_config.json/server/time']));
    expect(r.files.map((f) => [f.file.replace(/.*\//, ''), f.source, f.nodes, f.edges, f.rejected]))
      .toEqual([['claude_desktop_config.json', 'mcp', 2, 1, 0], ['mcp.json', 'mcp', 0, 0, 1]]);
  });

  it('a config under another name is recognised by its mcpServers object (after a comment)', async () => {
    const r = await loadDirectory('test/fixtures/mcp/detect');
    expect(r.files.map((f) => f.source)).toEqual(['mcp']);
    expect(edgesOf(r)).toEqual(new Set(['mcp/work-laptop-cursor.json|RUNS_AS|mcp/work-laptop-cursor.json/server/linear']));
  });
});
