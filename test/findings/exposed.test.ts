// Findings entered through an exposed credential (a secret scanner found its value) rank first: the `exposed` risk
// factor (+8, OWASP NHI2) on the path, and the order of buildFindings, estateFindings (any --detail) and sortFindings.
import { describe, expect, it } from 'vitest';
import { toCompact } from '../../src/engine/index.js';
import { buildFindings, estateFindings, isExposedFinding, sortFindings, type Finding } from '../../src/findings/index.js';
import { graphLookup } from '../../src/graph/lookup.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');

// `big` (not exposed, exploitability 2.25) administers a tier-0 database and a tier-0 vault; `leaked` (exposed) only reads a tier-1 wiki,
// so without exposure every finding of `big` outranks it.
const graph = graphOf(
  [
    n('APIKey', 'big'), n('APIKey', 'leaked', { exposed: true, exposed_in: ['app/.env:3 (commit abc)'] }),
    n('ServiceAccount', 'admin'), n('ServiceAccount', 'reader'),
    n('Resource', 'db', { tier: 0 }), n('Resource', 'vault', { tier: 0 }), n('Resource', 'wiki', { tier: 1 }),
  ],
  [
    e('AUTHENTICATES_AS', 'big', 'admin'), e('CAN_ACCESS', 'admin', 'db', { action: 'admin' }), e('CAN_ACCESS', 'admin', 'vault', { action: 'admin' }),
    e('AUTHENTICATES_AS', 'leaked', 'reader'), e('CAN_ACCESS', 'reader', 'wiki', { action: 'read' }),
  ],
);
const cg = toCompact(graph, { at: AT });
const lookup = graphLookup(graph, cg);
const order = (fs: readonly Finding[]): [string, string][] => fs.map((f) => [f.source.id, f.target.id]);

describe('exposed entry credentials', () => {
  const findings = buildFindings(lookup, cg);

  it('rank first although their score is lower', () => {
    expect(findings.map((f) => [f.source.id, f.target.id, f.score])).toEqual([
      ['leaked', 'wiki', 318], ['big', 'vault', 757.3], ['big', 'db', 757.3], ['admin', 'db', 283.4], ['admin', 'vault', 283.4], ['reader', 'wiki', 26.1],
    ]);
    const [leaked, big] = [findings.find((f) => f.source.id === 'leaked'), findings.find((f) => f.source.id === 'big')];
    expect((leaked?.score ?? 0) < (big?.score ?? 0)).toBe(true);
    expect([isExposedFinding(leaked as Finding), isExposedFinding(big as Finding)]).toEqual([true, false]);
  });

  it('carry the exposed factor with where it was found, weight 8, and OWASP NHI2', () => {
    const leaked = findings.find((f) => f.source.id === 'leaked') as Finding;
    const factors = leaked.pathSets[0]?.shortest.rank.factors.filter((x) => x.name === 'exposed');
    expect(factors).toEqual([{ name: 'exposed', detail: 'key:leaked was found leaked at app/.env:3 (commit abc)', weight: 8 }]);
    expect(leaked.pathSets[0]?.shortest.rank.exploitability).toBe(10.25);
    expect(leaked.frameworks.map((f) => f.id)).toContain('NHI2');
  });

  it('estateFindings puts them first whatever --detail enumerates', () => {
    for (const detail of [0, 1, Infinity]) {
      const estate = estateFindings(lookup, cg, { detail });
      const all = [...estate.findings, ...estate.rest];
      expect(order(all)[0]).toEqual(['leaked', 'wiki']);
    }
  });

  it('sortFindings orders by exposure before score', () => {
    const shuffled = [...findings].reverse();
    expect(order(sortFindings(shuffled))).toEqual(order(findings));
  });
});
