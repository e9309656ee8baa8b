// Estate findings against the per-source reference they replace: on seeded random graphs, with every finding
// detailed, the per-target pass gives exactly the findings (ids, scores, severities, path sets, rank
// explanations) and blast radii that per-source reach + enumeration give, up to which of several shortest paths of
// the same length a path set shows as `shortest` (engine/target-pass.test.ts checks each is a valid path). With a smaller --detail, the best
// findings are the same and the rest carry their shortest paths only.
import { describe, expect, it } from 'vitest';
import { blastRadius, findingSources, reach, separationOfDuties, sensitiveReach, toCompact, type ReachResult } from '../../src/engine/index.js';
import { findingContext } from '../../src/findings/context.js';
import { estateFindings, rollupBySource, rollupByTarget, sortFindings, type Finding } from '../../src/findings/index.js';
import { sensitiveFindings, sodFindings } from '../../src/findings/rules/index.js';
import { graphLookup, type GraphLookup } from '../../src/graph/lookup.js';
import type { CompactGraph } from '../../src/engine/index.js';
import { randomGraph } from '../helpers/random-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');

/** The findings as computed before the all-sources pass: one reach() and full enumeration per source. */
function reference(lookup: GraphLookup, cg: CompactGraph, maxTier: number): { findings: Finding[]; blast: Map<string, number> } {
  const scores = new Map<number, number>();
  const sod = [];
  const sensitive = [];
  for (const source of findingSources(cg)) {
    const reached = new Map<number, ReachResult>([[source, reach(cg, source)]]);
    scores.set(source, blastRadius(cg, source, reached.get(source)).score);
    sod.push(...separationOfDuties(cg, { sources: [source], reached }));
    sensitive.push(...sensitiveReach(cg, { sources: [source], reached, maxTier }));
  }
  const ctx = findingContext(lookup, cg, undefined, scores);
  return {
    findings: sortFindings([...sodFindings(ctx, sod), ...sensitiveFindings(ctx, sensitive)]),
    blast: new Map([...scores].map(([s, v]) => [cg.ids[s] as string, v])),
  };
}

/** The findings with each path set's shortest path reduced to its length (ties may pick another path). */
function modShortest(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => ({ ...f, pathSets: f.pathSets.map((set) => ({ ...set, shortest: set.shortest?.edges.length })) }));
}

describe('estateFindings', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('equals the per-source reference on random graph %i', (seed) => {
    const g = randomGraph(seed, { nodes: 18, edges: 55 });
    const cg = toCompact(g, { at: AT });
    const lookup = graphLookup(g, cg);
    const maxTier = seed % 3;
    const want = reference(lookup, cg, maxTier);
    const got = estateFindings(lookup, cg, { maxTier, detail: Infinity });
    expect(modShortest(got.findings)).toEqual(modShortest(want.findings));
    expect(got.rest.count).toBe(0);
    expect(new Map(got.blast)).toEqual(want.blast);
    expect(got.bySource).toEqual(rollupBySource(want.findings));
    expect(got.byTarget).toEqual(rollupByTarget(want.findings));
  });

  it('details the best findings only; the rest keep their shortest paths, in rank order', () => {
    const g = randomGraph(11, { nodes: 24, edges: 90 });
    const cg = toCompact(g, { at: AT });
    const lookup = graphLookup(g, cg);
    const all = estateFindings(lookup, cg, { detail: Infinity });
    const n = all.findings.length;
    expect(n).toBeGreaterThan(6);
    const some = estateFindings(lookup, cg, { detail: 3 });
    expect(some.findings).toHaveLength(3);
    for (const f of some.findings) expect(f).toEqual(all.findings.find((x) => x.id === f.id));
    const rest = [...some.rest];
    expect(some.findings.length + rest.length).toBe(n);
    expect(some.rest.count).toBe(rest.length);
    expect(new Set([...some.findings, ...rest].map((f) => f.id))).toEqual(new Set(all.findings.map((f) => f.id)));
    for (const f of rest) {
      const full = all.findings.find((x) => x.id === f.id) as Finding;
      for (const [i, set] of f.pathSets.entries()) {
        expect(set.enumerated).toBe(false);
        expect(set.paths).toEqual([]);
        expect([set.total, set.truncated]).toEqual([1, true]);
        expect(set.shortest).toEqual(full.pathSets[i]?.shortest);
      }
      // a witness-only score never exceeds the score over every path
      expect(f.score).toBeLessThanOrEqual(full.score);
    }
    const scores = rest.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Object.values(some.bySeverity).reduce((a, b) => a + b, 0)).toBe(n);
  });
});
