// The blast view of a principal: score breakdown, everything reached by tier, and a path that carries the
// strongest action shown for each target.
import { describe, expect, it } from 'vitest';
import { blastOf } from '../../src/analysis/blast.js';
import { NotFoundError } from '../../src/model/index.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const graph = graphOf(
  [n('AIAgent', 'bot'), n('Role', 'ops'), n('Resource', 'db', { tier: 0 }), n('Model', 'llm', { tier: 2 }), n('Resource', 'logs', { tier: 2 }), n('Resource', 'wiki')],
  [
    e('CAN_ACCESS', 'ops', 'logs', { action: 'admin' }), e('CAN_ACCESS', 'bot', 'wiki', { action: 'write' }),
    e('CAN_ACCESS', 'bot', 'db', { action: 'read' }), e('CAN_ASSUME', 'bot', 'ops'),
    e('CAN_ACCESS', 'ops', 'db', { action: 'admin' }), e('CAN_INVOKE', 'ops', 'llm', { environment: 'prod' }),
  ],
);
const loaded = { dir: 'test', graph, files: [], diagnostics: [] };
const AT = new Date('2026-11-25T00:00:00Z');

describe('blastOf', () => {
  it('lists what a principal reaches, weakest action first, drawn with a path of the strongest', () => {
    const report = blastOf(loaded, 'bot', { at: AT });
    const [bot] = report.principals;
    // ops (1) + tier-0 db admin (100 × 3) + tier-2 model invoked in prod (15 × 0.5)
    expect(bot?.score).toBe(307.5);
    expect(bot?.breakdown.map((f) => f.label)).toEqual(['tier 2 model, invoke in prod', 'tier 0 resource, admin']);
    expect(bot?.actsAs.map((x) => x.id)).toEqual(['ops']);
    expect(bot?.reached.map((r) => [r.tier, r.effect, r.actions, r.target.id, r.path.edges.map((x) => `${x.kind} ${x.qualifier ?? ''}`.trim())])).toEqual([
      [0, 'access', ['read', 'admin'], 'db', ['CAN_ASSUME', 'CAN_ACCESS admin']],
      [2, 'access', ['admin'], 'logs', ['CAN_ASSUME', 'CAN_ACCESS admin']],
      [2, 'invoke', ['prod'], 'llm', ['CAN_ASSUME', 'CAN_INVOKE prod']],
      [undefined, 'access', ['write'], 'wiki', ['CAN_ACCESS write']],
    ]);
  });

  it('a selector that matches nothing is NotFoundError', () => {
    expect(() => blastOf(loaded, 'kind:Human', { at: AT })).toThrow(NotFoundError);
  });
});
