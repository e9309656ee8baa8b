// `scope --exposed`: every credential a secret scanner found leaked, scoped as one compromise with one combined
// revocation plan (a multi-source cut); on a hand-built graph and on a JSON graph + MCP config + gitleaks report.
import { describe, expect, it } from 'vitest';
import { loadGraph, type LoadedGraph } from '../../src/analysis/load.js';
import { EXPOSED_SELECTOR, exposedCredentials, scopeExposed, scopeOf, type ScopeReport } from '../../src/analysis/scope.js';
import { NotFoundError } from '../../src/model/index.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T12:00:00Z');
const ids = (refs: readonly { id: string }[]): string[] => refs.map((r) => r.id);
const items = (r: ScopeReport): [string, number][] => r.plan.items.map((x) => [x.action, x.cost]);
const leaked = { exposed: true, exposed_in: ['app/.env:1'] };

// Two leaked keys log in as two readers; each reader reads the same three keys of `ops`, which assumes `admin`
// (tier-0 db). `quiet` is a key nobody leaked.
const graph = graphOf(
  [
    n('APIKey', 'L1', leaked), n('APIKey', 'L2', leaked), n('APIKey', 'quiet'), n('ServiceAccount', 'r1'), n('ServiceAccount', 'r2'),
    n('Secret', 'k2'), n('Secret', 'k3'), n('Secret', 'k4'), n('ServiceAccount', 'ops'), n('Role', 'admin'), n('Resource', 'db', { tier: 0 }),
    n('ServiceAccount', 'exposed-but-identity', { exposed: true }),
  ],
  [
    e('AUTHENTICATES_AS', 'L1', 'r1'), e('AUTHENTICATES_AS', 'L2', 'r2'),
    ...['k2', 'k3', 'k4'].flatMap((k) => [e('CAN_READ_SECRET', 'r1', k), e('CAN_READ_SECRET', 'r2', k), e('AUTHENTICATES_AS', k, 'ops')]),
    e('CAN_ASSUME', 'ops', 'admin'), e('CAN_ACCESS', 'admin', 'db', { action: 'admin' }),
  ],
);
const loaded: LoadedGraph = { dir: 'test', graph, files: [], diagnostics: [] };

describe('scopeExposed on a hand-built graph', () => {
  const r = scopeExposed(loaded, { at: AT });

  it('selects exposed credentials only (not an identity marked exposed, not an unexposed key)', () => {
    expect(exposedCredentials(graph)).toEqual(['L1', 'L2']);
    expect([r.selector, r.matched, ids(r.nodes.map((x) => x.source))]).toEqual([EXPOSED_SELECTOR, 2, ['L1', 'L2']]);
  });

  it('one plan for both: revoke both leaks and cut the shared binding once', () => {
    expect(items(r)).toEqual([
      ['revoke key:L1', 1], ['revoke key:L2', 1],
      ['remove the principal from the trust policy: sa:ops -[CAN_ASSUME]-> role:admin', 5],
    ]);
    expect([r.plan.cost, r.plan.exact, ids(r.plan.exposed), ids(r.plan.targets)]).toEqual([7, true, ['k2', 'k3', 'k4'], ['db']]);
    expect(r.residual.clear).toBe(true);
  });

  it('costs less than two separate plans, each of which pays for the binding and counts the other leak as relying on it', () => {
    const one = scopeOf(loaded, 'L1', { at: AT });
    expect(one.plan.items.map((x) => [x.action, x.cost, ids(x.relying)])).toEqual([
      ['revoke key:L1', 1, []], ['remove the principal from the trust policy: sa:ops -[CAN_ASSUME]-> role:admin', 7, ['L2', 'r2']],
    ]);
    expect([one.plan.cost + scopeOf(loaded, 'L2', { at: AT }).plan.cost, r.plan.cost]).toEqual([16, 7]);
  });

  it('each scoped leak carries the exposed risk factor', () => {
    expect(r.nodes.map((x) => x.risks.find((f) => f.name === 'exposed')?.detail)).toEqual(['was found leaked at app/.env:1', 'was found leaked at app/.env:1']);
  });

  it('nothing exposed is NotFoundError', () => {
    const clean: LoadedGraph = { ...loaded, graph: graphOf([n('APIKey', 'quiet')], []) };
    expect(() => scopeExposed(clean, { at: AT })).toThrow(NotFoundError);
  });
});

describe('scopeExposed on a JSON graph, an MCP config and a gitleaks report', () => {
  it('the leaked AWS key (by key id), the GitHub token in two places (by fingerprint) and the unmatched Google key: one plan', async () => {
    const r = scopeExposed(await loadGraph('test/fixtures/secret-scanners/join'), { at: AT });
    expect(ids(r.nodes.map((x) => x.source))).toEqual([
      'acme/key/aws-ci', 'acme/token/gh-release', 'leak/sha256:f9cebe22015dde27', 'mcp/secret/sha256:77abdeb0cde9dcf1',
    ]);
    expect(items(r)).toEqual([
      ['revoke key:aws-ci', 1], ['revoke token:gh-release', 1],
      ['revoke key:leaked Google API key sha256:f9cebe22015dde27', 1], ['revoke token:GitHub token sha256:77abdeb0cde9dcf1', 1],
    ]);
    expect([r.plan.cost, ids(r.plan.targets), r.residual.clear]).toEqual([4, ['acme/res/artifacts', 'acme/res/payments-db'], true]);
  });
});
