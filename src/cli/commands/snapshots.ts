// `pathwarden snapshots`: the ingest snapshots in the Neo4j store, newest first.
import Table from 'cli-table3';
import type { Command } from 'commander';
import { listSnapshots, type SnapshotInfo } from '../../store/snapshot.js';
import { examplesHelp } from '../help.js';
import type { Finish } from '../outcome.js';
import { emit } from '../output.js';
import { withStore } from '../store.js';

function render(list: readonly SnapshotInfo[]): string {
  if (list.length === 0) return 'No snapshots yet: pathwarden ingest <dir> --neo4j\n';
  const table = new Table({ head: ['snapshot', 'status', 'started', 'completed', 'input', 'nodes', 'edges', 'cleaned'], style: { head: [], border: [] } });
  for (const s of list) {
    table.push([s.id, s.status, s.startedAt, s.completedAt ?? '', s.input ?? '', String(s.counts['nodes'] ?? ''), String(s.counts['edges'] ?? ''), s.cleaned.join(', ')]);
  }
  return `${table.toString()}\n`;
}

/** Registers the snapshots command. */
export function registerSnapshots(program: Command, finish: Finish): void {
  program.command('snapshots')
    .summary('list the ingest snapshots stored in Neo4j')
    .description('List every snapshot in the Neo4j store, newest first: complete ones can be analysed with '
      + 'analyze --neo4j --snapshot <id>; abandoned ones are runs that died before the end and are never read.')
    .option('--json', 'print the list as JSON')
    .addHelpText('after', examplesHelp([['pathwarden snapshots', 'what has been ingested, and when']]))
    .action(async (flags: { json?: boolean }) => {
      const list = await withStore(listSnapshots);
      await emit(flags.json ? `${JSON.stringify(list, null, 2)}\n` : render(list), undefined);
      finish('ok');
    });
}
