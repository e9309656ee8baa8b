// Every canned query against a real Neo4j holding the sample examples/acme (ingested with writeGraph, analysed at a
// pinned time, results written back with writeResults). Exact results; where a query overlaps the engine, the two
// answers are compared (equal, or the subset relation the query's description documents).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQueries } from '../../queries/index.js';
import { analyzeLoaded, type GraphAnalysis } from '../../src/analysis/analyze.js';
import { loadGraph } from '../../src/analysis/load.js';
import { reach } from '../../src/engine/reach.js';
import { findingSources } from '../../src/engine/sod.js';
import type { Finding } from '../../src/findings/types.js';
import { kindsOf } from '../../src/model/index.js';
import { openStore, type Store } from '../../src/store/driver.js';
import { writeResults } from '../../src/store/findings.js';
import { runQuery } from '../../src/store/query.js';
import { writeGraph } from '../../src/store/write.js';
import { connectTestNeo4j, resetDatabase, type TestNeo4j } from '../helpers/neo4j.js';

const AT = '2026-11-25T12:00:00Z';
const neo = await connectTestNeo4j();
const tested = new Set<string>();

type Row = Record<string, unknown>;
const sorted = <T>(xs: T[]): T[] => [...xs].sort();
const str = (x: unknown): string => String(x);

