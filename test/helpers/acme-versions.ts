// Two versions of the sample estate for diff tests: v1 is examples/acme as it is; v2 is the same a week later
// with five known changes (each replacement must match exactly once, so a changed sample fails loudly here).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './exec.js';

/** The analysis time every diff test uses (the sample's pinned time). */
export const AT = '2026-11-25T12:00:00Z';

interface Edit {
  readonly file: string;
  readonly find: string;
  readonly replace: string;
}

/** What v2 changes, and why each change matters to the diff. */
export const V2_EDITS: readonly Edit[] = [
  // 1. a new grant: triage-bot already invokes triage-llm in prod; now it can also edit its prompt (new SoD break).
  {
    file: 'permissions.csv', find: 'acme/sa/triage-bot,CAN_INVOKE,acme/model/triage-llm,,prod,,,,,\n',
    replace: 'acme/sa/triage-bot,CAN_INVOKE,acme/model/triage-llm,,prod,,,,,\nacme/sa/triage-bot,CAN_ALTER,acme/model/triage-llm,edit_prompt,,,,,,runbook tuner writes the system prompt\n',
  },
  // 2. a removed binding: fine-tune jobs no longer assume the prod eval role (resolves the ml-finetune SoD breaks).
  {
    file: 'bindings.csv', find: 'acme/role/ml-finetune,CAN_ASSUME,acme/role/ml-eval-prod,,,,,,fine-tune jobs launch an eval run against the prod endpoint\n',
    replace: '',
  },
  // 3. a rotated token: new last_rotated_at (and fingerprint), so it is no longer "never rotated": its paths rank lower.
  {
    file: 'credentials.csv', find: '2026-11-25T03:00:00Z,,sha256:8856e173851444c7,acme/pipeline/gha-release-please',
    replace: '2026-11-25T03:00:00Z,2026-11-20T09:00:00Z,sha256:1f0c2e9a7b3d5c11,acme/pipeline/gha-release-please',
  },
  // 4. a tier change: orders-db becomes a crown jewel (tier 1 → 0), so reach to it worsens.
  {
    file: 'resources.csv', find: 'acme/res/orders-db,orders-db,payments@acme.example,prod,1,',
    replace: 'acme/res/orders-db,orders-db,payments@acme.example,prod,0,',
  },
  // 5. an owner change: a node change that moves no finding.
  {
    file: 'resources.csv', find: 'acme/res/wiki,wiki,it@acme.example,',
    replace: 'acme/res/wiki,wiki,docs@acme.example,',
  },
];

export interface AcmeVersions {
  readonly root: string;
  readonly v1: string;
  readonly v2: string;
  /** A quiet week: only the removed binding and the owner change (edits 2 and 5): nothing new or worse. */
  readonly v3: string;
  cleanup(): void;
}

function applyEdit(dir: string, edit: Edit): void {
  const path = join(dir, edit.file);
  const text = readFileSync(path, 'utf8');
  const count = text.split(edit.find).length - 1;
  if (count !== 1) throw new Error(`acme-versions: "${edit.find.trim()}" occurs ${count} times in ${edit.file}, expected once`);
  writeFileSync(path, text.replace(edit.find, edit.replace));
}

