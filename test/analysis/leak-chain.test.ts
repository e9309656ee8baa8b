// Issue #10's second chain: a GitHub Actions job with id-token: write assumes an AWS role (the join matches its
// token to the role's trust) that can write the training bucket of a model; the same job holds a static AWS key
// that gitleaks found committed. The key is marked exposed by key id, `scope --exposed` scopes it (and the
// unmatched leaked secret) with one revocation plan, and no output of any command or format contains the planted
// secret. Fixture: test/fixtures/cross-source/gha-leak-training (our files, real formats).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory } from '../../src/analysis/analyze.js';
import { loadGraph, type LoadedGraph } from '../../src/analysis/load.js';
import { scopeExposed } from '../../src/analysis/scope.js';
import { pathwarden } from '../helpers/exec.js';

const DIR = 'test/fixtures/cross-source/gha-leak-training';
const JOB = 'github/acme/ml/workflow/train.yml/job/train';
const SUBJECT = 'aws/111122223333/oidc-provider/token.actions.githubusercontent.com/sub/repo:acme/ml:ref:refs/heads/*';
const ROLE = 'aws/111122223333/role/ci-trainer';
const BUCKET = 'aws/s3/fraud-training';
const KEY = 'acme/key/ml-deploy';
const MODEL = 'acme/model/fraud';
const AT = new Date('2026-11-25T00:00:00Z');
/** Planted in gitleaks-report.json: the AWS secret access key. */
const PLANTED = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDKEY';
let loaded: LoadedGraph;
let out: string;

beforeAll(async () => {
  loaded = await loadGraph(DIR);
  out = await mkdtemp(join(tmpdir(), 'pathwarden-leak-'));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const edge = (from: string, kind: string, to: string): boolean => loaded.graph.someOutEdge(from, (_k, e) => e.kind === kind && e.to === to);

describe('workflow (OIDC) + AWS export + inventory + gitleaks report', () => {
  it('loads every source; the only warning is the leaked secret key that no inventory credential has a fingerprint for', () => {
    expect(loaded.files.map((f) => [f.file.startsWith(DIR) ? f.file.slice(DIR.length + 1) : f.file, f.source])).toEqual([
      ['account-111122223333.json', 'aws'], ['acme/ml/.github/workflows/train.yml', 'github-actions'], ['assets.csv', 'csv-inventory'],
      ['credentials.csv', 'csv-inventory'], ['gitleaks-report.json', 'secret-scanners'],
      ['(join join:secret-scanners)', 'join:secret-scanners'], ['(join join:github-oidc)', 'join:github-oidc'],
    ]);
    expect(loaded.diagnostics.map((d) => [d.severity, d.code, d.file?.slice(DIR.length + 1)])).toEqual([['warning', 'dangling-ref', 'gitleaks-report.json']]);
  });

  it('chains the job through its OIDC token to the role that writes the bucket that trains the model', () => {
    expect(edge(JOB, 'RUNS_AS', SUBJECT)).toBe(true);
    expect(edge(SUBJECT, 'CAN_ASSUME', ROLE)).toBe(true);
    expect(edge(ROLE, 'CAN_ALTER', BUCKET)).toBe(true);
    expect(edge(BUCKET, 'TRAINS', MODEL)).toBe(true);
    // The inventory's full Dataset row replaced the AWS source's reference to the bucket.
    expect(loaded.graph.getNodeAttributes(BUCKET)).toMatchObject({ source: 'csv-inventory', name: 'fraud training data (S3)', properties: { x_arn: 'arn:aws:s3:::fraud-training' } });
    expect(loaded.graph.getNodeAttributes(BUCKET).properties['reference']).toBeUndefined();
  });

  it('marks the job\'s key exposed by its key id, with where it leaked', () => {
    expect(loaded.graph.getNodeAttributes(KEY).properties).toMatchObject({
      exposed: true, exposed_in: ['deploy/upload.cfg:7 (commit 9b1e2d3c4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c)'], key_id: 'AKIAIOSFODNN7EXAMPLE',
    });
    expect(edge(JOB, 'HAS_CREDENTIAL', KEY)).toBe(true);
  });

  it('analyze: one critical leaked-alter finding from the key to the model, ranked first', async () => {
    const result = await analyzeDirectory(DIR, { at: AT, exceptions: false });
    expect(result.findings.map((f) => [f.rule, f.severity, f.source.id, f.target.id])).toEqual([['leaked-alter', 'critical', KEY, MODEL]]);
    expect(result.findings[0]?.pathSets.map((s) => [s.label, s.actions, s.shortest.edges.length])).toEqual([['alter', ['write_training_data'], 3]]);
  });

  it('scope --exposed: the key alters the model through the bucket; one plan revokes both leaks and names the job it breaks', () => {
    const report = scopeExposed(loaded, { at: AT });
    expect(report.nodes.map((n) => n.source.id)).toEqual([KEY, 'leak/sha256:98c4378b3419b370']);
    const key = report.nodes[0];
    expect(key?.reached.map((t) => [t.effect, t.target.id, t.actions, t.atThreshold])).toEqual([['alter', MODEL, ['write_training_data'], true]]);
    expect(key?.reached[0]?.path.edges.map((e) => `${e.from} ${e.kind} ${e.to}`)).toEqual([
      `${KEY} AUTHENTICATES_AS aws/111122223333/user/ml-deployer`, `aws/111122223333/user/ml-deployer CAN_ALTER ${BUCKET}`, `${BUCKET} TRAINS ${MODEL}`,
    ]);
    expect(report.plan.items.map((i) => [i.type, i.cost, i.cuts.map((c) => c.id), i.relying.map((r) => r.id)])).toEqual([
      ['leaked', 1, [MODEL], [JOB]], ['leaked', 1, [], []],
    ]);
    expect(report.residual.clear).toBe(true);
  });

  it('no output of analyze, scope --exposed or export, in any format, contains the planted secret', async () => {
    expect(await readFile(join(DIR, 'gitleaks-report.json'), 'utf8')).toContain(PLANTED);
    const runs: string[][] = [
      ...['table', 'json', 'md', 'csv', 'csv-paths', 'sarif'].map((f) => ['analyze', DIR, '--format', f, '--include-graph'].filter((a) => f === 'json' || a !== '--include-graph')),
      ...['table', 'json', 'md'].map((f) => ['scope', '--exposed', DIR, '--format', f]),
      ['export', DIR, '-o', join(out, 'graph.json')],
    ];
    for (const args of runs) {
      const r = await pathwarden(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).not.toContain(PLANTED);
      if (args[0] !== 'export') expect(r.stdout.length, args.join(' ')).toBeGreaterThan(100);
    }
    const exported = await readFile(join(out, 'graph.json'), 'utf8');
    expect(exported).toContain(KEY);
    expect(exported).not.toContain(PLANTED);
  });
});
