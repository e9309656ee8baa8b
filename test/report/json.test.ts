// The JSON analysis report: complete, deterministic, with blast radius per principal and, on request, the graph.
import { reportText } from '../../src/report/index.js';
import { describe, expect, it } from 'vitest';
import { analyzeLoaded } from '../../src/analysis/analyze.js';
import { toJsonGraph } from '../../src/graph/export.js';
import { json } from '../../src/report/json.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const graph = graphOf(
  [n('AIAgent', 'bot'), n('Role', 'ops'), n('Resource', 'db', { tier: 0 }), n('Human', 'idle')],
  [e('CAN_ASSUME', 'bot', 'ops'), e('CAN_ACCESS', 'ops', 'db', { action: 'write' })],
);
const options = { limit: 10, color: false, version: 'test' };

describe('json reporter', () => {
  it('includes the non-zero blast radius of every principal, and the graph only when asked', async () => {
    const result = await analyzeLoaded({ dir: 't', graph, files: [], diagnostics: [] }, { at: new Date('2026-11-25T00:00:00Z'), exceptions: false });
    const plain = JSON.parse(reportText(json.analysis(result, options))) as Record<string, unknown>;
    // bot: tier-0 db write (100 × 2); ops, which it acts as, is not scored
    expect(plain['blastRadius']).toEqual({ bot: 200 });
    expect(plain['graphDocument']).toBeUndefined();
    expect(plain['graph']).toEqual({ nodes: 4, edges: 2, compiledEdges: 2 });
    const withGraph = JSON.parse(reportText(json.analysis(result, { ...options, includeGraph: true }))) as Record<string, unknown>;
    expect(withGraph['graphDocument']).toEqual(JSON.parse(JSON.stringify(toJsonGraph(graph))));
    expect(reportText(json.analysis(result, options))).toBe(reportText(json.analysis(result, options)));
  });
});

describe('json reporter size', () => {
  it('indents small results and writes big ones compact', async () => {
    const agents = Array.from({ length: 1001 }, (_, i) => n('AIAgent', `a${i}`));
    const big = graphOf([...agents, n('Resource', 'db', { tier: 0 })], agents.map((a) => e('CAN_ACCESS', a.id, 'db', { action: 'read' })));
    const result = await analyzeLoaded({ dir: 't', graph: big, files: [], diagnostics: [] }, { at: new Date('2026-11-25T00:00:00Z'), exceptions: false });
    expect(result.findings).toHaveLength(1001);
    const text = reportText(json.analysis(result, options));
    expect(text.trimEnd().includes('\n')).toBe(false);
    expect((JSON.parse(text) as { findings: unknown[] }).findings).toHaveLength(1001);
  });
});

describe('json reporter --max-findings', () => {
  const agents = Array.from({ length: 120 }, (_, i) => n('AIAgent', `a${String(i).padStart(3, '0')}`));
  const estate = graphOf([...agents, n('Resource', 'db', { tier: 0 })], agents.map((a, i) => e('CAN_ACCESS', a.id, 'db', { action: i % 3 === 0 ? 'admin' : 'read' })));
  const at = new Date('2026-11-25T00:00:00Z');
  interface Roll { node: { id: string }; findings: number; counterparts: string[]; counterpartsOmitted?: number }
  interface Doc {
    summary: { findings: number; listed: number; omitted: number };
    findings: { id: string }[];
    rollups: { bySource: Roll[]; byTarget: Roll[]; omitted?: { bySource: number; byTarget: number } };
  }

  it('lists the best findings and roll-ups only, counting every one, whether detailed or drawn from the rest', async () => {
    for (const detail of [Infinity, 4]) {
      const result = await analyzeLoaded({ dir: 't', graph: estate, files: [], diagnostics: [] }, { at, exceptions: false, detail });
      const all = JSON.parse(reportText(json.analysis(result, options))) as Doc;
      expect(all.summary).toMatchObject({ findings: 120, listed: 120, omitted: 0 });
      expect(all.rollups.omitted).toBeUndefined();
      expect(all.rollups.byTarget[0]?.counterparts).toHaveLength(120);
      for (const max of [1, 4, 7, 120, 121]) {
        const doc = JSON.parse(reportText(json.analysis(result, { ...options, maxFindings: max }))) as Doc;
        const listed = Math.min(120, max);
        expect(doc.summary).toMatchObject({ findings: 120, listed, omitted: 120 - listed });
        expect(doc.findings.map((f) => f.id)).toEqual(all.findings.slice(0, listed).map((f) => f.id));
        if (listed === 120) {
          expect(doc.rollups).toEqual(all.rollups);
          continue;
        }
        expect(doc.rollups.bySource.map((x) => x.node.id)).toEqual(all.rollups.bySource.slice(0, max).map((x) => x.node.id));
        expect(doc.rollups.omitted).toEqual({ bySource: 120 - max, byTarget: 0 });
        const [db] = doc.rollups.byTarget;
        expect([db?.findings, db?.counterparts, db?.counterpartsOmitted]).toEqual([120, all.rollups.byTarget[0]?.counterparts.slice(0, 100), 20]);
      }
    }
  });
});
