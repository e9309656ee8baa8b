// Rule leaked-alter: an exposed credential that can alter a model is a finding of its own (critical, ranked with
// the exposed ones), unless the pair is already a separation-of-duties break; unexposed or inactive credentials,
// and identities, never give one; an accepted exception suppresses it like any finding.
import { describe, expect, it } from 'vitest';
import { toCompact } from '../../src/engine/index.js';
import { estateFindings, type Finding } from '../../src/findings/index.js';
import { graphLookup } from '../../src/graph/lookup.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');
const LEAK = { exposed: true, exposed_in: ['ci/deploy.sh:4 (commit abc)'] };

// leaked → trainer alters m-alter (through a dataset) and m-both, and invokes m-both in prod; quiet (not exposed)
// and revoked (exposed but revoked) hold the same; the trainer itself is an identity: no leaked-alter from it.
const graph = graphOf(
  [
    n('APIKey', 'leaked', LEAK), n('APIKey', 'quiet'), n('APIKey', 'revoked', { ...LEAK, status: 'revoked' }),
    n('ServiceAccount', 'trainer'), n('Dataset', 'data'), n('Model', 'm-alter', { tier: 2 }), n('Model', 'm-both', { tier: 1 }),
  ],
  [
    e('AUTHENTICATES_AS', 'leaked', 'trainer'), e('AUTHENTICATES_AS', 'quiet', 'trainer'), e('AUTHENTICATES_AS', 'revoked', 'trainer'),
    e('CAN_ALTER', 'trainer', 'data', { action: 'write_training_data' }), e('TRAINS', 'data', 'm-alter'),
    e('CAN_ALTER', 'trainer', 'm-both', { action: 'deploy' }), e('CAN_INVOKE', 'trainer', 'm-both', { environment: 'prod' }),
  ],
);
const cg = toCompact(graph, { at: AT });
const lookup = graphLookup(graph, cg);
const rows = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.rule} ${f.severity} ${f.source.id}→${f.target.id}`);

describe('leaked-alter', () => {
  const all = estateFindings(lookup, cg, { detail: Infinity });

  it('only the exposed, active credential and the model without a SoD finding of the same pair', () => {
    expect(rows(all.findings).filter((r) => r.startsWith('leaked-alter'))).toEqual(['leaked-alter critical leaked→m-alter']);
    // The pair with both powers stays a SoD finding, ranked first with it (its entry credential is exposed).
    expect(rows(all.findings).slice(0, 2).sort()).toEqual(['leaked-alter critical leaked→m-alter', 'sod-alter-invoke critical leaked→m-both']);
    expect(all.byRule['leaked-alter']).toBe(1);
  });

  it('draws the alter path through the dataset and names the fix', () => {
    const f = all.findings.find((x) => x.rule === 'leaked-alter') as Finding;
    expect(f.pathSets.map((s) => [s.label, s.actions, s.shortest.edges.map((x) => x.kind)])).toEqual([
      ['alter', ['write_training_data'], ['AUTHENTICATES_AS', 'CAN_ALTER', 'TRAINS']],
    ]);
    expect(f.remediation[0]).toBe('Revoke key:leaked now (pathwarden scope --exposed plans every leaked credential at once), then review what changed on model:m-alter since the leak.');
    expect(all.bySource.find((r) => r.node.id === 'leaked')?.findings).toBe(2);
  });

  it('an accepted exception suppresses it', () => {
    const r = estateFindings(lookup, cg, {
      detail: Infinity,
      exceptions: [{ source: 'leaked', target: 'm-alter', rule: 'leaked-alter', reason: 'rotated 2026-11-24', owner: 'secops', expires: '2027-01-01T00:00:00Z', file: 'exceptions.csv', line: 2 }],
    });
    expect(rows(r.findings).filter((x) => x.startsWith('leaked-alter'))).toEqual([]);
    expect(rows(r.suppressed)).toEqual(['leaked-alter critical leaked→m-alter']);
  });
});
