// The bundled sample inventory examples/acme: every planted finding and near miss listed in its README is
// asserted here exactly (rule, source, target and the path that makes it), at a pinned analysis time.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, type GraphAnalysis } from '../../src/analysis/analyze.js';
import { EXPLOITABILITY_WEIGHTS } from '../../src/findings/index.js';
import type { Finding, PathSet } from '../../src/findings/types.js';

const DIR = 'examples/acme';
const NOW = new Date('2026-11-25T12:00:00Z');
const PAST = new Date('2025-01-01T12:00:00Z');
const SOD = 'sod-alter-invoke';
const REACH = 'sensitive-reach';

const id = (kind: string, name: string): string => `acme/${kind}/${name}`;

function find(list: readonly Finding[], rule: string, source: string, target: string): Finding | undefined {
  return list.find((f) => f.rule === rule && f.source.id === source && f.target.id === target);
}

/** Node-id sequences of the shortest and every enumerated path of one path set of a finding. */
function pathsOf(finding: Finding, label: PathSet['label']): string[][] {
  const set = finding.pathSets.find((s) => s.label === label);
  if (!set) return [];
  return [set.shortest, ...set.paths].map((p) => p.nodes.map((n) => n.id));
}

/** Pairs `source -> target` of every finding of a rule, sorted. */
function pairs(list: readonly Finding[], rule: string): string[] {
  return list.filter((f) => f.rule === rule).map((f) => `${f.source.id} -> ${f.target.id}`).sort();
}

let now: GraphAnalysis;
let past: GraphAnalysis;

beforeAll(async () => {
  now = await analyzeDirectory(DIR, { at: NOW });
  past = await analyzeDirectory(DIR, { at: PAST });
});

