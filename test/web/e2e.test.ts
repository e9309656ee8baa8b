// The web view end to end in headless Chromium (Debian's, driven by playwright-core): findings, filters, a finding's
// drawn path, scope with its cut edges, blast radius, the token prompt of a non-loopback bind and the "API down"
// state. Screenshots go to test-results/web/; the finding view's also to docs/img/finding.png (README).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedGraph } from '../../src/analysis/load.js';
import { e, graphOf, n } from '../helpers/tiny-graph.js';
import { browserMissing, E2E_TOKEN, ensureWebBuilt, findChromium, serveSample } from './browser.js';

const CHROMIUM = findChromium();
const MISSING = browserMissing(CHROMIUM);
const SHOTS = 'test-results/web';
const DOC_IMAGE = 'docs/img/finding.png';

/** The parts of cytoscape the page exposes as window.__pw_cy that these tests read. */
interface CyLike {
  nodes(): { map<T>(f: (n: { id(): string; hasClass(c: string): boolean }) => T): T[] };
  edges(selector?: string): { map<T>(f: (e: { data(k: string): string }) => T): T[] };
}
interface FindingJson {
  pathSets: { label: string; paths: { nodes: { id: string }[]; edges: { kind: string; from: string; to: string; qualifier?: string }[] }[] }[];
}

async function drawn(page: Page, scope = 'body'): Promise<{ nodes: string[]; labels: string[]; cut: string[]; revoked: string[] }> {
  await page.waitForSelector(`${scope} [data-graph][data-ready="true"]`, { timeout: 20_000 });
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __pw_cy: CyLike }).__pw_cy;
    return {
      nodes: cy.nodes().map((n) => n.id()).sort(),
      labels: cy.edges().map((e) => e.data('label')).sort(),
      cut: cy.edges('.cut').map((e) => e.data('key')).sort(),
      revoked: cy.nodes().map((n) => (n.hasClass('revoked') ? n.id() : '')).filter(Boolean).sort(),
    };
  });
}

/** A key whose service account assumes 40 roles, each reading 20 tier-0 resources: 800 targets, 842 nodes of reach. */
function wideGraph(): LoadedGraph {
  const roles = Array.from({ length: 40 }, (_, i) => `role-${String(i).padStart(2, '0')}`);
  const resources = roles.flatMap((r) => Array.from({ length: 20 }, (_, j) => [r, `${r}-res-${String(j).padStart(2, '0')}`] as const));
  const nodes = [n('APIKey', 'key'), n('ServiceAccount', 'sa'), ...roles.map((r) => n('Role', r)), ...resources.map(([, x]) => n('Resource', x, { tier: 0 }))];
  const edges = [e('AUTHENTICATES_AS', 'key', 'sa'), ...roles.map((r) => e('CAN_ASSUME', 'sa', r)),
    ...resources.map(([r, x]) => e('CAN_ACCESS', r, x, { action: 'read' }))];
  return { dir: '(wide test graph)', graph: graphOf(nodes, edges), files: [], diagnostics: [] };
}

const rowIds = (page: Page): Promise<string[]> => page.$$eval('table.findings tbody tr', (rows) => rows.map((r) => r.getAttribute('data-finding') ?? ''));

