// The secret-scanners join: a leak a scanner reported (leak/<fp>, with the value's fingerprint and, for an AWS key,
// its key id) marks every credential of the inventory with the same fingerprint or key id exposed, by a reference
// record of that credential's id (properties: reference, exposed, exposed_in) that the graph merges into its full
// record. A leak that matches nothing is marked exposed itself, so it still shows, with a warning.
import { nodeSpec, type Diagnostic, type NodeRecord, type PropValue } from '../../src/model/index.js';
import type { Join, JoinOutput } from '../joins/types.js';
import { JOIN_ID, SOURCE } from './ids.js';

/** The leaks of one id over every report, merged: what to match on and where it was found. */
interface Leak {
  readonly record: NodeRecord;
  readonly fingerprints: Set<string>;
  readonly keyIds: Set<string>;
  readonly where: Set<string>;
}

/** A credential of another source, merged over its records: what a leak can match. */
interface Credential {
  readonly record: NodeRecord;
  readonly fingerprints: Set<string>;
  readonly keyIds: Set<string>;
}

const strings = (v: PropValue | undefined): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? [...(v as readonly string[])] : []);

function isCredential(node: NodeRecord): boolean {
  return nodeSpec(node.kind).category === 'credential';
}

/** The records of one leak or credential id, merged (a reference and a full record, or several reports). */
function collect<T extends { readonly record: NodeRecord; readonly fingerprints: Set<string>; readonly keyIds: Set<string> }>(
  into: Map<string, T>, node: NodeRecord, make: (node: NodeRecord) => T,
): T {
  const entry = into.get(node.id) ?? make(node);
  for (const f of [...strings(node.properties['fingerprint']), ...strings(node.properties['x_fingerprints'])]) entry.fingerprints.add(f);
  for (const k of strings(node.properties['key_id'])) entry.keyIds.add(k);
  into.set(node.id, entry);
  return entry;
}

/** A reference record of `node`'s id and kind, with these properties, located at `at`. */
function mark(node: NodeRecord, properties: Record<string, PropValue>, at: NodeRecord): NodeRecord {
  return {
    id: node.id, kind: node.kind, name: node.name, tags: [], source: JOIN_ID,
    properties: { reference: true, ...properties }, provenance: { ...at.provenance, source: JOIN_ID },
  };
}

/** Matches every leak against every credential by fingerprint or key id (pure; unit-tested on records). */
export function resolveLeaks(nodes: readonly NodeRecord[]): JoinOutput {
  const leaks = new Map<string, Leak>();
  const credentials = new Map<string, Credential>();
  for (const node of nodes) {
    if (node.source === SOURCE) {
      const leak = collect(leaks, node, (n) => ({ record: n, fingerprints: new Set(), keyIds: new Set(), where: new Set() }));
      for (const w of strings(node.properties['exposed_in'])) leak.where.add(w);
    } else {
      collect(credentials, node, (n) => ({ record: n, fingerprints: new Set(), keyIds: new Set() }));
    }
  }
  const byFingerprint = new Map<string, Credential[]>();
  const byKeyId = new Map<string, Credential[]>();
  for (const c of credentials.values()) {
    for (const f of c.fingerprints) byFingerprint.set(f, [...(byFingerprint.get(f) ?? []), c]);
    for (const k of c.keyIds) byKeyId.set(k, [...(byKeyId.get(k) ?? []), c]);
  }
  const exposedIn = new Map<string, { credential: Credential; where: Set<string>; at: NodeRecord }>();
  const out: NodeRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const leak of [...leaks.values()].sort((a, b) => a.record.id.localeCompare(b.record.id))) {
    const matched = new Set<Credential>();
    for (const f of leak.fingerprints) for (const c of byFingerprint.get(f) ?? []) matched.add(c);
    for (const k of leak.keyIds) for (const c of byKeyId.get(k) ?? []) matched.add(c);
    if (matched.size === 0) {
      out.push(mark(leak.record, { exposed: true }, leak.record));
      diagnostics.push(unmatched(leak));
      continue;
    }
    for (const c of matched) {
      const entry = exposedIn.get(c.record.id) ?? { credential: c, where: new Set<string>(), at: leak.record };
      for (const w of leak.where) entry.where.add(w);
      exposedIn.set(c.record.id, entry);
    }
    out.push(mark(leak.record, { x_matched: [...matched].map((c) => c.record.id).sort() }, leak.record));
  }
  for (const { credential, where, at } of exposedIn.values()) {
    out.push(mark(credential.record, { exposed: true, exposed_in: [...where].sort() }, at));
  }
  out.sort((a, b) => a.id.localeCompare(b.id));
  return { nodes: out, edges: [], diagnostics };
}

function unmatched(leak: Leak): Diagnostic {
  const p = leak.record.provenance;
  const what = leak.keyIds.size > 0 ? `AWS access key ${[...leak.keyIds].join(', ')}` : `the value of fingerprint ${[...leak.fingerprints][0] ?? ''}`;
  return {
    severity: 'warning', code: 'dangling-ref', source: JOIN_ID, ...(p.file !== undefined ? { file: p.file } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}), field: p.path ?? 'Secret',
    message: `leaked ${what} (found at ${[...leak.where].sort().join('; ')}) matched no credential of the inventory; `
      + `it is kept as ${leak.record.id}, exposed: revoke it at its issuer and find who holds it`,
  };
}

/** The join: leak nodes of this source, and credentials of any other source with a fingerprint or key id. */
export const secretScannersJoin: Join = {
  id: JOIN_ID,
  wants: (node) => node.source === SOURCE
    || (isCredential(node) && (node.properties['fingerprint'] !== undefined || node.properties['key_id'] !== undefined)),
  resolve: resolveLeaks,
};
