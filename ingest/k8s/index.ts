// The k8s ingestor (sync): `kubectl get serviceaccounts,roles,clusterroles,rolebindings,clusterrolebindings,pods,
// secrets -A -o json|yaml` (one List, an array of Lists, single objects or multi-document YAML). Recognised by
// content (apiVersion/kind of a v1 List or RBAC objects), or by a `<cluster>.k8s.json|yaml|yml` name, which also
// names the cluster. A malformed file is one diagnostic naming the file, line, column and path; other files still load.
import { basename } from 'node:path';
import type { Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { DEFAULT_CLUSTER, SOURCE } from './ids.js';
import { readK8sFile } from './read.js';
import { transformK8s } from './transform.js';

const NAMED = /^(.+)\.k8s\.(json|ya?ml)$/i;
const KINDS = 'List|ServiceAccount|Role|ClusterRole|RoleBinding|ClusterRoleBinding|Pod|Secret|[A-Za-z]+List';
/** `apiVersion: v1` / `rbac.authorization.k8s.io/v1` (YAML or JSON), and a kind this source reads. */
const API_VERSION = /(^|[\s{,])"?apiVersion"?\s*:\s*"?(v1|rbac\.authorization\.k8s\.io\/v1(beta1)?)"?\s*[,}\n\r]/m;
const KIND = new RegExp(`(^|[\\s{,])"?kind"?\\s*:\\s*"?(${KINDS})"?\\s*([,}\\n\\r]|$)`, 'm');
/** A JSON List prints `items` before `kind` (keys sorted): the start of the first item is enough. */
const JSON_LIST = /^\[?\s*\{\s*"apiVersion"\s*:\s*"v1"\s*,\s*"items"\s*:\s*\[/;

/** True when the start of a file looks like kubectl output of the kinds this source reads. */
export function detectK8s(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '');
  if (JSON_LIST.test(text.trimStart())) return true;
  return API_VERSION.test(text) && KIND.test(text);
}

/** The cluster a file belongs to: `<cluster>.k8s.yaml` names it, anything else is the default cluster. */
export function clusterOf(fileName: string): string {
  return NAMED.exec(basename(fileName))?.[1] ?? DEFAULT_CLUSTER;
}

/** Reads one kubectl export file into records. */
export async function ingestK8sFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readK8sFile(path);
  if (read.type === 'unreadable') return unusableFile(read, SOURCE, file);
  if (read.type === 'malformed') return unusableFile(read, SOURCE, file, read.format === 'json' ? 'malformed-json' : 'malformed-yaml');
  const records = transformK8s(read.objects, file, clusterOf(file));
  // NOTE: permissions need every binding and object of the file; the sink gets records after the file is evaluated.
  return deliverWhole(records, options);
}

/** The k8s source: `<cluster>.k8s.{json,yaml,yml}` by name, any other kubectl export by content. */
export const k8s: Ingestor = {
  id: SOURCE,
  accepts: (fileName) => NAMED.test(fileName),
  detect: detectK8s,
  ingestFile: ingestK8sFile,
};
