// What a policy file needs from the other gcp exports of its directory: the custom roles its bindings name (their
// permissions are in a roles export) and the e-mail of a service account a Cloud Asset Inventory resource names by
// unique id (`//iam.googleapis.com/projects/p/serviceAccounts/1234…`; the service-accounts list has both). Read once
// per directory state (file names, sizes, times).
import { join } from 'node:path';
import { FolderContexts } from '../folder-context.js';
import { readHead } from '../whole-file.js';
import { isObject, str } from './out.js';
import { readGcpFile } from './read.js';
import { parseCustomRoles, type CustomRole } from './roles.js';
import { shapeOf, shapeOfHead } from './shape.js';

/** Custom roles by name, service-account e-mails by unique id. */
export interface GcpContext {
  readonly roles: ReadonlyMap<string, CustomRole>;
  readonly accountsByUid: ReadonlyMap<string, string>;
}

export const EMPTY_CONTEXT: GcpContext = { roles: new Map(), accountsByUid: new Map() };

const contexts = new FolderContexts<GcpContext>();

/** The context of the directory `path` is in. Unreadable or malformed files are left to their own load. */
export function directoryContext(path: string): Promise<GcpContext> {
  return contexts.of(path, build);
}

async function build(dir: string, names: readonly string[]): Promise<GcpContext> {
  const roles = new Map<string, CustomRole>();
  const accountsByUid = new Map<string, string>();
  for (const name of names) {
    const headShape = shapeOfHead((await readHead(join(dir, name))) ?? '');
    if (headShape !== 'roles' && headShape !== 'service-accounts') continue;
    const read = await readGcpFile(join(dir, name));
    if (read.type !== 'json') continue;
    const shape = shapeOf(read.value);
    // NOTE: a role described with its permissions is not replaced by a bare `roles list` entry of the same name.
    if (shape === 'roles') for (const r of parseCustomRoles(read.value)) if (r.permissions !== undefined || !roles.has(r.name)) roles.set(r.name, r);
    if (shape === 'service-accounts') {
      for (const sa of Array.isArray(read.value) ? read.value : [read.value]) {
        const email = isObject(sa) ? str(sa, 'email') : undefined;
        const uid = isObject(sa) ? str(sa, 'uniqueId') : undefined;
        if (email !== undefined && uid !== undefined) accountsByUid.set(uid, email.toLowerCase());
      }
    }
  }
  return { roles, accountsByUid };
}

