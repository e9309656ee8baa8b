// docs/scoring.md states the scoring constants in tables; this keeps them equal to the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS_WEIGHTS, BLAST_MAX_TIER, DEFAULT_MODEL_TIER, MODEL_WEIGHTS, TIER_WEIGHTS } from '../../src/engine/index.js';
import { EXPLOITABILITY_WEIGHTS, STALE_AFTER_DAYS } from '../../src/findings/index.js';
import { HOP_PENALTY, PRINCIPAL_WEIGHTS } from '../../src/findings/rank.js';

const doc = readFileSync('docs/scoring.md', 'utf8');
const rows = doc.split('\n').filter((l) => l.startsWith('|')).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));

describe('docs/scoring.md matches the code', () => {
  it.each(TIER_WEIGHTS.map((w, t) => [t, w]))('tier %i weight %i', (tier, weight) => {
    expect(rows.some((r) => r[0] === String(tier) && r[2] === String(weight))).toBe(true);
  });
  it.each(Object.entries(ACCESS_WEIGHTS))('access %s weight %i', (action, weight) => {
    expect(rows.some((r) => r[0] === action && r[1] === String(weight))).toBe(true);
  });
  it.each(Object.entries(EXPLOITABILITY_WEIGHTS))('risk factor %s adds %d', (name, weight) => {
    expect(rows.some((r) => r[0] === `\`${name}\`` && r[2] === String(weight))).toBe(true);
  });
  it.each(Object.entries(PRINCIPAL_WEIGHTS))('principal %s weight %d', (kind, weight) => {
    expect(rows.some((r) => r[0] === kind && r[1] === String(weight))).toBe(true);
  });
  it('blast, model and length constants', () => {
    expect(doc).toContain(`model's tier weight × ${MODEL_WEIGHTS.alter + MODEL_WEIGHTS.invoke}`);
    expect(rows.some((r) => r[0] === `a resource of tier 0${BLAST_MAX_TIER >= 1 ? ` or ${BLAST_MAX_TIER}` : ''}`)).toBe(true);
    expect(doc).toContain(`tier weight × ${MODEL_WEIGHTS.alter}`);
    expect(doc).toContain(`tier weight × ${MODEL_WEIGHTS.invoke}`);
    expect(doc).toContain(`a model without \`tier\` counts as tier ${DEFAULT_MODEL_TIER}`);
    expect(doc).toContain(`minus ${HOP_PENALTY} per further hop`);
    expect(doc).toContain(`more than ${STALE_AFTER_DAYS} days`);
  });
});