/** Copies examples/acme to <tmp>/v1, v2 and v3 and applies V2_EDITS to v2, edits 2 and 5 to v3. */
export function makeAcmeVersions(): AcmeVersions {
  const root = mkdtempSync(join(tmpdir(), 'pathwarden-diff-'));
  const v1 = join(root, 'v1');
  const v2 = join(root, 'v2');
  cpSync(join(ROOT, 'examples/acme'), v1, { recursive: true });
  const v3 = join(root, 'v3');
  for (const dir of [v2, v3]) cpSync(join(ROOT, 'examples/acme'), dir, { recursive: true });
  for (const edit of V2_EDITS) applyEdit(v2, edit);
  for (const edit of [V2_EDITS[1], V2_EDITS[4]]) applyEdit(v3, edit as Edit);
  return { root, v1, v2, v3, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** `rule source target` of a finding change, the form the expectations below use. */
export function findingTuple(c: { readonly before?: FindingEnds; readonly after?: FindingEnds }): string {
  const f = (c.after ?? c.before) as FindingEnds;
  return `${f.rule} ${f.source.id} ${f.target.id}`;
}

interface FindingEnds {
  readonly rule: string;
  readonly source: { readonly id: string };
  readonly target: { readonly id: string };
}

const sod = (source: string, target: string): string => `sod-alter-invoke acme/${source} acme/model/${target}`;
const reach = (source: string, target: string): string => `sensitive-reach acme/${source} acme/res/${target}`;

/** Principals that reach orders-db, whose findings worsen when it becomes tier 0. */
const ORDERS_DB_REACHERS = [
  'key/aws-key-ivan', 'token/github-pat-mateo', 'app/dba-console', 'app/retool', 'workload/k8s-payments-api', 'secret/backup-operator-key',
  'pipeline/airflow-etl', 'secret/fraud-scoring-key', 'workload/gha-payments-oidc', 'token/github-pat-carlos', 'pipeline/gha-payments-deploy',
  'human/dana.kowalski', 'human/ivan.horvat', 'agent/data-analyst', 'human/carlos.silva', 'human/hannah.meyer', 'human/leo.martin',
  'human/aisha.bello', 'human/yuki.sato', 'human/ben.carter', 'human/fatima.zahra', 'token/snowflake-pat-hannah', 'human/arjun.mehta',
  'human/mateo.fernandez', 'human/noah.wilson', 'human/grace.liu', 'human/chloe.dubois', 'human/olivia.brown', 'sa/backup-operator',
  'sa/fraud-scoring-api',
];

/** The v1 → v2 diff at AT, derived by hand from V2_EDITS (findings as `rule source target`). */
export const V1_V2 = {
  nodesChanged: {
    'acme/res/orders-db': [{ field: 'tier', before: 1, after: 0 }],
    'acme/res/wiki': [{ field: 'owner', before: 'it@acme.example', after: 'docs@acme.example' }],
    'acme/token/gh-pat-release-bot': [{ field: 'fingerprint', hidden: true }, { field: 'last_rotated_at', after: '2026-11-20T09:00:00.000Z' }],
  },
  edgesAdded: ['acme/sa/triage-bot-[CAN_ALTER]->acme/model/triage-llm#action=edit_prompt'],
  edgesRemoved: ['acme/role/ml-finetune-[CAN_ASSUME]->acme/role/ml-eval-prod'],
  byKind: [
    { of: 'node', group: 'Resource', added: 0, removed: 0, changed: 2 },
    { of: 'node', group: 'Token', added: 0, removed: 0, changed: 1 },
    { of: 'edge', group: 'CAN_ALTER', added: 1, removed: 0, changed: 0 },
    { of: 'edge', group: 'CAN_ASSUME', added: 0, removed: 1, changed: 0 },
  ],
  bySource: [
    { of: 'node', group: 'csv-inventory', added: 0, removed: 0, changed: 3 },
    { of: 'edge', group: 'csv-inventory', added: 1, removed: 1, changed: 0 },
  ],
  // the new grant: everything that acts as sa/triage-bot now alters and invokes triage-llm
  new: ['agent/oncall-triage', 'agent/docs-qa', 'agent/security-triage', 'key/bedrock-triage', 'token/triage-k8s', 'sa/triage-bot']
    .map((s) => sod(s, 'triage-llm')),
  // the removed binding: ml-research no longer reaches the prod eval role
  resolved: ['agent/claude-code-wei', 'token/aws-sso-wei', 'human/lukas.schmidt', 'human/amara.okafor', 'human/wei.chen'].map((s) => sod(s, 'embeddings')),
  worsened: ORDERS_DB_REACHERS.map((s) => reach(s, 'orders-db')),
  // the rotated token: paths entering through it lose the never_rotated factor
  improved: [
    ...['token/gh-pat-release-bot', 'pipeline/gha-release-please', 'human/alex.morgan', 'human/sam.rivera'].map((s) => reach(s, 'prod-k8s')),
    ...['token/gh-pat-release-bot', 'pipeline/gha-release-please', 'human/alex.morgan', 'human/sam.rivera'].map((s) => sod(s, 'code-assistant')),
  ],
  /** Blast-radius movers, biggest first (orders-db at tier 0 weighs more), as [id, delta]. */
  movers: [
    ...['app/dba-console', 'app/retool', 'human/dana.kowalski', 'human/ivan.horvat', 'key/aws-key-ivan'].map((s) => [`acme/${s}`, 180]),
    ...['human/arjun.mehta', 'human/chloe.dubois', 'human/grace.liu', 'human/mateo.fernandez', 'human/noah.wilson', 'human/olivia.brown',
      'pipeline/gha-payments-deploy', 'token/github-pat-mateo', 'workload/gha-payments-oidc', 'workload/k8s-payments-api'].map((s) => [`acme/${s}`, 120]),
    ...['agent/data-analyst', 'human/aisha.bello', 'human/ben.carter', 'human/carlos.silva', 'human/fatima.zahra', 'human/hannah.meyer', 'human/leo.martin', 'human/yuki.sato',
      'pipeline/airflow-etl', 'sa/backup-operator', 'sa/fraud-scoring-api', 'secret/backup-operator-key', 'secret/fraud-scoring-key',
      'token/github-pat-carlos', 'token/snowflake-pat-hannah'].map((s) => [`acme/${s}`, 60]),
  ],
} as const;
