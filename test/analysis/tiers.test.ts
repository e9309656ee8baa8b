// tiers.csv: the tier of the resources and models a selector matches, set at load on both the graph path and the
// compact path; rows matching nothing are warnings; a bad file stops with file, line and field.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, analyzeInventory } from '../../src/analysis/analyze.js';
import { readTiers } from '../../src/analysis/tiers.js';
import { InputError } from '../../src/model/index.js';

const ENDPOINT = 'aws/model/arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scoring';
const AT = new Date('2026-11-25T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'pw-tiers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync('test/fixtures/cross-source/ci-oidc-sagemaker', dir, { recursive: true });

function tiers(text: string): string {
  const file = join(dir, 'tiers.csv');
  writeFileSync(file, text);
  return file;
}

describe('tiers.csv', () => {
  it('sets the tier of matched models and resources on both load paths, and warns about rows that match nothing', async () => {
    const before = await analyzeDirectory(dir, { at: AT, exceptions: false });
    expect(before.findings.filter((f) => f.target.id === ENDPOINT).map((f) => f.severity)).toEqual(['high', 'high']);
    tiers(`selector,tier,reason\n${ENDPOINT},0,fraud decisions are regulated\nname:no-such-*,2,a typo\nkind:Pipeline,0,pipelines have no tier\n`);
    for (const after of [await analyzeDirectory(dir, { at: AT, exceptions: false }), await analyzeInventory(dir, { at: AT, exceptions: false })]) {
      expect(after.findings.filter((f) => f.target.id === ENDPOINT).map((f) => [f.severity, f.title.includes('tier')])).toEqual([['critical', false], ['critical', false]]);
      expect(after.findings[0]?.pathSets[0]?.paths[0]?.rank.factors.find((x) => x.name === 'target')?.detail ?? after.findings[0]?.pathSets[0]?.shortest.rank.factors.find((x) => x.name === 'target')?.detail).toBe('model tier 0');
      expect(after.diagnostics.map((d) => [d.severity, d.code, d.line, d.field, d.message])).toEqual([
        ['warning', 'unmatched-tier', 3, 'selector', '"name:no-such-*" matches no resource or model; the row changes nothing'],
        ['warning', 'unmatched-tier', 4, 'selector', '"kind:Pipeline" matches no resource or model; the row changes nothing'],
      ]);
    }
  });

  it('a bad tiers file names file, line and field', async () => {
    const cases: [string, unknown][] = [
      ['selector,tier\nx,1\n', { line: 1, field: 'reason' }],
      ['selector,tier,reason,owner\nx,1,y,z\n', { line: 1, field: 'owner' }],
      ['selector,tier,reason\nx,5,too high\n', { line: 2, field: 'tier' }],
      ['selector,tier,reason\nx,,no tier\n', { line: 2, field: 'tier' }],
      ['selector,tier,reason\nkind:Nonsense,1,bad selector\n', { line: 2, field: 'selector' }],
    ];
    for (const [text, location] of cases) {
      const file = tiers(text);
      const err = await readTiers(file).then(() => undefined, (e: unknown) => e);
      expect(err, text).toBeInstanceOf(InputError);
      expect((err as InputError).location).toEqual({ file, ...(location as object) });
    }
    await expect(analyzeInventory(dir, { at: AT })).rejects.toBeInstanceOf(InputError);
  });
});
