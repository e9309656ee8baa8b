// Planted secret values of the mcp fixtures never reach a record, a diagnostic or the built graph: only fingerprints.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { fingerprint } from '../../../ingest/secrets.js';
import { buildGraph } from '../../../src/graph/build.js';

/** Every fake secret written into test/fixtures/mcp. */
const PLANTED = [
  'ghp_PLANTEDplantedPLANTEDplanted0123456', 'sk-PLANTEDopenaiKEY0123456789abcdef', 'AKIAPLANTED000000001',
  'PlantedPassw0rd!', 'xoxb-1234567890-PLANTEDdisabledSlack', 'xoxb-1234567890-PLANTEDurlSlack',
  'sk-ant-api03-PLANTEDanthropic0123456789',
  'ghp_PLANTEDclaudeUSERtoken0123456789ab', 'PlantedPgPassw0rd!', 'AIzaPLANTEDgeminiKey0123456789abcdefghi',
  'not-read-this-is-not-an-mcp-config', 'lin_api_PLANTEDzedLinearKey0123456789', 'ghp_PLANTEDgooseTOKEN0123456789abcdef',
  'xoxb-1234567890-PLANTEDgooseDisabled', 'PlantedSseKey42', 'BSAPLANTEDbraveKey0123456789',
  'ghp_PLANTEDcodexTOKEN0123456789abcdefgh', 'PlantedCodexHeaderKey9', 'xoxb-1234567890-PLANTEDcodexDisabled',
  'ghp_PLANTEDmalformedTOML0123456789abcd', 'ghp_PLANTEDcontinueBlock0123456789abcd',
];
const DIRS = [
  ...readdirSync('test/fixtures/mcp/cases').map((d) => `test/fixtures/mcp/cases/${d}`),
  'test/fixtures/mcp/malformed', 'test/fixtures/mcp/detect', 'test/fixtures/mcp/malformed-yaml', 'test/fixtures/mcp/malformed-toml',
];

describe('mcp secrets', () => {
  it.each(DIRS)('%s: no planted value in any record, diagnostic or graph problem; the graph builds without errors', async (dir) => {
    const records = await loadDirectory(dir);
    const built = buildGraph(records);
    const text = JSON.stringify([records, built.diagnostics, built.graph.export()]);
    for (const secret of PLANTED) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/PLANTED/i);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the fingerprints of the planted secrets that are live are in the graph', async () => {
    const records = await loadDirectory('test/fixtures/mcp/cases/real-secret');
    const found = new Set(records.nodes.map((n) => n.properties['fingerprint']).filter((f) => f !== undefined));
    expect(found).toEqual(new Set(['ghp_PLANTEDplantedPLANTEDplanted0123456', 'sk-PLANTEDopenaiKEY0123456789abcdef', 'AKIAPLANTED000000001', 'PlantedPassw0rd!'].map(fingerprint)));
  });
});
