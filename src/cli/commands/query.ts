// `pathwarden query [name] [--param k=v …]`: run one canned Cypher query (queries/<name>.cypher) against the Neo4j
// store, or list them. Values travel only as Cypher parameters.
import Table from 'cli-table3';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadQueries, type CannedQuery } from '../../../queries/index.js';
import { runQuery, type QueryResult } from '../../store/query.js';
import { examplesHelp } from '../help.js';
import type { Finish } from '../outcome.js';
import { emit } from '../output.js';
import { withStore } from '../store.js';

interface QueryFlags {
  readonly param: Record<string, string>;
  readonly format: 'table' | 'json';
  readonly output?: string;
}

/** Collects repeated `--param k=v` into an object; a name given twice is an error. */
function collectParam(raw: string, acc: Record<string, string>): Record<string, string> {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`expected name=value, got "${raw}"`);
  const name = raw.slice(0, eq).trim();
  if (name in acc) throw new InvalidArgumentError(`--param ${name} given twice`);
  return { ...acc, [name]: raw.slice(eq + 1) };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('\n');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function listText(queries: readonly CannedQuery[]): string {
  const lines = queries.map((q) => {
    const params = q.params.map((p) => `${p.name}${p.default !== undefined ? `=${p.default}` : ''}`).join(' ');
    return `${q.id.padEnd(30)} ${q.title}${params ? `\n${' '.repeat(31)}params: ${params}` : ''}`;
  });
  return `${lines.join('\n')}\n`;
}

function resultText(r: QueryResult): string {
  const table = new Table({ head: r.columns, style: { head: [], border: [] } });
  for (const row of r.rows) table.push(r.columns.map((c) => cellText(row[c])));
  return `${r.query.title} (${r.rows.length} row${r.rows.length === 1 ? '' : 's'})\n${table.toString()}\n`;
}

/** Registers the query command. */
export function registerQuery(program: Command, finish: Finish): void {
  program.command('query')
    .summary('run a canned Cypher query against the Neo4j store (or list them)')
    .description('Run one of the canned threat-modeling queries in queries/ against the Neo4j store (after '
      + '`pathwarden ingest <dir> --neo4j` and `pathwarden analyze --neo4j`). Without a name, list the queries and their parameters.')
    .argument('[name]', 'query id (see the list without a name)')
    .option('-p, --param <name=value>', 'a query parameter (repeatable)', collectParam, {})
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-o, --output <file>', 'write the result to a file instead of stdout')
    .addHelpText('after', examplesHelp([
      ['pathwarden query', 'list the canned queries'],
      ['pathwarden query sod-alter-invoke', 'identities that can both alter and invoke the same model'],
      ['pathwarden query who-can-reach --param target=acme/res/payments-db', 'every principal that reaches one system'],
      ['pathwarden query top-blast-radius --param limit=20 --format json', 'top principals by blast radius, as JSON'],
    ]))
    .action(async (name: string | undefined, flags: QueryFlags) => {
      if (name === undefined) {
        const queries = loadQueries();
        await emit(flags.format === 'json' ? `${JSON.stringify(queries.map(({ cypher: _c, ...q }) => q), null, 2)}\n` : listText(queries), flags.output);
      } else {
        const result = await withStore((store) => runQuery(store, name, flags.param));
        await emit(flags.format === 'json'
          ? `${JSON.stringify({ query: result.query.id, columns: result.columns, rows: result.rows }, null, 2)}\n`
          : resultText(result), flags.output);
      }
      finish('ok');
    });
}
