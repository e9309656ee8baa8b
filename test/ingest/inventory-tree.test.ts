// Inventories are folder trees: files in sub-folders load with their relative path (so two configs of the same
// name are two sources of ids), version-control and package folders are skipped, linked folders are not followed,
// and the cross-source joins see every node a load produced, streamed or not.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listInventory, loadDirectory } from '../../ingest/index.js';
import { JoinCollector, type Join } from '../../ingest/joins/index.js';
import type { EdgeRecord, NodeRecord } from '../../src/model/index.js';

let dir: string;
const MCP = JSON.stringify({ mcpServers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/srv'] } } });
const IDENTITIES = 'id,kind,name\nacme/agent/a,AIAgent,A\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pathwarden-tree-'));
  const files: Record<string, string> = {
    'identities.csv': IDENTITIES,
    'alice/.cursor/mcp.json': MCP,
    'bob/.cursor/mcp.json': MCP,
    'bob/README.md': '# bob\n',
    'node_modules/pkg/identities.csv': 'id,kind,name\nnpm/agent,AIAgent,N\n',
    '.git/identities.csv': 'id,kind,name\ngit/agent,AIAgent,G\n',
    'outside/identities.csv': 'id,kind,name\nlinked/agent,AIAgent,L\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  await symlink(join(dir, 'outside'), join(dir, 'linked'));
  await rm(join(dir, 'outside/identities.csv'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inventory folder trees', () => {
  it('lists files of sub-folders by relative path, skipping .git, node_modules, READMEs and linked folders', async () => {
    const entries = await listInventory(dir);
    expect(entries.map((e) => [e.relPath, 'ingestor' in e ? e.ingestor.id : e.diagnostic.code])).toEqual([
      ['alice/.cursor/mcp.json', 'mcp'],
      ['bob/.cursor/mcp.json', 'mcp'],
      ['identities.csv', 'csv-inventory'],
    ]);
    expect(entries.map((e) => e.display)).toEqual(['alice/.cursor/mcp.json', 'bob/.cursor/mcp.json', 'identities.csv'].map((r) => join(dir, r)));
  });

  it('gives two configs of the same name two agents, named by their path in the inventory', async () => {
    const r = await loadDirectory(dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.nodes.filter((n) => n.kind === 'AIAgent').map((n) => n.id).sort()).toEqual([
      'acme/agent/a', 'mcp/alice/.cursor/mcp.json', 'mcp/bob/.cursor/mcp.json',
    ]);
  });
});

describe('JoinCollector', () => {
  const seen: string[][] = [];
  const edge = (from: string, to: string): EdgeRecord => ({ kind: 'HAS_CREDENTIAL', from, to, source: 'join:test', properties: {}, provenance: { source: 'join:test' } });
  const pairs: Join = {
    id: 'join:test',
    wants: (n) => n.kind === 'AIAgent' || n.kind === 'APIKey',
    resolve(nodes) {
      seen.push(nodes.map((n) => n.id));
      const agents = nodes.filter((n) => n.kind === 'AIAgent');
      const keys = nodes.filter((n) => n.kind === 'APIKey');
      return { nodes: [], edges: agents.flatMap((a) => keys.map((k) => edge(a.id, k.id))), diagnostics: [] };
    },
  };
  const idle: Join = { id: 'join:idle', wants: () => false, resolve: () => { throw new Error('never called without nodes'); } };
  const node = (id: string, kind: NodeRecord['kind']): NodeRecord => ({ id, kind, name: id, tags: [], source: 't', properties: {}, provenance: { source: 't' } });

  it('gives each join only the nodes it wants, in load order, and counts what it added', () => {
    const joins = new JoinCollector([idle, pairs]);
    for (const n of [node('a1', 'AIAgent'), node('h', 'Human'), node('k1', 'APIKey'), node('a2', 'AIAgent')]) joins.observe(n);
    const r = joins.resolve();
    expect(seen).toEqual([['a1', 'k1', 'a2']]);
    expect(r.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['a1>k1', 'a2>k1']);
    expect(r.counts).toEqual([{ id: 'join:test', nodes: 0, edges: 2, rejected: 0 }]);
  });
});
