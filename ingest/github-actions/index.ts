// The github-actions ingestor (sync): GitHub Actions workflow files (`.github/workflows/*.yml|*.yaml`), recognised by
// content (a top-level `on:` and `jobs:`), since inventory files have no fixed name. A malformed file is one
// malformed-yaml error naming the file, line, column and path; other files still load.
import { basename } from 'node:path';
import type { Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { SOURCE } from './ids.js';
import { readWorkflowFile } from './read.js';
import { transformWorkflow } from './transform.js';

const YAML_NAME = /\.ya?ml$/i;
/** `on:` (also quoted) and `jobs:` as top-level keys of a YAML mapping. */
const ON_KEY = /^(on|"on"|'on')[ \t]*:/m;
const JOBS_KEY = /^jobs[ \t]*:/m;

/** True when a .yml/.yaml file's start has the top-level keys of a workflow (`on:` and `jobs:`). */
export function detectWorkflow(head: string, fileName: string): boolean {
  if (!YAML_NAME.test(fileName)) return false;
  const text = head.replace(/^\uFEFF/, '');
  return ON_KEY.test(text) && JOBS_KEY.test(text);
}

/** Reads one workflow file into records. */
export async function ingestWorkflowFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readWorkflowFile(path);
  if (read.type === 'unreadable') return unusableFile(read, SOURCE, file);
  if (read.type === 'malformed') return unusableFile(read, SOURCE, file, 'malformed-yaml');
  const records = transformWorkflow(read.value, { file, fileName: basename(file), text: read.text, lineOf: read.lineOf });
  return deliverWhole(records, options);
}

/** The github-actions source: workflow files by content. */
export const githubActions: Ingestor = {
  id: SOURCE,
  accepts: () => false,
  detect: detectWorkflow,
  ingestFile: ingestWorkflowFile,
};
