// SARIF 2.1.0 output: valid against the official schemas (test/fixtures/sarif: Errata 01 and the CS), one
// rule per finding rule, levels from severity, the finding id as fingerprint, located at the inventory row of the
// entry edge (else the source node's row), suppressed findings marked accepted, help links from package.json.
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { analyzeDirectory, analyzeLoaded } from '../../src/analysis/analyze.js';
import { RULES } from '../../src/findings/index.js';
import { docsBaseUrl } from '../../src/report/sarif-rules.js';
import { FINGERPRINT, sarifAnalysis } from '../../src/report/sarif.js';
import { cliFixture } from '../helpers/exec.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

// NOTE: ajv is not a direct dependency (fastify and ajv-formats bring ajv 8); both are CommonJS with a default export.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

const AT = new Date('2026-03-01T00:00:00Z');
const options = { limit: 10, color: false, version: '0.1.0' };

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/sarif/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/**
 * Validators for the Errata 01 schema (the OASIS Standard; draft-04, so `id` is read as `$id`) and the CS schema
 * (draft-07) with the erratum that renamed `suppression.state` to `status` applied: see the fixtures README.
 */
function validators(): { name: string; validate: (doc: unknown) => string[] }[] {
  const { id, ...errata } = readSchema('sarif-schema-2.1.0.json');
  const cs = readSchema('sarif-schema-2.1.0-cs01.json') as { definitions: { suppression: { properties: Record<string, unknown> } } };
  const { state, ...suppression } = cs.definitions.suppression.properties;
  cs.definitions.suppression.properties = { ...suppression, status: state };
  const schemas: Record<string, Record<string, unknown>> = {
    'sarif-schema-2.1.0.json': { ...errata, $schema: 'http://json-schema.org/draft-07/schema#', $id: id },
    'sarif-schema-2.1.0-cs01.json': cs,
  };
  return Object.entries(schemas).map(([name, schema]) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const check = ajv.compile(schema);
    return { name, validate: (doc) => (check(doc) ? [] : (check.errors ?? []).map((x) => `${x.instancePath} ${x.message ?? ''}`)) };
  });
}
const VALIDATORS = validators();

interface Result {
  ruleId: string; ruleIndex: number; level: string; message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } }; message: { text: string } }[];
  partialFingerprints: Record<string, string>; fingerprints: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string }[];
  properties: { findingId: string; score: number; severity: string; paths: { label: string; path: string }[] };
}
interface Log {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string; name: string; helpUri?: string; help: { text: string } }[] } };
    originalUriBaseIds: Record<string, { uri?: string; uriBaseId?: string }>; results: Result[]; properties: Record<string, unknown> }[];
}

const parse = (text: string): Log => JSON.parse(text) as Log;

describe('sarif of test/fixtures/cli/basic', () => {
  it('validates against both SARIF 2.1.0 schemas, with and without suppressions and help links', async () => {
    const plain = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const excepted = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: 'test/fixtures/cli/exceptions/active.csv' });
    for (const text of [sarifAnalysis(plain, options), sarifAnalysis(excepted, { ...options, docsBase: 'https://github.com/acme/pathwarden/blob/HEAD/' })]) {
      for (const v of VALIDATORS) expect([v.name, v.validate(JSON.parse(text))]).toEqual([v.name, []]);
    }
  });

  it('the validators catch a broken log (the test can fail)', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const log = parse(sarifAnalysis(r, options)) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    const first = log.runs[0]?.results[0] as Record<string, unknown>;
    first['level'] = 'critical';
    for (const v of VALIDATORS) expect(v.validate(log)).toContain('/runs/0/results/0/level must be equal to one of the allowed values');
  });

  it('lists one rule per finding rule and one result per finding, located at the entry edge row', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const log = parse(sarifAnalysis(r, options));
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run?.tool.driver.rules.map((x) => [x.id, x.name, x.helpUri])).toEqual([
      ['sod-alter-invoke', 'SodAlterInvoke', undefined], ['sensitive-reach', 'SensitiveReach', undefined], ['leaked-alter', 'LeakedAlter', undefined]]);
    expect(run?.tool.driver.rules[0]?.help.text).toContain('Documentation: docs/findings.md#sod-alter-invoke');
    expect(run?.originalUriBaseIds).toEqual({
      SRCROOT: { description: { text: 'The directory pathwarden ran in.' } },
      INVENTORY: { uri: 'test/fixtures/cli/basic/', uriBaseId: 'SRCROOT', description: { text: 'The analysed inventory directory.' } },
    });
    const results = run?.results ?? [];
    expect(results.map((x) => [x.ruleId, x.ruleIndex, x.level, x.partialFingerprints[FINGERPRINT], x.fingerprints[FINGERPRINT]]))
      .toEqual(r.findings.map((f) => [f.rule, RULES.findIndex((x) => x.id === f.rule), f.severity === 'high' ? 'error' : 'warning', f.id, f.id]));
    const locations = results.map((x) => x.locations?.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.artifactLocation.uriBaseId,
      l.physicalLocation.region?.startLine, l.message.text]));
    // the agent's paths start at its key (credentials.csv row 2); the key's and the service account's at the
    // key's AUTHENTICATES_AS (same row) and the service account's grants (permissions.csv rows 2–4)
    expect(locations).toEqual(r.findings.map((f) => {
      const first = f.pathSets[0]?.shortest.edges[0];
      return [[first?.file?.endsWith('credentials.csv') ? 'credentials.csv' : 'permissions.csv', 'INVENTORY', first?.line, `entry edge ${first?.kind} of ${f.source.label}`]];
    }));
    expect(locations[0]).toEqual([['credentials.csv', 'INVENTORY', 2, 'entry edge HAS_CREDENTIAL of agent:support-bot']]);
    expect(results[1]?.properties).toMatchObject({ findingId: 'pw-a57434ee3cdb4924', score: 36.1, severity: 'high' });
    expect(results[1]?.properties.paths.map((p) => p.label)).toEqual(['alter', 'invoke']);
    expect(results[0]?.message.text).toMatch(/^agent:support-bot can read tier-1 res:customer-db\. access \(read\): agent:support-bot -\[HAS_CREDENTIAL\]-> /);
    expect(run?.properties).toEqual({ at: '2026-03-01T00:00:00.000Z', findings: 6, listed: 6, omitted: 0, suppressed: 0 });
  });

  it('marks findings under an accepted exception as suppressed (accepted), listed after the active ones', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: 'test/fixtures/cli/exceptions/active.csv' });
    const results = parse(sarifAnalysis(r, options)).runs[0]?.results ?? [];
    expect(results.map((x) => x.suppressions?.[0]?.status ?? 'active')).toEqual(['active', 'active', 'active', 'active', 'active', 'accepted']);
    expect(results[5]?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'deploy bot is reviewed quarterly (owner sec-team, expires 2026-06-30T00:00:00.000Z)' }]);
  });

  it('resolves rule help against the docs base as helpUri', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const rules = parse(sarifAnalysis(r, { ...options, docsBase: 'https://github.com/acme/pathwarden/blob/HEAD/' })).runs[0]?.tool.driver.rules;
    expect(rules?.map((x) => x.helpUri)).toEqual([
      'https://github.com/acme/pathwarden/blob/HEAD/docs/findings.md#sod-alter-invoke',
      'https://github.com/acme/pathwarden/blob/HEAD/docs/findings.md#sensitive-reach',
      'https://github.com/acme/pathwarden/blob/HEAD/docs/findings.md#leaked-alter']);
  });
});

