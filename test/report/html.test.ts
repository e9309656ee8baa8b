// The HTML report's pictures and pages without the CLI: the SoD finding of test/fixtures/cli/basic drawn with
// exactly its nodes and edge labels, hostile names escaped everywhere, scope cut edges counted against the plan,
// text paths parsed back for the diff page, and the synchronous ELK layout pinned.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDirectory, analyzeLoaded } from '../../src/analysis/analyze.js';
import { loadGraph, type LoadedGraph } from '../../src/analysis/load.js';
import { blastOf } from '../../src/analysis/blast.js';
import { scopeOf } from '../../src/analysis/scope.js';
import { esc } from '../../src/report/html-escape.js';
import { html } from '../../src/report/html.js';
import { htmlScope } from '../../src/report/html-scope.js';
import { reportText } from '../../src/report/index.js';
import { layoutGraph } from '../../src/report/picture/layout.js';
import { cutsOf, edgeKey, mergePaths } from '../../src/report/picture/model.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';
import { cliFixture } from '../helpers/exec.js';

const AT = new Date('2026-03-01T00:00:00Z');
const options = { limit: 10, color: false, version: 'test' };
const HOSTILE = 'x"]-->|x| evil["<b>#1;</b> & %% end; `md` {a} (b)\nline2 \\ é中 <script>alert(1)</script> \' onload=';

/** The SVG pictures of a page, with what each draws. */
function pictures(page: string): { id: string; finding: string; nodes: string[]; labels: string[]; cut: string[] }[] {
  const doc = new JSDOM(page).window.document;
  return [...doc.querySelectorAll('svg.picture')].map((svg) => ({
    id: svg.id,
    finding: svg.closest('[data-finding]')?.getAttribute('data-finding') ?? '',
    nodes: [...svg.querySelectorAll('g.node')].map((g) => g.getAttribute('data-id') ?? '').sort(),
    labels: [...svg.querySelectorAll('text.edge-label')].map((t) => t.textContent ?? '').sort(),
    cut: [...svg.querySelectorAll('g.edge.cut')].map((g) => g.getAttribute('data-key') ?? '').sort(),
  }));
}

