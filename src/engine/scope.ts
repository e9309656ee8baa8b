// Delegation contexts: the scope sets of the restricting DELEGATED grants a path has taken so far.
// Contexts and "is this edge allowed here" answers are interned/memoised so the traversal compares integers.
import type { CompactGraph } from './compact.js';
import { FREE_UNDER_SCOPE } from './kinds.js';

/** Context id of the unrestricted context (no restricting grant on the path, or a credential was entered). */
export const UNRESTRICTED = 0;

/** True when a granted scope pattern matches a scope key: exact, or a glob where `*` is any run of characters. */
export function scopeMatches(pattern: string, key: string): boolean {
  if (pattern === key || pattern === '*') return true;
  if (!pattern.includes('*')) return false;
  const parts = pattern.split('*');
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (!key.startsWith(first) || key.length < first.length + last.length || !key.endsWith(last)) return false;
  let at = first.length;
  const end = key.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const found = key.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** Interned sets of small integers, each kept sorted; id 0 is the empty set. */
export class IntSets {
  private readonly sets: (readonly number[])[] = [[]];
  private readonly ids = new Map<string, number>([['', 0]]);

  /** Number of sets interned so far. */
  get count(): number {
    return this.sets.length;
  }

  get(id: number): readonly number[] {
    return this.sets[id] as readonly number[];
  }

  private readonly added = new Map<number, number>();

  /** The set `id` plus `value` (memoised: searches ask the same question for every state). */
  add(id: number, value: number): number {
    // NOTE: ids and values stay far below 2^26, so the key is exact.
    const memo = id * 67_108_864 + value;
    let out = this.added.get(memo);
    if (out === undefined) {
      out = this.intern(id, value);
      this.added.set(memo, out);
    }
    return out;
  }

  private intern(id: number, value: number): number {
    const current = this.get(id);
    if (current.includes(value)) return id;
    const next = [...current, value].sort((a, b) => a - b);
    const key = next.join(',');
    let out = this.ids.get(key);
    if (out === undefined) {
      out = this.sets.length;
      this.sets.push(next);
      this.ids.set(key, out);
    }
    return out;
  }

  /** True when set `a` is a subset of set `b`. */
  subset(a: number, b: number): boolean {
    if (a === b || a === 0) return true;
    const sb = this.get(b);
    return this.get(a).every((x) => sb.includes(x));
  }
}

/**
 * The delegation contexts met while traversing one compact graph. A context is a sorted set of indices into
 * `cg.scopeSets`; id 0 is the empty (unrestricted) context.
 */
export class DelegationScopes {
  private readonly contexts = new IntSets();
  private readonly allowedMemo = new Map<number, boolean>();

  constructor(private readonly cg: CompactGraph) {}

  /** Number of contexts interned so far. */
  get count(): number {
    return this.contexts.count;
  }

  /** The context after taking a DELEGATED slot with scope set `set` (-1 = unrestricted grant: unchanged). */
  push(context: number, set: number): number {
    return set < 0 ? context : this.contexts.add(context, set);
  }

  /** True when context `a` is a subset of context `b` (a is at most as restrictive as b). */
  subset(a: number, b: number): boolean {
    return this.contexts.subset(a, b);
  }

  /** True when slot `slot` may be taken under `context` (see docs/edges.md "Delegation scopes"). */
  allowed(context: number, slot: number): boolean {
    if (context === UNRESTRICTED) return true;
    const cg = this.cg;
    if (FREE_UNDER_SCOPE[cg.edgeKind[slot] as number] === 1) return true;
    const scope = cg.edgeScope[slot] as number;
    if (scope === 0) return false;
    // NOTE: contexts stay far below 2^22, so the pair packs into one exact double.
    const memoKey = scope * 4_194_304 + context;
    let ok = this.allowedMemo.get(memoKey);
    if (ok === undefined) {
      const key = cg.scopeNames[scope] as string;
      ok = this.contexts.get(context).every((set) =>
        (cg.scopeSets[set] as readonly string[]).some((pattern) => scopeMatches(pattern, key)));
      this.allowedMemo.set(memoKey, ok);
    }
    return ok;
  }
}
