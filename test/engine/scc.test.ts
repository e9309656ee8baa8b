// Components of the act-as graph against brute force: two nodes share a component exactly when each reaches
// the other by act-as steps; components come sinks first (an edge between components goes to a lower number).
import { describe, expect, it } from 'vitest';
import { actAsComponents } from '../../src/engine/scc.js';
import { isStep } from '../../src/engine/hops.js';
import { toCompact, type CompactGraph } from '../../src/engine/index.js';
import { randomGraph } from '../helpers/random-graph.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');

function closure(cg: CompactGraph, s: number): Set<number> {
  const seen = new Set([s]);
  const queue = [s];
  while (queue.length) {
    const u = queue.pop() as number;
    for (let slot = cg.starts[u] as number; slot < (cg.starts[u + 1] as number); slot++) {
      const v = cg.targets[slot] as number;
      if (isStep(cg, slot) && !seen.has(v)) { seen.add(v); queue.push(v); }
    }
  }
  return seen;
}

describe('actAsComponents', () => {
  it('finds a mutual-assume cycle and keeps the rest apart', () => {
    const g = graphOf(
      [n('Role', 'a'), n('Role', 'b'), n('Role', 'c'), n('AIAgent', 'x'), n('Resource', 'db', { tier: 0 })],
      [e('CAN_ASSUME', 'a', 'b'), e('CAN_ASSUME', 'b', 'c'), e('CAN_ASSUME', 'c', 'a'), e('CAN_ASSUME', 'x', 'a'), e('CAN_ACCESS', 'a', 'db', { action: 'read' })],
    );
    const cg = toCompact(g, { at: AT });
    const { component, count } = actAsComponents(cg);
    const of = (id: string): number => component[cg.indexOf.get(id) as number] as number;
    expect(count).toBe(3);
    expect(new Set([of('a'), of('b'), of('c')]).size).toBe(1);
    expect(of('x')).not.toBe(of('a'));
    expect(of('x')).toBeGreaterThan(of('a'));
  });

  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('equals mutual reachability on random graph %i', (seed) => {
    const cg = toCompact(randomGraph(seed, { nodes: 30, edges: 90 }), { at: AT });
    const { component } = actAsComponents(cg);
    const reach = Array.from({ length: cg.order }, (_, s) => closure(cg, s));
    for (let a = 0; a < cg.order; a++) {
      for (let b = 0; b < cg.order; b++) {
        const mutual = (reach[a] as Set<number>).has(b) && (reach[b] as Set<number>).has(a);
        expect(component[a] === component[b]).toBe(mutual);
        if ((reach[a] as Set<number>).has(b)) expect(component[a] as number).toBeGreaterThanOrEqual(component[b] as number);
      }
    }
  });

  it('handles a 200,000-node chain without recursion', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `r${i}`);
    const cg = toCompact(graphOf(ids.map((id) => n('Role', id)), ids.slice(1).map((id, i) => e('CAN_ASSUME', `r${i}`, id))), { at: AT });
    expect(actAsComponents(cg).count).toBe(200_000);
  });
});
