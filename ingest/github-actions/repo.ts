// Which repository a workflow file belongs to (the file itself never says): a `# pathwarden: repo=owner/name` line
// in the file, else a path `…/<owner>/<repo>/.github/workflows/<file>`. Without either the jobs load unmatched.
import type { Repo } from './ids.js';

/** GitHub owner and repository names (owners: letters, digits, hyphens; repositories also `.` and `_`). */
const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})';
const NAME = '[A-Za-z0-9._-]{1,100}';
const HEADER = new RegExp(`^[ \\t]*#[ \\t]*pathwarden:[ \\t]*repo[ \\t]*=[ \\t]*(${OWNER})/(${NAME})[ \\t]*$`, 'm');
const PATH = new RegExp(`(?:^|/)(${OWNER})/(${NAME})/\\.github/workflows/[^/]+$`);

/** Where the repository was found. */
export type RepoOrigin = 'header' | 'path';

/** The repository of a workflow file from its text and its path (forward or back slashes), if either names it. */
export function repoOf(text: string, path: string): { repo: Repo; origin: RepoOrigin } | undefined {
  const header = HEADER.exec(text);
  if (header) return { repo: { owner: header[1] as string, name: header[2] as string }, origin: 'header' };
  const byPath = PATH.exec(path.replace(/\\/g, '/'));
  if (byPath && byPath[2] !== '.' && byPath[2] !== '..') return { repo: { owner: byPath[1] as string, name: byPath[2] as string }, origin: 'path' };
  return undefined;
}
