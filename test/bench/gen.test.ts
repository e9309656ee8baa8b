// The synthetic inventory generator (bench/gen): loads cleanly at small sizes, has the requested size and
// shape (heavy tails, cycles, nesting, credential lifecycles, scoped and unscoped delegation), is
// byte-identical per seed, and yields some but not all findings.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../bench/gen/main.js';
import { analyzeLoaded, type AnalysisResult } from '../../src/analysis/analyze.js';
import { loadGraph, type LoadedGraph } from '../../src/analysis/load.js';
import { EDGE_KINDS, NODE_KINDS, edgeSpec } from '../../src/model/index.js';

const AT = new Date('2026-11-25T12:00:00Z');
const FILES = ['assets.csv', 'bindings.csv', 'credentials.csv', 'identities.csv', 'oauth-grants.csv', 'permissions.csv', 'resources.csv'];

let root: string;
const dirs: Record<string, string> = {};
const summaries: Record<string, string[]> = {};

/** Runs the generator in-process into root/<name>; returns its exit code. */
function gen(name: string, args: readonly string[]): number {
  const out = join(root, name);
  dirs[name] = out;
  summaries[name] = [];
  return main([...args, '--out', out], (line) => (summaries[name] as string[]).push(line));
}

async function bytes(dir: string): Promise<Map<string, Buffer>> {
  return new Map(await Promise.all(FILES.map(async (f) => [f, await readFile(join(dir, f))] as const)));
}

const loaded: Record<string, LoadedGraph> = {};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pathwarden-gen-'));
  expect(gen('s1', ['--nodes', '2000', '--seed', '1'])).toBe(0);
  expect(gen('s1-again', ['--nodes', '2000', '--seed', '1'])).toBe(0);
  expect(gen('s2', ['--nodes', '2000', '--seed', '2'])).toBe(0);
  expect(gen('big', ['--nodes', '10000', '--seed', '7'])).toBe(0);
  loaded['s1'] = await loadGraph(dirs['s1'] as string);
  loaded['big'] = await loadGraph(dirs['big'] as string);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe.each([['s1', 2000], ['big', 10000]] as const)('generated inventory %s (%i nodes)', (name, n) => {
  const graph = () => (loaded[name] as LoadedGraph).graph;

  it('writes exactly the seven inventory files and loads without any diagnostic', async () => {
    expect((await readdir(dirs[name] as string)).sort()).toEqual(FILES);
    expect((loaded[name] as LoadedGraph).diagnostics).toEqual([]);
  });

  it('has N nodes and between 4N and 6N edges, as the summary line says', () => {
    expect(graph().order).toBe(n);
    expect(graph().size).toBeGreaterThanOrEqual(4 * n);
    expect(graph().size).toBeLessThanOrEqual(6 * n);
    const line = (summaries[name] as string[]).join('\n');
    expect(line).toMatch(new RegExp(`^gen: ${n} nodes, \\d+ edges in \\d+\\.\\d\\d s -> `));
    const written = Number(/nodes, (\d+) edges/.exec(line)?.[1]);
    // Rows that repeat an edge exactly (a popular pick that is also a local one) merge on load.
    expect(graph().size).toBeLessThanOrEqual(written);
    expect(graph().size).toBeGreaterThanOrEqual(Math.floor(written * 0.97));
  });

  it('uses every node kind and every edge kind, each edge within its spec', () => {
    const g = graph();
    const nodeKinds = new Set<string>();
    g.forEachNode((_, a) => nodeKinds.add(a.kind));
    expect([...nodeKinds].sort()).toEqual([...NODE_KINDS].sort());
    const edgeKinds = new Set<string>();
    let outside = 0;
    g.forEachEdge((_, a, from, to, fa, ta) => {
      edgeKinds.add(a.kind);
      const spec = edgeSpec(a.kind);
      if (!spec.from.includes(fa.kind) || !spec.to.includes(ta.kind) || from === to) outside++;
    });
    expect([...edgeKinds].sort()).toEqual([...EDGE_KINDS].sort());
    expect(outside).toBe(0);
  });

  it('has heavy-tailed in-degrees: a hub with at least 50 times the median', () => {
    const g = graph();
    const degrees: number[] = [];
    g.forEachNode((node) => degrees.push(g.inDegree(node)));
    degrees.sort((a, b) => a - b);
    const median = degrees[Math.floor(degrees.length / 2)] as number;
    expect(median).toBeGreaterThanOrEqual(1);
    expect(degrees[degrees.length - 1] as number).toBeGreaterThanOrEqual(50 * median);
  });

  it('has role cycles, nested groups, scoped and unscoped delegation, and every credential lifecycle', () => {
    const g = graph();
    let mutual = 0;
    let nested = 0;
    const delegations = { scoped: 0, unscoped: 0 };
    g.forEachEdge((_, a, from, to, fa, ta) => {
      if (a.kind === 'CAN_ASSUME' && fa.kind === 'Role' && ta.kind === 'Role') {
        if (g.someOutEdge(to, (_e, b, _f, back) => b.kind === 'CAN_ASSUME' && back === from)) mutual++;
      }
      if (a.kind === 'MEMBER_OF' && fa.kind === 'Group' && ta.kind === 'Group') {
        if (g.someOutEdge(to, (_e, b, _f, _t, _fa, up) => b.kind === 'MEMBER_OF' && up.kind === 'Group')) nested++;
      }
      if (a.kind === 'DELEGATED') delegations[a.properties['scopes'] === undefined ? 'unscoped' : 'scoped']++;
    });
    expect(mutual).toBeGreaterThan(0);
    expect(nested).toBeGreaterThan(0);
    expect(delegations.scoped).toBeGreaterThan(0);
    expect(delegations.unscoped).toBeGreaterThan(0);
    const life = { revoked: 0, disabled: 0, expired: 0, neverRotated: 0, rotated: 0 };
    const yearAgo = AT.getTime() - 365 * 86_400_000;
    g.forEachNode((_, a) => {
      if (a.kind !== 'APIKey') return;
      const p = a.properties;
      if (p['status'] === 'revoked') life.revoked++;
      else if (p['status'] === 'disabled') life.disabled++;
      else if (typeof p['expires_at'] === 'string' && Date.parse(p['expires_at']) <= AT.getTime()) life.expired++;
      else if (p['expires_at'] === undefined && p['last_rotated_at'] === undefined && Date.parse(String(p['created_at'])) < yearAgo) life.neverRotated++;
      else if (p['last_rotated_at'] !== undefined) life.rotated++;
    });
    const keys = g.filterNodes((_, a) => a.kind === 'APIKey').length;
    for (const count of Object.values(life)) expect(count).toBeGreaterThan(keys * 0.02);
  });
});

