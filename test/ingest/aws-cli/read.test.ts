// The aws-cli reader and recognition: the INI dialect the AWS CLI reads (delimiters, comments, nested blocks,
// repeats), which files are AWS CLI files (by place and by content), and which of the two files each is.
import { describe, expect, it } from 'vitest';
import { awsCli, detectAwsCli, fileKindOf } from '../../../ingest/aws-cli/index.js';
import { parseIni } from '../../../ingest/aws-cli/read.js';

const settings = (text: string): [string, string, [string, string, number][]][] =>
  parseIni(text).sections.map((s) => [s.header, String(s.line), [...s.settings].map(([k, v]) => [k, v.value, v.line] as [string, string, number])]);

describe('parseIni', () => {
  it('reads "=" and ":" (the first one splits), comments, blank lines, CRLF, a BOM and nested indented blocks', () => {
    const text = '\uFEFF# top\r\n[profile  a]\r\nrole_arn = arn:aws:iam::1:role/x\r\n; note\r\nregion: eu-west-1\r\ns3 =\r\n  max_queue_size = 10\r\nEMPTY =\r\n';
    expect(settings(text)).toEqual([['profile a', '2', [
      ['role_arn', 'arn:aws:iam::1:role/x', 3], ['region', 'eu-west-1', 5], ['s3', '', 6], ['empty', '', 8],
    ]]]);
    expect(parseIni(text).problems).toEqual([]);
  });

  it('reports each bad line with line and column, never its text, and keeps the first of a repeated key or section', () => {
    const text = 'x = 1\n[a]\nk = 1\nk = 2\nnot a setting\n[a]\nk = 3\n[b\nk = 4\n[c]\n  indented, under no setting\n!bad = 1\n';
    const { sections, problems } = parseIni(text);
    expect(problems.map((p) => [p.line, p.column, p.section])).toEqual([
      [1, 1, undefined], [4, 1, 'a'], [5, 1, 'a'], [6, 1, 'a'], [8, 1, undefined], [11, 3, 'c'], [12, 1, 'c'],
    ]);
    expect(sections.map((s) => [s.header, [...s.settings.values()].map((v) => v.value)])).toEqual([['a', ['1']], ['c', []]]);
    for (const p of problems) expect(p.reason).not.toMatch(/not a setting|!bad|indented,/);
  });
});

describe('recognition', () => {
  it('accepts .aws/config and .aws/credentials by place only (config and credentials alone are generic names)', () => {
    expect(awsCli.accepts('config', 'home/alice/.aws/config')).toBe(true);
    expect(awsCli.accepts('credentials', '.aws/credentials')).toBe(true);
    expect(awsCli.accepts('config', 'config')).toBe(false);
    expect(awsCli.accepts('config', '.git/config')).toBe(false);
  });

  it.each([
    ['[profile dev]\nregion = us-east-1\n', true],
    ['# aws\n[default]\naws_access_key_id = AKIAEXAMPLE000000001\n', true],
    ['[default]\nregion = us-east-1\n', true],
    ['[sso-session corp]\nsso_start_url = https://x.awsapps.com/start\n', true],
    ['[core]\n\tbare = false\n', false],
    ['[metadata]\nname = x\n', false],
    ['[default]\nname = x\n', false],
    ['[\n  {"role_arn": "x"}\n]\n', false],
    ['role_arn: x\nsource_profile: y\n', false],
    ['{"UserDetailList": []}', false],
  ])('detect %j → %s', (head, expected) => {
    expect(detectAwsCli(head)).toBe(expected);
  });

  it('tells config from credentials by name, else by sections and keys', () => {
    const sections = (text: string) => parseIni(text).sections;
    expect(fileKindOf('credentials', sections('[profile x]\n'))).toBe('credentials');
    expect(fileKindOf('work.credentials', [])).toBe('credentials');
    expect(fileKindOf('config', sections('[x]\naws_access_key_id = A\n'))).toBe('config');
    expect(fileKindOf('laptop.ini', sections('[profile x]\naws_access_key_id = A\n'))).toBe('config');
    expect(fileKindOf('laptop.ini', sections('[x]\naws_access_key_id = A\n'))).toBe('credentials');
    expect(fileKindOf('laptop.ini', sections('[default]\nregion = us-east-1\n'))).toBe('config');
  });
});
