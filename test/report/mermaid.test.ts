// Mermaid pictures of paths in the Markdown reports: exact text for a known finding, shapes by node category,
// hostile ids and names escaped so they cannot add nodes or edges, one picture per finding in `--format md`, and
// scope pictures with what the revocation plan cuts marked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDirectory } from '../../src/analysis/analyze.js';
import { loadGraph } from '../../src/analysis/load.js';
import { scopeOf } from '../../src/analysis/scope.js';
import { drawPath, type EdgeRef, type NodeRef } from '../../src/findings/index.js';
import { kindsOf } from '../../src/model/index.js';
import { reportText } from '../../src/report/index.js';
import { md } from '../../src/report/md.js';
import { mermaidFlowchart, mermaidId, mermaidText } from '../../src/report/mermaid.js';
import { SCOPE_REPORTERS } from '../../src/report/scope.js';
import { bestPath } from '../../src/report/text.js';
import { cliFixture } from '../helpers/exec.js';

const AT = new Date('2026-03-01T00:00:00Z');
const options = { limit: 10, color: false, version: 'test' };

const SOD_BOT = [
  'flowchart LR',
  '  n_t_agent_support_bot(["agent:support-bot"])',
  '  n_t_key_deploy_key{{"key:deploy-key"}}',
  '  n_t_sa_deployer(["sa:deployer"])',
  '  n_t_model_support_llm[/"model:support-llm"\\]',
  '  n_t_agent_support_bot -->|"HAS_CREDENTIAL"| n_t_key_deploy_key',
  '  n_t_key_deploy_key -->|"AUTHENTICATES_AS"| n_t_sa_deployer',
  '  n_t_sa_deployer -->|"CAN_ALTER deploy"| n_t_model_support_llm',
  '  n_t_sa_deployer -->|"CAN_INVOKE prod"| n_t_model_support_llm',
  '  classDef identity fill:#e3f2fd,stroke:#1565c0',
  '  class n_t_agent_support_bot,n_t_sa_deployer identity',
  '  classDef credential fill:#fff3e0,stroke:#e65100',
  '  class n_t_key_deploy_key credential',
  '  classDef asset fill:#fce4ec,stroke:#ad1457',
  '  class n_t_model_support_llm asset',
].join('\n');

describe('mermaid flowchart of a finding', () => {
  it('draws the SoD finding of test/fixtures/cli/basic: alter and invoke paths as one picture, exactly', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const f = r.findings.find((x) => x.rule === 'sod-alter-invoke' && x.source.id === 't/agent/support-bot');
    expect(f?.pathSets.map((s) => s.label)).toEqual(['alter', 'invoke']);
    expect(mermaidFlowchart((f?.pathSets ?? []).map(bestPath))).toBe(SOD_BOT);
  });

  it('puts one ```mermaid block per finding in the md report, the SoD one verbatim', async () => {
    const r = await analyzeDirectory(cliFixture('basic'), { at: AT, exceptions: false });
    const text = reportText(md.analysis(r, options));
    const blocks = [...text.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
    expect(blocks).toHaveLength(6);
    expect(blocks).toContain(SOD_BOT);
  });
});

