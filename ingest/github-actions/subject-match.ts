// Whether a trust's `sub` condition accepts a job's `sub` claim. Both sides may be patterns: a trust's StringLike
// value or an Entra `matches` expression (`*`, `?`), and a job's claim whose ref is decided at run time (`*`). Pure.
import { globMatch } from '../aws/policy.js';

/** A subject a trust accepts: exact (case-sensitive or not) or a glob. */
export interface TrustSubject {
  readonly pattern: string;
  readonly mode: 'exact' | 'ignore-case' | 'glob';
}

/** `yes`: every token of the claim is accepted; `maybe`: only on some refs; `no`: never. */
export type SubjectMatch = 'yes' | 'maybe' | 'no';

/** How a trust subject accepts a claim (a claim with `*` stands for every value the pattern covers). */
export function matchSubject(claim: string, trust: TrustSubject): SubjectMatch {
  const claimIsPattern = claim.includes('*');
  if (trust.mode !== 'glob') {
    const [c, t] = trust.mode === 'ignore-case' ? [claim.toLowerCase(), trust.pattern.toLowerCase()] : [claim, trust.pattern];
    if (!claimIsPattern) return c === t ? 'yes' : 'no';
    return globMatch(c, t, true) ? 'maybe' : 'no';
  }
  // NOTE: a trust glob that matches the claim pattern as text accepts every value of it (its `*` spans the claim's `*`).
  if (globMatch(trust.pattern, claim, true)) return 'yes';
  return claimIsPattern && globsIntersect(trust.pattern, claim) ? 'maybe' : 'no';
}

/** True when some string matches both globs (`*` any run, `?` one character). */
export function globsIntersect(a: string, b: string): boolean {
  const seen = new Set<number>();
  const stack: [number, number][] = [[0, 0]];
  const width = b.length + 1;
  while (stack.length > 0) {
    const [i, j] = stack.pop() as [number, number];
    if (seen.has(i * width + j)) continue;
    seen.add(i * width + j);
    if (i === a.length && j === b.length) return true;
    const x = a[i];
    const y = b[j];
    if (x === '*') stack.push([i + 1, j]);
    if (y === '*') stack.push([i, j + 1]);
    if (x === '*' && y !== undefined && y !== '*') stack.push([i, j + 1]);
    if (y === '*' && x !== undefined && x !== '*') stack.push([i + 1, j]);
    if (x !== undefined && y !== undefined && x !== '*' && y !== '*' && (x === y || x === '?' || y === '?')) stack.push([i + 1, j + 1]);
  }
  return false;
}
