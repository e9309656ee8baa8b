// src/report/picture/model.ts (the web view's and the HTML report's picture model): paths merged into one picture
// (deduplicated, capped by whole paths) and the edges a revocation plan cuts.
import { describe, expect, it } from 'vitest';
import { cutsOf, edgeKey, edgeLabel, foldLeaves, mergePaths, type NodeRef, type PathLike } from '../../src/report/picture/model.js';

const node = (id: string): NodeRef => ({ id, kind: 'ServiceAccount', name: id, label: `sa:${id}` });
/** A path through the given ids, CAN_ASSUME between each pair (CAN_ACCESS read into the last when `access`). */
function path(ids: string[], access = false): PathLike {
  return {
    nodes: ids.map(node),
    edges: ids.slice(1).map((to, i) => (access && i === ids.length - 2
      ? { kind: 'CAN_ACCESS', from: ids[i] as string, to, qualifier: 'read' }
      : { kind: 'CAN_ASSUME', from: ids[i] as string, to })),
  };
}

describe('mergePaths', () => {
  it('merges nodes and edges of every path once, in order', () => {
    const g = mergePaths([path(['a', 'b', 'c'], true), path(['a', 'd', 'c'], true), path(['a', 'b', 'c'], true)]);
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(g.edges.map((e) => e.label)).toEqual(['CAN_ASSUME', 'CAN_ACCESS read', 'CAN_ASSUME', 'CAN_ACCESS read']);
    expect(g.edges.map((e) => e.key)).toEqual(['CAN_ASSUME|a|b|', 'CAN_ACCESS|b|c|read', 'CAN_ASSUME|a|d|', 'CAN_ACCESS|d|c|read']);
    expect([g.paths, g.drawnPaths]).toEqual([3, 3]);
  });

  it('stops at the first whole path that would pass the node cap (the first path is always drawn)', () => {
    const paths = [path(['a', 'b', 'c']), path(['a', 'x', 'y', 'c']), path(['a', 'b', 'z'])];
    const g = mergePaths(paths, undefined, 4);
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect([g.paths, g.drawnPaths]).toEqual([3, 1]);
    expect(mergePaths([path(['a', 'b', 'c', 'd', 'e'])], undefined, 2).nodes).toHaveLength(5);
  });

  it('marks the edges a plan cuts: named edges, and every edge leaving a revoked credential', () => {
    const cuts = cutsOf([
      { edge: { kind: 'CAN_ASSUME', from: 'b', to: 'c' } },
      { node: node('d') },
      { node: node('not-drawn') },
    ]);
    const g = mergePaths([path(['a', 'b', 'c']), path(['a', 'd', 'c'])], cuts, undefined, [{ nodes: [node('h'), node('d')], edges: [{ kind: 'HAS_CREDENTIAL', from: 'h', to: 'd' }] }]);
    expect(g.edges.filter((e) => e.cut).map((e) => e.key)).toEqual(['CAN_ASSUME|b|c|', 'CAN_ASSUME|d|c|']);
    expect([...g.revoked]).toEqual(['d']);
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd', 'h']);
  });

  it('labels and keys edges by kind and qualifier', () => {
    expect(edgeLabel({ kind: 'CAN_INVOKE', from: 'a', to: 'b', qualifier: 'prod' })).toBe('CAN_INVOKE prod');
    expect(edgeKey({ kind: 'CAN_INVOKE', from: 'a', to: 'b' })).toBe('CAN_INVOKE|a|b|');
  });
});

describe('foldLeaves', () => {
  const fan = (count: number): PathLike[] => Array.from({ length: count }, (_, i) => path(['a', 'r', `x${i}`], true));

  it('folds the leaves of one fan past MAX_FANOUT - 1 into one "+N more" node', () => {
    const g = mergePaths(fan(12));
    expect(g.nodes.map((x) => x.label)).toEqual(['sa:a', 'sa:r', ...[0, 1, 2, 3, 4, 5, 6].map((i) => `sa:x${i}`), '+5 more ServiceAccount']);
    expect(g.edges).toHaveLength(1 + 8);
    expect(foldLeaves(fan(8))).toEqual(fan(8));
  });

  it('never folds a leaf whose edge a plan cuts, nor a node with edges out', () => {
    const cuts = cutsOf([{ edge: { kind: 'CAN_ACCESS', from: 'r', to: 'x11', qualifier: 'read' } }]);
    const g = mergePaths([...fan(12), path(['a', 'r', 'x0', 'y'])], cuts);
    const ids = g.nodes.map((x) => x.id);
    expect(ids).toContain('x11');
    expect(ids).toContain('x0');
    // NOTE: x1…x10 are foldable (x0 leads on, x11 is cut): 7 drawn, 3 folded.
    expect(g.nodes.find((x) => x.id.endsWith('|+'))?.label).toBe('+3 more ServiceAccount');
  });
});
