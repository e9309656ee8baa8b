// read: raw rows with the line each starts on; malformed files end with one event after the good rows.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, type CsvEvent } from '../../ingest/csv-inventory/read.js';

let dir: string;
async function events(text: string): Promise<CsvEvent[]> {
  dir ??= await mkdtemp(join(tmpdir(), 'pathwarden-read-'));
  const file = join(dir, 'f.csv');
  await writeFile(file, text);
  const out: CsvEvent[] = [];
  for await (const e of readCsv(file)) out.push(e);
  return out;
}
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

describe('readCsv', () => {
  it('numbers rows by the line they start on, across blank lines, CRLF and multi-line cells', async () => {
    const rows = await events('\uFEFFid,name\r\n\r\na,"two\r\nlines"\r\nb,x\r\n\r\n"c",y\r\n');
    expect(rows.map((e) => (e.type === 'row' ? [e.line, e.cells] : e))).toEqual([
      [1, ['id', 'name']], [2, ['']], [3, ['a', 'two\r\nlines']], [5, ['b', 'x']], [6, ['']], [7, ['c', 'y']],
    ]);
  });

  it('keeps rows before an unterminated quote and reports the line it opens on', async () => {
    const out = await events('id,kind\na,Human\nb,"multi\nline"\n"unterminated,,\n');
    expect(out).toEqual([
      { type: 'row', line: 1, cells: ['id', 'kind'] },
      { type: 'row', line: 2, cells: ['a', 'Human'] },
      { type: 'row', line: 3, cells: ['b', 'multi\nline'] },
      { type: 'malformed', line: 5, column: 1, reason: 'unterminated quoted field: a `"` opened on this line is never closed' },
    ]);
  });

  it('does not quote cell content in the reason (it may be secret)', async () => {
    const out = await events('id,kind\na,"sk-ant-secret"x\n');
    const last = out[out.length - 1];
    expect(last).toMatchObject({ type: 'malformed', line: 2 });
    expect(JSON.stringify(last)).not.toContain('sk-ant-secret');
  });

  it('reports an unreadable path', async () => {
    dir ??= await mkdtemp(join(tmpdir(), 'pathwarden-read-'));
    expect(await eventsOf(join(dir, 'missing.csv'))).toEqual([{ type: 'unreadable', reason: 'ENOENT' }]);
  });
});

async function eventsOf(path: string): Promise<CsvEvent[]> {
  const out: CsvEvent[] = [];
  for await (const e of readCsv(path)) out.push(e);
  return out;
}
