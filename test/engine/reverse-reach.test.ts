// Who reaches a target, searched backwards from its holders, against the forward per-source search: on seeded
// random graphs (cycles, expired and revoked credentials, scoped delegations, pipelines) the principals found
// for every model and resource and every capability category are the ones reach() finds, except where the only
// way there repeats a node (reach() keeps simple paths; those cases are counted and must stay rare).
import { describe, expect, it } from 'vitest';
import { forEachSourceReach } from '../../src/engine/all-sources.js';
import { findingSources, isAlter, isProdInvoke, reach, toCompact, type Capability } from '../../src/engine/index.js';
import { K } from '../../src/engine/kinds.js';
import { capabilityIndex, reverseSteps, sourcesReaching } from '../../src/engine/reverse-reach.js';
import { randomGraph } from '../helpers/random-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');
const CATEGORIES: [string, (c: Capability) => boolean][] = [
  ['alter', isAlter], ['invoke-prod', isProdInvoke], ['access', (c) => c.effect === 'access'],
];

describe('sourcesReaching', () => {
  let walksOnly = 0;
  let pairs = 0;
  it.each(Array.from({ length: 80 }, (_, i) => i + 1))('finds the principals reach() finds on random graph %i', (seed) => {
    const cg = toCompact(randomGraph(seed, { nodes: 20, edges: 60 }), { at: AT });
    const rev = reverseSteps(cg);
    const index = capabilityIndex(cg, rev);
    const sources = findingSources(cg);
    const caps = new Map(sources.map((s) => [s, reach(cg, s).capabilities]));
    // Sources the forward typed search hands to reach() (a witness would repeat a node), and pipelines (a path
    // never comes back to its source, so what they reach through themselves does not count).
    const explained = new Set<number>();
    forEachSourceReach(cg, (r) => { if (!r.plain) explained.add(r.source); });
    for (const s of sources) if (cg.nodeKind[s] === K.Pipeline) explained.add(s);
    for (let t = 0; t < cg.order; t++) {
      if (cg.nodeKind[t] !== K.Model && cg.nodeKind[t] !== K.Resource) continue;
      for (const [, filter] of CATEGORIES) {
        const want = sources.filter((s) => s !== t && (caps.get(s) ?? []).some((c) => c.target === t && filter(c)));
        const found = new Set(sourcesReaching(cg, rev, index, t, filter));
        const got = sources.filter((s) => s !== t && found.has(s));
        // every principal reach() finds is found
        expect(want.filter((s) => !found.has(s))).toEqual([]);
        pairs += want.length;
        // every extra is a source whose only way there repeats a node
        expect(got.filter((s) => !want.includes(s) && !explained.has(s))).toEqual([]);
        walksOnly += got.length - want.length;
      }
    }
  });

  it('finds a principal only through a walk that repeats a node rarely', () => {
    expect(pairs).toBeGreaterThan(1000);
    expect(walksOnly / pairs).toBeLessThan(0.02);
  });
});
