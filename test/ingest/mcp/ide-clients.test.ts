// The mcp ingestor on Continue block files (`.continue/mcpServers/*.yaml|*.json`), JetBrains Junie
// (`.junie/mcp/mcp.json`), GitHub Copilot CLI (`~/.copilot/mcp-config.json`) and the Copilot coding agent's repository
// MCP configuration, whose `COPILOT_MCP_…` names are references to repository secrets (issue #10). Exact records.
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { classifyValue } from '../../../ingest/mcp/classify.js';
import { mcp } from '../../../ingest/mcp/index.js';
import { fingerprint } from '../../../ingest/secrets.js';
import type { Records } from '../../../src/model/index.js';
import { diagTuples, edgesOf } from '../tuples.js';

const CASES = 'test/fixtures/mcp/cases';
const ids = (r: Records): Set<string> => new Set(r.nodes.map((n) => `${n.kind} ${n.id}`));
const framework = (r: Records, id: string): unknown => r.nodes.find((n) => n.id === id)?.properties['framework'];
const via = (r: Records, to: string): unknown => r.edges.find((e) => e.to === to)?.properties['via'];

describe('mcp IDE and agent clients', () => {
  it('Continue blocks: a YAML block (remote server with requestOptions.headers and ${{ secrets.X }}) and a Claude-style JSON file', async () => {
    const r = await loadDirectory(`${CASES}/continue-blocks`);
    const y = 'mcp/.continue/mcpServers/playwright-mcp.yaml';
    const j = 'mcp/.continue/mcpServers/github.json';
    const gh = `mcp/secret/${fingerprint('ghp_PLANTEDcontinueBlock0123456789abcd')}`;
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${y}`, `WorkloadIdentity ${y}/server/Browser search`, `WorkloadIdentity ${y}/server/Linear`, `Token ${y}/env/LINEAR_API_KEY`,
      `AIAgent ${j}`, `WorkloadIdentity ${j}/server/github`, `Token ${gh}`,
    ]));
    expect(edgesOf(r)).toEqual(new Set([
      `${y}|RUNS_AS|${y}/server/Browser search`, `${y}|RUNS_AS|${y}/server/Linear`, `${y}|HAS_CREDENTIAL|${y}/env/LINEAR_API_KEY`,
      `${j}|RUNS_AS|${j}/server/github`, `${j}|HAS_CREDENTIAL|${gh}`,
    ]));
    expect([framework(r, y), framework(r, j)]).toEqual(['continue', 'continue']);
    expect(r.edges.find((e) => e.to === `${y}/env/LINEAR_API_KEY`)?.provenance).toMatchObject({ line: 14, path: '$.mcpServers[1].requestOptions.headers.Authorization' });
    expect(diagTuples(r.diagnostics)).toEqual([['warning', 'secret-fingerprinted', 'github.json', 7, undefined, '$.mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN']]);
  });

  it('JetBrains Junie .junie/mcp/mcp.json: framework junie; PGPASSWORD is a credential name', async () => {
    const r = await loadDirectory(`${CASES}/junie`);
    const a = 'mcp/.junie/mcp/mcp.json';
    expect(edgesOf(r)).toEqual(new Set([`${a}|RUNS_AS|${a}/server/postgres`, `${a}|HAS_CREDENTIAL|${a}/env/PGPASSWORD`]));
    expect(framework(r, a)).toBe('junie');
    expect(r.diagnostics).toEqual([]);
  });

  it('Copilot CLI ~/.copilot/mcp-config.json: type local/http with tools; ${VAR} in env and headers', async () => {
    const r = await loadDirectory(`${CASES}/copilot-cli`);
    const a = 'mcp/.copilot/mcp-config.json';
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${a}`, `WorkloadIdentity ${a}/server/azure`, `WorkloadIdentity ${a}/server/github`, `Secret ${a}/env/AZURE_CLIENT_SECRET`, `Token ${a}/env/GITHUB_TOKEN`,
    ]));
    expect(edgesOf(r, 'HAS_CREDENTIAL')).toEqual(new Set([`${a}|HAS_CREDENTIAL|${a}/env/AZURE_CLIENT_SECRET`, `${a}|HAS_CREDENTIAL|${a}/env/GITHUB_TOKEN`]));
    expect(framework(r, a)).toBe('copilot-cli');
    expect(r.diagnostics).toEqual([]);
  });

  it('Copilot coding agent: bare COPILOT_MCP_ names and $COPILOT_MCP_ references are environment references, not secrets', async () => {
    const r = await loadDirectory(`${CASES}/copilot-coding-agent`);
    const a = 'mcp/copilot-agent-mcp.json';
    expect(ids(r)).toEqual(new Set([
      `AIAgent ${a}`, `WorkloadIdentity ${a}/server/sentry`, `WorkloadIdentity ${a}/server/cloudflare`,
      `Token ${a}/env/COPILOT_MCP_SENTRY_ACCESS_TOKEN`, `Token ${a}/env/COPILOT_MCP_CLOUDFLARE_TOKEN`,
    ]));
    expect(edgesOf(r, 'HAS_CREDENTIAL')).toEqual(new Set([
      `${a}|HAS_CREDENTIAL|${a}/env/COPILOT_MCP_SENTRY_ACCESS_TOKEN`, `${a}|HAS_CREDENTIAL|${a}/env/COPILOT_MCP_CLOUDFLARE_TOKEN`,
    ]));
    expect(via(r, `${a}/env/COPILOT_MCP_SENTRY_ACCESS_TOKEN`)).toBe('sentry env SENTRY_ACCESS_TOKEN');
    expect(framework(r, a)).toBe('copilot-coding-agent');
    expect(r.diagnostics).toEqual([]);
  });

  it('classifies ${{ secrets.X }} and bare COPILOT_MCP_ names as references; a look-alike is still a secret', () => {
    expect(classifyValue('${{ secrets.LINEAR_API_KEY }}')).toEqual({ type: 'env', variable: 'LINEAR_API_KEY' });
    expect(classifyValue('COPILOT_MCP_TOKEN')).toEqual({ type: 'env', variable: 'COPILOT_MCP_TOKEN' });
    expect(classifyValue('COPILOT_MCP_TOKEN extra').type).toBe('secret');
  });

  it.each([
    ['playwright.yaml', '.continue/mcpServers/playwright.yaml', true], ['github.json', 'w/.continue/mcpServers/github.json', true],
    ['mcp.json', '.junie/mcp/mcp.json', true], ['mcp-config.json', '.copilot/mcp-config.json', true], ['mcp.json', '.github/mcp.json', true],
    ['notes.md', '.continue/mcpServers/notes.md', false], ['mcp-config.json', 'mcp-config.json', false],
  ])('accepts %s at %s: %s', (name, relPath, expected) => {
    expect(mcp.accepts(name, relPath)).toBe(expected);
  });
});
