// `pathwarden analyze` end to end on test/fixtures/cli/basic: formats, --fail-on exit codes, --tier, exceptions,
// malformed input (named, no stack, good rows kept) and --strict. Expectations follow docs/findings.md:
// SoD on a tier-2 model = high, read access to a tier-1 resource = medium, read/write to tier 3 = low,
// raised one step only when the entry credential's exploitability >= 2 (the key here is fresh: 1).
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFixture, pathwarden, STACK_FRAME } from '../helpers/exec.js';

const DIR = cliFixture('basic');
const AT = ['--at', '2026-03-01T00:00:00Z'];
const AGENT = 't/agent/support-bot';
const KEY = 't/key/deploy-key';
const SA = 't/sa/deployer';
const MODEL = 't/model/support-llm';
const DB = 't/res/customer-db';
const WIKI = 't/res/wiki';

/** The documented stable finding id: `pw-` + 16 hex of sha256(rule NUL source NUL target). */
function findingId(rule: string, source: string, target: string): string {
  return `pw-${createHash('sha256').update(`${rule}\u0000${source}\u0000${target}`).digest('hex').slice(0, 16)}`;
}

type Row = [id: string, rule: string, severity: string, source: string, target: string];
const row = (rule: string, severity: string, source: string, target: string): Row => [findingId(rule, source, target), rule, severity, source, target];
const sod = (source: string): Row => row('sod-alter-invoke', 'high', source, MODEL);

const EXPECTED: Row[] = [
  sod(AGENT), sod(KEY), sod(SA),
  row('sensitive-reach', 'medium', AGENT, DB), row('sensitive-reach', 'medium', KEY, DB), row('sensitive-reach', 'medium', SA, DB),
];

interface JsonFinding { id: string; rule: string; severity: string; source: { id: string }; target: { id: string } }
interface JsonReport { findings: JsonFinding[]; suppressed: JsonFinding[]; exceptions: { status: string; findings: string[] }[] }

function rows(findings: readonly JsonFinding[]): Row[] {
  return findings.map((f) => [f.id, f.rule, f.severity, f.source.id, f.target.id] as Row)
    .sort((a, b) => a[0].localeCompare(b[0]));
}
const sorted = (list: Row[]): Row[] => [...list].sort((a, b) => a[0].localeCompare(b[0]));

