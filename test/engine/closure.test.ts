// All-sources capability closure against the per-source search: on seeded random graphs (cycles, expired and
// revoked credentials, scoped delegations, pipelines reached by act-as), every node the closure calls exact
// holds exactly the capability bits reach() finds; nodes it flags are left to reach().
import { describe, expect, it } from 'vitest';
import { CAPABILITY_BITS, capabilityClosure, holds } from '../../src/engine/closure.js';
import { reach, toCompact, type CompactGraph } from '../../src/engine/index.js';
import { K } from '../../src/engine/kinds.js';
import { randomGraph } from '../helpers/random-graph.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');

function targetsOf(cg: CompactGraph): number[] {
  const out: number[] = [];
  for (let u = 0; u < cg.order; u++) if (cg.nodeKind[u] === K.Model || cg.nodeKind[u] === K.Resource) out.push(u);
  return out;
}

/** The bits reach() gives one source, as `targetIndex:bit` strings. */
function expectedBits(cg: CompactGraph, targets: readonly number[], s: number): Set<string> {
  const out = new Set<string>();
  for (const c of reach(cg, s).capabilities) {
    const t = targets.indexOf(c.target);
    if (t < 0) continue;
    if (c.effect === 'alter') out.add(`${t}:${CAPABILITY_BITS.ALTER}`);
    else if (c.effect === 'invoke' && c.action === 'prod') out.add(`${t}:${CAPABILITY_BITS.INVOKE_PROD}`);
    else if (c.effect === 'access') out.add(`${t}:${{ read: CAPABILITY_BITS.READ, write: CAPABILITY_BITS.WRITE, admin: CAPABILITY_BITS.ADMIN }[c.action as 'read']}`);
  }
  return out;
}

function closureBits(closure: ReturnType<typeof capabilityClosure>, u: number): Set<string> {
  const out = new Set<string>();
  closure.targets.forEach((_, t) => {
    for (const b of [0, 1, 2]) if (holds(closure, u, t, b)) out.add(`${t}:${b}`);
  });
  return out;
}

describe('capabilityClosure', () => {
  let exact = 0;
  let total = 0;
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('equals reach() on every exact node of random graph %i', (seed) => {
    const cg = toCompact(randomGraph(seed, { nodes: 18, edges: 55 }), { at: AT });
    const targets = targetsOf(cg);
    const closure = capabilityClosure(cg, targets);
    for (let u = 0; u < cg.order; u++) {
      if (cg.active[u] === 0) continue;
      total++;
      if (closure.inexact[u] === 1) continue;
      exact++;
      // NOTE: a path never ends at its own source, so bits on the node itself are not compared.
      const own = targets.indexOf(u);
      const got = [...closureBits(closure, u)].filter((b) => !b.startsWith(`${own}:`));
      expect(new Set(got)).toEqual(expectedBits(cg, targets, u));
    }
  });

  it('calls a good share of random-graph nodes exact (random graphs are dense in scoped grants and pipelines)', () => {
    expect(exact / total).toBeGreaterThan(0.2);
  });

  it('calls most principals of the sample estate exact, and agrees with reach() on them', async () => {
    const { loadGraph } = await import('../../src/analysis/load.js');
    const { findingSources } = await import('../../src/engine/index.js');
    const cg = toCompact((await loadGraph('examples/acme')).graph, { at: AT });
    const targets = targetsOf(cg);
    const closure = capabilityClosure(cg, targets);
    const sources = findingSources(cg);
    const exactSources = sources.filter((s) => closure.inexact[s] === 0);
    expect(exactSources.length / sources.length).toBeGreaterThan(0.5);
    for (const s of exactSources) expect(closureBits(closure, s)).toEqual(expectedBits(cg, targets, s));
  });

  it('flags a node whose reach crosses a scoped delegation, and a pipeline someone can alter', () => {
    const g = graphOf(
      [n('OAuthApp', 'app'), n('Human', 'u'), n('Resource', 'db', { tier: 0 }), n('Pipeline', 'p'), n('Human', 'dev'), n('Model', 'm')],
      [e('DELEGATED', 'app', 'u', { scopes: ['access:read'] }), e('CAN_ACCESS', 'u', 'db', { action: 'admin' }),
        e('CAN_ALTER', 'dev', 'p', { action: 'configure' }), e('DEPLOYS', 'p', 'm')],
    );
    const cg = toCompact(g, { at: AT });
    const closure = capabilityClosure(cg, targetsOf(cg));
    const at = (id: string): number => cg.indexOf.get(id) as number;
    expect([closure.inexact[at('app')], closure.inexact[at('u')], closure.inexact[at('p')], closure.inexact[at('dev')]]).toEqual([1, 0, 1, 0]);
    expect(holds(closure, at('dev'), closure.targets.indexOf(at('m')), CAPABILITY_BITS.ALTER)).toBe(true);
  });
});
