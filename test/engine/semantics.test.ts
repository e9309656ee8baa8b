// Hand-built graphs with known answers for each path rule: time validity, delegation scopes, dataset and
// pipeline indirection, SoD, sensitive reach, blast radius, and errors for bad arguments.
import { describe, expect, it } from 'vitest';
import {
  blastRadius, enumeratePaths, reach, sensitiveReach, separationOfDuties, toCompact, type CompactGraph, type EnginePath,
} from '../../src/engine/index.js';
import { EngineError } from '../../src/model/index.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-11-25T00:00:00Z');
const ids = (cg: CompactGraph, p: EnginePath | undefined): string[] => (p ? p.nodes.map((i) => cg.ids[i] as string) : []);
const ix = (cg: CompactGraph, id: string): number => cg.indexOf.get(id) as number;

/** agent -HAS_CREDENTIAL-> key -AUTHENTICATES_AS-> sa -CAN_ALTER deploy/CAN_INVOKE prod-> model; sa -CAN_ACCESS admin-> db. */
function chain(keyProps: Record<string, string> = {}, grantProps: Record<string, string> = {}) {
  return graphOf(
    [n('AIAgent', 'agent'), n('APIKey', 'key', keyProps), n('ServiceAccount', 'sa'), n('Model', 'model', { tier: 0 }), n('Resource', 'db', { tier: 0 })],
    [
      e('HAS_CREDENTIAL', 'agent', 'key', grantProps), e('AUTHENTICATES_AS', 'key', 'sa'),
      e('CAN_ALTER', 'sa', 'model', { action: 'deploy' }), e('CAN_INVOKE', 'sa', 'model', { environment: 'prod' }),
      e('CAN_ACCESS', 'sa', 'db', { action: 'admin' }),
    ],
  );
}

describe('time validity', () => {
  it('an expired credential cuts every path through it, and counts again before its expiry', () => {
    const graph = chain({ expires_at: '2026-01-01T00:00:00Z' });
    const now = toCompact(graph, { at: AT });
    expect(reach(now, ix(now, 'agent')).actAs.map((i) => now.ids[i])).toEqual(['agent']);
    expect(separationOfDuties(now).map((r) => now.ids[r.source])).toEqual(['sa']);
    const before = toCompact(graph, { at: new Date('2025-06-01T00:00:00Z') });
    expect(separationOfDuties(before).map((r) => before.ids[r.source])).toEqual(['agent', 'key', 'sa']);
  });

  it('revoked credentials and expired or not-yet-valid grants are absent', () => {
    expect(reach(toCompact(chain({ status: 'revoked' }), { at: AT }), 0).actAs).toHaveLength(1);
    const expiredGrant = toCompact(chain({}, { expires_at: '2026-11-24T23:59:59Z' }), { at: AT });
    expect(reach(expiredGrant, ix(expiredGrant, 'agent')).actAs).toEqual([ix(expiredGrant, 'agent')]);
    const future = toCompact(chain({}, { created_at: '2027-01-01' }), { at: AT });
    expect(reach(future, ix(future, 'agent')).actAs).toEqual([ix(future, 'agent')]);
    const valid = toCompact(chain({ expires_at: '2026-11-25T00:00:01Z' }), { at: AT });
    expect(reach(valid, ix(valid, 'agent')).actAs.map((i) => valid.ids[i])).toEqual(['agent', 'key', 'sa']);
  });
});

