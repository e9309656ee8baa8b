// The risk diff in process: thresholds, graph diffs of hand-built documents, saved-analysis parsing, and the two
// sample versions (v1 = examples/acme, v2 = five known changes) with exact sets of changes.
import { reportText } from '../../src/report/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory } from '../../src/analysis/analyze.js';
import {
  diffGraphs, diffSides, exceedsThreshold, parseThreshold, regressions, sideFromAnalysis, sideFromSaved, type DiffReport, type DiffSide,
} from '../../src/analysis/diff.js';
import type { JsonGraphDocument } from '../../src/graph/export.js';
import { drawPath } from '../../src/findings/index.js';
import { InputError } from '../../src/model/index.js';
import { json } from '../../src/report/json.js';
import { AT, findingTuple, makeAcmeVersions, V1_V2, type AcmeVersions } from '../helpers/acme-versions.js';

describe('thresholds', () => {
  it('parses points, percent and both', () => {
    expect(parseThreshold('5')).toEqual({ points: 5 });
    expect(parseThreshold('10%')).toEqual({ percent: 10 });
    expect(parseThreshold('10%,5')).toEqual({ percent: 10, points: 5 });
    expect(parseThreshold('ten')).toBeUndefined();
    expect(parseThreshold('5,')).toBeUndefined();
  });
  it('needs every bound given', () => {
    const t = { points: 5, percent: 10 };
    expect(exceedsThreshold(100, 106, t)).toBe(false); // 6 points but 6%
    expect(exceedsThreshold(20, 24, t)).toBe(false); // 20% but 4 points
    expect(exceedsThreshold(100, 110, t)).toBe(true);
    expect(exceedsThreshold(100, 90, t)).toBe(true);
    expect(exceedsThreshold(0, 5, t)).toBe(true);
    expect(exceedsThreshold(7, 7, {})).toBe(false);
  });
});

const doc = (nodes: JsonGraphDocument['nodes'], edges: JsonGraphDocument['edges']): JsonGraphDocument => ({ format: 'pathwarden-graph', version: 1, nodes, edges });
const node = (id: string, extra: Partial<JsonGraphDocument['nodes'][number]> = {}): JsonGraphDocument['nodes'][number] =>
  ({ id, kind: 'ServiceAccount', name: id, tags: [], source: 'csv-inventory', properties: {}, ...extra });

describe('diffGraphs', () => {
  it('matches nodes by id and edges by key, lists changed fields and hides secret-like values', () => {
    const base = doc([node('a'), node('b', { owner: 'x' }), node('k', { kind: 'APIKey', properties: { fingerprint: 'sha256:1', status: 'active' } })], [
      { kind: 'CAN_ASSUME', from: 'a', to: 'b', source: 'csv-inventory', properties: { note: 'old' } },
      { kind: 'CAN_ASSUME', from: 'b', to: 'a', source: 'csv-inventory', properties: {} },
    ]);
    const head = doc([node('b', { owner: 'y', tags: ['t'] }), node('c', { source: 'aws-iam' }), node('k', { kind: 'APIKey', properties: { fingerprint: 'sha256:2', status: 'active' } })], [
      { kind: 'CAN_ASSUME', from: 'a', to: 'b', source: 'csv-inventory', properties: { note: 'new' } },
    ]);
    const d = diffGraphs(base, head);
    expect(d.nodes.added.map((n) => n.id)).toEqual(['c']);
    expect(d.nodes.removed.map((n) => n.id)).toEqual(['a']);
    expect(d.nodes.changed).toEqual([
      { id: 'b', kind: 'ServiceAccount', source: 'csv-inventory', label: 'sa:b', changes: [{ field: 'owner', before: 'x', after: 'y' }, { field: 'tags', before: [], after: ['t'] }] },
      { id: 'k', kind: 'APIKey', source: 'csv-inventory', label: 'key:k', changes: [{ field: 'fingerprint', hidden: true }] },
    ]);
    expect(d.edges.removed.map((e) => e.key)).toEqual(['b-[CAN_ASSUME]->a']);
    expect(d.edges.changed).toEqual([{ key: 'a-[CAN_ASSUME]->b', kind: 'CAN_ASSUME', from: 'a', to: 'b', source: 'csv-inventory', changes: [{ field: 'note', before: 'old', after: 'new' }] }]);
    expect(d.bySource).toEqual([
      { of: 'node', group: 'aws-iam', added: 1, removed: 0, changed: 0 },
      { of: 'node', group: 'csv-inventory', added: 0, removed: 1, changed: 2 },
      { of: 'edge', group: 'csv-inventory', added: 0, removed: 1, changed: 1 },
    ]);
    expect(diffGraphs(base, base).byKind).toEqual([]);
  });
});

