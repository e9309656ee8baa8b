// `pathwarden serve [dir] [--neo4j]`: the HTTP API (api/) and the web view on an inventory directory or the newest
// Neo4j snapshot, until SIGINT/SIGTERM. Prints where it listens and, when it generated one, the bearer token.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_RATE_LIMIT } from '../../../api/limits.js';
import type { AppOptions } from '../../../api/options.js';
import { chooseToken, startServer } from '../../../api/server.js';
import { ConfigError, UsageError } from '../../model/index.js';
import { examplesHelp } from '../help.js';
import { neo4jOption } from '../options.js';
import type { Finish } from '../outcome.js';

interface ServeFlags {
  readonly neo4j?: boolean;
  readonly host: string;
  readonly port: number;
  readonly token?: string;
  readonly auth: boolean;
  readonly rateLimit: number;
  readonly logLevel: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

function intIn(name: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}

async function listen(options: AppOptions, flags: ServeFlags): ReturnType<typeof startServer> {
  try {
    return await startServer(options, { host: flags.host, port: flags.port }, { logLevel: flags.logLevel });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new ConfigError(`cannot listen on ${flags.host}:${flags.port} (${code})`, { cause: err });
    }
    throw err;
  }
}

async function run(dir: string, flags: ServeFlags, finish: Finish): Promise<void> {
  if (flags.neo4j && dir !== '.') throw new UsageError(`serve --neo4j serves the newest Neo4j snapshot: leave out the directory "${dir}"`);
  const choice = chooseToken(flags.host, flags.token, !flags.auth);
  const source: AppOptions['source'] = flags.neo4j ? { kind: 'neo4j' } : { kind: 'dir', dir };
  const { app, url, closed } = await listen({ source, token: choice.token, rateLimit: flags.rateLimit }, flags);
  const g = app.engine.summary();
  const auth = choice.generated
    ? `token: ${choice.token as string}\n  (generated for this run: send "Authorization: Bearer <token>"; set PATHWARDEN_API_TOKEN to choose one)`
    : choice.token === undefined ? 'auth: off (--no-auth, loopback only)' : 'auth: bearer token required (from --token or PATHWARDEN_API_TOKEN)';
  const web = app.auth.required && !app.auth.sessions ? 'asks for the token' : 'open it in a browser on this machine; no token needed';
  process.stdout.write(`pathwarden API on ${url}: ${g.origin} (${g.nodes} nodes, ${g.edges} edges, ${g.findings} findings)\n`
    + `web view: ${url}/ (${web})\ndocs: ${url}/documentation (OpenAPI: ${url}/documentation/json)\n${auth}\n`);
  await closed;
  finish('ok');
}

/** Registers the serve command. */
export function registerServe(program: Command, finish: Finish): void {
  program.command('serve')
    .summary('serve the web view and the HTTP API (findings, paths, blast radius, canned queries, ingest) with OpenAPI docs')
    .description('Serve the HTTP API on an inventory directory (analysed once, answers cached) or, with --neo4j, on the newest '
      + 'Neo4j snapshot, with the web view at /. /v1 needs a bearer token: PATHWARDEN_API_TOKEN or --token; on a loopback '
      + 'host one is generated and printed when none is given, and the web view gets a session cookie instead. A '
      + 'non-loopback host without a token is refused. Stops on SIGINT/SIGTERM.')
    .argument('[dir]', 'inventory directory', '.')
    .addOption(neo4jOption())
    .addOption(new Option('--host <host>', 'address to listen on').default('127.0.0.1'))
    .addOption(new Option('--port <n>', 'port (0: any free port)').argParser(intIn('--port', 0, 65535)).default(8080))
    .addOption(new Option('--token <token>', `bearer token for /v1 (at least 16 characters)`).env('PATHWARDEN_API_TOKEN'))
    .addOption(new Option('--no-auth', 'no token at all (loopback hosts only)'))
    .addOption(new Option('--rate-limit <n>', 'requests per minute per client address (0: off)').argParser(intIn('--rate-limit', 0, 10_000_000)).default(DEFAULT_RATE_LIMIT))
    .addOption(new Option('--log-level <level>', 'request log level (JSON lines on stdout)').choices(LOG_LEVELS).default('info'))
    .addHelpText('after', examplesHelp([
      ['pathwarden serve examples/acme', 'the sample on http://127.0.0.1:8080 (open it in a browser; token printed for API clients)'],
      ['PATHWARDEN_API_TOKEN=… pathwarden serve inventory/ --host 0.0.0.0', 'on every interface, with your token'],
      ['pathwarden serve --neo4j --port 9000', 'the newest Neo4j snapshot; canned queries enabled'],
    ]))
    .action((dir: string, flags: ServeFlags) => run(dir, flags, finish));
}
