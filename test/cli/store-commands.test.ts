// The store-backed commands end to end against a real Neo4j: ingest --neo4j, snapshots, analyze --neo4j with
// write-back, query; and their errors (unknown query, bad parameter, store down) as one line with exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestNeo4j, resetDatabase } from '../helpers/neo4j.js';
import { pathwarden, STACK_FRAME } from '../helpers/exec.js';

const neo = await connectTestNeo4j();

describe.skipIf(!neo.available)('store commands against Neo4j', () => {
  if (!neo.available) return;
  const env = { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, NEO4J_DATABASE: neo.database };
  const run = (args: string[]) => pathwarden(args, { env });

  beforeAll(async () => { await resetDatabase(neo); });
  afterAll(async () => { await neo.close(); });

  it('ingest --neo4j writes a snapshot, a second run changes nothing, snapshots lists both', async () => {
    const first = await run(['ingest', 'examples/acme', '--neo4j', '--json']);
    expect(first.code).toBe(0);
    const written = (JSON.parse(first.stdout) as { written: { snapshot: string; nodes: { created: number }; edges: { created: number } } }).written;
    expect([written.snapshot, written.nodes.created, written.edges.created]).toEqual(['s1', 304, 582]);
    const second = await run(['ingest', 'examples/acme', '--neo4j']);
    expect(second.stdout).toContain('neo4j: snapshot s2 complete');
    expect(second.stdout).toContain('nodes: 0 new, 0 changed, 304 unchanged, 0 retired');
    const list = await run(['snapshots', '--json']);
    expect((JSON.parse(list.stdout) as { id: string; status: string }[]).map((s) => `${s.id} ${s.status}`)).toEqual(['s2 complete', 's1 complete']);
  });

  it('analyze --neo4j finds what the files give and writes the findings back; query reads them', async () => {
    const fromFiles = JSON.parse((await run(['analyze', 'examples/acme', '--at', '2026-11-25T12:00:00Z', '-f', 'json', '--no-exceptions'])).stdout) as { findings: { id: string }[] };
    const stored = await run(['analyze', '--neo4j', '--at', '2026-11-25T12:00:00Z', '-f', 'json']);
    expect(stored.code).toBe(0);
    const fromStore = JSON.parse(stored.stdout) as { input: { dir: string }; findings: { id: string; severity: string; score: number }[] };
    expect(fromStore.input.dir).toBe('neo4j:s2');
    expect(fromStore.findings.map((f) => f.id)).toEqual(fromFiles.findings.map((f) => f.id));
    const q = await run(['query', 'findings-by-severity', '--param', 'severities=critical', '--format', 'json']);
    expect(q.code).toBe(0);
    const rows = (JSON.parse(q.stdout) as { rows: { id: string }[] }).rows;
    const critical = fromStore.findings.filter((f) => f.severity === 'critical');
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(critical.map((f) => f.id)));
    expect(rows).toHaveLength(critical.length);
  });

  it('an unknown query, a bad parameter and a store that does not answer are one-line errors with exit 2', async () => {
    const unknown = await run(['query', 'no-such-query']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no canned query "no-such-query"; known: .*sod-alter-invoke/);
    const badParam = await run(['query', 'top-blast-radius', '--param', 'limit=lots']);
    expect(badParam.code).toBe(2);
    expect(badParam.stderr).toContain('limit=lots');
    const down = await pathwarden(['snapshots'], { env: { ...env, NEO4J_URI: 'bolt://127.0.0.1:1' } });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('does not answer');
    expect(down.stderr).not.toContain(neo.password);
    for (const r of [unknown, badParam, down]) expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