async function analyzeJson(dir: string, ...extra: string[]): Promise<JsonReport> {
  const r = await pathwarden(['analyze', dir, ...AT, '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
}

describe('pathwarden analyze', () => {
  it('draws the alter and invoke paths in the table', async () => {
    const r = await pathwarden(['analyze', DIR, ...AT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('6 findings (3 high, 3 medium)');
    expect(r.stdout).toContain('agent:support-bot -[HAS_CREDENTIAL]-> key:deploy-key -[AUTHENTICATES_AS]-> sa:deployer -[CAN_ALTER deploy]-> model:support-llm');
    expect(r.stdout).toContain('agent:support-bot -[HAS_CREDENTIAL]-> key:deploy-key -[AUTHENTICATES_AS]-> sa:deployer -[CAN_INVOKE prod]-> model:support-llm');
    expect(r.stdout).toContain('sa:deployer -[CAN_ACCESS read]-> res:customer-db');
    expect(r.stdout).not.toContain('human:alice');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--format json has exactly the expected findings', async () => {
    const report = await analyzeJson(DIR);
    expect(rows(report.findings)).toEqual(sorted(EXPECTED));
    expect(report.suppressed).toEqual([]);
  });

  it('--detail 2 enumerates the best two findings and streams the rest with their shortest paths', async () => {
    const full = await analyzeJson(DIR);
    for (const out of [undefined, 'report.json']) {
      const tmp = await mkdtemp(join(tmpdir(), 'pw-cli-detail-'));
      try {
        const file = out ? join(tmp, out) : undefined;
        const r = await pathwarden(['analyze', DIR, ...AT, '--format', 'json', '--detail', '2', ...(file ? ['-o', file] : [])]);
        expect(r.code).toBe(0);
        const report = JSON.parse(file ? await readFile(file, 'utf8') : r.stdout) as JsonReport & { summary: { findings: number } };
        expect(rows(report.findings)).toEqual(sorted(EXPECTED));
        expect(report.summary.findings).toBe(EXPECTED.length);
        const sets = report.findings.map((f) => (f as unknown as { pathSets: { enumerated?: boolean; paths: unknown[] }[] }).pathSets);
        expect(sets.map((x) => x.every((p) => p.enumerated === undefined))).toEqual(EXPECTED.map((_, i) => i < 2));
        for (const x of sets.slice(2)) for (const p of x) expect([p.enumerated, p.paths]).toEqual([false, []]);
        // the two detailed findings are the same as with every finding detailed
        expect(report.findings.slice(0, 2)).toEqual(full.findings.filter((f) => report.findings.slice(0, 2).some((g) => g.id === f.id)));
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
    }
  });

  it('--max-findings lists the best findings and counts all; "all" lists every one; a bad value exits 2', async () => {
    const full = await analyzeJson(DIR);
    const r = await pathwarden(['analyze', DIR, ...AT, '--format', 'json', '--max-findings', '2']);
    expect(r.code).toBe(0);
    const top = JSON.parse(r.stdout) as JsonReport & { summary: { findings: number; listed: number; omitted: number } };
    expect(top.summary).toMatchObject({ findings: EXPECTED.length, listed: 2, omitted: EXPECTED.length - 2 });
    expect(top.findings.map((f) => f.id)).toEqual(full.findings.slice(0, 2).map((f) => f.id));
    const all = await pathwarden(['analyze', DIR, ...AT, '--format', 'json', '--max-findings', 'all']);
    expect((JSON.parse(all.stdout) as JsonReport).findings.map((f) => f.id)).toEqual(full.findings.map((f) => f.id));
    const bad = await pathwarden(['analyze', DIR, ...AT, '--format', 'json', '--max-findings', 'some']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-findings must be an integer from 1 to 100000000');
    expect(bad.stderr).not.toMatch(STACK_FRAME);
  });

  it('--format md has the findings table', async () => {
    const r = await pathwarden(['analyze', DIR, ...AT, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| # | severity | score | rule | source | target |');
    const tableRows = r.stdout.split('\n').filter((l) => /^\| \d+ \|/.test(l))
      .map((l) => l.split('|').map((c) => c.trim()).filter((c, i) => i === 2 || i === 4 || i === 5 || i === 6).join(' '));
    expect(tableRows.sort()).toEqual([
      'high sod-alter-invoke agent:support-bot model:support-llm',
      'high sod-alter-invoke key:deploy-key model:support-llm',
      'high sod-alter-invoke sa:deployer model:support-llm',
      'medium sensitive-reach agent:support-bot res:customer-db',
      'medium sensitive-reach key:deploy-key res:customer-db',
      'medium sensitive-reach sa:deployer res:customer-db',
    ]);
  });

  it('--fail-on high exits 1 when a high finding exists, still printing the report', async () => {
    const r = await pathwarden(['analyze', DIR, ...AT, '--fail-on', 'high']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('sod-alter-invoke');
  });

  it('--fail-on critical exits 0 when no finding is critical', async () => {
    const r = await pathwarden(['analyze', DIR, ...AT, '--fail-on', 'critical']);
    expect(r.code).toBe(0);
  });

  it('--tier 3 adds the tier-3 wiki as low findings', async () => {
    const report = await analyzeJson(DIR, '--tier', '3');
    const low = [AGENT, KEY, SA].map((s) => row('sensitive-reach', 'low', s, WIKI));
    expect(rows(report.findings)).toEqual(sorted([...EXPECTED, ...low]));
  });

  it('an active exception suppresses its finding; an expired one does not', async () => {
    const active = await analyzeJson(DIR, '--exceptions', cliFixture('exceptions/active.csv'));
    expect(rows(active.findings)).toEqual(sorted(EXPECTED.filter((x) => x[0] !== sod(AGENT)[0])));
    expect(rows(active.suppressed)).toEqual([sod(AGENT)]);
    expect(active.exceptions.map((e) => [e.status, e.findings])).toEqual([['active', [sod(AGENT)[0]]]]);
    const expired = await analyzeJson(DIR, '--exceptions', cliFixture('exceptions/expired.csv'));
    expect(rows(expired.findings)).toEqual(sorted(EXPECTED));
    expect(expired.exceptions.map((e) => e.status)).toEqual(['expired']);
  });

  it('-o writes the report to the file and nothing to stdout', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'pw-cli-'));
    try {
      const out = join(tmp, 'report.json');
      const r = await pathwarden(['analyze', DIR, ...AT, '--format', 'json', '-o', out]);
      expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
      expect(rows((JSON.parse(await readFile(out, 'utf8')) as JsonReport).findings)).toEqual(sorted(EXPECTED));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});

describe('pathwarden analyze on malformed input', () => {
  let bad: string;
  beforeAll(async () => {
    bad = await mkdtemp(join(tmpdir(), 'pw-cli-bad-'));
    await cp(DIR, bad, { recursive: true });
    await appendFile(join(bad, 'assets.csv'), '"unterminated,,\n');
  });
  afterAll(async () => { await rm(bad, { recursive: true, force: true }); });

  it('names the file on stderr, prints no stack and still analyses the good rows', async () => {
    const r = await pathwarden(['analyze', bad, ...AT, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('assets.csv');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(rows((JSON.parse(r.stdout) as JsonReport).findings)).toEqual(sorted(EXPECTED));
  });

  it('--strict exits 2 after listing the rejected input, without a stack', async () => {
    const r = await pathwarden(['analyze', bad, ...AT, '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('assets.csv');
    expect(r.stderr).toMatch(/^error: .*--strict/m);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('pathwarden analyze usage errors', () => {
  it('a missing directory exits 2 with one error line and a hint', async () => {
    const r = await pathwarden(['analyze', 'test/fixtures/cli/no-such-dir']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'error: inventory "test/fixtures/cli/no-such-dir" does not exist',
      expect.stringMatching(/^hint: /),
    ]);
  });

  it('a directory with no inventory file is an error, not an empty report that passes a gate', async () => {
    // A README and an empty sub-folder (inventories are searched in sub-folders too) are not inventory files.
    const dir = await mkdtemp(join(tmpdir(), 'pathwarden-empty-'));
    await mkdir(join(dir, 'notes'));
    await writeFile(join(dir, 'README.md'), '# nothing here\n');
    const r = await pathwarden(['analyze', dir, '--fail-on', 'high']);
    await rm(dir, { recursive: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`error: ${dir}: no inventory files here or in its sub-folders (expected identities.csv, credentials.csv, `
      + 'assets.csv, resources.csv, oauth-grants.csv, bindings.csv, permissions.csv, *.graph.json, *.opengraph.json, or an export '
      + 'recognised by content: AWS IAM, GCP IAM, Kubernetes RBAC, Entra ID, MCP client configs, AWS CLI config/credentials, GitHub Actions workflows, '
      + 'gitleaks/trufflehog reports; see docs/sources.md)');
  });

  it.each([
    [['--format', 'xml'], /'xml' is invalid/],
    [['--fail-on', 'severe'], /'severe' is invalid/],
    [['--at', 'yesterday'], /ISO-8601/],
    [['--max-depth', '0'], /--max-depth must be an integer/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('%j exits 2 with a usage error', async (args, message) => {
    const r = await pathwarden(['analyze', DIR, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('pathwarden analyze output errors', () => {
  it('an unwritable --output exits 2 with one error line', async () => {
    const r = await pathwarden(['analyze', DIR, ...AT, '-o', 'test/fixtures/cli/no-such-dir/report.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')[0]).toBe('error: cannot write --output "test/fixtures/cli/no-such-dir/report.txt" (ENOENT)');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
