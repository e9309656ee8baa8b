// GET /v1/kinds: the catalogue the web view draws and filters with, derived from the registries and the edge docs.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from '../../api/server.js';
import { sectionBody } from '../../src/docs/edge-page.js';
import { RULES, SEVERITIES } from '../../src/findings/index.js';
import { EDGE_KINDS, ENVIRONMENTS, NODE_KINDS, SOURCE_KINDS } from '../../src/model/index.js';

const TOKEN = 'kinds-test-token-0123456789';
const open: FastifyInstance[] = [];
afterEach(async () => { await Promise.all(open.splice(0).map((a) => a.close())); });

interface Catalogue {
  nodes: { kind: string; category: string; isSource: boolean }[];
  edges: { kind: string; remediation: string; docRemediation?: string; doc: string }[];
  rules: { id: string }[]; severities: string[]; environments: string[];
}

describe('GET /v1/kinds', () => {
  it('lists every node and edge kind, rule, severity and environment, with each edge doc\'s Remediation section', async () => {
    const app = createServer({ source: { kind: 'dir', dir: 'examples/acme' }, token: TOKEN, rateLimit: 0 }, { logLevel: false });
    open.push(app);
    expect((await app.inject({ url: '/v1/kinds' })).statusCode).toBe(401);
    const res = await app.inject({ url: '/v1/kinds', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    const c = res.json() as Catalogue;
    expect(c.nodes.map((n) => n.kind)).toEqual([...NODE_KINDS]);
    expect(c.nodes.filter((n) => n.isSource).map((n) => n.kind)).toEqual([...SOURCE_KINDS]);
    expect(c.nodes.find((n) => n.kind === 'APIKey')?.category).toBe('credential');
    expect(c.edges.map((e) => e.kind)).toEqual([...EDGE_KINDS]);
    for (const e of c.edges) {
      expect(e.doc).toBe(`docs/edges/${e.kind}.md`);
      expect(e.docRemediation).toBe(sectionBody(readFileSync(e.doc, 'utf8'), 'Remediation'));
    }
    expect(c.edges.find((e) => e.kind === 'CAN_ASSUME')?.docRemediation?.split('\n')[0])
      .toBe('- Narrow trust policies to named principals; never trust a whole account or `*` without conditions.');
    expect(c.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(c.severities).toEqual([...SEVERITIES]);
    expect(c.environments).toEqual([...ENVIRONMENTS]);
  });
});
