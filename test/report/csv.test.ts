// CSV reports for spreadsheets: RFC 4180 quoting, formula-injection neutralising, and the findings and paths files
// of test/fixtures/cli/basic read back with csv-parse (the project's CSV reader) to the exact rows.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { analyzeDirectory, analyzeLoaded } from '../../src/analysis/analyze.js';
import { reportText } from '../../src/report/index.js';
import { csvFindings, csvPaths, FINDING_COLUMNS, PATH_COLUMNS } from '../../src/report/csv.js';
import { csvCell, csvRow } from '../../src/report/csv-quote.js';
import { cliFixture } from '../helpers/exec.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';

const AT = new Date('2026-03-01T00:00:00Z');
const options = { limit: 10, color: false, version: 'test' };

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvCell('')).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('prefixes a cell a spreadsheet would evaluate with a quote, then quotes it if needed', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers and booleans as data (a negative score is not text)', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(38.5)).toBe('38.5');
    expect(csvCell(true)).toBe('true');
  });

  it('ends each row with CRLF and round-trips through csv-parse', () => {
    const values = ['a,b', 'say "hi"', 'two\nlines', '=cmd', 7];
    const row = csvRow(values);
    expect(row).toBe('"a,b","say ""hi""","two\nlines",\'=cmd,7\r\n');
    expect(parse(row)).toEqual([['a,b', 'say "hi"', 'two\nlines', "'=cmd", '7']]);
  });
});

describe('csv reports of test/fixtures/cli/basic', () => {
  const CRED = `${cliFixture('basic')}/credentials.csv`;
  const BOT_DB = 'agent:support-bot -[HAS_CREDENTIAL]-> key:deploy-key -[AUTHENTICATES_AS]-> sa:deployer -[CAN_ACCESS read]-> res:customer-db';
  const BOT_ALTER = 'agent:support-bot -[HAS_CREDENTIAL]-> key:deploy-key -[AUTHENTICATES_AS]-> sa:deployer -[CAN_ALTER deploy]-> model:support-llm';
  const BOT_INVOKE = 'agent:support-bot -[HAS_CREDENTIAL]-> key:deploy-key -[AUTHENTICATES_AS]-> sa:deployer -[CAN_INVOKE prod]-> model:support-llm';

  it('csv: a header, then one row per finding, best first', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const text = reportText(csvFindings(r, options));
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual([...FINDING_COLUMNS]);
    expect(rows).toHaveLength(7);
    expect(rows.slice(1, 3)).toEqual([
      ['1', 'pw-e3b3930aea99001a', 'medium', '38.5', 'sensitive-reach', 'agent:support-bot can read tier-1 res:customer-db',
        't/agent/support-bot', 'support-bot', 'AIAgent', 't/res/customer-db', 'customer-db', 'Resource', '1', 'yes', `access: ${BOT_DB}`],
      ['2', 'pw-a57434ee3cdb4924', 'high', '36.1', 'sod-alter-invoke', 'agent:support-bot can alter (deploy) and invoke in prod model:support-llm',
        't/agent/support-bot', 'support-bot', 'AIAgent', 't/model/support-llm', 'support-llm', 'Model', '2', 'yes', `alter: ${BOT_ALTER} ; invoke: ${BOT_INVOKE}`],
    ]);
    expect(rows.slice(1).map((row) => row[1])).toEqual(r.findings.map((f) => f.id));
    expect(text.split('\r\n')).toHaveLength(8);
  });

  it('csv: --max-findings lists the best n', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const rows = parse(reportText(csvFindings(r, { ...options, maxFindings: 2 }))) as string[][];
    expect(rows.map((row) => row[0])).toEqual(['rank', '1', '2']);
  });

  it('csv-paths: one row per reported path, joined to the findings by finding_id, with the entry row', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const rows = parse(reportText(csvPaths(r, options))) as string[][];
    expect(rows[0]).toEqual([...PATH_COLUMNS]);
    expect(rows.slice(1, 4)).toEqual([
      ['1', 'pw-e3b3930aea99001a', 'sensitive-reach', 'medium', 'access', 'read', '1', '38.5', '3', BOT_DB, CRED, '2'],
      ['2', 'pw-a57434ee3cdb4924', 'sod-alter-invoke', 'high', 'alter', 'deploy', '1', '36.1', '3', BOT_ALTER, CRED, '2'],
      ['2', 'pw-a57434ee3cdb4924', 'sod-alter-invoke', 'high', 'invoke', 'prod', '1', '36.1', '3', BOT_INVOKE, CRED, '2'],
    ]);
    // 3 SoD findings × 2 path sets + 3 sensitive-reach findings × 1
    expect(rows).toHaveLength(1 + 9);
  });
});

describe('csv of an estate ranked below --detail', () => {
  it('lists detailed findings, then the rest with their shortest paths, marked incomplete', async () => {
    const agents = Array.from({ length: 600 }, (_, i) => n('AIAgent', `a${String(i).padStart(3, '0')}`));
    const estate = graphOf([...agents, n('Resource', 'db', { tier: 0 })], agents.map((a) => e('CAN_ACCESS', a.id, 'db', { action: 'read' })));
    const r = await analyzeLoaded({ dir: 't', graph: estate, files: [], diagnostics: [] }, { at: AT, exceptions: false, detail: 4 });
    const chunks = [...csvFindings(r, options)];
    expect(chunks).toHaveLength(2);
    const rows = parse(chunks.join('')) as string[][];
    expect(rows).toHaveLength(601);
    expect(rows.slice(1).map((row) => row[13])).toEqual([...Array(4).fill('yes'), ...Array(596).fill('no')]);
    expect(rows.slice(1).map((row) => row[1])).toEqual([...r.findings, ...r.rest].map((f) => f.id));
  });
});
