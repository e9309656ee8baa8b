// The all-sources pass against the per-source search it replaces: on seeded random graphs (cycles, expired and
// revoked credentials, scoped delegations, pipelines reached by act-as and altered) every source gets the same
// blast radius, the same separation-of-duties breaks and sensitive resources, with the same shortest paths,
// as reach() + blastRadius() + separationOfDuties()/sensitiveReach() give it.
import { describe, expect, it } from 'vitest';
import { forEachSourceReach, type SourceReach } from '../../src/engine/all-sources.js';
import { blastRadius, findingSources, separationOfDuties, sensitiveReach, toCompact, type CompactGraph } from '../../src/engine/index.js';
import { ACCESS_ACTIONS, ALTER_ACTIONS } from '../../src/model/index.js';
import { randomGraph } from '../helpers/random-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');

function names(mask: number, all: readonly string[]): string[] {
  return all.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** What the per-source search says about one source, in the shape of a SourceReach (mask bits as names). */
function expected(cg: CompactGraph, source: number, maxTier: number): unknown {
  const sod = separationOfDuties(cg, { sources: [source], cap: 1 });
  const sensitive = sensitiveReach(cg, { sources: [source], cap: 1, maxTier });
  return {
    blast: blastRadius(cg, source).score,
    sod: sod.map((r) => ({ model: r.model, alter: [...new Set(r.alter.map((c) => c.action))].sort(), alterPath: r.shortestAlter, invokePath: r.shortestInvoke })),
    sensitive: sensitive.map((r) => ({ resource: r.resource, tier: r.tier, actions: [...r.actions].sort(), path: r.shortest })),
  };
}

function actual(r: SourceReach): unknown {
  return {
    blast: r.blast,
    sod: r.sod.map((w) => ({ model: w.model, alter: names(w.alterActions, ALTER_ACTIONS).sort(), alterPath: w.alter, invokePath: w.invoke })),
    sensitive: r.sensitive.map((w) => ({ resource: w.resource, tier: w.tier, actions: names(w.actions, ACCESS_ACTIONS).sort(), path: w.access })),
  };
}

describe('forEachSourceReach', () => {
  let plain = 0;
  let total = 0;
  it.each(Array.from({ length: 80 }, (_, i) => i + 1))('equals the per-source search on random graph %i', (seed) => {
    const cg = toCompact(randomGraph(seed, { nodes: 20, edges: 60 }), { at: AT });
    const maxTier = seed % 3;
    const got: SourceReach[] = [];
    forEachSourceReach(cg, (r) => got.push(r), { maxTier });
    expect(got.map((r) => r.source)).toEqual(findingSources(cg));
    for (const r of got) {
      total++;
      if (r.plain) plain++;
      expect(actual(r), `source ${cg.ids[r.source]}`).toEqual(expected(cg, r.source, maxTier));
    }
  });

  it('answers most random-graph sources without the per-source search', () => {
    // NOTE: random graphs are far denser in scoped grants and altered pipelines than real estates.
    expect(plain / total).toBeGreaterThan(0.3);
  });

  it('reports progress once per source', () => {
    const cg = toCompact(randomGraph(7, { nodes: 20, edges: 60 }), { at: AT });
    const seen: [number, number][] = [];
    forEachSourceReach(cg, () => {}, { onProgress: (done, all) => seen.push([done, all]) });
    const n = findingSources(cg).length;
    expect(seen).toEqual(Array.from({ length: n }, (_, i) => [i + 1, n]));
  });
});
