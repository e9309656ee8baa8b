// Helpers for the entra ingest tests: run the ingestor on one fixture, and the edges a rule adds (the tenant's
// crown-jewel edges, which every directory file carries, left out) as comparable strings.
import { basename } from 'node:path';
import type { Records } from '../../../src/model/index.js';
import { ingestEntraFile } from '../../../ingest/entra/index.js';
import { DEFAULT_TENANT, tenantJewels } from '../../../ingest/entra/ids.js';

export const ENTRA_FIXTURES = 'test/fixtures/entra';
export const T = `entra/${DEFAULT_TENANT}`;
export const GA = `${T}/directory-role/62e90394-69f5-4237-9190-012177145e10`;
export const ANY_APP = `${T}/any-app`;
export const oid = (id: string): string => `entra/${id}`;

/** Records of one fixture file. */
export async function ingestFixture(path: string): Promise<Records> {
  return ingestEntraFile(path, { display: basename(path) });
}

const JEWEL_EDGES = new Set(tenantJewels(DEFAULT_TENANT, '').edges.map((e) => `${e.from}|${e.kind}|${e.to}`));

/** Edges as `from|KIND|to|techniques|conditional`, without the tenant's crown-jewel edges and the "any app" hub's. */
export function ruleEdges(records: Pick<Records, 'edges'>): Set<string> {
  return new Set(records.edges.filter((e) => !JEWEL_EDGES.has(`${e.from}|${e.kind}|${e.to}`) && e.from !== ANY_APP).map((e) => {
    const techniques = (e.properties['technique'] as readonly string[] | undefined) ?? [];
    return `${e.from}|${e.kind}|${e.to}|${techniques.join(',')}|${e.properties['conditional'] === true ? 'conditional' : ''}`;
  }));
}