describe.skipIf(MISSING !== undefined)(`web view in headless Chromium${MISSING ? ` (skipped: ${MISSING})` : ''}`, () => {
  let browser: Browser;
  let server: { app: FastifyInstance; url: string };
  let page: Page;
  const consoleErrors: string[] = [];
  const api = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${server.url}/v1/${path}`, { headers: { authorization: `Bearer ${E2E_TOKEN}` } })).json()) as T;

  beforeAll(async () => {
    ensureWebBuilt();
    mkdirSync(SHOTS, { recursive: true });
    server = await serveSample();
    browser = await chromium.launch({ executablePath: CHROMIUM as string, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // NOTE: HTTP errors the views expect (503 of the diff test) log "Failed to load resource"; anything else counts.
    page.on('console', (msg) => { if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) consoleErrors.push(msg.text()); });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
  });

  it('opens the ranked findings at / without a token (session cookie), names and ids as text', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('table.findings');
    const first = await api<{ total: number; findings: { id: string; title: string }[] }>('findings?limit=50');
    expect(await rowIds(page)).toEqual(first.findings.map((f) => f.id));
    expect(await page.textContent('table.findings tbody tr:first-child')).toContain(first.findings[0]?.title);
    expect(await page.textContent('table.findings caption')).toBe(`Findings 1–50 of ${first.total}, highest score first`);
    await page.screenshot({ path: `${SHOTS}/findings.png` });
  });

  it('filters by kind and searches by name, with the filters in the URL', async () => {
    await page.selectOption('select[name="rule"]', 'sod-alter-invoke');
    await page.waitForURL(/\/findings\?rule=sod-alter-invoke$/);
    await page.waitForSelector('table.findings');
    const sod = await api<{ findings: { id: string }[] }>('findings?rule=sod-alter-invoke&limit=50');
    expect(await rowIds(page)).toEqual(sod.findings.map((f) => f.id));
    await page.fill('input[name="q"]', 'oncall-triage');
    await page.press('input[name="q"]', 'Enter');
    await page.waitForURL(/q=oncall-triage/);
    await page.waitForSelector('table.findings tbody tr:only-child');
    expect(await rowIds(page)).toEqual(['pw-926f09d8d7dd76b8']);
    expect(await page.$eval(':focus', (el) => el.getAttribute('name'))).toBe('q');
    await page.fill('input[name="q"]', 'no-such-name-anywhere');
    await page.press('input[name="q"]', 'Enter');
    await page.waitForSelector('.state.empty');
    expect(await page.textContent('.state.empty')).toContain('No findings match these filters.');
    await page.goBack();
    await page.waitForSelector('table.findings');
  });

  it('opens a finding from the keyboard and draws its path: nodes, edge labels, rank, remediation per edge', async () => {
    await page.focus('table.findings tbody a');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/findings\/pw-926f09d8d7dd76b8$/);
    const graph = await drawn(page);
    expect(graph.nodes).toEqual(['acme/agent/oncall-triage', 'acme/key/openai-prod', 'acme/model/support-llm', 'acme/sa/openai-prod-project']);
    expect(graph.labels).toEqual(['AUTHENTICATES_AS', 'CAN_ALTER fine_tune', 'HAS_CREDENTIAL']);
    // NOTE: the same numbers from the API: every path of the first capability, merged.
    const f = await api<FindingJson>('findings/pw-926f09d8d7dd76b8');
    const paths = f.pathSets[0]?.paths ?? [];
    expect(graph.nodes).toEqual([...new Set(paths.flatMap((p) => p.nodes.map((n) => n.id)))].sort());
    expect(graph.labels).toEqual([...new Set(paths.flatMap((p) => p.edges.map((e) => (e.qualifier ? `${e.kind} ${e.qualifier}` : e.kind))))].sort());
    expect(await page.$$eval('[data-edge-kind]', (els) => els.map((e) => e.getAttribute('data-edge-kind')).sort()))
      .toEqual(['AUTHENTICATES_AS', 'CAN_ALTER', 'HAS_CREDENTIAL']);
    expect(await page.textContent('main')).toContain('score 454.3 = 10 × blast factor 3.59 × principal 1.5 × exploitability 3.75 × target 2.5 × length 0.9');
    await page.screenshot({ path: `${SHOTS}/finding.png`, fullPage: false });
    if (!existsSync(DOC_IMAGE) || process.env['UPDATE_SCREENSHOTS'] === '1') {
      mkdirSync('docs/img', { recursive: true });
      copyFileSync(`${SHOTS}/finding.png`, DOC_IMAGE);
    }
  });

  it('shows the scope of a credential with the cut edges marked and zero residual reach', async () => {
    await page.click('text=scope it as compromised');
    await page.waitForURL(/\/scope\?selector=acme%2Fkey%2Fopenai-prod$/);
    let graph = await drawn(page);
    expect(graph.cut).toEqual(['AUTHENTICATES_AS|acme/key/openai-prod|acme/sa/openai-prod-project|']);
    expect(graph.revoked).toEqual(['acme/key/openai-prod']);
    expect(await page.textContent('.residual-zero .big')).toBe('0');

    await page.goto(`${server.url}/scope?selector=acme/sa/triage-bot`);
    graph = await drawn(page);
    expect(graph.cut).toEqual(['CAN_ASSUME|acme/sa/triage-bot|acme/role/sre-oncall|']);
    expect(graph.revoked).toEqual([]);
    expect(await page.$$eval('.edge-list li.cut', (els) => els.map((e) => e.textContent))).toEqual([
      '✂ cut sa:triage-bot -[CAN_ASSUME]-> role:sre-oncall (examples/acme/bindings.csv:245)',
    ]);
    expect(await page.textContent('.residual-zero .big')).toBe('0');
    await page.screenshot({ path: `${SHOTS}/scope.png` });
  });

  it('shows the blast radius of a principal by tier, each target expandable to its drawn path', async () => {
    await page.goto(`${server.url}/blast?selector=acme/agent/oncall-triage`);
    await page.waitForSelector('section.tier');
    const blast = await api<{ principals: { reached: { tier?: number; path: { nodes: { id: string }[] } }[] }[] }>('blast?selector=acme/agent/oncall-triage');
    const reached = blast.principals[0]?.reached ?? [];
    const tiers = [...new Set(reached.map((r) => (r.tier === undefined ? 'none' : String(r.tier))))].sort();
    expect((await page.$$eval('section.tier', (els) => els.map((e) => e.getAttribute('data-tier') ?? ''))).sort()).toEqual(tiers);
    expect(await page.$$eval('details.reached', (els) => els.length)).toBe(reached.length);
    const firstTier = await page.$eval('section.tier', (e) => e.getAttribute('data-tier'));
    const first = reached.filter((r) => String(r.tier ?? 'none') === firstTier)[0];
    await page.click('section.tier details.reached summary');
    const graph = await drawn(page, 'section.tier details.reached');
    expect(graph.nodes).toEqual([...new Set(first?.path.nodes.map((n) => n.id))].sort());
    await page.screenshot({ path: `${SHOTS}/blast.png` });
  });

  it('says plainly when the backend cannot diff snapshots', async () => {
    await page.goto(`${server.url}/diff?snapshot=latest`);
    await page.waitForSelector('.state.error');
    expect(await page.textContent('.state.error p')).toBe(
      'The server cannot answer this now: this server has no Neo4j store to read snapshots from; start it with `pathwarden serve --neo4j`');
  });

  it('folds wide fans and caps a reach of hundreds of targets to a readable picture, drawn in seconds, and says so', async () => {
    const wide = await serveSample({ source: { kind: 'graph', loaded: wideGraph() } });
    try {
      const started = Date.now();
      await page.goto(`${wide.url}/scope?selector=key`);
      const graph = await drawn(page);
      const ms = Date.now() - started;
      // NOTE: per role 7 resources and one "+13 more Resource" node; paths are added while within 250 nodes: key, sa,
      // 27 whole roles of 1 + 8 nodes (245), then the 28th role and its first 4 resources.
      expect(graph.nodes.length).toBe(250);
      expect(graph.nodes.filter((id) => id.endsWith('|+'))).toHaveLength(27);
      expect(graph.labels.filter((l) => l === 'CAN_ACCESS read')).toHaveLength(27 * 8 + 4);
      expect(await page.textContent('.graph-panel .note')).toMatch(/^Drawing the first \d+ of 800 paths \(250 nodes\)/);
      expect(await page.$$eval('.scoped table:first-of-type tbody tr', (rows) => rows.length)).toBe(800);
      expect(ms).toBeLessThan(15_000);
      await page.screenshot({ path: `${SHOTS}/scope-wide.png` });
    } finally {
      await wide.app.close();
    }
  });

  it('ran every view above without a script error or a Content-Security-Policy violation', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('asks for the token on a non-loopback bind, then shows the findings; says so when the API is down', async () => {
    const wide = await serveSample({}, '0.0.0.0');
    const tab = await browser.newPage();
    try {
      await tab.goto(`${wide.url}/findings`);
      await tab.waitForSelector('form.token');
      expect(await tab.textContent('.state.unauthorized p')).toContain('This server needs its API token.');
      await tab.fill('#token', E2E_TOKEN);
      await tab.press('#token', 'Enter');
      await tab.waitForSelector('table.findings');
      expect((await rowIds(tab)).length).toBe(50);
      await wide.app.close();
      await tab.click('text=Next →');
      await tab.waitForSelector('.state.error');
      expect(await tab.textContent('.state.error p')).toBe(
        'The pathwarden API does not answer. Is `pathwarden serve` still running? Start it again, then reload this page.');
    } finally {
      await tab.close();
      await wide.app.close();
    }
  });
});
