// minCut (Dinic) on hand-built networks with known answers, and against brute force over every arc subset on
// seeded random networks: same minimum value, and the returned arcs really separate source from sink.
import { describe, expect, it } from 'vitest';
import { minCut, type FlowNetwork } from '../../src/engine/min-cut.js';
import { EngineError } from '../../src/model/index.js';
import { rng } from '../helpers/random-graph.js';

function network(nodes: number, arcs: readonly (readonly [number, number, number])[]): FlowNetwork {
  return {
    nodes,
    from: Int32Array.from(arcs, (a) => a[0]),
    to: Int32Array.from(arcs, (a) => a[1]),
    capacity: Float64Array.from(arcs, (a) => a[2]),
  };
}

/** True when the sink is reachable from the source over arcs of positive capacity not in `removed`. */
function connected(net: FlowNetwork, source: number, sink: number, removed: ReadonlySet<number>): boolean {
  const seen = new Set([source]);
  const queue = [source];
  while (queue.length) {
    const u = queue.shift() as number;
    for (let i = 0; i < net.from.length; i++) {
      if (net.from[i] !== u || removed.has(i) || (net.capacity[i] as number) <= 0) continue;
      const v = net.to[i] as number;
      if (!seen.has(v)) { seen.add(v); queue.push(v); }
    }
  }
  return seen.has(sink);
}

function bruteForce(net: FlowNetwork, source: number, sink: number): number {
  const m = net.from.length;
  let best = Infinity;
  for (let mask = 0; mask < 1 << m; mask++) {
    const removed = new Set<number>();
    let cost = 0;
    for (let i = 0; i < m; i++) if (mask & (1 << i)) { removed.add(i); cost += net.capacity[i] as number; }
    if (cost < best && !connected(net, source, sink, removed)) best = cost;
  }
  return best;
}

describe('minCut: known answers', () => {
  it('the classic six-node network (max flow 23)', () => {
    // CLRS figure 26.1: s=0, v1..v4 = 1..4, t=5.
    const net = network(6, [[0, 1, 16], [0, 2, 13], [2, 1, 4], [1, 3, 12], [3, 2, 9], [2, 4, 14], [4, 3, 7], [3, 5, 20], [4, 5, 4]]);
    const r = minCut(net, 0, 5);
    expect(r.value).toBe(23);
    expect([...r.arcs]).toEqual([3, 6, 8]);
    expect([...r.sourceSide]).toEqual([1, 1, 1, 0, 1, 0]);
  });

  it('two disjoint paths need two cuts, each at its cheapest arc', () => {
    const net = network(6, [[0, 1, 5], [1, 2, 2], [2, 5, 9], [0, 3, 1], [3, 4, 7], [4, 5, 7]]);
    const r = minCut(net, 0, 5);
    expect(r.value).toBe(3);
    expect([...r.arcs]).toEqual([1, 3]);
  });

  it('of equal cuts, the one closest to the source', () => {
    const net = network(4, [[0, 1, 2], [1, 2, 2], [2, 3, 2]]);
    expect([...minCut(net, 0, 3).arcs]).toEqual([0]);
  });

  it('no path: value 0, empty cut, only the source side reached', () => {
    const r = minCut(network(3, [[0, 1, 4], [2, 1, 1]]), 0, 2);
    expect(r.value).toBe(0);
    expect([...r.arcs]).toEqual([]);
    expect([...r.sourceSide]).toEqual([1, 1, 0]);
  });

  it('rejects bad input with EngineError', () => {
    expect(() => minCut(network(2, [[0, 1, 1]]), 0, 0)).toThrow(EngineError);
    expect(() => minCut(network(2, [[0, 1, 1]]), 0, 2)).toThrow(EngineError);
    expect(() => minCut(network(2, [[0, 3, 1]]), 0, 1)).toThrow(EngineError);
    expect(() => minCut(network(2, [[0, 1, -1]]), 0, 1)).toThrow(EngineError);
    expect(() => minCut(network(2, [[0, 1, Infinity]]), 0, 1)).toThrow(EngineError);
  });
});

describe('minCut: oracle on seeded random networks', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('seed %i equals brute force', (seed) => {
    const r = rng(seed);
    const nodes = 3 + Math.floor(r() * 5);
    const m = 4 + Math.floor(r() * 9);
    const arcs: [number, number, number][] = [];
    for (let i = 0; i < m; i++) {
      const a = Math.floor(r() * nodes);
      let b = Math.floor(r() * nodes);
      if (b === a) b = (b + 1) % nodes;
      arcs.push([a, b, Math.floor(r() * 10)]);
    }
    const net = network(nodes, arcs);
    const cut = minCut(net, 0, nodes - 1);
    expect(cut.value).toBe(bruteForce(net, 0, nodes - 1));
    const removed = new Set(cut.arcs);
    expect([...removed].reduce((sum, i) => sum + (net.capacity[i] as number), 0)).toBe(cut.value);
    expect(connected(net, 0, nodes - 1, removed)).toBe(false);
  });
});
