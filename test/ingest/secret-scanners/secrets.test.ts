// Planted secret values of the secret-scanner fixtures never reach a record, a diagnostic or the built graph:
// fingerprints only. AWS access key ids are public identifiers and are kept on purpose (key_id).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { secretScannersJoin } from '../../../ingest/secret-scanners/join.js';
import { buildGraph } from '../../../src/graph/build.js';

/** Every fake secret written into test/fixtures/secret-scanners (the AWS secret half is the AWS docs example). */
const PLANTED = [
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'ghp_PLANTEDfakeGitHubToken0123456789abcd', 'xoxb-000000000000-PLANTEDfakeSlackBotToken',
  'sk-PLANTEDfakeOpenAIkey0123456789abcdef', 'AIzaPLANTEDfakeGoogleApiKey0123456789ab',
];
const DIRS = readdirSync('test/fixtures/secret-scanners', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `test/fixtures/secret-scanners/${d.name}`);

describe('secret-scanners secrets', () => {
  it('the fixtures hold the planted values (so the test below can fail)', async () => {
    const { readFileSync } = await import('node:fs');
    const text = ['gitleaks/gitleaks-report.json', 'trufflehog/trufflehog.jsonl'].map((f) => readFileSync(`test/fixtures/secret-scanners/${f}`, 'utf8')).join('');
    for (const secret of PLANTED) expect(text).toContain(secret);
  });

  it.each(DIRS)('%s: no planted value in any record, diagnostic, join output or graph', async (dir) => {
    const records = await loadDirectory(dir);
    const joined = secretScannersJoin.resolve(records.nodes.filter((n) => secretScannersJoin.wants(n)));
    const built = buildGraph({ nodes: [...records.nodes, ...joined.nodes], edges: records.edges, diagnostics: [] });
    const text = JSON.stringify([records, joined, built.diagnostics, built.graph.export()]);
    for (const secret of PLANTED) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/PLANTED/);
  });
});