describe('sarif locations', () => {
  it('falls back to the source node row when the first edge has no provenance file; encodes the uri', async () => {
    const graph = graphOf([
      n('AIAgent', 'bot', {}, { provenance: { source: 'test', file: 'inv/my agents.csv', line: 7 } }),
      n('Resource', 'db', { tier: 0 }),
    ], [e('CAN_ACCESS', 'bot', 'db', { action: 'read' })]);
    const r = await analyzeLoaded({ dir: 'inv', graph, files: [], diagnostics: [] }, { at: AT, exceptions: false });
    const log = parse(sarifAnalysis(r, options));
    expect(log.runs[0]?.results[0]?.locations).toEqual([{
      physicalLocation: { artifactLocation: { uri: 'my%20agents.csv', uriBaseId: 'INVENTORY' }, region: { startLine: 7 } },
      message: { text: 'source agent:bot' },
    }]);
    for (const v of VALIDATORS) expect(v.validate(log)).toEqual([]);
  });

  it('leaves out locations when nothing has provenance, and the inventory base for a Neo4j snapshot', async () => {
    const graph = graphOf([n('AIAgent', 'bot'), n('Resource', 'db', { tier: 0 })], [e('CAN_ACCESS', 'bot', 'db', { action: 'read' })]);
    const r = await analyzeLoaded({ dir: 'neo4j:s3', graph, files: [], diagnostics: [] }, { at: AT, exceptions: false });
    const log = parse(sarifAnalysis(r, options));
    expect(log.runs[0]?.results[0]?.locations).toBeUndefined();
    expect(Object.keys(log.runs[0]?.originalUriBaseIds ?? {})).toEqual(['SRCROOT']);
    for (const v of VALIDATORS) expect(v.validate(log)).toEqual([]);
  });
});

describe('docsBaseUrl', () => {
  it('builds a GitHub blob URL from repository, else uses homepage, else nothing', () => {
    expect(docsBaseUrl({ repository: { type: 'git', url: 'git+https://github.com/acme/pathwarden.git' } })).toBe('https://github.com/acme/pathwarden/blob/HEAD/');
    expect(docsBaseUrl({ repository: 'github:acme/pathwarden' })).toBe('https://github.com/acme/pathwarden/blob/HEAD/');
    expect(docsBaseUrl({ repository: 'acme/pathwarden' })).toBe('https://github.com/acme/pathwarden/blob/HEAD/');
    expect(docsBaseUrl({ repository: 'git@github.com:acme/path.warden.git' })).toBe('https://github.com/acme/path.warden/blob/HEAD/');
    expect(docsBaseUrl({ homepage: 'https://pathwarden.example/docs#readme' })).toBe('https://pathwarden.example/docs/');
    expect(docsBaseUrl({ repository: 'https://gitlab.example/acme/pathwarden', homepage: 'https://x.example/' })).toBe('https://x.example/');
    expect(docsBaseUrl({})).toBeUndefined();
  });
});
