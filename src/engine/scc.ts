// Strongly connected components of the act-as graph (the slots `isStep` accepts), iteratively (Tarjan, no
// recursion, so million-node graphs do not overflow the stack). The basis of all-sources reachability on the
// condensation (issue #5): every node of a component reaches what the component reaches.
import type { CompactGraph } from './compact.js';
import { isStep } from './hops.js';

export interface SccResult {
  /** Component of each node; components are numbered in reverse topological order (sinks first). */
  readonly component: Int32Array;
  readonly count: number;
}

/**
 * The strongly connected components of the act-as graph of `cg` (inactive nodes form singleton components).
 * `step` chooses which slots count as edges (default: every act-as step).
 */
export function actAsComponents(cg: CompactGraph, step: (cg: CompactGraph, slot: number) => boolean = isStep): SccResult {
  const n = cg.order;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callSlot = new Uint32Array(n);
  let sp = 0;
  let counter = 0;
  let count = 0;
  // NOTE: (callNode, callSlot) is the explicit DFS call stack; callSlot is the next slot to look at.
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callSlot[0] = cg.starts[root] as number;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const u = callNode[depth] as number;
      const end = cg.starts[u + 1] as number;
      let slot = callSlot[depth] as number;
      let descended = false;
      for (; slot < end; slot++) {
        if (!step(cg, slot)) continue;
        const v = cg.targets[slot] as number;
        if (index[v] === -1) {
          callSlot[depth] = slot + 1;
          depth++;
          callNode[depth] = v;
          callSlot[depth] = cg.starts[v] as number;
          index[v] = low[v] = counter++;
          stack[sp++] = v;
          onStack[v] = 1;
          descended = true;
          break;
        }
        if (onStack[v] === 1 && (index[v] as number) < (low[u] as number)) low[u] = index[v] as number;
      }
      if (descended) continue;
      if (low[u] === index[u]) {
        let w: number;
        do {
          w = stack[--sp] as number;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== u);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth] as number;
        if ((low[u] as number) < (low[parent] as number)) low[parent] = low[u] as number;
      }
    }
  }
  return { component, count };
}