describe('html analysis report', () => {
  it('draws the SoD finding of test/fixtures/cli/basic with exactly its 4 nodes and 4 edge labels', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const f = r.findings.find((x) => x.rule === 'sod-alter-invoke' && x.source.id === 't/agent/support-bot');
    expect(f?.id).toMatch(/^pw-[0-9a-f]{16}$/);
    const page = reportText(html.analysis(r, options));
    const pics = pictures(page);
    expect(pics).toHaveLength(6);
    expect(pics.find((p) => p.finding === f?.id)).toEqual({
      id: expect.stringMatching(/^pic-\d+$/) as unknown as string, finding: f?.id,
      nodes: ['t/agent/support-bot', 't/key/deploy-key', 't/model/support-llm', 't/sa/deployer'],
      labels: ['AUTHENTICATES_AS', 'CAN_ALTER deploy', 'CAN_INVOKE prod', 'HAS_CREDENTIAL'], cut: [],
    });
    // the findings table links each row to its section, best first
    const doc = new JSDOM(page).window.document;
    const links = [...doc.querySelectorAll('table.findings a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(r.findings.map((x) => `#f-${x.id}`));
    expect(links.map((h) => doc.querySelector(h ?? '')?.getAttribute('data-finding'))).toEqual(r.findings.map((x) => x.id));
    // the entry credential is ringed
    expect([...doc.querySelectorAll(`[data-finding="${f?.id}"] g.node.entry`)].map((g) => g.getAttribute('data-id'))).toEqual(['t/key/deploy-key']);
  });

  it('escapes hostile names and qualifiers in the page and the SVG: no element or attribute comes from a name', async () => {
    const loaded: LoadedGraph = {
      dir: `dir ${HOSTILE}`, files: [], diagnostics: [],
      graph: graphOf([
        n('AIAgent', 'agent-1', {}, { name: HOSTILE }), n('APIKey', 'key-1', {}, { name: HOSTILE }), n('ServiceAccount', 'sa-1'),
        n('Model', 'model-1', { tier: 1 }, { name: HOSTILE, environment: 'prod' }),
      ], [
        e('HAS_CREDENTIAL', 'agent-1', 'key-1'), e('AUTHENTICATES_AS', 'key-1', 'sa-1'),
        e('CAN_ALTER', 'sa-1', 'model-1', { action: HOSTILE }), e('CAN_INVOKE', 'sa-1', 'model-1', { environment: 'prod' }),
      ]),
    };
    const r = await analyzeLoaded(loaded, { at: AT, exceptions: false });
    expect(r.findings.map((f) => f.rule)).toContain('sod-alter-invoke');
    const page = reportText(html.analysis(r, options));
    const doc = new JSDOM(page).window.document;
    expect([doc.querySelectorAll('script').length, doc.querySelectorAll('b').length]).toEqual([0, 0]);
    expect([...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((a) => a.startsWith('on'))).toEqual([]);
    const labels = [...doc.querySelectorAll('svg.picture g.node text')].map((t) => t.textContent);
    expect(labels).toContain(`agent:${HOSTILE}`);
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    expect(page).not.toContain('<script>');
    expect(esc(HOSTILE)).not.toMatch(/[<>"']/);
    const sod = r.findings.find((f) => f.rule === 'sod-alter-invoke');
    expect(pictures(page).find((p) => p.finding === sod?.id)).toMatchObject({
      nodes: ['agent-1', 'key-1', 'model-1', 'sa-1'], labels: ['AUTHENTICATES_AS', `CAN_ALTER ${HOSTILE}`, 'CAN_INVOKE prod', 'HAS_CREDENTIAL'],
    });
  });
});

describe('html scope report', () => {
  it('marks exactly the plan cut edges of the drawn paths dashed red, and shows zero residual reach', async () => {
    const loaded = await loadGraph('examples/acme');
    const report = scopeOf(loaded, 'kind:AIAgent', { at: new Date('2026-11-25T12:00:00Z') });
    const page = htmlScope(report, { ...options, limit: 20 });
    const cuts = cutsOf(report.plan.items);
    const drawnNodes = report.nodes.filter((x) => x.reached.some((t) => t.atThreshold));
    const pics = pictures(page);
    expect(pics).toHaveLength(drawnNodes.length);
    let total = 0;
    drawnNodes.forEach((node, i) => {
      const shown = node.reached.filter((t) => t.atThreshold).slice(0, 20).map((t) => t.path);
      const holders = node.holders.direct.map((d) => ({ nodes: [d.node, node.source], edges: [d.edge] }));
      const expected = [...new Set([...shown, ...holders].flatMap((p) => p.edges)
        .filter((x) => cuts.edges.has(edgeKey(x)) || cuts.nodes.has(x.from)).map(edgeKey))].sort();
      expect([node.source.id, pics[i]?.cut]).toEqual([node.source.id, expected]);
      total += expected.length;
    });
    expect(total).toBeGreaterThan(0);
    expect(pics.flatMap((p) => p.labels).filter((l) => l.startsWith('✂ cut: '))).toHaveLength(total);
    const doc = new JSDOM(page).window.document;
    expect(doc.querySelector('[data-residual]')?.getAttribute('data-residual')).toBe(String(report.residual.atThreshold.length));
    expect(report.residual.clear).toBe(true);
    expect(doc.querySelector('[data-residual] .zero')?.textContent).toBe('0');
    expect(doc.querySelectorAll('ol.plan li')).toHaveLength(report.plan.items.length);
  });
});

describe('html blast report of a wide reach', () => {
  it('folds wide fans and caps the picture at 250 nodes (a key whose account assumes 40 roles reading 20 resources each)', () => {
    const roles = Array.from({ length: 40 }, (_, i) => `role-${String(i).padStart(2, '0')}`);
    const resources = roles.flatMap((r) => Array.from({ length: 20 }, (_, j) => [r, `${r}-res-${String(j).padStart(2, '0')}`] as const));
    const loaded: LoadedGraph = {
      dir: '(wide)', files: [], diagnostics: [],
      graph: graphOf([n('APIKey', 'key'), n('ServiceAccount', 'sa'), ...roles.map((r) => n('Role', r)), ...resources.map(([, x]) => n('Resource', x, { tier: 0 }))],
        [e('AUTHENTICATES_AS', 'key', 'sa'), ...roles.map((r) => e('CAN_ASSUME', 'sa', r)), ...resources.map(([r, x]) => e('CAN_ACCESS', r, x, { action: 'read' }))]),
    };
    const report = blastOf(loaded, 'key', { at: AT });
    expect(report.principals[0]?.reached).toHaveLength(800);
    const started = Date.now();
    const page = html.blast(report, options);
    expect(Date.now() - started).toBeLessThan(20_000);
    const doc = new JSDOM(page).window.document;
    const svg = doc.querySelector('svg.picture');
    const drawnNodes = Number(svg?.getAttribute('data-nodes'));
    expect(drawnNodes).toBeLessThanOrEqual(250);
    expect(drawnNodes).toBe(svg?.querySelectorAll('g.node').length);
    // every role's 20 leaves fold into 7 drawn and one "+13 more Resource" node
    expect([...(svg?.querySelectorAll('g.node text') ?? [])].filter((t) => t.textContent === '+13 more Resource').length).toBeGreaterThan(10);
    expect(doc.querySelector('figcaption')?.textContent).toMatch(/\d+ of 800 paths not drawn \(too many nodes\); listed as text\./);
  });
});


describe('ELK layout in Node, synchronously', () => {
  it('places a path left to right and routes every edge with a label box', () => {
    const node = (id: string, kind: 'AIAgent' | 'APIKey' | 'ServiceAccount' | 'Model') => ({ id, kind, name: id, label: id });
    const graph = mergePaths([{
      nodes: [node('a', 'AIAgent'), node('k', 'APIKey'), node('s', 'ServiceAccount'), node('m', 'Model')],
      edges: [{ kind: 'HAS_CREDENTIAL', from: 'a', to: 'k' }, { kind: 'AUTHENTICATES_AS', from: 'k', to: 's' }, { kind: 'CAN_ALTER', from: 's', to: 'm', qualifier: 'deploy' }],
    }]);
    const placed = layoutGraph(graph);
    const xs = placed.nodes.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    for (const edge of placed.edges) {
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
      expect(edge.labelWidth).toBeGreaterThan(10);
    }
    expect(placed.width).toBeGreaterThan((xs.at(-1) ?? 0));
    expect(placed.height).toBeGreaterThan(0);
  });
});