describe('delegation scopes', () => {
  const delegated = (scopes: string[]) => graphOf(
    [n('OAuthApp', 'app'), n('Human', 'alice'), n('Role', 'admin'), n('Resource', 'db', { tier: 0 }), n('Model', 'm'),
      n('Token', 'tok'), n('Resource', 'wiki', { tier: 3 })],
    [
      e('DELEGATED', 'app', 'alice', { scopes }), e('MEMBER_OF', 'alice', 'admin'),
      e('CAN_ACCESS', 'admin', 'db', { action: 'admin' }), e('CAN_ACCESS', 'alice', 'wiki', { action: 'read' }),
      e('CAN_INVOKE', 'alice', 'm', { environment: 'prod' }),
      e('CAN_READ_SECRET', 'alice', 'tok', { scope: 'vault.read' }), e('AUTHENTICATES_AS', 'tok', 'alice'),
    ],
  );
  const caps = (scopes: string[]) => {
    const cg = toCompact(delegated(scopes), { at: AT });
    return reach(cg, ix(cg, 'app')).capabilities.map((c) => `${c.effect} ${cg.ids[c.target]} ${c.action}`).sort();
  };

  it('narrow scopes allow only matching edges; membership survives delegation', () => {
    expect(caps(['access:read'])).toEqual(['access wiki read']);
    expect(caps(['invoke'])).toEqual(['invoke m prod']);
  });

  it('globs and empty scopes widen it', () => {
    expect(caps(['access:*'])).toEqual(['access db admin', 'access wiki read']);
    expect(caps([])).toEqual(['access db admin', 'access wiki read', 'invoke m prod']);
  });

  it('a credential read under delegation lifts the restriction (the path revisits no node)', () => {
    const cg = toCompact(delegated(['vault.read']), { at: AT });
    const r = reach(cg, ix(cg, 'app'));
    expect(r.actAs.map((i) => cg.ids[i]).sort()).toEqual(['admin', 'alice', 'app', 'tok']);
    // alice is already on the path app → alice → tok, so tok → alice is not a simple continuation: nothing more.
    expect(r.capabilities).toEqual([]);
  });
});

describe('dataset and pipeline indirection', () => {
  const graph = graphOf(
    [n('ServiceAccount', 'etl'), n('Dataset', 'ds'), n('Pipeline', 'train'), n('ServiceAccount', 'runner'), n('Model', 'm'), n('Human', 'dev')],
    [
      e('CAN_ALTER', 'etl', 'ds', { action: 'write_training_data' }), e('TRAINS', 'ds', 'm'),
      e('CAN_ALTER', 'dev', 'train', { action: 'configure' }), e('DEPLOYS', 'train', 'm'), e('RUNS_AS', 'train', 'runner'),
      e('CAN_INVOKE', 'runner', 'm', { environment: 'prod' }), e('CAN_INVOKE', 'etl', 'm', { environment: 'staging' }),
    ],
  );
  const cg = toCompact(graph, { at: AT });

  it('writing a dataset that trains a model alters the model', () => {
    const r = reach(cg, ix(cg, 'etl'));
    expect(r.capabilities.map((c) => `${c.effect} ${cg.ids[c.target]} ${c.action}`)).toEqual(['alter m write_training_data', 'invoke m staging']);
    expect(ids(cg, r.shortest(ix(cg, 'm'), (c) => c.effect === 'alter'))).toEqual(['etl', 'ds', 'm']);
  });

  it('changing a pipeline alters what it deploys and runs code as it (pipeline takeover → SoD)', () => {
    const sod = separationOfDuties(cg);
    expect(sod.map((r) => `${cg.ids[r.source]} ${cg.ids[r.model]}`)).toEqual(['dev m']);
    const [r] = sod;
    expect(ids(cg, r?.shortestAlter)).toEqual(['dev', 'train', 'm']);
    expect(ids(cg, r?.shortestInvoke)).toEqual(['dev', 'train', 'runner', 'm']);
    // staging invoke does not count as consuming in production
    expect(sod.some((x) => cg.ids[x.source] === 'etl')).toBe(false);
  });

  it('a pipeline acting on its own does not alter what it trains (the hop that entered it did)', () => {
    expect(reach(cg, ix(cg, 'train')).capabilities.map((c) => c.effect)).toEqual(['invoke']);
  });
});