describe.skipIf(!neo.available)('canned queries on examples/acme (real Neo4j)', () => {
  const n = neo as TestNeo4j;
  let store: Store;
  let a: GraphAnalysis;
  let all: Finding[];
  let loaded: Awaited<ReturnType<typeof loadGraph>>;

  async function run(id: string, raw: Record<string, string> = {}): Promise<Row[]> {
    tested.add(id);
    const query = loadQueries().find((q) => q.id === id);
    const at: Record<string, string> = query?.params.some((p) => p.name === 'at') ? { at: AT } : {};
    const result = await runQuery(store, id, { ...at, ...raw });
    expect(result.columns).toEqual(result.query.returns);
    return result.rows;
  }

  beforeAll(async () => {
    await resetDatabase(n);
    store = await openStore({ uri: n.uri, user: n.user, password: n.password, database: n.database, origin: 'test' });
    loaded = await loadGraph('examples/acme');
    await writeGraph(store, loaded.graph, { input: 'examples/acme' });
    a = await analyzeLoaded(loaded, { at: new Date(AT) });
    all = [...a.findings, ...a.suppressed];
    await writeResults(store, { at: a.at, findings: a.findings, suppressed: a.suppressed, blast: a.blast });
  });

  afterAll(async () => {
    await store?.close();
    await n.close();
  });

  it('sod-alter-invoke: the engine\'s SoD findings (suppressed included), actions and shortest path lengths', async () => {
    const rows = await run('sod-alter-invoke');
    const engine = all.filter((f) => f.rule === 'sod-alter-invoke').map((f) => {
      const [alter, invoke] = f.pathSets;
      return [f.source.id, f.target.id, sorted([...(alter?.actions ?? [])]), alter?.shortest.edges.length, invoke?.shortest.edges.length];
    }).sort((x, y) => `${x[0]} ${x[1]}`.localeCompare(`${y[0]} ${y[1]}`));
    expect(engine).toHaveLength(34);
    expect(rows.map((r) => [r['source'], r['model'], r['alter_actions'], r['alter_hops'], r['invoke_hops']])).toEqual(engine);
    const bot = rows.find((r) => r['source'] === 'acme/agent/support-bot');
    expect(bot?.['alter_path']).toEqual(['acme/agent/support-bot', 'acme/key/support-bot-runtime', 'acme/sa/support-bot', 'acme/model/support-llm']);
  });

  it('sod-alter-invoke with a smaller maxDepth: exactly the breaks whose shortest paths fit', async () => {
    const rows = await run('sod-alter-invoke', { maxDepth: '3' });
    const fits = all.filter((f) => f.rule === 'sod-alter-invoke' && f.pathSets.every((p) => p.shortest.edges.length <= 3));
    expect(rows.map((r) => `${str(r['source'])} -> ${str(r['model'])}`)).toEqual(sorted(fits.map((f) => `${f.source.id} -> ${f.target.id}`)));
    expect(rows.length).toBeLessThan(34);
  });

  it('$at moves with the engine: on 2025-01-01 the SoD breaks and credential reach are the engine\'s of that day', async () => {
    const PAST = '2025-01-01T12:00:00Z';
    const past = await analyzeLoaded(loaded, { at: new Date(PAST) });
    const pairs = (list: readonly Finding[], rule: string, keep: (f: Finding) => boolean = () => true): string[] =>
      sorted(list.filter((f) => f.rule === rule && keep(f)).map((f) => `${f.source.id} -> ${f.target.id}`));
    const sod = await run('sod-alter-invoke', { at: PAST });
    expect(sod.map((r) => `${str(r['source'])} -> ${str(r['model'])}`)).toEqual(pairs([...past.findings, ...past.suppressed], 'sod-alter-invoke'));
    const credentials: readonly string[] = kindsOf('credential');
    const tier0 = await run('credential-tier0-paths', { at: PAST });
    const expected = pairs([...past.findings, ...past.suppressed], 'sensitive-reach',
      (f) => credentials.includes(f.source.kind) && past.cg.nodeTier[past.cg.indexOf.get(f.target.id) as number] === 0);
    expect(sorted([...new Set(tier0.map((r) => `${str(r['credential'])} -> ${str(r['resource'])}`))])).toEqual(expected);
    // The legacy admin password had not expired yet then.
    expect(expected).toContain('acme/key/payments-legacy-admin -> acme/res/payments-db');
  });

  it('credential-tier0-paths: the engine\'s tier-0 sensitive reach of credentials, path for path', async () => {
    const rows = await run('credential-tier0-paths');
    const credentials: readonly string[] = kindsOf('credential');
    const findings = all.filter((f) => f.rule === 'sensitive-reach' && credentials.includes(f.source.kind)
      && a.cg.nodeTier[a.cg.indexOf.get(f.target.id) as number] === 0);
    expect(sorted([...new Set(rows.map((r) => `${str(r['credential'])} -> ${str(r['resource'])}`))]))
      .toEqual(sorted(findings.map((f) => `${f.source.id} -> ${f.target.id}`)));
    const enginePaths = findings.flatMap((f) => {
      const set = f.pathSets[0];
      expect(set?.truncated).toBe(false);
      return (set?.paths ?? []).map((p) => `${p.nodes.map((x) => x.id).join(' > ')} | ${p.edges.map((e) => e.kind).join(',')}`);
    });
    const queryPaths = rows.map((r) => `${(r['path'] as string[]).join(' > ')} | ${(r['edges'] as string[]).join(',')}`);
    expect(sorted(queryPaths)).toEqual(sorted(enginePaths));
    expect(rows.length).toBe(35);
    expect(rows.every((r) => r['tier'] === 0 && r['hops'] === (r['edges'] as string[]).length)).toBe(true);
  });

  it.each(['acme/res/payments-db', 'acme/model/support-llm', 'acme/model/fraud-detector'])('who-can-reach %s: the engine\'s reach of every principal', async (target) => {
    const rows = await run('who-can-reach', { target });
    const t = a.cg.indexOf.get(target) as number;
    const expected: unknown[][] = [];
    for (const s of findingSources(a.cg)) {
      const r = reach(a.cg, s);
      for (const effect of ['access', 'alter', 'invoke'] as const) {
        const caps = r.capabilities.filter((c) => c.target === t && c.effect === effect);
        if (caps.length === 0) continue;
        const path = r.shortest(t, (c) => c.effect === effect);
        expected.push([a.cg.ids[s], effect, sorted([...new Set(caps.map((c) => c.action))]), path?.edges.length]);
      }
    }
    expected.sort((x, y) => `${str(x[0])} ${str(x[1])}`.localeCompare(`${str(y[0])} ${str(y[1])}`));
    expect(expected.length).toBeGreaterThan(5);
    expect(rows.map((r) => [r['source'], r['effect'], r['actions'], r['hops']])).toEqual(expected);
  });

  it('top-blast-radius: the engine\'s blast ordering, with unsuppressed finding counts', async () => {
    const ranked = [...a.blast].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    const count = (id: string): number => a.findings.filter((f) => f.source.id === id).length;
    const rows = await run('top-blast-radius');
    expect(rows.map((r) => [r['principal'], r['blast_radius'], r['findings']])).toEqual(ranked.slice(0, 20).map(([id, s]) => [id, s, count(id)]));
    const agents = await run('top-blast-radius', { kind: 'AIAgent', limit: '5' });
    const agentIds = new Set(a.cg.ids.filter((id) => a.graph.getNodeAttributes(id).kind === 'AIAgent'));
    expect(agents.map((r) => r['principal'])).toEqual(ranked.filter(([id]) => agentIds.has(id)).slice(0, 5).map(([id]) => id));
  });

  it('findings-by-severity: the engine\'s findings, score order', async () => {
    const order = (list: Finding[]): unknown[][] => [...list].sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
      .map((f) => [f.id, f.severity, f.source.id, f.target.id]);
    const rows = await run('findings-by-severity');
    expect(rows.map((r) => [r['id'], r['severity'], r['source'], r['target']]))
      .toEqual(order(a.findings.filter((f) => f.severity === 'critical' || f.severity === 'high')));
    const reach = await run('findings-by-severity', { severities: 'critical,high,medium,low,info', rule: 'sensitive-reach', includeSuppressed: 'true' });
    expect(reach.map((r) => [r['id'], r['severity'], r['source'], r['target']])).toEqual(order(all.filter((f) => f.rule === 'sensitive-reach')));
    expect(reach.filter((r) => r['suppressed'] === true).map((r) => [r['source'], r['target']])).toEqual([['acme/sa/backup-operator', 'acme/res/payments-db']]);
  });

  it('agent-long-lived-keys: exact rows; privileged targets are the engine\'s reach of each credential', async () => {
    const rows = await run('agent-long-lived-keys');
    const both = ['no expiry', 'never rotated'];
    expect(rows.map((r) => [r['agent'], r['credential'], r['reasons']])).toEqual([
      ['acme/agent/cursor-grace', 'acme/secret/pg-readonly-dsn', both],
      ['acme/agent/cursor-priya', 'acme/secret/mcp-vault-token', both],
      ['acme/agent/docs-qa', 'acme/key/bedrock-triage', both],
      ['acme/agent/hr-assistant', 'acme/key/workday-hr-assistant', both],
      ['acme/agent/oncall-triage', 'acme/key/bedrock-triage', both],
      ['acme/agent/oncall-triage', 'acme/key/openai-prod', both],
      ['acme/agent/oncall-triage', 'acme/token/triage-k8s', both],
      ['acme/agent/sales-copilot', 'acme/key/openai-prod', both],
      ['acme/agent/security-triage', 'acme/key/bedrock-triage', both],
      ['acme/agent/support-bot', 'acme/key/support-bot-runtime', both],
    ]);
    for (const r of rows) {
      const caps = reach(a.cg, a.cg.indexOf.get(str(r['credential'])) as number).capabilities;
      const tierOf = (t: number, fallback: number): number => ((a.cg.nodeTier[t] as number) >= 0 ? (a.cg.nodeTier[t] as number) : fallback);
      const privileged = caps.filter((c) => (c.effect === 'access' && (a.cg.nodeTier[c.target] as number) >= 0 && tierOf(c.target, 9) <= 1)
        || (c.effect === 'alter' && tierOf(c.target, 1) <= 1)).map((c) => a.cg.ids[c.target] as string);
      expect(r['privileged_targets'], str(r['credential'])).toEqual(sorted([...new Set(privileged)]));
    }
    // Stricter thresholds: a 2-year key rotated in April is flagged but reaches nothing of tier 0-1.
    const strict = await run('agent-long-lived-keys', { maxTier: '2', rotationDays: '200' });
    expect(strict.find((r) => r['credential'] === 'acme/key/sfdc-copilot')?.['reasons'])
      .toEqual(['valid for over 365 days', 'not rotated for over 200 days']);
  });

  it('oauth-write-crown-jewels: exact rows; on this sample the engine\'s OAuth tier-0 reach exactly (a subset in general)', async () => {
    const rows = await run('oauth-write-crown-jewels');
    expect(rows.map((r) => [r['app'], r['user'], r['resource'], r['actions'], r['hops']])).toEqual([
      ['acme/app/dba-console', 'acme/human/dana.kowalski', 'acme/res/payments-db', ['admin', 'write'], 3],
      ['acme/app/dba-console', 'acme/human/dana.kowalski', 'acme/res/prod-k8s', ['write'], 6],
      ['acme/app/dba-console', 'acme/human/ivan.horvat', 'acme/res/payments-db', ['admin', 'write'], 3],
      ['acme/app/dba-console', 'acme/human/ivan.horvat', 'acme/res/prod-k8s', ['write'], 6],
      // access:* allows Dana's DBA access but not the CAN_ALTER into the deploy pipeline (alter:configure).
      ['acme/app/retool', 'acme/human/dana.kowalski', 'acme/res/payments-db', ['admin'], 3],
    ]);
    for (const r of rows) {
      const f = all.find((x) => x.rule === 'sensitive-reach' && x.source.id === r['app'] && x.target.id === r['resource']);
      expect(f?.pathSets[0]?.actions).toEqual(expect.arrayContaining(r['actions'] as string[]));
    }
    const engineOauthTier0 = all.filter((f) => f.rule === 'sensitive-reach' && f.source.kind === 'OAuthApp'
      && a.cg.nodeTier[a.cg.indexOf.get(f.target.id) as number] === 0).map((f) => `${f.source.id} -> ${f.target.id}`);
    // meetingnotes-ai's read-only grant is cut by its scopes in both; nothing the engine finds is missing here.
    expect(sorted([...new Set(rows.map((r) => `${str(r['app'])} -> ${str(r['resource'])}`))])).toEqual(sorted(engineOauthTier0));
  });

  it('sa-shared-across-environments: exact rows', async () => {
    const rows = await run('sa-shared-across-environments');
    expect(rows.map((r) => [r['service_account'], r['environments']])).toEqual([
      ['acme/sa/code-assistant-deployer', ['prod', 'staging']],
      ['acme/sa/ml-deployer', ['prod', 'staging']],
      ['acme/sa/ml-eval', ['prod', 'staging']],
      ['acme/sa/openai-dev-project', ['dev', 'staging']],
      ['acme/sa/openai-prod-project', ['prod', 'staging']],
      ['acme/sa/pg-payments-readonly', ['dev', 'prod']],
    ]);
    expect(rows.find((r) => r['service_account'] === 'acme/sa/openai-prod-project')?.['evidence']).toEqual([
      'prod: credential acme/key/openai-prod', 'prod: credential acme/secret/openai-prod-copy',
      'prod: holder acme/agent/oncall-triage of acme/key/openai-prod', 'prod: holder acme/agent/sales-copilot of acme/key/openai-prod',
      'prod: invokes acme/model/support-llm', 'prod: own environment', 'staging: holder acme/pipeline/ml-eval-nightly of acme/key/openai-prod',
    ]);
    expect(await run('sa-shared-across-environments', { minEnvironments: '3' })).toEqual([]);
  });

  it('credentials-expiring: expiring within 30 days, and expired ones still bound', async () => {
    const rows = await run('credentials-expiring');
    expect(rows.map((r) => [r['credential'], r['state'], r['days_left'], r['holders']])).toEqual([
      ['acme/token/github-pat-asmith', 'expired', -573, ['acme/human/contractor.asmith']],
      ['acme/key/payments-legacy-admin', 'expired', -513, ['acme/agent/oncall-triage']],
      ['acme/token/k8s-ci-staging', 'expired', -328, ['acme/pipeline/gha-mobile-release', 'acme/pipeline/gha-payments-deploy', 'acme/pipeline/gha-web-deploy']],
      ['acme/secret/mobile-asc-key', 'expired', -85, ['acme/pipeline/gha-mobile-release']],
      ['acme/token/github-app-code-review', 'expiring', 0, ['acme/agent/code-review']],
      ['acme/token/aws-sso-wei', 'expiring', 0, ['acme/agent/claude-code-wei']],
      ['acme/token/github-pat-emma', 'expiring', 5, ['acme/agent/copilot-emma', 'acme/human/emma.johnson']],
      ['acme/token/snowflake-pat-hannah', 'expiring', 5, ['acme/agent/data-analyst', 'acme/human/hannah.meyer']],
    ]);
    // 40 days ahead also catches the dbt key pair (2026-12-31); the disabled research key never shows.
    const later = await run('credentials-expiring', { days: '40' });
    expect(later.map((r) => r['credential'])).toContain('acme/secret/snowflake-dbt');
    expect(later.map((r) => r['credential'])).not.toContain('acme/key/sagemaker-research');
  });

  it('runs every canned query in this suite', () => {
    expect(sorted([...tested])).toEqual(loadQueries().map((q) => q.id));
  });
});
