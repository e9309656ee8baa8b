// Every ```mermaid block pathwarden writes is parsed by Mermaid itself (the package GitHub and GitLab render with),
// in a jsdom window: the analysis, paths and blast reports of the sample, scope pictures with cut edges, and a path
// of hostile names. The parser is shown to reject a broken block, so a pass means the blocks parse.
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory } from '../../src/analysis/analyze.js';
import { loadGraph } from '../../src/analysis/load.js';
import { scopeOf } from '../../src/analysis/scope.js';
import type { EdgeRef, NodeRef } from '../../src/findings/index.js';
import { reportText } from '../../src/report/index.js';
import { md } from '../../src/report/md.js';
import { mermaidFlowchart } from '../../src/report/mermaid.js';
import { SCOPE_REPORTERS } from '../../src/report/scope.js';

const AT = new Date('2026-11-25T12:00:00Z');
const options = { limit: 50, color: false, version: 'test' };

interface FlowDb {
  getVertices(): Map<string, unknown>;
  getEdges(): readonly { start: string; end: string }[];
}
interface Mermaid {
  initialize(config: object): void;
  parse(text: string): Promise<{ diagramType: string }>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: FlowDb }> };
}
let mermaid: Mermaid;

beforeAll(async () => {
  // NOTE: Mermaid sanitises labels with DOMPurify, which needs a window; parse() draws nothing.
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import('mermaid')).default as unknown as Mermaid;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

function blocks(text: string): string[] {
  return [...text.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1] ?? '');
}

async function parseAll(list: readonly string[]): Promise<string[]> {
  const types: string[] = [];
  for (const block of list) types.push((await mermaid.parse(block)).diagramType);
  return types;
}

describe('Mermaid parses every block pathwarden writes', () => {
  it('rejects a broken flowchart (the check can fail)', async () => {
    await expect(mermaid.parse('flowchart LR\n  a["x"] -->|"y| b\n')).rejects.toThrow(/Parse error/);
    await expect(mermaid.parse('flowchart LR\n  a[A (x)] --> b\n')).rejects.toThrow(/Parse error/);
  });

  it('analyze --format md on the sample: one flowchart per reported finding', async () => {
    const r = await analyzeDirectory('examples/acme', { at: AT });
    const list = blocks(reportText(md.analysis(r, options)));
    expect(list.length).toBe(Math.min(r.findings.length, options.limit));
    expect(new Set(await parseAll(list))).toEqual(new Set(['flowchart-v2']));
  });

  it('scope --format md on the sample: pictures with the cut edges marked', async () => {
    const report = scopeOf(await loadGraph('examples/acme'), 'kind:AIAgent', { at: AT });
    const list = blocks(SCOPE_REPORTERS.md(report, options));
    expect(list.some((b) => b.includes('|"cut: ') && b.includes('linkStyle'))).toBe(true);
    expect(new Set(await parseAll(list))).toEqual(new Set(['flowchart-v2']));
  });

  it('a path of hostile names and ids still parses, with its own three edges', async () => {
    const hostile = 'x"]-->|x| evil["<b>#1;</b> & %% end; `md` {a} (b)\nline2 \\ é中';
    const node = (id: string, kind: NodeRef['kind'], label: string): NodeRef => ({ id, kind, name: id, label });
    const nodes = [node('end', 'AIAgent', 'agent:end'), node(hostile, 'APIKey', `key:${hostile}`), node('o/x', 'Role', 'role:o'), node('o_x', 'Resource', 'res:o_x')];
    const edges: EdgeRef[] = [
      { kind: 'HAS_CREDENTIAL', from: 'end', to: hostile, qualifier: '"]-->|y|' },
      { kind: 'AUTHENTICATES_AS', from: hostile, to: 'o/x' },
      { kind: 'CAN_ACCESS', from: 'o/x', to: 'o_x', qualifier: 'read' },
    ];
    const text = mermaidFlowchart([{ nodes, edges }], { edge: (e) => e.kind === 'CAN_ACCESS' });
    expect(await parseAll([text])).toEqual(['flowchart-v2']);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    expect([...db.getVertices().keys()]).toHaveLength(4);
    expect(db.getEdges().map((e) => `${e.start}>${e.end}`)).toHaveLength(3);
    expect(new Set(db.getEdges().flatMap((e) => [e.start, e.end]))).toEqual(new Set(db.getVertices().keys()));
  });
});