describe('findings inputs', () => {
  it('sensitive reach lists resources at or above the tier threshold with actions weakest first', () => {
    const graph = graphOf(
      [n('AIAgent', 'a'), n('Role', 'r'), n('Resource', 'vault', { tier: 0 }), n('Resource', 'crm', { tier: 2 })],
      [e('CAN_ASSUME', 'a', 'r'), e('CAN_ACCESS', 'r', 'vault', { action: 'admin' }), e('CAN_ACCESS', 'a', 'vault', { action: 'read' }),
        e('CAN_ACCESS', 'r', 'crm', { action: 'write' })],
    );
    const cg = toCompact(graph, { at: AT });
    const got = sensitiveReach(cg, { maxTier: 1 });
    expect(got.map((r) => [cg.ids[r.source], cg.ids[r.resource], r.tier, r.actions])).toEqual([['a', 'vault', 0, ['read', 'admin']]]);
    expect(got[0]?.paths.paths.map((p) => ids(cg, p))).toEqual([['a', 'vault'], ['a', 'r', 'vault']]);
    expect(sensitiveReach(cg, { maxTier: 2 }).map((r) => cg.ids[r.resource])).toEqual(['crm', 'vault']);
  });

  it('blast radius is the documented weighted sum', () => {
    const cg = toCompact(chain(), { at: AT });
    const b = blastRadius(cg, ix(cg, 'agent'));
    // tier-0 model altered (100 × 2) + tier-0 db admin (100 × 3); the key and sa it acts as are not scored
    expect(b.breakdown).toEqual([
      { label: 'tier 0 model, alter', count: 1, weight: 200, points: 200 },
      { label: 'tier 0 resource, admin', count: 1, weight: 300, points: 300 },
    ]);
    expect(b.score).toBe(500);
  });

  it('rejects unknown nodes and bad limits with EngineError', () => {
    const cg = toCompact(chain(), { at: AT });
    expect(() => reach(cg, 99)).toThrow(EngineError);
    expect(() => enumeratePaths(cg, { source: 0, target: 1, maxDepth: 0 })).toThrow(EngineError);
    expect(() => enumeratePaths(cg, { source: 0, target: 1, cap: 1.5 })).toThrow(EngineError);
    expect(() => toCompact(chain(), { at: new Date('nope') })).toThrow(EngineError);
  });
});

describe('large graphs', () => {
  it('a capability whose only route revisits the source pipeline is dropped, also beyond 1,024 nodes', () => {
    const filler = Array.from({ length: 1100 }, (_, i) => n('Human', `filler-${i}`));
    const graph = graphOf(
      [...filler, n('Pipeline', 'deploy'), n('Token', 'tok'), n('Human', 'dev'), n('Group', 'devs'), n('Model', 'm')],
      [
        e('HAS_CREDENTIAL', 'deploy', 'tok'), e('AUTHENTICATES_AS', 'tok', 'dev'), e('MEMBER_OF', 'dev', 'devs'),
        e('CAN_ALTER', 'devs', 'deploy', { action: 'configure' }), e('DEPLOYS', 'deploy', 'm'),
      ],
    );
    const cg = toCompact(graph, { at: AT });
    expect(reach(cg, ix(cg, 'deploy')).capabilities).toEqual([]);
    expect(reach(cg, ix(cg, 'dev')).capabilities.map((c) => `${c.effect} ${cg.ids[c.target]} ${c.action}`)).toEqual(['alter m deploy']);
  });
});

describe('deadline', () => {
  it('stops enumeration when the deadline has passed, keeping what was found and saying so', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `r${i}`);
    const graph = graphOf(
      [n('AIAgent', 'a'), ...ids.map((id) => n('Role', id)), n('Resource', 'db', { tier: 0 })],
      [...ids.map((id) => e('CAN_ASSUME', 'a', id)), ...ids.flatMap((x) => ids.filter((y) => y !== x).map((y) => e('CAN_ASSUME', x, y))),
        ...ids.map((id) => e('CAN_ACCESS', id, 'db', { action: 'read' }))],
    );
    const cg = toCompact(graph, { at: AT });
    const base = { source: ix(cg, 'a'), target: ix(cg, 'db'), maxDepth: 12, cap: 10_000_000 };
    const late = enumeratePaths(cg, { ...base, deadline: Date.now() - 1 });
    expect([late.timedOut, late.truncated]).toEqual([true, true]);
    expect(late.paths.length).toBeLessThan(1024 * 12);
    const small = enumeratePaths(cg, { ...base, maxDepth: 2, deadline: Date.now() + 60_000 });
    expect([small.timedOut, small.truncated, small.paths.length]).toEqual([undefined, false, 12]);
  });
});
