// A Pipeline tagged `entry-point` (a GitHub job outsiders can run code as: pull_request_target or workflow_run
// with a checkout of the head) weighs ENTRY_POINT_WEIGHT times its kind, explained on the path, in the detailed
// ranking and in the witness ranking of findings beyond --detail alike; the tag means nothing on other kinds.
import { describe, expect, it } from 'vitest';
import { toCompact } from '../../src/engine/index.js';
import { ENTRY_POINT_WEIGHT, estateFindings, type Finding } from '../../src/findings/index.js';
import { graphLookup } from '../../src/graph/lookup.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');
const TAG = { tags: ['entry-point'] };
const graph = graphOf(
  [
    n('Pipeline', 'pr-build', { x_entry_point: 'pull_request_target with a checkout of the head' }, TAG), n('Pipeline', 'nightly'),
    n('AIAgent', 'bot', {}, TAG), n('ServiceAccount', 'deployer'), n('Resource', 'prod', { tier: 0 }),
  ],
  [
    e('RUNS_AS', 'pr-build', 'deployer'), e('RUNS_AS', 'nightly', 'deployer'), e('RUNS_AS', 'bot', 'deployer'),
    e('CAN_ACCESS', 'deployer', 'prod', { action: 'admin' }),
  ],
);
const cg = toCompact(graph, { at: AT });
const lookup = graphLookup(graph, cg);
const bySource = (fs: readonly Finding[]): Map<string, Finding> => new Map(fs.map((f) => [f.source.id, f]));

describe('entry-point pipelines', () => {
  const detailed = bySource(estateFindings(lookup, cg, { detail: Infinity }).findings);

  it('weigh twice their kind, with the reason on the principal factor', () => {
    const pr = detailed.get('pr-build') as Finding;
    const nightly = detailed.get('nightly') as Finding;
    expect(pr.pathSets[0]?.shortest.rank.principalWeight).toBe(ENTRY_POINT_WEIGHT);
    expect(nightly.pathSets[0]?.shortest.rank.principalWeight).toBe(1);
    expect(pr.score).toBeCloseTo(nightly.score * ENTRY_POINT_WEIGHT, 0);
    expect(pr.pathSets[0]?.shortest.rank.factors.find((f) => f.name === 'principal')?.detail)
      .toBe('Pipeline source, entry point: pull_request_target with a checkout of the head');
  });

  it('the tag on another kind changes nothing', () => {
    expect(detailed.get('bot')?.pathSets[0]?.shortest.rank.principalWeight).toBe(1.5);
  });

  it('findings beyond --detail are ranked the same from their witness paths', () => {
    const all = estateFindings(lookup, cg, { detail: 0 });
    const rest = bySource([...all.rest]);
    for (const [id, f] of detailed) expect([id, rest.get(id)?.score]).toEqual([id, f.score]);
  });
});
