// CLI of the generator: `node dist/bench/gen/main.js --nodes N --seed S --out DIR [--ref-date YYYY-MM-DD]`.
// Prints one summary line to stderr (nodes and edges per file, seconds).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { generate, type GenerateResult } from './generate.js';
import { MIN_NODES } from './population.js';

export const DEFAULT_REF_DATE = '2026-11-25';

function integer(min: number): (raw: string) => number {
  return (raw) => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer >= ${min}`);
    return n;
  };
}

function refDate(raw: string): Date {
  const d = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  }
  return d;
}

/** The one-line summary: nodes and edges per file and the time taken. */
export function summaryLine(result: GenerateResult, seconds: number, out: string): string {
  const parts = result.files.map((f) => `${f.file.replace(/\.csv$/, '')} ${f.rows}${f.edges > 0 && f.edges !== f.rows ? `/${f.edges}e` : ''}`);
  return `gen: ${result.nodes} nodes, ${result.edges} edges in ${seconds.toFixed(2)} s -> ${out} (rows${'/edges'}: ${parts.join(', ')})`;
}

/** Runs the generator with command-line arguments (without `node script`); returns the exit code. */
export function main(argv: readonly string[], stderr: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): number {
  const program = new Command('gen')
    .description('Write a synthetic enterprise inventory (CSV inventory format) of about N nodes and 5N edges.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => stderr(s.trimEnd()), writeOut: (s) => stderr(s.trimEnd()) })
    .addOption(new Option('--nodes <n>', `number of nodes (>= ${MIN_NODES})`).argParser(integer(MIN_NODES)).makeOptionMandatory())
    .addOption(new Option('--seed <s>', 'seed; the same seed writes byte-identical files').argParser(integer(0)).default(1))
    .addOption(new Option('--out <dir>', 'output directory (created if missing)').makeOptionMandatory())
    .addOption(new Option('--ref-date <date>', 'reference date every date is relative to').argParser(refDate).default(refDate(DEFAULT_REF_DATE), DEFAULT_REF_DATE))
    .option('-q, --quiet', 'no summary line');
  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  const opts = program.opts<{ nodes: number; seed: number; out: string; refDate: Date; quiet?: boolean }>();
  const started = process.hrtime.bigint();
  const result = generate({ nodes: opts.nodes, seed: opts.seed, out: opts.out, refDate: opts.refDate });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!opts.quiet) stderr(summaryLine(result, seconds, opts.out));
  return 0;
}

const invoked = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invoked) process.exitCode = main(process.argv.slice(2));
