// Helpers for the gcp ingest tests: load one fixture folder (through loadDirectory, so detection by content is part of
// every test), edges as comparable strings, and the ids the fixtures use.
import { loadDirectory } from '../../../ingest/index.js';
import type { Records } from '../../../src/model/index.js';

export const GCP_FIXTURES = 'test/fixtures/gcp';
export const PROJECT = 'projects/acme-ml-prod';
export const TRAINER_EMAIL = 'trainer@acme-ml-prod.iam.gserviceaccount.com';
export const TRAINER = `gcp/sa/${TRAINER_EMAIL}`;
export const APP = 'gcp/sa/app@acme-ml-prod.iam.gserviceaccount.com';
export const BOB = 'gcp/user/bob@example.com';
export const MODELS = `gcp/${PROJECT}/models`;
export const ANY_SA = `gcp/${PROJECT}/service-accounts`;
/** The Role node of a binding of `role` on `resource`. */
export const role = (resource: string, name: string): string => `gcp/${resource}/role/${name}`;

/** Records of every file of one fixture folder. */
export async function ingestDir(dir: string): Promise<Awaited<ReturnType<typeof loadDirectory>>> {
  return loadDirectory(`${GCP_FIXTURES}/${dir}`);
}

/** Every edge as `from|KIND|to`, with `|action` for CAN_ALTER. */
export function edgeRows(records: Pick<Records, 'edges'>): Set<string> {
  return new Set(records.edges.map((e) => `${e.from}|${e.kind}|${e.to}${e.properties['action'] !== undefined ? `|${String(e.properties['action'])}` : ''}`));
}
