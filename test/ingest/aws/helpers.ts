// Helpers for the aws ingest tests: run the ingestor on one fixture, and edges as comparable strings.
import { basename } from 'node:path';
import type { Records } from '../../../src/model/index.js';
import { ingestAwsFile } from '../../../ingest/aws/index.js';

export const AWS_FIXTURES = 'test/fixtures/aws';
export const ACCOUNT = '111122223333';
export const ADMIN = `aws/${ACCOUNT}/effective-admin`;
export const id = (type: string, name: string): string => `aws/${ACCOUNT}/${type}/${name}`;

/** Records of one fixture file. */
export async function ingestFixture(path: string): Promise<Records> {
  return ingestAwsFile(path, { display: basename(path) });
}

/** Edges leaving `from` (MEMBER_OF left out) as `KIND|to|techniques|conditional`, techniques joined by `,`. */
export function edgesFrom(records: Pick<Records, 'edges'>, from: string): Set<string> {
  return new Set(records.edges.filter((e) => e.from === from && e.kind !== 'MEMBER_OF').map((e) => {
    const techniques = (e.properties['technique'] as readonly string[] | undefined) ?? [];
    return `${e.kind}|${e.to}|${techniques.join(',')}|${e.properties['conditional'] === true ? 'conditional' : ''}`;
  }));
}
