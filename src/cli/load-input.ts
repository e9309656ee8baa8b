// Reading an inventory for a command: checks the directory, loads it with progress on a terminal, prints the
// input diagnostics to stderr, and applies --strict. Every command that reads an inventory goes through here.
import { stat } from 'node:fs/promises';
import type { CompiledInput } from '../analysis/analyze.js';
import { countDiagnostics, loadCompact, loadGraph, type LoadedGraph } from '../analysis/load.js';
import { CSV_FILES } from '../../ingest/csv-inventory/files.js';
import { InputError, NotFoundError } from '../model/index.js';
import type { InputFlags } from './options.js';
import { printDiagnostics } from './output.js';
import { createCounter, withProgress } from './progress.js';

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) throw new NotFoundError(`inventory "${dir}" does not exist`);
  if (!info.isDirectory()) throw new InputError('is not a directory (an inventory is a directory of CSV/JSON files)', { file: dir });
}

/** Loads `dir`; rejected rows are printed as diagnostics, and with --strict any rejected row is fatal. */
export async function loadInput(dir: string, flags: InputFlags): Promise<LoadedGraph> {
  await assertDirectory(dir);
  const loaded = await withProgress(['load'], { quiet: flags.quiet }, (progress) => {
    progress.stage('load');
    return loadGraph(dir);
  });
  return checkInput(dir, loaded, flags);
}

/** Loads `dir` straight into compact form evaluated at `at` (analyze), with the checks of loadInput. */
export async function loadCompactInput(dir: string, at: Date, flags: InputFlags): Promise<CompiledInput> {
  await assertDirectory(dir);
  const progress = createCounter('rows loaded', { quiet: flags.quiet });
  try {
    return checkInput(dir, await loadCompact(dir, { at, onRow: throttled((n) => progress.update(n, n)) }), flags);
  } finally {
    progress.stop();
  }
}

/** Calls `fn` at most every 50 ms (a progress callback on every row would cost more than the row). */
function throttled(fn: (n: number) => void): (n: number) => void {
  let last = 0;
  return (n) => {
    if ((n & 1023) !== 0) return;
    const now = Date.now();
    if (now - last < 50) return;
    last = now;
    fn(n);
  };
}

/** Prints the input diagnostics; an empty inventory, or rejected rows under --strict, are fatal. */
function checkInput<T extends { readonly files: readonly unknown[]; readonly diagnostics: LoadedGraph['diagnostics'] }>(dir: string, loaded: T, flags: InputFlags): T {
  // NOTE: --strict shows the diagnostics even with --quiet: they are the reason for the exit status.
  printDiagnostics(loaded.diagnostics, { quiet: flags.quiet && !flags.strict, verbose: flags.verbose, strict: flags.strict });
  if (loaded.files.length === 0) {
    // NOTE: analysing nothing would report "no findings" and pass a CI gate; a directory without input is an error.
    throw new InputError(`no inventory files here or in its sub-folders (expected ${CSV_FILES.map((f) => f.name).join(', ')}, *.graph.json, *.opengraph.json, or an export recognised by content: AWS IAM, GCP IAM, Kubernetes RBAC, Entra ID, MCP client configs, AWS CLI config/credentials, GitHub Actions workflows, gitleaks/trufflehog reports; see docs/sources.md)`, { file: dir });
  }
  const { errors } = countDiagnostics(loaded.diagnostics);
  if (flags.strict && errors > 0) {
    throw new InputError(`--strict: ${errors} rejected row(s) or file(s) in the input (listed above)`, { file: dir });
  }
  return loaded;
}
