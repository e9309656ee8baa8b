// End to end: an Entra export alone (Graph REST JSON of service principals, applications, app role assignments,
// directory roles and grants; no inventory) → ranked sensitive-reach findings to the tenant's tier-0 Global
// Administrator (also through tenant-wide delegated consent), with the technique named on the escalation edges. The ingestor is not registered yet, so the
// directory is read through it file by file and the graph built as loadGraph would.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestEntraFile } from '../../../ingest/entra/index.js';
import { analyzeLoaded, type GraphAnalysis } from '../../../src/analysis/analyze.js';
import type { Finding } from '../../../src/findings/types.js';
import { buildGraph } from '../../../src/graph/build.js';
import { emptyRecords } from '../../../src/model/index.js';
import { ENTRA_FIXTURES, GA, T, oid } from './helpers.js';

const DIR = `${ENTRA_FIXTURES}/e2e`;
const NOW = new Date('2025-07-01T00:00:00Z');
const GA_TARGET = `${T}/tier0/directory-role/62e90394-69f5-4237-9190-012177145e10`;
const CI = oid('c1000000-0000-4000-8000-000000000003');
const CI_APP = 'entra/app/c1a00000-0000-4000-8000-0000000000a3';
const BOT = oid('4e1d0000-0000-4000-8000-000000000006');
const COPILOT = oid('c0b10000-0000-4000-8000-00000000000c');
const GH = 'oidc/token.actions.githubusercontent.com/repo:contoso/deploy:ref:refs/heads/main';
let result: GraphAnalysis;

beforeAll(async () => {
  const records = emptyRecords();
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    const r = await ingestEntraFile(`${DIR}/${name}`, { display: name });
    records.nodes.push(...r.nodes);
    records.edges.push(...r.edges);
    records.diagnostics.push(...r.diagnostics);
  }
  const { graph, diagnostics } = buildGraph(records);
  result = await analyzeLoaded({ dir: DIR, graph, files: [], diagnostics: [...records.diagnostics, ...diagnostics] }, { at: NOW });
});

const shortest = (f: Finding): string[] => (f.pathSets[0]?.shortest.nodes ?? []).map((n) => n.id);

describe('entra export alone → findings to Global Administrator', () => {
  it('loads cleanly (every reference resolves, the files agree on shared nodes)', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('raises a finding to the tier-0 Global Administrator for every identity and credential that reaches it, and none for the others', () => {
    const toGa = result.findings.filter((f) => f.target.id === GA_TARGET);
    expect(toGa.every((f) => f.rule === 'sensitive-reach' && f.severity === 'critical')).toBe(true);
    expect(toGa.map((f) => f.source.id).sort()).toEqual([
      oid('a11ce000-0000-4000-8000-000000000001'), // member of Global Administrator
      BOT, `${BOT}/password/b0700000-0000-4000-8000-000000000001`, 'entra/app/4e1da000-0000-4000-8000-0000000000a6', // RoleManagement.ReadWrite.Directory
      CI, CI_APP, `${CI_APP}/password/d0000000-0000-4000-8000-000000000001`, GH, // Application.ReadWrite.All → any app → helpdesk-bot
      oid('da7e0000-0000-4000-8000-000000000008'), // owner of ci-deployer
      COPILOT, 'entra/app/c0b1a000-0000-4000-8000-0000000000ac', // tenant-wide Directory.AccessAsUser.All: acts as Alice
    ].sort());
    const sources = result.findings.map((f) => f.source.id);
    expect(sources).not.toContain(oid('c4a70000-0000-4000-8000-000000000007')); // chat-assistant: User.Read grant only
    expect(sources).not.toContain(oid('3a110000-0000-4000-8000-000000000005')); // mail-archiver: Mail.Read only
  });

  it('ranks the findings and draws the escalation paths', () => {
    const scores = result.findings.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const by = (source: string): Finding => result.findings.find((f) => f.source.id === source && f.target.id === GA_TARGET) as Finding;
    expect(shortest(by(BOT))).toEqual([BOT, GA, GA_TARGET]);
    expect(shortest(by(GH))).toEqual([GH, CI_APP, CI, `${T}/any-app`, BOT, GA, GA_TARGET]);
    expect(shortest(by(COPILOT))).toEqual([COPILOT, oid('a11ce000-0000-4000-8000-000000000001'), GA, GA_TARGET]);
  });

  it('names the technique on each escalation edge of the paths', () => {
    const finding = result.findings.find((f) => f.source.id === CI && f.target.id === GA_TARGET) as Finding;
    expect(finding.pathSets[0]?.shortest.edges.map((e) => e.qualifier)).toEqual([
      'via entra-002 Application.ReadWrite.All adds a credential to any app', undefined, 'via entra-004 RoleManagement.ReadWrite.Directory assigns itself Global Administrator', 'admin',
    ]);
  });
});
