// CLI entry: builds the commander program, dispatches to commands/<verb>.ts and decides the exit code. The exit
// code contract lives here only: 0 ran clean, 1 findings at/above --fail-on, 2 bad usage, input, config or bug.
import { Command, CommanderError } from 'commander';
import { PathwardenError, InputError, type ErrorCode } from '../model/index.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerBlast } from './commands/blast.js';
import { registerDiff } from './commands/diff.js';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerPaths } from './commands/paths.js';
import { registerScope } from './commands/scope.js';
import { registerQuery } from './commands/query.js';
import { registerServe } from './commands/serve.js';
import { registerSnapshots } from './commands/snapshots.js';
import { examplesHelp, exitCodesHelp } from './help.js';
import type { Outcome } from './outcome.js';
import { VERSION } from './version.js';

/** The exit code contract (documented in README.md and `pathwarden --help`). */
export const EXIT_CODES = {
  ok: { code: 0, meaning: 'ran; no finding at or above --fail-on (default: none)' },
  findings: { code: 1, meaning: 'findings at or above --fail-on remain' },
  error: { code: 2, meaning: 'bad usage, bad or --strict-rejected input, configuration or internal error' },
} as const satisfies Record<Outcome | 'error', { code: number; meaning: string }>;

/** The hint printed under a known error, by error code. */
function hintFor(code: ErrorCode, command: string): string {
  const help = `pathwarden ${command || '<command>'} --help`;
  const hints = {
    input: 'fix the input at the location above (docs/inventory-format.md describes every file)',
    usage: `see "${help}" for options and selector syntax`,
    'not-found': `check the directory and selectors ("${help}" lists selector syntax)`,
    config: 'check the option values and configuration files',
    'store-unavailable': 'start Neo4j or check its address and credentials',
    engine: 'check --max-depth, --cap and --at; if they look right this is a bug, please report it',
  } as const satisfies Record<ErrorCode, string>;
  return hints[code];
}

/** The one-line form of a known error (`file:line:col field: message` for input errors). */
function errorLine(err: PathwardenError): string {
  const text = err instanceof InputError ? err.toString() : err.message;
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The commander program with every subcommand; `finish` receives the outcome of the command that ran. */
export function buildProgram(finish: (outcome: Outcome) => void): Command {
  const program = new Command('pathwarden')
    .description('Identity attack-path analytics for AI agents and non-human identities: who can this agent act as '
      + 'right now and why, separation-of-duties breaks on models, sensitive reach ranked by blast radius.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  program.addHelpText('after', examplesHelp([
    ['pathwarden analyze examples/acme', 'analyse the bundled sample inventory'],
    ['pathwarden paths examples/acme --from agent:support-* --to kind:Model', 'paths from support agents to models'],
    ['pathwarden blast examples/acme agent:support-bot', 'blast radius of one agent'],
    ['pathwarden scope examples/acme key:openai-prod', 'incident response: scope a leaked key and plan its revocation'],
    ['pathwarden export examples/acme -o acme.graph.json', 'the merged graph as JSON'],
    ['pathwarden ingest examples/acme --neo4j', 'write the sample to Neo4j as a snapshot'],
    ['pathwarden analyze --neo4j', 'analyse the newest Neo4j snapshot and write the findings back'],
    ['pathwarden diff last-week/ inventory/ --fail-on high', 'risk diff against last week; exit 1 on a new or worsened high finding'],
    ['pathwarden query sod-alter-invoke', 'run a canned Cypher query against Neo4j'],
    ['pathwarden serve examples/acme', 'HTTP API with OpenAPI docs on http://127.0.0.1:8080'],
  ]) + exitCodesHelp(EXIT_CODES));
  registerAnalyze(program, finish);
  registerPaths(program, finish);
  registerBlast(program, finish);
  registerScope(program, finish);
  registerExport(program, finish);
  registerIngest(program, finish);
  registerSnapshots(program, finish);
  registerDiff(program, finish);
  registerQuery(program, finish);
  registerServe(program, finish);
  return program;
}

/** Runs the CLI on `argv` (as process.argv) and sets process.exitCode; unknown errors are rethrown with their stack. */
export async function main(argv: string[]): Promise<void> {
  let outcome: Outcome = 'ok';
  let command = '';
  const program = buildProgram((o) => { outcome = o; });
  program.hook('preAction', (_program, action) => { command = action.name(); });
  // NOTE: a closed pipe (`pathwarden analyze | head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  try {
    await program.parseAsync(argv);
    process.exitCode = EXIT_CODES[outcome].code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed the usage error (or the help / version asked for).
      process.exitCode = err.exitCode === 0 ? EXIT_CODES.ok.code : EXIT_CODES.error.code;
      return;
    }
    process.exitCode = EXIT_CODES.error.code;
    if (err instanceof PathwardenError) {
      process.stderr.write(`error: ${errorLine(err)}\nhint: ${hintFor(err.code, command)}\n`);
      return;
    }
    // NOTE: an uncaught error would exit with 1, which means "findings"; keep internal errors at 2.
    process.once('exit', () => { process.exitCode = EXIT_CODES.error.code; });
    throw err;
  }
}
