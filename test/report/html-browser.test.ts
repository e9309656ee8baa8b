// The HTML report opens offline in headless Chromium (Debian's, via playwright-core): every request the page makes is
// recorded and refused, and there must be none besides the page itself; every picture renders with a size; no
// console error (a CSP violation would be one). Screenshots go to test-results/html/.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathwarden } from '../helpers/exec.js';
import { browserMissing, findChromium } from '../web/browser.js';

const CHROMIUM = findChromium();
const MISSING = browserMissing(CHROMIUM);
const SHOTS = 'test-results/html';
const ORIGIN = 'http://report.invalid';

describe.skipIf(MISSING !== undefined)(`html report in headless Chromium${MISSING ? ` (skipped: ${MISSING})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM as string, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => { await browser?.close(); });

  /** Opens `page` as ORIGIN/name.html with every other request refused and recorded. */
  async function open(html: string, name: string): Promise<{ requests: string[]; errors: string[]; sizes: { w: number; h: number }[]; svgCount: number }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (req) => requests.push(req.url()));
    await page.route('**', (route) => (route.request().url() === `${ORIGIN}/${name}.html`
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort()));
    await page.goto(`${ORIGIN}/${name}.html`, { waitUntil: 'load' });
    const sizes = await page.$$eval('svg.picture', (els) => els.map((el) => ({ w: el.getBoundingClientRect().width, h: el.getBoundingClientRect().height })));
    const svgCount = await page.$$eval('svg.picture g.node', (els) => els.length);
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    await page.close();
    return { requests, errors, sizes, svgCount };
  }

  it('analyze examples/acme: no request besides the page, every picture drawn with a size', async () => {
    const r = await pathwarden(['analyze', 'examples/acme', '--at', '2026-11-25T12:00:00Z', '--format', 'html']);
    expect(r.code).toBe(0);
    const seen = await open(r.stdout, 'analyze');
    expect(seen.requests).toEqual([`${ORIGIN}/analyze.html`]);
    expect(seen.errors).toEqual([]);
    expect(seen.sizes).toHaveLength(10);
    for (const s of seen.sizes) expect(s.w > 50 && s.h > 30).toBe(true);
    expect(seen.svgCount).toBeGreaterThanOrEqual(30);
  }, 60_000);

  it('scope of a leaked key: no request besides the page, the picture drawn', async () => {
    const r = await pathwarden(['scope', 'examples/acme', 'key:openai-prod', '--at', '2026-11-25T12:00:00Z', '--format', 'html']);
    expect(r.code).toBe(0);
    const seen = await open(r.stdout, 'scope');
    expect([seen.requests, seen.errors, seen.sizes.length]).toEqual([[`${ORIGIN}/scope.html`], [], 1]);
    expect((seen.sizes[0]?.w ?? 0) > 300).toBe(true);
  }, 60_000);
});
