// The per-target pass against the per-source pass it replaces in estate analysis: on seeded random graphs
// (cycles, expired and revoked credentials, scoped delegations, pipelines reached by act-as and altered) the same
// pairs with the same action masks, witnesses that are valid shortest paths of the same length, and the same
// blast radius for every finding source.
import { describe, expect, it } from 'vitest';
import { forEachSourceReach, type SourceReach } from '../../src/engine/all-sources.js';
import { enumeratePaths, findingSources, isAccess, isAlter, isProdInvoke, toCompact, type CompactGraph, type Capability } from '../../src/engine/index.js';
import { PAIR, targetPass, type PairRows } from '../../src/engine/target-pass.js';
import { randomGraph } from '../helpers/random-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');

interface Pair {
  key: string;
  mask: number;
  lengths: number[];
}

function forward(cg: CompactGraph, maxTier: number): { pairs: Pair[]; blast: Map<number, number> } {
  const got: SourceReach[] = [];
  forEachSourceReach(cg, (r) => got.push(r), { maxTier });
  const pairs: Pair[] = [];
  for (const r of got) {
    for (const w of r.sod) pairs.push({ key: `sod ${r.source} ${w.model}`, mask: w.alterActions, lengths: [w.alter.edges.length, w.invoke.edges.length] });
    for (const w of r.sensitive) pairs.push({ key: `sensitive ${r.source} ${w.resource}`, mask: w.actions, lengths: [w.access.edges.length] });
  }
  return { pairs: pairs.sort((a, b) => a.key.localeCompare(b.key)), blast: new Map(got.map((r) => [r.source, r.blast])) };
}

function backward(rows: PairRows): Pair[] {
  const out: Pair[] = [];
  for (let r = 0; r < rows.length; r++) {
    const sod = rows.rule.data[r] === PAIR.SOD;
    out.push({
      key: `${sod ? 'sod' : 'sensitive'} ${rows.source.data[r]} ${rows.target.data[r]}`, mask: rows.mask.data[r] as number,
      lengths: (sod ? [0, 1] : [0]).map((k) => rows.path(r, k).length),
    });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** True when `slots` is one of the paths the exact enumeration finds from source to target under `filter`. */
function isPath(cg: CompactGraph, source: number, target: number, slots: readonly number[], filter: (c: Capability) => boolean): boolean {
  const all = enumeratePaths(cg, { source, target, maxDepth: slots.length, cap: 100_000, filter });
  return all.paths.some((p) => p.edges.length === slots.length && p.edges.every((s, i) => s === slots[i]));
}

describe('targetPass', () => {
  let handed = 0;
  let exact = 0;
  let rows = 0;
  it.each(Array.from({ length: 80 }, (_, i) => i + 1))('equals the per-source pass on random graph %i', (seed) => {
    const cg = toCompact(randomGraph(seed, { nodes: 20, edges: 60 }), { at: AT });
    const maxTier = seed % 3;
    const want = forward(cg, maxTier);
    const got = targetPass(cg, { maxTier });
    handed += got.forward;
    exact += got.exact;
    rows += got.rows.length;
    expect(backward(got.rows)).toEqual(want.pairs);
    for (const s of findingSources(cg)) expect(got.blast[s], `blast of ${cg.ids[s]}`).toBe(want.blast.get(s));
    for (let r = 0; r < got.rows.length; r++) {
      const source = got.rows.source.data[r] as number;
      const target = got.rows.target.data[r] as number;
      if (got.rows.rule.data[r] === PAIR.SOD) {
        expect(isPath(cg, source, target, got.rows.path(r, 0), isAlter)).toBe(true);
        expect(isPath(cg, source, target, got.rows.path(r, 1), isProdInvoke)).toBe(true);
      } else expect(isPath(cg, source, target, got.rows.path(r, 0), isAccess)).toBe(true);
    }
  });

  it('hands few sources to the per-source pass, and fewer to the exact search', () => {
    expect(rows).toBeGreaterThan(500);
    expect(handed).toBeLessThan(80 * 3);
    expect(exact).toBeLessThanOrEqual(handed);
  });

  it('reports progress once per target', () => {
    const cg = toCompact(randomGraph(7, { nodes: 20, edges: 60 }), { at: AT });
    const seen: [number, number][] = [];
    targetPass(cg, { onProgress: (done, all) => seen.push([done, all]) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map(([d]) => d)).toEqual(seen.map((_, i) => i + 1));
    expect(new Set(seen.map(([, all]) => all))).toEqual(new Set([seen.length]));
  });
});