describe('saved analyses', () => {
  it('refuses a saved analysis that lists only some of its findings (--max-findings)', () => {
    const partial = { tool: { name: 'pathwarden' }, at: '2026-11-25T12:00:00Z', summary: { findings: 12, listed: 10, omitted: 2 }, findings: [] };
    try {
      sideFromSaved(partial, 'top.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toMatch(/lists 10 of 12 findings.*--max-findings all/);
      expect((err as InputError).location).toEqual({ file: 'top.json', field: 'summary.omitted' });
    }
    expect(() => sideFromSaved({ ...partial, summary: { findings: 0, listed: 0, omitted: 0 } }, 'all.json')).not.toThrow();
  });

  it('rejects what is not a saved analysis, naming file and field', () => {
    expect(() => sideFromSaved({ format: 'pathwarden-graph', nodes: [], edges: [] }, 'g.json')).toThrow(/graph document/);
    expect(() => sideFromSaved({ hello: 1 }, 'x.json')).toThrow(InputError);
    const bad = { tool: { name: 'pathwarden' }, at: '2026-11-25T12:00:00Z', findings: [{ id: 'pw-1', score: 1, severity: 'huge' }] };
    try {
      sideFromSaved(bad, 'bad.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).location).toEqual({ file: 'bad.json', field: 'findings[0]' });
    }
  });
});

describe('diff of two sample versions', () => {
  let versions: AcmeVersions;
  let v1: DiffSide;
  let v2: DiffSide;
  let report: DiffReport;
  beforeAll(async () => {
    versions = makeAcmeVersions();
    const at = new Date(AT);
    v1 = sideFromAnalysis(await analyzeDirectory(versions.v1, { at }), 'v1', 'inventory');
    v2 = sideFromAnalysis(await analyzeDirectory(versions.v2, { at }), 'v2', 'inventory');
    report = diffSides(v1, v2);
  });
  afterAll(() => versions.cleanup());

  it('lists exactly the changed nodes and edges, by kind and source', () => {
    const g = report.graph;
    expect(g).not.toBeNull();
    expect(g?.nodes.added).toEqual([]);
    expect(g?.nodes.removed).toEqual([]);
    expect(Object.fromEntries(g?.nodes.changed.map((n) => [n.id, n.changes]) ?? [])).toEqual(V1_V2.nodesChanged);
    expect(g?.edges.added.map((e) => e.key)).toEqual(V1_V2.edgesAdded);
    expect(g?.edges.removed.map((e) => e.key)).toEqual(V1_V2.edgesRemoved);
    expect(g?.edges.changed).toEqual([]);
    expect(g?.byKind).toEqual(V1_V2.byKind);
    expect(g?.bySource).toEqual(V1_V2.bySource);
  });

  it('finds exactly the new, resolved, worsened and improved findings, each with its best path', () => {
    const f = report.findings;
    expect(f.new.map(findingTuple)).toEqual(V1_V2.new);
    expect(f.resolved.map(findingTuple)).toEqual(V1_V2.resolved);
    expect(new Set(f.worsened.map(findingTuple))).toEqual(new Set(V1_V2.worsened));
    expect(f.worsened).toHaveLength(V1_V2.worsened.length);
    expect(new Set(f.improved.map(findingTuple))).toEqual(new Set(V1_V2.improved));
    expect(f.improved).toHaveLength(V1_V2.improved.length);
    expect(f.unchanged).toBe(v1.findings.length - f.resolved.length - f.worsened.length - f.improved.length);
    // the new grant's own finding is drawn through the new edge
    const own = f.new.find((c) => c.after?.source.id === 'acme/sa/triage-bot');
    expect(own?.after?.paths.map((p) => ({ label: p.label, path: p.path }))).toEqual([
      { label: 'alter', path: 'sa:triage-bot -[CAN_ALTER edit_prompt]-> model:triage-llm' },
      { label: 'invoke', path: 'sa:triage-bot -[CAN_INVOKE prod]-> model:triage-llm' },
    ]);
    // each summary path carries the nodes and edges its text names, to draw
    for (const p of own?.after?.paths ?? []) expect(drawPath(p.nodes, p.edges)).toBe(p.path);
    expect(own?.after?.paths.map((p) => p.edges.map((e) => [e.kind, e.qualifier]))).toEqual([[['CAN_ALTER', 'edit_prompt']], [['CAN_INVOKE', 'prod']]]);
    // every improvement enters through the rotated token
    for (const c of f.improved) expect(c.before?.paths.some((p) => p.path.includes('token:gh-pat-release-bot'))).toBe(true);
  });

  it('lists the blast-radius movers, top movers first', () => {
    expect(report.blast.movers.map((m) => [m.id, m.delta])).toEqual(V1_V2.movers);
    expect(report.blast.partial).toBe(false);
    expect(report.notes).toEqual([]);
    expect(report.changed).toBe(true);
  });

  it('gates --fail-on on new and worsened findings only', () => {
    expect(regressions(report, 'critical')).toHaveLength(5 + 26); // 5 new critical, 26 worsened to critical (4 go medium → high)
    expect(regressions(report, 'high')).toHaveLength(6 + 30);
    expect(regressions(diffSides(v2, v1), 'info').map((c) => c.change).sort()).toEqual([...Array(5).fill('new'), ...Array(8).fill('worsened')]);
  });

  it('reports no changes for identical sides', () => {
    const same = diffSides(v1, v1);
    expect(same.changed).toBe(false);
    expect(same.findings.unchanged).toBe(v1.findings.length);
    expect(same.blast.movers).toEqual([]);
    expect(regressions(same, 'info')).toEqual([]);
  });

  it('diffs saved analyses: without their graph, graph changes are unavailable; without blastRadius, movers are partial', async () => {
    const options = { limit: 10, color: false, version: 'test' };
    const at = new Date(AT);
    const saved = JSON.parse(reportText(json.analysis(await analyzeDirectory(versions.v1, { at }), options))) as Record<string, unknown>;
    const r = diffSides(sideFromSaved(saved, 'v1.json'), v2);
    expect(r.graph).toBeNull();
    expect(r.graphUnavailable).toBe('graph changes unavailable for saved analyses');
    expect(r.findings.new.map(findingTuple)).toEqual(V1_V2.new);
    expect(r.blast.movers.map((m) => [m.id, m.delta])).toEqual(V1_V2.movers);
    const { blastRadius: _dropped, ...old } = saved;
    const partial = diffSides(sideFromSaved(old, 'old.json'), v2);
    expect(partial.blast.partial).toBe(true);
    expect(partial.blast.compared).toBe(new Set(v1.findings.map((f) => f.source.id)).size);
    // only movers that were finding sources in v1 can be compared
    expect(partial.blast.movers.map((m) => m.id)).toEqual(V1_V2.movers.map(([id]) => id).filter((id) => v1.findings.some((f) => f.source.id === id)));
  });
});
