// What a file needs from the other exports of its directory: Azure role assignments name their role definition by id
// only (`az role definition list` is a separate file), and a tenant-wide delegated grant reaches every user, whom
// other files list (users, role members, owners). Read once per directory state (file names, sizes, times).
import { join } from 'node:path';
import { FolderContexts } from '../folder-context.js';
import { readHead } from '../whole-file.js';
import { indexAzureRoles } from './azure.js';
import { classify } from './classify.js';
import { camelize, isObject, str } from './normalize.js';
import { readEntraFile } from './read.js';
import type { EntraContext } from './transform.js';
import { groupObjects } from './transform.js';

const contexts = new FolderContexts<EntraContext>();

/** The context of the directory `path` is in; `detect` picks the files to read. Unreadable or malformed files are left to their own load. */
export function directoryContext(path: string, detect: (head: string) => boolean): Promise<EntraContext> {
  return contexts.of(path, (dir, names) => build(dir, names, detect));
}

async function build(dir: string, names: readonly string[], detect: (head: string) => boolean): Promise<EntraContext> {
  const azureRoles = new Map<string, ReturnType<typeof indexAzureRoles> extends Map<string, infer R> ? R : never>();
  const users = new Set<string>();
  for (const name of names) {
    if (!detect((await readHead(join(dir, name))) ?? '')) continue;
    const read = await readEntraFile(join(dir, name));
    if (read.type !== 'json') continue;
    for (const [id, role] of indexAzureRoles(groupObjects(read.value).byType.get('azureRoleDefinition') ?? [])) azureRoles.set(id, role);
    collectUsers(camelize(read.value), users);
  }
  return { azureRoles, users: [...users].sort() };
}

/** Object ids of every user an export names: user objects at any depth, Principal grants' and Azure assignments' users. */
export function collectUsers(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) { for (const v of value) collectUsers(v, out); return; }
  if (!isObject(value)) return;
  const type = classify(value);
  const id = str(value, 'id');
  if (type === 'user' && id) out.add(id.toLowerCase());
  const principal = str(value, 'principalId');
  if (principal && type === 'oauth2PermissionGrant' && str(value, 'consentType')?.toLowerCase() === 'principal') out.add(principal.toLowerCase());
  if (principal && type === 'azureRoleAssignment' && str(value, 'principalType')?.toLowerCase() === 'user') out.add(principal.toLowerCase());
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) collectUsers(v, out);
}

