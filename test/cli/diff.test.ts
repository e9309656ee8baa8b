// `pathwarden diff` as a user runs it: dir↔dir, dir↔saved JSON, saved↔saved, exit codes per --fail-on, formats,
// and errors without stack traces.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/analysis/diff.js';
import { AT, findingTuple, makeAcmeVersions, V1_V2, type AcmeVersions } from '../helpers/acme-versions.js';
import { pathwarden, STACK_FRAME } from '../helpers/exec.js';

let versions: AcmeVersions;
let v1Graph: string;
let v1Plain: string;
let v2Plain: string;

beforeAll(async () => {
  versions = makeAcmeVersions();
  v1Graph = join(versions.root, 'v1.graph.json');
  v1Plain = join(versions.root, 'v1.json');
  v2Plain = join(versions.root, 'v2.json');
  const runs = await Promise.all([
    pathwarden(['analyze', versions.v1, '--at', AT, '--format', 'json', '--include-graph', '-o', v1Graph, '-q']),
    pathwarden(['analyze', versions.v1, '--at', AT, '--format', 'json', '-o', v1Plain, '-q']),
    pathwarden(['analyze', versions.v2, '--at', AT, '--format', 'json', '-o', v2Plain, '-q']),
  ]);
  for (const r of runs) expect(r.stderr).toBe('');
}, 60_000);
afterAll(() => versions.cleanup());

async function diffJson(base: string, head: string, ...extra: string[]): Promise<DiffReport> {
  const r = await pathwarden(['diff', base, head, '--at', AT, '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as DiffReport;
}

function expectV1V2Findings(r: DiffReport): void {
  expect(r.findings.new.map(findingTuple)).toEqual(V1_V2.new);
  expect(r.findings.resolved.map(findingTuple)).toEqual(V1_V2.resolved);
  expect(new Set(r.findings.worsened.map(findingTuple))).toEqual(new Set(V1_V2.worsened));
  expect(new Set(r.findings.improved.map(findingTuple))).toEqual(new Set(V1_V2.improved));
  expect(r.blast.movers.map((m) => [m.id, m.delta])).toEqual(V1_V2.movers);
}

function expectV1V2Graph(r: DiffReport): void {
  expect(Object.fromEntries(r.graph?.nodes.changed.map((n) => [n.id, n.changes]) ?? [])).toEqual(V1_V2.nodesChanged);
  expect(r.graph?.edges.added.map((e) => e.key)).toEqual(V1_V2.edgesAdded);
  expect(r.graph?.edges.removed.map((e) => e.key)).toEqual(V1_V2.edgesRemoved);
  expect(r.graph?.byKind).toEqual(V1_V2.byKind);
}

describe('pathwarden diff', () => {
  it('dir ↔ dir: the known changes, all at the same time', async () => {
    const r = await diffJson(versions.v1, versions.v2);
    expect(r.at).toBe('2026-11-25T12:00:00.000Z');
    expect([r.base.at, r.head.at]).toEqual([r.at, r.at]);
    expectV1V2Graph(r);
    expectV1V2Findings(r);
    expect(r.notes).toEqual([]);
  });

  it('saved JSON with its graph ↔ dir: same diff; the dir side is analysed at the saved time by default', async () => {
    const r = JSON.parse((await pathwarden(['diff', v1Graph, versions.v2, '--format', 'json', '-q'])).stdout) as DiffReport;
    expect(r.head.at).toBe('2026-11-25T12:00:00.000Z');
    expectV1V2Graph(r);
    expectV1V2Findings(r);
  });

  it('saved JSON ↔ saved JSON without graphs: findings and movers, and says graph changes are unavailable', async () => {
    const r = await diffJson(v1Plain, v2Plain);
    expect(r.graph).toBeNull();
    expectV1V2Findings(r);
    const table = await pathwarden(['diff', v1Plain, v2Plain]);
    expect(table.stdout).toContain('graph changes unavailable for saved analyses.');
    expect(table.code).toBe(0);
  });

  it('exit codes: 1 when a new or worsened finding reaches --fail-on, else 0', async () => {
    const codes = async (base: string, head: string, levels: readonly string[]): Promise<(number | null)[]> =>
      Promise.all(levels.map(async (l) => (await pathwarden(['diff', base, head, '--at', AT, '--fail-on', l, '-q'])).code));
    expect(await codes(versions.v1, versions.v2, ['critical', 'high', 'medium', 'info', 'none'])).toEqual([1, 1, 1, 1, 0]);
    expect(await codes(v1Plain, versions.v2, ['critical', 'none'])).toEqual([1, 0]);
    // a quiet week (a binding removed, an owner changed): changes, but nothing new or worse
    expect(await codes(versions.v1, versions.v3, ['info'])).toEqual([0]);
    // backwards, v2 → v1 brings back the five resolved (high) findings and undoes the rotation (critical)
    expect(await codes(v2Plain, v1Plain, ['critical', 'high'])).toEqual([1, 1]);
  }, 60_000);

  it('identical inputs: "no changes" and exit 0 even with --fail-on', async () => {
    const r = await pathwarden(['diff', versions.v1, versions.v1, '--fail-on', 'high']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nno changes\n');
    const saved = await pathwarden(['diff', v1Plain, v1Plain, '--fail-on', 'info']);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('no changes in findings or blast radius (graph changes unavailable for saved analyses)');
  });

  it('markdown for the ticket', async () => {
    const r = await pathwarden(['diff', versions.v1, versions.v3, '--at', AT, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# pathwarden risk diff');
    expect(r.stdout).toContain('- `acme/res/wiki` Resource: owner: "it@acme.example" → "docs@acme.example"');
    expect(r.stdout).toContain('0 new, 0 worsened, 5 resolved, 0 improved');
    expect(r.stdout).toMatch(/## Blast radius\n\n\d+ of \d+ principals moved/);
  });

  it('bad sides and options exit 2 with one line, never a stack', async () => {
    const notJson = join(versions.root, 'notes.txt');
    writeFileSync(notJson, 'hello');
    const cases = [
      [['diff', 'no/such/dir', versions.v1], /"no\/such\/dir" does not exist/],
      [['diff', notJson, versions.v1], /notes\.txt: is neither an inventory directory nor valid JSON/],
      [['diff', versions.v1, versions.v2, '--threshold', 'lots'], /expected points, a percentage or both/],
      [['diff', 'neo4j:', versions.v1], /name a snapshot/],
    ] as const;
    for (const [args, message] of cases) {
      const r = await pathwarden(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