describe('examples/acme loads cleanly', () => {
  it('produces no diagnostics at all', () => {
    expect(now.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(now.diagnostics).toEqual([]);
  });

  it('loads every node and edge of the sample', () => {
    expect(now.graph.order).toBe(304);
    expect(now.graph.size).toBe(582);
  });
});

describe('planted separation-of-duties breaks (2026-11-25)', () => {
  // [mechanism, source, model, one alter path, one prod-invoke path] (paths as node ids, source first)
  const planted: readonly [string, string, string, string[], string[]][] = [
    ['(a) agent key -> service account with alter + invoke', id('agent', 'support-bot'), id('model', 'support-llm'),
      [id('agent', 'support-bot'), id('key', 'support-bot-runtime'), id('sa', 'support-bot'), id('model', 'support-llm')],
      [id('agent', 'support-bot'), id('key', 'support-bot-runtime'), id('sa', 'support-bot'), id('model', 'support-llm')]],
    ['(b) writes a training dataset', id('agent', 'data-analyst'), id('model', 'fraud-detector'),
      [id('agent', 'data-analyst'), id('sa', 'data-analyst-agent'), id('dataset', 'fraud-labels'), id('model', 'fraud-detector')],
      [id('agent', 'data-analyst'), id('sa', 'data-analyst-agent'), id('model', 'fraud-detector')]],
    ['(c) pipeline takeover', id('sa', 'github-release-bot'), id('model', 'code-assistant'),
      [id('sa', 'github-release-bot'), id('pipeline', 'gha-code-assistant-deploy'), id('model', 'code-assistant')],
      [id('sa', 'github-release-bot'), id('pipeline', 'gha-code-assistant-deploy'), id('sa', 'code-assistant-deployer'), id('model', 'code-assistant')]],
    ['(d) role-assume chain', id('human', 'wei.chen'), id('model', 'embeddings'),
      [id('human', 'wei.chen'), id('group', 'ml-research'), id('role', 'ml-finetune'), id('model', 'embeddings')],
      [id('human', 'wei.chen'), id('group', 'ml-research'), id('role', 'ml-finetune'), id('role', 'ml-eval-prod'), id('model', 'embeddings')]],
    ['(e) shared OpenAI project key', id('agent', 'oncall-triage'), id('model', 'support-llm'),
      [id('agent', 'oncall-triage'), id('key', 'openai-prod'), id('sa', 'openai-prod-project'), id('model', 'support-llm')],
      [id('agent', 'oncall-triage'), id('key', 'openai-prod'), id('sa', 'openai-prod-project'), id('model', 'support-llm')]],
  ];

  it.each(planted)('%s: %s -> %s', (_label, source, model, alterPath, invokePath) => {
    const f = find(now.findings, SOD, source, model);
    expect(f).toBeDefined();
    expect(pathsOf(f as Finding, 'alter')).toContainEqual(alterPath);
    expect(pathsOf(f as Finding, 'invoke')).toContainEqual(invokePath);
  });

  it('reports the alter action of each mechanism', () => {
    const actions = (source: string, model: string): readonly string[] | undefined =>
      find(now.findings, SOD, source, model)?.pathSets.find((s) => s.label === 'alter')?.actions;
    expect(actions(id('agent', 'support-bot'), id('model', 'support-llm'))).toEqual(['edit_prompt']);
    expect(actions(id('agent', 'data-analyst'), id('model', 'fraud-detector'))).toEqual(['write_training_data']);
    expect(actions(id('sa', 'github-release-bot'), id('model', 'code-assistant'))).toEqual(['deploy']);
    expect(actions(id('human', 'wei.chen'), id('model', 'embeddings'))).toEqual(['fine_tune']);
  });

  it('reports exactly the expected set of SoD breaks', () => {
    const sod = (kind: string, name: string, model: string): string => `${id(kind, name)} -> ${id('model', model)}`;
    expect(pairs(now.findings, SOD)).toEqual([
      sod('agent', 'claude-code-wei', 'embeddings'),
      sod('agent', 'code-review', 'code-assistant'),
      sod('agent', 'data-analyst', 'fraud-detector'),
      sod('agent', 'oncall-triage', 'support-llm'),
      sod('agent', 'sales-copilot', 'support-llm'),
      sod('agent', 'support-bot', 'support-llm'),
      sod('human', 'alex.morgan', 'code-assistant'),
      sod('human', 'amara.okafor', 'embeddings'),
      sod('human', 'daniel.kim', 'support-llm'),
      sod('human', 'elena.popescu', 'support-llm'),
      sod('human', 'kai.jensen', 'code-assistant'),
      sod('human', 'lukas.schmidt', 'embeddings'),
      sod('human', 'nina.petrova', 'support-llm'),
      sod('human', 'raj.patel', 'support-llm'),
      sod('human', 'ruth.adler', 'code-assistant'),
      sod('human', 'sam.rivera', 'code-assistant'),
      sod('human', 'sofia.rossi', 'support-llm'),
      sod('human', 'wei.chen', 'embeddings'),
      sod('key', 'openai-prod', 'support-llm'),
      sod('key', 'support-bot-runtime', 'support-llm'),
      sod('pipeline', 'gha-release-please', 'code-assistant'),
      sod('pipeline', 'ml-eval-nightly', 'support-llm'),
      sod('sa', 'code-review-bot', 'code-assistant'),
      sod('sa', 'data-analyst-agent', 'fraud-detector'),
      sod('sa', 'fraud-ml-admin', 'fraud-detector'),
      sod('sa', 'github-release-bot', 'code-assistant'),
      sod('sa', 'openai-prod-project', 'support-llm'),
      sod('sa', 'support-bot', 'support-llm'),
      sod('secret', 'openai-prod-copy', 'support-llm'),
      sod('token', 'aws-sso-wei', 'embeddings'),
      sod('token', 'gh-pat-release-bot', 'code-assistant'),
      sod('token', 'github-app-code-review', 'code-assistant'),
      sod('token', 'github-pat-kai', 'code-assistant'),
      sod('token', 'github-pat-ruth', 'code-assistant'),
    ]);
  });
});

describe('planted sensitive reach to tier-0 systems (3+ hops)', () => {
  const planted: readonly [string, string, string[]][] = [
    ['triage agent -> prod cluster', id('agent', 'oncall-triage'),
      [id('agent', 'oncall-triage'), id('token', 'triage-k8s'), id('sa', 'triage-bot'), id('role', 'sre-oncall'), id('res', 'prod-k8s')]],
    ['support bot -> customer PII', id('agent', 'support-bot'),
      [id('agent', 'support-bot'), id('key', 'support-bot-runtime'), id('sa', 'support-bot'), id('role', 'customer-data-reader'), id('res', 'customer-pii-bucket')]],
    ['payments deploy workflow -> payments DB', id('pipeline', 'gha-payments-deploy'),
      [id('pipeline', 'gha-payments-deploy'), id('workload', 'gha-payments-oidc'), id('role', 'payments-deployer'),
        id('secret', 'payments-db-migrator'), id('sa', 'pg-payments-migrator'), id('res', 'payments-db')]],
    ['IDE agent MCP config -> vault', id('agent', 'cursor-priya'),
      [id('agent', 'cursor-priya'), id('secret', 'mcp-vault-token'), id('role', 'vault-admin'), id('res', 'vault')]],
    ['analyst agent via a borrowed PAT and an Airflow DAG -> payments DB', id('agent', 'data-analyst'),
      [id('agent', 'data-analyst'), id('token', 'snowflake-pat-hannah'), id('human', 'hannah.meyer'), id('group', 'data-eng'),
        id('pipeline', 'airflow-etl'), id('secret', 'backup-operator-key'), id('sa', 'backup-operator'), id('res', 'payments-db')]],
  ];

  it.each(planted)('%s', (_label, source, path) => {
    const target = path[path.length - 1] as string;
    const f = find(now.findings, REACH, source, target);
    expect(f).toBeDefined();
    expect(f?.target.id).toBe(target);
    expect(pathsOf(f as Finding, 'access')).toContainEqual(path);
    expect(path.length - 1).toBeGreaterThanOrEqual(3);
  });

  it('grades the admin reach of the IDE agent into the vault critical', () => {
    expect(find(now.findings, REACH, id('agent', 'cursor-priya'), id('res', 'vault'))?.severity).toBe('critical');
  });
});

describe('near miss cut by time: the expired legacy payments key', () => {
  const agent = id('agent', 'oncall-triage');
  const key = id('key', 'payments-legacy-admin');
  const db = id('res', 'payments-db');

  it('gives no finding on 2026-11-25 (key expired 2025-06-30)', () => {
    expect(find(now.findings, REACH, agent, db)).toBeUndefined();
    expect(find(now.findings, REACH, key, db)).toBeUndefined();
    const through = now.findings.filter((f) => f.pathSets.some((s) => [s.shortest, ...s.paths].some((p) => p.nodes.some((n) => n.id === key))));
    expect(through).toEqual([]);
  });

  it('does give the finding on 2025-01-01, through the key', () => {
    const f = find(past.findings, REACH, agent, db);
    expect(f).toBeDefined();
    expect(pathsOf(f as Finding, 'access')).toContainEqual([agent, key, id('sa', 'pg-payments-legacy'), db]);
    expect(find(past.findings, REACH, key, db)).toBeDefined();
  });

  it('is the only difference in reach to the payments DB between the two dates', () => {
    const toDb = (r: GraphAnalysis): string[] => pairs([...r.findings, ...r.suppressed], REACH).filter((p) => p.endsWith(` -> ${db}`));
    const added = toDb(past).filter((p) => !toDb(now).includes(p));
    expect(added).toEqual([`${agent} -> ${db}`, `${key} -> ${db}`]);
  });
});

describe('near miss cut by delegation scope', () => {
  const dba = id('human', 'dana.kowalski');
  const db = id('res', 'payments-db');
  const drive = id('res', 'finance-drive');

  it('the DBA herself administers the payments DB (and, as a payments engineer, reads and writes it too)', () => {
    expect(find(now.findings, REACH, dba, db)?.pathSets[0]?.actions).toEqual(['read', 'write', 'admin']);
  });

  it('MeetingNotes AI (files.read, calendar.read) reaches only the finance drive, not the payments DB', () => {
    const app = id('app', 'meetingnotes-ai');
    expect(find(now.findings, REACH, app, db)).toBeUndefined();
    expect(now.findings.filter((f) => f.source.id === app).map((f) => f.target.id)).toEqual([drive]);
    expect(pathsOf(find(now.findings, REACH, app, drive) as Finding, 'access')).toContainEqual([app, dba, drive]);
  });

  it('the DBA console (unrestricted grant) reaches the payments DB', () => {
    const app = id('app', 'dba-console');
    const f = find(now.findings, REACH, app, db);
    expect(f).toBeDefined();
    expect(pathsOf(f as Finding, 'access')).toContainEqual([app, dba, id('group', 'dba'), db]);
  });

  it('Retool (access:*) reaches the payments DB but not the finance drive (files.read is not access:*)', () => {
    const app = id('app', 'retool');
    expect(find(now.findings, REACH, app, db)).toBeDefined();
    expect(find(now.findings, REACH, app, drive)).toBeUndefined();
  });
});

describe('accepted exceptions (examples/acme/exceptions.csv)', () => {
  const backup = [id('sa', 'backup-operator'), id('res', 'payments-db')] as const;
  const review = [id('agent', 'code-review'), id('model', 'code-assistant')] as const;

  it('the active exception (expires 2030) suppresses backup-operator -> payments-db', () => {
    const f = find(now.suppressed, REACH, ...backup);
    expect(f).toBeDefined();
    expect(f?.suppressed?.expires).toBe('2030-12-31T00:00:00.000Z');
    expect(find(now.findings, REACH, ...backup)).toBeUndefined();
    expect(now.suppressed.map((s) => s.id)).toEqual([f?.id]);
  });

  it('the expired exception (2026-06-30) no longer suppresses code-review -> code-assistant', () => {
    const f = find(now.findings, SOD, ...review);
    expect(f).toBeDefined();
    expect(find(now.suppressed, SOD, ...review)).toBeUndefined();
  });

  it('reports one exception active and one expired, each matching its one finding', () => {
    const outcome = (source: string): { status: string; findings: readonly string[] } | undefined => {
      const o = now.exceptions.find((e) => e.exception.source.replace(/^id:/, '') === source);
      return o ? { status: o.status, findings: o.findings } : undefined;
    };
    expect(now.exceptions).toHaveLength(2);
    expect(outcome(backup[0])).toEqual({ status: 'active', findings: [find(now.suppressed, REACH, ...backup)?.id] });
    expect(outcome(review[0])).toEqual({ status: 'expired', findings: [find(now.findings, SOD, ...review)?.id] });
  });

  it('the code-review exception was still active on 2025-01-01', () => {
    expect(find(past.suppressed, SOD, ...review)).toBeDefined();
    expect(past.exceptions.find((e) => e.exception.source === review[0])?.status).toBe('active');
  });
});

describe('credential risk factors differ between entry credentials', () => {
  /** Credential risk factors (and `no_credential`) of the shortest path of a finding's first path set. */
  function factorsOf(source: string, target: string, rule: string): string[] {
    const f = find(now.findings, rule, source, target);
    const names = f?.pathSets[0]?.shortest.rank.factors.map((x) => x.name) ?? [];
    return names.filter((n) => n in EXPLOITABILITY_WEIGHTS || n === 'no_credential');
  }

  it('the shared OpenAI key carries every risk but "unused"', () => {
    expect(factorsOf(id('key', 'openai-prod'), id('model', 'support-llm'), SOD)).toEqual(
      ['no_expiry', 'long_lived', 'never_rotated', 'shared_across_environments', 'shared_by_many_holders']);
  });

  it('the support bot key is long-lived and never rotated, but used and held once', () => {
    expect(factorsOf(id('agent', 'support-bot'), id('model', 'support-llm'), SOD)).toEqual(['no_expiry', 'long_lived', 'never_rotated']);
  });

  it('the short-lived GitHub App token carries no risk factor', () => {
    expect(factorsOf(id('token', 'github-app-code-review'), id('model', 'code-assistant'), SOD)).toEqual([]);
  });

  it('paths without a bearer credential say so', () => {
    expect(factorsOf(id('human', 'wei.chen'), id('model', 'embeddings'), SOD)).toEqual(['no_credential']);
  });
});
