// The gcp ingestor (sync): gcloud IAM exports — allow policies (`get-iam-policy`, Cloud Asset Inventory
// `search-all-iam-policies`), service accounts, their keys, custom roles, and downloaded key files (fingerprinted).
// They have no fixed file names: recognised by content (shape.ts). A malformed file is one diagnostic naming the
// file, line, column and JSON path; other files still load.
import type { Records } from '../../src/model/index.js';
import { basename } from 'node:path';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { directoryContext, EMPTY_CONTEXT } from './context.js';
import { SOURCE } from './ids.js';
import { readGcpFile } from './read.js';
import { shapeOf, shapeOfHead } from './shape.js';
import { transformGcp } from './transform.js';

/** True when the start of a file looks like one of the gcloud exports this source reads. */
export function detectGcp(head: string): boolean {
  return shapeOfHead(head) !== undefined;
}

/** Reads one gcloud export into records. */
export async function ingestGcpFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readGcpFile(path);
  if (read.type === 'unreadable' || read.type === 'malformed') return unusableFile(read, SOURCE, file);
  const shape = shapeOf(read.value);
  const ctx = shape === 'policy' || shape === 'asset-policies' ? await directoryContext(path) : EMPTY_CONTEXT;
  // NOTE: records go to the sink once the file is transformed (a policy file is small; its nodes are deduplicated).
  return deliverWhole(transformGcp(read.value, file, basename(path), ctx), options);
}

/** The gcp source: no fixed file names, recognised by content. */
export const gcp: Ingestor = {
  id: SOURCE,
  accepts: () => false,
  detect: detectGcp,
  ingestFile: ingestGcpFile,
};
