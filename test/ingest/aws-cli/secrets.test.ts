// Planted secret values of the aws-cli fixtures (every aws_secret_access_key and aws_session_token holds "PLANTED")
// never reach a record, a diagnostic or the built graph: only their fingerprints do.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { buildGraph } from '../../../src/graph/build.js';

const ROOT = 'test/fixtures/aws-cli';
const DIRS = [
  ...readdirSync(`${ROOT}/cases`).map((d) => `${ROOT}/cases/${d}`),
  `${ROOT}/home`, `${ROOT}/malformed`, `${ROOT}/detect`, 'test/fixtures/cross-source/mcp-profile-sagemaker',
];

/** Every value written after a secret key in the fixture files (read from the files, so a new fixture is covered). */
function planted(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${d}/${e.name}`);
      else for (const m of readFileSync(`${d}/${e.name}`, 'utf8').matchAll(/^(?:aws_secret_access_key|aws_session_token)\s*[=:]?\s*(\S+)/gm)) out.push(m[1] as string);
    }
  };
  walk(dir);
  return out;
}

describe('aws-cli secrets', () => {
  it('the fixtures plant secrets (this test would otherwise check nothing)', () => {
    expect(planted(ROOT).length).toBe(10);
    for (const value of planted(ROOT)) expect(value).toContain('PLANTED');
  });

  it.each(DIRS)('%s: no planted value in any record, diagnostic or the graph', async (dir) => {
    const records = await loadDirectory(dir);
    const built = buildGraph(records);
    const text = JSON.stringify([records, built.diagnostics, built.graph.export()]);
    for (const secret of planted(dir)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/PLANTED/i);
  });
});
