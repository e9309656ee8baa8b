// Registry of cross-source joins (ingest/joins/types.ts), run in this order after every file of an inventory is read.
import { githubOidc } from '../github-actions/join.js';
import { secretScannersJoin } from '../secret-scanners/join.js';
import type { Join } from './types.js';

export type { Join, JoinOutput } from './types.js';

/** Every join. */
export const JOINS: readonly Join[] = [
  secretScannersJoin,
  githubOidc,
];
