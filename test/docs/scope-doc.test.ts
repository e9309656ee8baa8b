// docs/scope.md states the revocation costs in tables; this keeps them equal to src/engine/revocation-costs.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_REVOKE_COSTS, EDGE_CUT_COSTS } from '../../src/engine/revocation-costs.js';

const doc = readFileSync('docs/scope.md', 'utf8');
const rows = doc.split('\n').filter((l) => l.startsWith('|')).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));

describe('docs/scope.md matches the cost table', () => {
  it.each(Object.entries(EDGE_CUT_COSTS))('%s', (kind, spec) => {
    const row = rows.find((r) => r[0] === `\`${kind}\``);
    expect(row?.[1]).toBe(spec.base === null ? 'never' : String(spec.base));
    expect(row?.[2]).toBe(spec.base === null ? '—' : spec.perRelying ? 'yes' : 'no');
  });

  it('credential revocation costs', () => {
    expect(rows.find((r) => r[0] === 'the leaked credential itself')?.[1]).toBe(String(CREDENTIAL_REVOKE_COSTS.source));
    expect(rows.find((r) => r[0] === 'an exposed credential (revoke and rotate)')?.[1])
      .toBe(`${CREDENTIAL_REVOKE_COSTS.base}, +${CREDENTIAL_REVOKE_COSTS.perRelying} per relying`);
  });
});
