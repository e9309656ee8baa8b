// `--format html` of analyze, scope and diff through the built CLI, as a weekly job runs it: exit codes, one
// self-contained file (no URL to load, no script, no CSS import), the findings and their pictures, the scope plan's
// cut edges, the diff's new and worsened findings drawn, and no planted secret in any of them.
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT as ACME_AT, makeAcmeVersions, V1_V2, type AcmeVersions } from '../helpers/acme-versions.js';
import { cliFixture, pathwarden } from '../helpers/exec.js';

const AT = ['--at', '2026-03-01T00:00:00Z'];
const BASIC = cliFixture('basic');
const SOD_BOT = { nodes: ['t/agent/support-bot', 't/key/deploy-key', 't/model/support-llm', 't/sa/deployer'],
  labels: ['AUTHENTICATES_AS', 'CAN_ALTER deploy', 'CAN_INVOKE prod', 'HAS_CREDENTIAL'] };

/** What makes a page load something or run something: each must be absent. */
function offlineProblems(page: string): string[] {
  const checks: [string, RegExp][] = [['external src/href', /(src|href)="https?:\/\//i], ['script', /<script/i], ['@import', /@import/i],
    ['url(http', /url\(\s*['"]?https?:/i], ['protocol-relative', /(src|href)="\/\//i], ['link element', /<link\b/i], ['iframe', /<iframe/i]];
  const out = checks.filter(([, re]) => re.test(page)).map(([name]) => name);
  if (!page.startsWith('<!DOCTYPE html>\n<html lang="en">')) out.push('not one HTML document');
  if (page.match(/<html\b/g)?.length !== 1 || page.match(/<\/html>/g)?.length !== 1) out.push('more than one <html>');
  return out;
}

function svgs(page: string): { finding: string; nodes: string[]; labels: string[]; cut: string[] }[] {
  const doc = new JSDOM(page).window.document;
  return [...doc.querySelectorAll('svg.picture')].map((svg) => ({
    finding: svg.closest('[data-finding]')?.getAttribute('data-finding') ?? '',
    nodes: [...svg.querySelectorAll('g.node')].map((g) => g.getAttribute('data-id') ?? '').sort(),
    labels: [...svg.querySelectorAll('text.edge-label')].map((t) => t.textContent ?? '').sort(),
    cut: [...svg.querySelectorAll('g.edge.cut')].map((g) => g.getAttribute('data-key') ?? '').sort(),
  }));
}

describe('analyze --format html (CLI)', () => {
  it('writes one self-contained page with every finding, best first, each drawn; the SoD break with its 4 nodes and 4 edge labels', async () => {
    const [r, j] = await Promise.all([pathwarden(['analyze', BASIC, ...AT, '--format', 'html']), pathwarden(['analyze', BASIC, ...AT, '--format', 'json'])]);
    expect([r.code, r.stderr, j.code]).toEqual([0, '', 0]);
    expect(offlineProblems(r.stdout)).toEqual([]);
    const ids = (JSON.parse(j.stdout) as { findings: { id: string; rule: string; source: { id: string } }[] }).findings;
    const doc = new JSDOM(r.stdout).window.document;
    expect([...doc.querySelectorAll('section[data-finding]')].map((s) => s.getAttribute('data-finding'))).toEqual(ids.map((f) => f.id));
    const pics = svgs(r.stdout);
    expect(pics.map((p) => p.finding)).toEqual(ids.map((f) => f.id));
    const sod = ids.find((f) => f.rule === 'sod-alter-invoke' && f.source.id === 't/agent/support-bot');
    expect(pics.find((p) => p.finding === sod?.id)).toEqual({ finding: sod?.id, ...SOD_BOT, cut: [] });
  });

  it('exits 1 with --fail-on high, like every format', async () => {
    const r = await pathwarden(['analyze', BASIC, ...AT, '--format', 'html', '--fail-on', 'high']);
    expect([r.code, r.stderr, offlineProblems(r.stdout)]).toEqual([1, '', []]);
  });

  it('lists --limit findings in full and says how many more there are', async () => {
    const r = await pathwarden(['analyze', BASIC, ...AT, '--format', 'html', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(svgs(r.stdout)).toHaveLength(2);
    expect(r.stdout).toContain('4 more findings not shown');
  });

  it('draws the first 50 findings of a large report and lists the rest as text, saying so', async () => {
    const r = await pathwarden(['analyze', 'examples/acme', '--at', ACME_AT, '--format', 'html', '--limit', '60']);
    expect([r.code, offlineProblems(r.stdout)]).toEqual([0, []]);
    const doc = new JSDOM(r.stdout).window.document;
    expect([doc.querySelectorAll('section[data-finding]').length, svgs(r.stdout).length]).toEqual([60, 50]);
    expect([...doc.querySelectorAll('section[data-finding]')].slice(50).every((x) => x.querySelector('svg') === null && x.querySelector('code.path') !== null)).toBe(true);
    expect(r.stdout).toContain('10 finding(s) past the first pictures show their paths as text only.');
  });

  it('never contains a secret value (planted secrets: cli/secret, the gitleaks report of cross-source/gha-leak-training)', async () => {
    const runs = [['analyze', cliFixture('secret'), ...AT, '--format', 'html'],
      ['analyze', 'test/fixtures/cross-source/gha-leak-training', '--format', 'html'],
      ['scope', '--exposed', 'test/fixtures/cross-source/gha-leak-training', '--format', 'html']];
    for (const args of runs) {
      const r = await pathwarden(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 0]);
      expect(r.stdout).not.toContain('hunter2');
      expect(r.stdout).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDKEY');
      expect(offlineProblems(r.stdout)).toEqual([]);
    }
  });
});

describe('paths and blast --format html (CLI)', () => {
  it('draws each source–target pair and each principal\'s reach', async () => {
    const [p, b, none] = await Promise.all([
      pathwarden(['paths', BASIC, '--from', 'agent:support-bot', '--to', 'kind:Model', ...AT, '--format', 'html']),
      pathwarden(['blast', BASIC, 'agent:support-bot', ...AT, '--format', 'html']),
      pathwarden(['paths', BASIC, '--from', 'human:alice', '--to', 'kind:Resource', ...AT, '--format', 'html']),
    ]);
    expect([p.code, b.code, none.code, offlineProblems(p.stdout), offlineProblems(b.stdout), offlineProblems(none.stdout)]).toEqual([0, 0, 0, [], [], []]);
    expect(svgs(p.stdout).map((x) => [x.nodes, x.labels])).toEqual([[SOD_BOT.nodes, SOD_BOT.labels]]);
    expect(svgs(b.stdout).map((x) => x.nodes)).toEqual([[...SOD_BOT.nodes, 't/res/customer-db', 't/res/wiki'].sort()]);
    expect(svgs(none.stdout)).toEqual([]);
  });
});

describe('scope --format html (CLI)', () => {
  it('draws the reach with the plan cut dashed red and shows zero residual reach', async () => {
    const r = await pathwarden(['scope', 'examples/acme', 'key:openai-prod', '--at', ACME_AT, '--format', 'html']);
    expect([r.code, r.stderr, offlineProblems(r.stdout)]).toEqual([0, '', []]);
    const pics = svgs(r.stdout);
    expect(pics).toHaveLength(1);
    // the plan revokes the key itself: every edge leaving it (here one) is cut
    expect(pics[0]?.cut).toEqual(['AUTHENTICATES_AS|acme/key/openai-prod|acme/sa/openai-prod-project|']);
    expect(pics[0]?.labels.filter((l) => l.startsWith('✂ cut: '))).toEqual(['✂ cut: AUTHENTICATES_AS']);
    const doc = new JSDOM(r.stdout).window.document;
    expect(doc.querySelector('svg.picture g.node.revoked')?.getAttribute('data-id')).toBe('acme/key/openai-prod');
    expect(doc.querySelector('[data-residual]')?.getAttribute('data-residual')).toBe('0');
  });
});

describe('diff --format html (CLI)', () => {
  let versions: AcmeVersions;
  beforeAll(() => { versions = makeAcmeVersions(); });
  afterAll(() => versions.cleanup());

  it('lists new, worsened, resolved and improved findings and draws the new and worsened ones', async () => {
    const [r, j] = await Promise.all([
      pathwarden(['diff', versions.v1, versions.v2, '--at', ACME_AT, '--format', 'html', '--limit', '50', '-q']),
      pathwarden(['diff', versions.v1, versions.v2, '--at', ACME_AT, '--format', 'json', '-q']),
    ]);
    expect([r.code, r.stderr, offlineProblems(r.stdout)]).toEqual([0, '', []]);
    const report = JSON.parse(j.stdout) as { findings: Record<'new' | 'worsened' | 'resolved' | 'improved', { id: string }[]> };
    expect(report.findings.new).toHaveLength(V1_V2.new.length);
    const doc = new JSDOM(r.stdout).window.document;
    for (const kind of ['new', 'worsened', 'resolved', 'improved'] as const) {
      expect([kind, [...doc.querySelectorAll(`section.change-${kind}`)].map((s) => s.getAttribute('data-finding'))])
        .toEqual([kind, report.findings[kind].map((c) => c.id)]);
    }
    const drawn = svgs(r.stdout).map((p) => p.finding);
    expect(drawn).toEqual([...report.findings.new, ...report.findings.worsened].map((c) => c.id));
    // the new SoD break of sa/triage-bot: its alter (the new grant) and invoke paths in one picture
    // NOTE: a diff carries paths as text; nodes other than the finding's ends are named by label in the picture.
    const triage = svgs(r.stdout).filter((p) => p.labels.includes('CAN_ALTER edit_prompt') && p.labels.includes('CAN_INVOKE prod')
      && (p.nodes.includes('acme/sa/triage-bot') || p.nodes.includes('label:sa:triage-bot')));
    expect(triage.length).toBe(V1_V2.new.length);
  });
});
