// The entra ingestor (sync): Microsoft Graph REST JSON and the PowerShell SDK's ConvertTo-Json output for Entra ID
// (service principals, applications, grants, app role assignments, directory roles), and `az role assignment list` /
// `az role definition list` for Azure RBAC on AI accounts. No fixed file names: recognised by content (`detect`).
// A malformed file is one diagnostic naming the file, line, column and JSON path; other files still load.
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { emptyRecords, type Records } from '../../src/model/index.js';
import { decodeText } from '../json-graph/read.js';
import { DETECT_BYTES, type IngestFileOptions, type Ingestor, type SourceId } from '../types.js';
import { indexAzureRoles, type AzureRoleIndex } from './azure.js';
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
  const out = emptyRecords();
  const read = await readEntraFile(path);
  if (read.type === 'unreadable') {
    out.diagnostics.push({ severity: 'error', code: 'unreadable-file', source: SOURCE, file, message: `cannot read the file (${read.reason})` });
    return out;
  }
  if (read.type === 'malformed') {
    out.diagnostics.push({
      severity: 'error', code: 'malformed-json', source: SOURCE, file, line: read.line, column: read.column, field: read.path,
      message: `${read.reason} while reading ${read.path}; nothing was loaded from this file`,
    });
    return out;
  }
  const needsRoles = groupObjects(read.value).byType.has('azureRoleAssignment');
  const records = transformEntra(read.value, file, needsRoles ? { azureRoles: await siblingAzureRoles(path) } : {});
  options.onRow?.(records.nodes.length + records.edges.length);
  const sink = options.sink;
  if (sink === undefined) return records;
  for (const n of records.nodes) sink.node(n);
  for (const e of records.edges) sink.edge(e);
  return { nodes: [], edges: [], diagnostics: records.diagnostics };
}

const siblingCache = new Map<string, { key: string; roles: AzureRoleIndex }>();

/**
 * Azure role definitions exported beside an assignment file (`az role definition list > roles.json` in the same
 * directory): assignments name a definition by id only. Unreadable or malformed files are left to their own load.
 */
async function siblingAzureRoles(path: string): Promise<AzureRoleIndex> {
  const dir = dirname(path);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.toLowerCase().endsWith('.json') && n !== basename(path)).sort();
  const stamps = await Promise.all(names.map(async (n) => { const s = await stat(join(dir, n)).catch(() => undefined); return `${n}:${s?.size}:${s?.mtimeMs}`; }));
  const key = stamps.join('|');
  const cached = siblingCache.get(dir);
  if (cached?.key === key) return cached.roles;
  const roles = new Map();
  for (const name of names) {
    if (!AZURE_ROLE_DEFINITION.test(await head(join(dir, name)))) continue;
    const read = await readEntraFile(join(dir, name));
    if (read.type !== 'json') continue;
    for (const [id, role] of indexAzureRoles(groupObjects(read.value).byType.get('azureRoleDefinition') ?? [])) roles.set(id, role);
  }
  siblingCache.set(dir, { key, roles });
  return roles;
}

async function head(path: string): Promise<string> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return '';
  try {
    const buffer = Buffer.alloc(DETECT_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, DETECT_BYTES, 0);
    return decodeText(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** The entra source: no fixed file names, recognised by content. */
export const entra: Ingestor = {
  // NOTE: 'entra' is not in SOURCE_IDS yet (ingest/types.ts is edited elsewhere); the lead adds it when registering.
  id: SOURCE as SourceId,
  accepts: () => false,
  detect: detectEntra,
  ingestFile: ingestEntraFile,
};