describe('determinism', () => {
  it('writes byte-identical files for the same seed', async () => {
    const a = await bytes(dirs['s1'] as string);
    const b = await bytes(dirs['s1-again'] as string);
    for (const f of FILES) expect((a.get(f) as Buffer).equals(b.get(f) as Buffer), f).toBe(true);
  });

  it('writes different edges for a different seed', async () => {
    const a = await bytes(dirs['s1'] as string);
    const c = await bytes(dirs['s2'] as string);
    for (const f of ['bindings.csv', 'permissions.csv', 'credentials.csv', 'oauth-grants.csv']) {
      expect((a.get(f) as Buffer).equals(c.get(f) as Buffer), f).toBe(false);
    }
  });

  it('dates follow --ref-date', async () => {
    expect(gen('ref-2027', ['--nodes', '2000', '--seed', '1', '--ref-date', '2027-11-25'])).toBe(0);
    const row = async (dir: string) => ((await readFile(join(dir, 'credentials.csv'), 'utf8')).split('\n')[1] as string).split(',');
    const before = await row(dirs['s1'] as string);
    const after = await row(dirs['ref-2027'] as string);
    const created = 6; // column created_at
    expect(Date.parse(after[created] as string) - Date.parse(before[created] as string)).toBe(365 * 86_400_000);
    expect(after.filter((_, i) => i < 6 || i > 9)).toEqual(before.filter((_, i) => i < 6 || i > 9));
  });
});

describe('findings on the generated estate', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeLoaded(loaded['s1'] as LoadedGraph, { at: AT, exceptions: false });
  });

  it('has separation-of-duties breaks and sensitive reach, from a minority of principals', () => {
    const sources = (rule: string) => new Set(result.findings.filter((f) => f.rule === rule).map((f) => f.source.id));
    const sod = sources('sod-alter-invoke');
    const reach = sources('sensitive-reach');
    const principals = result.blast.size;
    expect(principals).toBeGreaterThan(1000);
    expect(sod.size).toBeGreaterThan(0);
    expect(reach.size).toBeGreaterThan(0);
    expect(sod.size).toBeLessThan(principals * 0.3);
    expect(reach.size).toBeLessThan(principals * 0.6);
  });

  it('reaches crown jewels through the shared platform-admin role', () => {
    const viaAdmin = result.findings.filter((f) => f.rule === 'sensitive-reach' && f.target.id === 'res-0'
      && f.pathSets.some((s) => s.shortest.nodes.some((n) => n.id === 'role-0')));
    expect(viaAdmin.length).toBeGreaterThan(0);
  });
});

describe('command line', () => {
  it('rejects bad arguments with exit code 2 and a one-line message, without writing', () => {
    const lines: string[] = [];
    expect(main(['--nodes', '10', '--out', join(root, 'small')], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toContain("option '--nodes <n>' argument '10' is invalid. expected an integer >= 500");
    expect(existsSync(join(root, 'small'))).toBe(false);
    expect(main(['--nodes', '2000', '--out', join(root, 'bad-date'), '--ref-date', '2026-02-30'], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toContain('expected a date YYYY-MM-DD');
    expect(main(['--nodes', '2000'], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toContain("required option '--out <dir>' not specified");
  });
});
