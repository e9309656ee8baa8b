// Oracle equality (STYLE G4): on seeded random graphs the engine finds exactly the simple paths, reachable
// nodes and capabilities that brute force finds, shortest first, honouring depth and cap.
import { describe, expect, it } from 'vitest';
import { enumeratePaths, reach, toCompact, type Capability, type CompactGraph, type EnginePath } from '../../src/engine/index.js';
import { randomGraph } from '../helpers/random-graph.js';
import { oracleActive, oracleEndings, type OracleEnding } from './oracle.js';

const AT = new Date('2026-11-25T00:00:00Z');
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

const keysOf = (cg: CompactGraph, p: EnginePath): string => p.edges.map((s) => cg.edgeKey(s)).join(' ');
const capKey = (target: string, effect: string, action: string): string => `${effect} ${target} ${action}`;

describe.each(SEEDS)('random graph seed %i', (seed) => {
  const graph = randomGraph(seed, { nodes: 14, edges: 40 });
  const cg = toCompact(graph, { at: AT });
  const sources = cg.ids.filter((id) => oracleActive(graph.getNodeAttributes(id), AT.getTime()));

  it('reach: act-as nodes and capabilities equal brute force', () => {
    for (const id of sources) {
      const s = cg.indexOf.get(id) as number;
      const endings = oracleEndings(graph, id, AT.getTime());
      const r = reach(cg, s);
      const arrived = new Set(endings.filter((x) => x.effect === 'arrive' && isActAsArrival(graph, x)).map((x) => x.target));
      arrived.add(id);
      expect(new Set(r.actAs.map((i) => cg.ids[i]))).toEqual(arrived);
      const caps = new Set(endings.filter((x) => x.effect !== 'arrive').map((x) => capKey(x.target, x.effect, x.action)));
      expect(new Set(r.capabilities.map((c) => capKey(cg.ids[c.target] as string, c.effect, c.action)))).toEqual(caps);
    }
  });

  it('enumeratePaths: every simple path to every target, shortest first; shortest() is a shortest one', () => {
    for (const id of sources) {
      const s = cg.indexOf.get(id) as number;
      const endings = oracleEndings(graph, id, AT.getTime());
      const r = reach(cg, s);
      for (let t = 0; t < cg.order; t++) {
        if (t === s) continue;
        const target = cg.ids[t] as string;
        const expected = new Set(endings.filter((x) => x.target === target).map((x) => x.edges.join(' ')));
        const got = enumeratePaths(cg, { source: s, target: t, maxDepth: 32, cap: 1_000_000 });
        expect(new Set(got.paths.map((p) => keysOf(cg, p)))).toEqual(expected);
        expect(got.paths.length).toBe(expected.size);
        expect(got.truncated).toBe(false);
        expectNonDecreasing(got.paths);
        const alter = (c: Capability): boolean => c.effect === 'alter';
        const alterPaths = endings.filter((x) => x.target === target && x.effect === 'alter');
        const filtered = enumeratePaths(cg, { source: s, target: t, maxDepth: 32, cap: 1_000_000, filter: alter });
        expect(new Set(filtered.paths.map((p) => keysOf(cg, p)))).toEqual(new Set(alterPaths.map((x) => x.edges.join(' '))));
        const shortest = r.shortest(t, alter);
        const minLength = Math.min(...alterPaths.map((x) => x.edges.length));
        expect(shortest?.edges.length ?? Infinity).toBe(minLength);
        if (shortest) expect(new Set(shortest.nodes).size).toBe(shortest.nodes.length);
      }
    }
  });

  it('depth bound and cap keep the shortest paths and report truncation', () => {
    for (const id of sources.slice(0, 4)) {
      const s = cg.indexOf.get(id) as number;
      const byTarget = new Map<string, OracleEnding[]>();
      for (const x of oracleEndings(graph, id, AT.getTime())) byTarget.set(x.target, [...(byTarget.get(x.target) ?? []), x]);
      for (const [target, list] of byTarget) {
        const unique = [...new Set(list.map((x) => x.edges.join(' ')))].map((k) => k.split(' ').length).sort((a, b) => a - b);
        const t = cg.indexOf.get(target) as number;
        const depth3 = enumeratePaths(cg, { source: s, target: t, maxDepth: 3, cap: 1_000_000 });
        expect(depth3.paths.length).toBe(unique.filter((l) => l <= 3).length);
        const cap = Math.max(1, Math.floor(unique.length / 2));
        const capped = enumeratePaths(cg, { source: s, target: t, maxDepth: 32, cap });
        expect(capped.paths.map((p) => p.edges.length)).toEqual(unique.slice(0, cap));
        expect(capped.truncated).toBe(unique.length > cap);
      }
    }
  });
});

/** An arrival counts as acting as the target only through an act-as step (or a CAN_ALTER entering a pipeline). */
function isActAsArrival(graph: ReturnType<typeof randomGraph>, x: OracleEnding): boolean {
  const last = graph.getEdgeAttributes(x.edges[x.edges.length - 1] as string);
  return last.kind !== 'CAN_ALTER' && last.kind !== 'CAN_INVOKE' && last.kind !== 'CAN_ACCESS'
    || (last.kind === 'CAN_ALTER' && graph.getNodeAttributes(last.to).kind === 'Pipeline');
}

function expectNonDecreasing(paths: readonly EnginePath[]): void {
  for (let i = 1; i < paths.length; i++) expect((paths[i] as EnginePath).edges.length).toBeGreaterThanOrEqual((paths[i - 1] as EnginePath).edges.length);
}
