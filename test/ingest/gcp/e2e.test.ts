// A Vertex AI separation-of-duties break from gcloud exports alone (test/fixtures/gcp/e2e, our files in the real
// formats): the trainer service account holds a custom role that can start tuning jobs and another that can call
// endpoints, so it can both alter and invoke the project's models. Its key, and Bob who may mint its tokens, inherit
// the break; ml-user's break comes from the predefined Vertex AI User; tuner-only (alter, no invoke) has none.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDirectory, type GraphAnalysis } from '../../../src/analysis/analyze.js';
import type { Finding } from '../../../src/findings/types.js';
import { pathwarden } from '../../helpers/exec.js';
import { diagTuples } from '../tuples.js';
import { BOB, GCP_FIXTURES, MODELS, PROJECT, TRAINER, TRAINER_EMAIL, role } from './helpers.js';

const KEY = `${TRAINER}/key/3f1c9a7e5b2d4c6e8f0a1b2c3d4e5f60718293a4`;
const TUNER = role(PROJECT, 'projects/acme-ml-prod/roles/vertexTuner');
const INVOKER = role(PROJECT, 'projects/acme-ml-prod/roles/vertexInvoker');
const TOKEN_CREATOR = role(`${PROJECT}/serviceAccounts/${TRAINER_EMAIL}`, 'roles/iam.serviceAccountTokenCreator');
let result: GraphAnalysis;

beforeAll(async () => {
  result = await analyzeDirectory(`${GCP_FIXTURES}/e2e`, { at: new Date('2026-11-25T00:00:00Z'), exceptions: false });
});

const drawn = (f: Finding, i: number): string[] => (f.pathSets[i]?.shortest.edges ?? []).map((e) => `${e.from} -${e.kind}${e.qualifier ? ` ${e.qualifier}` : ''}-> ${e.to}`);

describe('gcp: service account with a tuning custom role and an invoking custom role → SoD on the project\'s Vertex AI models', () => {
  it('loads the seven exports; the only diagnostic is the fingerprinted private key of the key file', () => {
    expect(diagTuples(result.diagnostics)).toEqual([['warning', 'secret-fingerprinted', 'trainer-key.json', undefined, undefined, '$.private_key']]);
    expect(result.files.map((f) => f.source)).toEqual(['gcp', 'gcp', 'gcp', 'gcp', 'gcp', 'gcp', 'gcp']);
  });

  it('one sod-alter-invoke finding per identity or credential that can both tune and invoke; none for tuner-only', () => {
    expect(result.findings.map((f) => `${f.rule} ${f.source.id} ${f.target.id}`).sort()).toEqual([
      `sod-alter-invoke ${BOB} ${MODELS}`, `sod-alter-invoke ${KEY} ${MODELS}`,
      `sod-alter-invoke gcp/sa/ml-user@acme-ml-prod.iam.gserviceaccount.com ${MODELS}`, `sod-alter-invoke ${TRAINER} ${MODELS}`,
    ].sort());
  });

  it('the trainer\'s alter path goes through the custom tuning role, its invoke path through the custom invoker role', () => {
    const f = result.findings.find((x) => x.source.id === TRAINER) as Finding;
    expect(drawn(f, 0)).toEqual([`${TRAINER} -MEMBER_OF-> ${TUNER}`, `${TUNER} -CAN_ALTER fine_tune-> ${MODELS}`]);
    expect(drawn(f, 1)).toEqual([`${TRAINER} -MEMBER_OF-> ${INVOKER}`, `${INVOKER} -CAN_INVOKE prod-> ${MODELS}`]);
  });

  it('Bob reaches the break by impersonating the trainer (Token Creator on its own policy)', () => {
    const f = result.findings.find((x) => x.source.id === BOB) as Finding;
    expect(drawn(f, 0)).toEqual([
      `${BOB} -MEMBER_OF-> ${TOKEN_CREATOR}`, `${TOKEN_CREATOR} -CAN_IMPERSONATE-> ${TRAINER}`, `${TRAINER} -MEMBER_OF-> ${TUNER}`, `${TUNER} -CAN_ALTER fine_tune-> ${MODELS}`,
    ]);
  });

  it('no output of analyze (every format) or export contains the key file\'s private key', async () => {
    const dir = `${GCP_FIXTURES}/e2e`;
    const planted = (JSON.parse(await readFile(join(dir, 'trainer-key.json'), 'utf8')) as { private_key: string }).private_key;
    const marker = 'PLANTEDfakeGcpPrivateKey';
    expect(planted).toContain(marker);
    const out = await mkdtemp(join(tmpdir(), 'pathwarden-gcp-'));
    try {
      const runs: string[][] = [
        ...['table', 'json', 'md', 'csv', 'csv-paths', 'sarif'].map((f) => ['analyze', dir, '--format', f, ...(f === 'json' ? ['--include-graph'] : [])]),
        ['export', dir, '-o', join(out, 'graph.json')],
      ];
      for (const args of runs) {
        const r = await pathwarden(args);
        expect(r.stdout + r.stderr, args.join(' ')).not.toContain(marker);
        expect(r.stdout + r.stderr, args.join(' ')).not.toContain('BEGIN PRIVATE KEY');
        if (args[0] === 'analyze') expect(r.stdout, args.join(' ')).toContain('trainer@acme-ml-prod.iam.gserviceaccount.com');
      }
      const exported = await readFile(join(out, 'graph.json'), 'utf8');
      expect(exported).toContain(KEY);
      expect(exported).not.toContain(marker);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
