// Per edge kind, one positive and one negative fixture (KubeHound-style control) loaded through the real
// pipeline (CSV ingest → graph → compact graph at a fixed instant → engine, and findings where they apply),
// checked against exact expectations worked out from docs/edges.md § Path semantics.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeLoaded } from '../../src/analysis/analyze.js';
import { loadGraph, type LoadedGraph } from '../../src/analysis/load.js';
import { enumeratePaths, reach, toCompact, type Capability, type CompactGraph, type EnginePath } from '../../src/engine/index.js';
import { EDGE_KINDS, type EdgeKind } from '../../src/model/index.js';
import { EDGE_FIXTURES, type FixtureExpectation } from './edge-expectations.js';

const ROOT = 'test/fixtures/edges';
const AT = new Date('2026-11-25T00:00:00Z');
const VARIANTS = ['positive', 'negative'] as const;

const fixtureDir = (kind: string, variant: string): string => path.join(ROOT, kind, variant);

/** `effect target action` of a capability. */
function capLabel(cg: CompactGraph, c: Capability): string {
  return `${c.effect} ${cg.ids[c.target] as string} ${c.action}`;
}

/** A path drawn as `a -KIND-> b -KIND-> c`. */
function drawPath(cg: CompactGraph, p: EnginePath): string {
  return p.nodes.map((n, i) => {
    const slot = p.edges[i];
    const id = cg.ids[n] as string;
    return slot === undefined ? id : `${id} -${EDGE_KINDS[cg.edgeKind[slot] as number] as string}->`;
  }).join(' ');
}

function nodeIndex(cg: CompactGraph, id: string): number {
  const i = cg.indexOf.get(id);
  if (i === undefined) throw new Error(`fixture has no node ${id}`);
  return i;
}

/** Every simple path from `from` ending with the capability `cap` (`effect target action`). */
function pathsTo(cg: CompactGraph, from: string, cap: string): string[] {
  const [effect, target = '', action] = cap.split(' ');
  const { paths, truncated } = enumeratePaths(cg, {
    source: nodeIndex(cg, from), target: nodeIndex(cg, target),
    filter: (c) => c.effect === effect && c.action === action,
  });
  expect(truncated).toBe(false);
  return paths.map((p) => drawPath(cg, p));
}

describe('edge fixtures registry', () => {
  it('has a fixture folder for every edge kind and none for anything else', () => {
    expect(readdirSync(ROOT).sort()).toEqual([...EDGE_KINDS].sort());
    expect(Object.keys(EDGE_FIXTURES).sort()).toEqual([...EDGE_KINDS].sort());
  });

  it.each(EDGE_KINDS)('%s has a positive and a negative fixture, each with a one-line README', (kind) => {
    expect(readdirSync(path.join(ROOT, kind)).sort()).toEqual(['negative', 'positive']);
    for (const variant of VARIANTS) {
      const readme = path.join(fixtureDir(kind, variant), 'README.md');
      expect(existsSync(readme), readme).toBe(true);
      expect(readFileSync(readme, 'utf8').trim().split('\n'), readme).toHaveLength(1);
    }
  });
});

describe.each(EDGE_KINDS)('edge kind %s', (kind: EdgeKind) => {
  describe.each(VARIANTS)('%s fixture', (variant) => {
    const expected: FixtureExpectation = EDGE_FIXTURES[kind][variant];
    let loaded: LoadedGraph;
    let cg: CompactGraph;

    beforeAll(async () => {
      loaded = await loadGraph(fixtureDir(kind, variant));
      cg = toCompact(loaded.graph, { at: AT });
    });

    it('loads with no diagnostic (no error, not even a warning)', () => {
      expect(loaded.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`)).toEqual([]);
    });

    it.each(Object.keys(expected.reach))('from %s reaches exactly the expected nodes and capabilities', (source) => {
      const r = reach(cg, nodeIndex(cg, source));
      const caps = [...new Set(r.capabilities.map((c) => capLabel(cg, c)))].sort();
      expect({ actAs: r.actAs.map((i) => cg.ids[i]).sort(), caps }).toEqual(expected.reach[source]);
    });

    it.each(expected.paths.map((p) => [`${p.from} → ${p.cap}`, p] as const))('paths %s are exactly the expected ones', (_label, p) => {
      expect(pathsTo(cg, p.from, p.cap)).toEqual(p.paths);
    });

    if (variant === 'positive') {
      it(`shows ${kind} at work: every expected path exists and crosses a ${kind} edge`, () => {
        const drawn = expected.paths.flatMap((p) => p.paths);
        expect(drawn.length).toBeGreaterThan(0);
        for (const p of drawn) expect(p, p).toContain(` -${kind}-> `);
      });
    }

    if (expected.findings !== undefined) {
      it('yields exactly the expected findings', async () => {
        const result = await analyzeLoaded(loaded, { at: AT, exceptions: false });
        expect(result.findings.map((f) => `${f.rule} ${f.source.id} ${f.target.id}`).sort()).toEqual(expected.findings);
      });
    }
  });
});
