// The mcp ingestor on real third-party configs (../shared/realdata/mcp, see its README), as a new user would run it:
// every file is recognised by content and loads without errors, with the facts the README states.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../ingest/index.js';
import { buildGraph } from '../../../src/graph/build.js';
import type { Records } from '../../../src/model/index.js';
import { edgesOf } from '../tuples.js';

/** ../shared/realdata next to the project (CI has it), or where PATHWARDEN_REALDATA points. */
const DIR = join(process.env['PATHWARDEN_REALDATA'] ?? join('..', 'shared', 'realdata'), 'mcp');
const present = existsSync(DIR);

if (!present) console.warn(`test/ingest/mcp/realdata: skipped, ${DIR} does not exist (real configs are not part of a fresh clone)`);

describe.skipIf(!present)(`mcp on the real files in ${DIR}`, () => {
  let records: Records & { files: { file: string; source: string; rejected: number }[] };
  const held = (agent: string): Set<string> => new Set([...edgesOf(records, 'HAS_CREDENTIAL')].filter((e) => e.startsWith(`mcp/${agent}|`)).map((e) => e.split('|')[2] as string));

  it('every file is read by mcp without error diagnostics, and the graph builds without errors', async () => {
    records = await loadDirectory(DIR);
    expect(records.files.map((f) => [f.source, f.rejected])).toEqual(records.files.map(() => ['mcp', 0]));
    expect(records.files.length).toBe(4);
    expect(records.diagnostics).toEqual([]);
    expect(buildGraph(records).diagnostics).toEqual([]);
  });

  it('13 servers share AWS_PROFILE=default: one credential, one edge', () => {
    expect(edgesOf(records, 'RUNS_AS').size).toBe(4 + 13 + 1 + 3);
    expect(held('aws-samples-agentic-data-ops.mcp.json')).toEqual(new Set(['aws-profile/default']));
    const via = records.edges.find((e) => e.to === 'aws-profile/default')?.properties['via'] as string;
    expect(via.split(', ').length).toBe(13);
  });

  it('Amazon Q: the cost explorer runs with AWS_PROFILE=admin', () => {
    expect(held('awslabs-mcp-amazonq-mcp.json')).toEqual(new Set(['aws-profile/admin']));
  });

  it('EKS config: disabled servers make nothing, the write flags are on the edge, no credential', () => {
    const agent = 'mcp/csantanapr-eks-amazonq-mcp.json';
    expect([...edgesOf(records, 'RUNS_AS')].filter((e) => e.startsWith(`${agent}|`)).map((e) => e.split('/server/')[1]).sort())
      .toEqual(['awslabs.eks-mcp-server', 'awslabs.terraform-mcp-server', 'awslabsfinch-mcp-server']);
    expect(records.edges.find((e) => e.to === `${agent}/server/awslabs.eks-mcp-server`)?.properties['note'])
      .toBe('capability flags: --allow-write --allow-sensitive-data-access');
    expect(held('csantanapr-eks-amazonq-mcp.json')).toEqual(new Set());
  });

  it('Claude Desktop: ${ENV_VAR} references are credentials of that environment; ids and scopes are not', () => {
    const agent = 'mcp/Ap6pack-security-suite-claude_desktop_config.json';
    expect(held('Ap6pack-security-suite-claude_desktop_config.json')).toEqual(new Set(
      ['HIBP_API_KEY', 'VT_API_KEY', 'SHODAN_API_KEY', 'CENSYS_API_SECRET'].map((v) => `${agent}/env/${v}`),
    ));
  });
});