describe('mermaid escaping', () => {
  const HOSTILE = 'x"]-->|x| evil["<b>#1;</b> & %% end; `md` {a} (b)\nline2 \\ é中';

  it('turns every character outside a small safe set into an entity code and line breaks into spaces', () => {
    expect(mermaidText(HOSTILE)).toBe('x#34;#93;--#62;#124;x#124; evil#91;#34;#60;b#62;#35;1#59;#60;/b#62; #38; #37;#37; end#59; '
      + '#96;md#96; #123;a#125; #40;b#41; line2 #92; é中');
    expect(mermaidText('agent:ci-bot_2 v1.0/prod @acme+x=y, ok!?*\'$~')).toBe('agent:ci-bot_2 v1.0/prod @acme+x=y, ok!?*\'$~');
  });

  it('sanitises ids to letters, digits and _, prefixed so no id is a keyword (end) or starts an o/x edge', () => {
    expect(mermaidId('end')).toBe('n_end');
    expect(mermaidId('o/x-1')).toBe('n_o_x_1');
    expect(mermaidId(HOSTILE)).toMatch(/^n_[A-Za-z0-9_]+$/);
  });

  it('keeps a hostile path to its own nodes and edges: ids that sanitise alike stay apart', () => {
    const node = (id: string, kind: NodeRef['kind'], label: string): NodeRef => ({ id, kind, name: id, label });
    const nodes = [node('end', 'AIAgent', 'agent:end'), node(HOSTILE, 'APIKey', `key:${HOSTILE}`), node('o/x', 'Role', 'role:o'), node('o_x', 'Resource', 'res:o_x')];
    const edges: EdgeRef[] = [
      { kind: 'HAS_CREDENTIAL', from: 'end', to: HOSTILE, qualifier: '"]-->|y|' },
      { kind: 'AUTHENTICATES_AS', from: HOSTILE, to: 'o/x' },
      { kind: 'CAN_ACCESS', from: 'o/x', to: 'o_x', qualifier: 'read' },
    ];
    const lines = mermaidFlowchart([{ nodes, edges }]).split('\n');
    const key = mermaidId(HOSTILE);
    expect(lines.slice(0, 8)).toEqual([
      'flowchart LR',
      '  n_end(["agent:end"])',
      `  ${key}{{"key:${mermaidText(HOSTILE)}"}}`,
      '  n_o_x[["role:o"]]',
      '  n_o_x_2[("res:o_x")]',
      `  n_end -->|"HAS_CREDENTIAL #34;#93;--#62;#124;y#124;"| ${key}`,
      `  ${key} -->|"AUTHENTICATES_AS"| n_o_x`,
      '  n_o_x -->|"CAN_ACCESS read"| n_o_x_2',
    ]);
    // NOTE: every quoted label holds only safe characters and entity codes, so none can close its quotes.
    const labels = lines.flatMap((l) => [...l.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? ''));
    expect(labels).toHaveLength(7);
    for (const label of labels) expect(label).toMatch(/^[\p{L}\p{N} :._\-/@+=,!?*'$~#;]*$/u);
    expect(lines.slice(8)).toEqual([
      '  classDef identity fill:#e3f2fd,stroke:#1565c0', '  class n_end identity',
      '  classDef grouping fill:#f3e5f5,stroke:#6a1b9a', '  class n_o_x grouping',
      '  classDef credential fill:#fff3e0,stroke:#e65100', `  class ${key} credential`,
      '  classDef resource fill:#e8f5e9,stroke:#2e7d32', '  class n_o_x_2 resource',
    ]);
    expect(lines.filter((l) => l.includes('-->'))).toHaveLength(3);
  });
});

describe('docs/reports.md', () => {
  it('lists the node kinds of each shape as the model declares them', () => {
    const page = readFileSync(new URL('../../docs/reports.md', import.meta.url), 'utf8');
    for (const category of ['identity', 'grouping', 'credential', 'asset', 'resource'] as const) {
      const row = page.split('\n').find((l) => l.startsWith(`| ${category} (`)) ?? '';
      const listed = [...(/\(([^)]*)\)/.exec(row)?.[1] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]);
      expect([category, listed]).toEqual([category, kindsOf(category)]);
    }
  });
});

describe('marked edges and nodes (what a revocation plan cuts)', () => {
  const node = (id: string, kind: NodeRef['kind']): NodeRef => ({ id, kind, name: id, label: id });
  const nodes = [node('k', 'APIKey'), node('sa', 'ServiceAccount'), node('db', 'Resource')];
  const edges: EdgeRef[] = [{ kind: 'AUTHENTICATES_AS', from: 'k', to: 'sa' }, { kind: 'CAN_ACCESS', from: 'sa', to: 'db', qualifier: 'admin' }];

  it('labels a marked edge `cut:` and styles it by index; marked nodes get the cut class last', () => {
    const text = mermaidFlowchart([{ nodes, edges }], { edge: (e) => e.kind === 'CAN_ACCESS', node: (n) => n.id === 'k' });
    expect(text.split('\n').slice(4)).toEqual([
      '  n_k -->|"AUTHENTICATES_AS"| n_sa',
      '  n_sa -->|"cut: CAN_ACCESS admin"| n_db',
      '  classDef identity fill:#e3f2fd,stroke:#1565c0', '  class n_sa identity',
      '  classDef credential fill:#fff3e0,stroke:#e65100', '  class n_k credential',
      '  classDef resource fill:#e8f5e9,stroke:#2e7d32', '  class n_db resource',
      '  classDef cut stroke:#c62828,stroke-width:3px', '  class n_k cut',
      '  linkStyle 1 stroke:#c62828,stroke-width:3px',
    ]);
  });
});

describe('scope --format md pictures', () => {
  it('draws, per scoped node, its paths to targets at the threshold, every one crossing something the plan cuts', async () => {
    const loaded = await loadGraph('examples/acme');
    const report = scopeOf(loaded, 'kind:AIAgent', { at: new Date('2026-11-25T12:00:00Z') });
    const text = SCOPE_REPORTERS.md(report, { limit: 20, color: false, version: 'test' });
    const blocks = [...text.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1] ?? '');
    const drawn = report.nodes.filter((n) => n.reached.some((t) => t.atThreshold));
    expect(blocks).toHaveLength(drawn.length);
    const cutEdges = report.plan.items.flatMap((x) => (x.edge ? [x.edge] : []));
    const cutNodes = new Set(report.plan.items.flatMap((x) => (x.node ? [x.node.id] : [])));
    drawn.forEach((n, i) => {
      const paths = n.reached.filter((t) => t.atThreshold).slice(0, 20).map((t) => t.path);
      for (const p of paths) {
        const crosses = p.nodes.some((x) => cutNodes.has(x.id))
          || p.edges.some((e) => cutEdges.some((c) => c.from === e.from && c.to === e.to && c.kind === e.kind && c.qualifier === e.qualifier));
        expect([n.source.id, drawPath(p.nodes, p.edges), crosses]).toEqual([n.source.id, drawPath(p.nodes, p.edges), true]);
      }
      const block = blocks[i] ?? '';
      const cutLabels = block.split('\n').filter((l) => l.includes('|"cut: ')).length;
      expect(block.includes('linkStyle')).toBe(cutLabels > 0);
    });
    expect(blocks.join('\n')).toContain('n_acme_agent_data_analyst -->|"cut: RUNS_AS"| n_acme_sa_data_analyst_agent');
  });
});
