// The entra ingestor (sync): Microsoft Graph REST JSON and the PowerShell SDK's ConvertTo-Json output for Entra ID
// (service principals, applications, grants, app role assignments, directory roles), and `az role assignment list` /
// `az role definition list` for Azure RBAC on AI accounts. No fixed file names: recognised by content (`detect`).
// A malformed file is one diagnostic naming the file, line, column and JSON path; other files still load. Azure role
// definitions and the users that tenant-wide grants reach are looked up in the other exports of the directory.
import type { Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { directoryContext } from './context.js';
import { SOURCE } from './ids.js';
import { readEntraFile } from './read.js';
import { groupObjects, transformEntra } from './transform.js';

/** Keys (any casing) only Entra / Azure RBAC exports have near their start. */
const ENTRA_KEYS = /"(servicePrincipalType|servicePrincipalNames|appOwnerOrganizationId|requiredResourceAccess|signInAudience|passwordCredentials|keyCredentials|federatedIdentityCredentials|consentType|appRoleId|roleTemplateId|directoryScopeId|rolePermissions|roleDefinitionId|userPrincipalName)"\s*:/i;
const ODATA = /"@odata\.context"\s*:\s*"https:\/\/graph\.microsoft\.com\//i;
const AZURE_ROLE_DEFINITION = /"roleName"\s*:[^]*"(dataActions|notActions)"\s*:|"(dataActions|notActions)"\s*:[^]*"roleName"\s*:/;

/** True when the start of a file looks like an Entra ID or Azure RBAC export. */
export function detectEntra(head: string): boolean {
  const text = head.trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  return ENTRA_KEYS.test(text) || ODATA.test(text) || AZURE_ROLE_DEFINITION.test(text);
}

/** Reads one export file into records. */
export async function ingestEntraFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readEntraFile(path);
  if (read.type === 'unreadable' || read.type === 'malformed') return unusableFile(read, SOURCE, file);
  const types = groupObjects(read.value).byType;
  // NOTE: only files that need it read the directory: Azure assignments (definitions) and grants (users).
  const needsContext = types.has('azureRoleAssignment') || types.has('oauth2PermissionGrant');
  const records = transformEntra(read.value, file, needsContext ? await directoryContext(path, detectEntra) : {});
  return deliverWhole(records, options);
}

/** The entra source: no fixed file names, recognised by content. */
export const entra: Ingestor = {
  id: SOURCE,
  accepts: () => false,
  detect: detectEntra,
  ingestFile: ingestEntraFile,
};
