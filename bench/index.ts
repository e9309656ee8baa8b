// `npm run bench`: every bench, one table of figures with ratios against baselines measured in the same run.
// `--smoke` runs each at a tiny size (CI checks that the benches still run, not how fast).
import { Command } from 'commander';
import { benchApi } from './api/index.js';
import { benchEngine } from './engine.js';
import { benchNeo4jIngest } from './neo4j-ingest.js';
import { benchNeo4jReach } from './neo4j-reach.js';
import { benchScale } from './scale.js';
import { renderRows, type BenchRow } from './table.js';

interface BenchFlags {
  readonly smoke?: boolean;
  readonly only?: string;
  readonly nodes?: number;
}

const log = (line: string): void => { process.stderr.write(`${line}\n`); };

/** The benches by name, each taking whether to run at smoke size. */
export const BENCHES: Record<string, (smoke: boolean, nodes?: number) => Promise<BenchRow[]>> = {
  engine: (smoke, nodes) => benchEngine({ nodes: nodes ?? (smoke ? 1_000 : 10_000), naiveSample: smoke ? 20 : 200, log }),
  api: (smoke) => benchApi({ smoke, log }),
  // NOTE: --nodes N times N/100, N/10 and N.
  scale: (smoke, nodes) => benchScale({ sizes: nodes ? [nodes / 100, nodes / 10, nodes].map(Math.round) : smoke ? [300, 1_000, 3_000] : [10_000, 100_000, 1_000_000], log }),
  'neo4j-reach': (smoke, nodes) => benchNeo4jReach({ nodes: nodes ?? (smoke ? 1_000 : 100_000), sample: smoke ? 5 : 20, timeoutMs: smoke ? 5_000 : 30_000, log }),
  'neo4j-ingest': (smoke, nodes) => benchNeo4jIngest({ nodes: nodes ?? (smoke ? 2_000 : 100_000), batchSizes: smoke ? [1000] : [2_000, 5_000, 20_000], log }),
};

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('bench')
    .option('--smoke', 'tiny sizes: check that every bench runs')
    .option('--only <names>', `comma-separated subset of: ${Object.keys(BENCHES).join(', ')}`)
    .option('--nodes <n>', 'graph size where a bench takes one', (v) => Number(v))
    .parse(argv);
  const flags = program.opts<BenchFlags>();
  const names = flags.only ? flags.only.split(',') : Object.keys(BENCHES);
  const rows: BenchRow[] = [];
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown bench "${name}" (known: ${Object.keys(BENCHES).join(', ')})`);
    log(`bench ${name}${flags.smoke ? ' (smoke)' : ''}…`);
    rows.push(...await bench(flags.smoke === true, flags.nodes));
  }
  process.stdout.write(`${renderRows(rows)}\n`);
}

await main(process.argv);
