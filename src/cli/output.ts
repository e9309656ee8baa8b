// Writing reports and diagnostics: the only place that writes to stdout/stderr besides main.ts.
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import pc from 'picocolors';
import { countDiagnostics } from '../analysis/load.js';
import { ConfigError, formatLocation, type Diagnostic } from '../model/index.js';
import type { RenderOptions } from '../report/index.js';
import { DOCS_BASE, VERSION } from './version.js';

/** Diagnostics shown without --verbose. */
export const DIAGNOSTICS_SHOWN = 20;

/** Render options for stdout or a file. */
export function renderOptions(limit: number, toFile: boolean, includeGraph = false): RenderOptions {
  const color = !toFile && process.stdout.isTTY === true && !process.env['NO_COLOR'];
  return { limit, color, version: VERSION, ...(includeGraph ? { includeGraph } : {}), ...(DOCS_BASE ? { docsBase: DOCS_BASE } : {}) };
}

function cannotWrite(output: string, cause: unknown): ConfigError {
  return new ConfigError(`cannot write --output "${output}" (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { cause });
}

/** Writes chunks to a stream, waiting whenever it asks to (a big report never piles up in memory). */
async function writeChunks(stream: NodeJS.WritableStream | WriteStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

/** Writes a rendered report (one string, or its chunks) to the file or stdout. */
export async function emit(text: string | Iterable<string>, output: string | undefined): Promise<void> {
  if (!output) {
    if (typeof text === 'string') process.stdout.write(text);
    else await writeChunks(process.stdout, text);
    return;
  }
  try {
    if (typeof text === 'string') {
      await writeFile(output, text, 'utf8');
      return;
    }
    const file = createWriteStream(output, 'utf8');
    const failed = once(file, 'error').then(([cause]) => { throw cannotWrite(output, cause); });
    await Promise.race([failed, (async () => {
      await writeChunks(file, text);
      file.end();
      await once(file, 'finish');
    })()]);
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    throw cannotWrite(output, cause);
  }
}

/** One line per diagnostic: `file:line:col field: message [code]`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity}: ${formatLocation(d)}${d.message} [${d.code}]`;
}

/** Prints the input diagnostics summary to stderr (all with verbose, else the first 20). */
export function printDiagnostics(diagnostics: readonly Diagnostic[], options: { quiet?: boolean; verbose?: boolean; strict?: boolean }): void {
  if (options.quiet || diagnostics.length === 0) return;
  const c = pc.createColors(process.stderr.isTTY === true && !process.env['NO_COLOR']);
  const shown = options.verbose ? diagnostics : diagnostics.slice(0, DIAGNOSTICS_SHOWN);
  for (const d of shown) process.stderr.write(`${d.severity === 'error' ? c.red(formatDiagnostic(d)) : c.yellow(formatDiagnostic(d))}\n`);
  const { errors, warnings } = countDiagnostics(diagnostics);
  const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file ?? '?')).size;
  const more = diagnostics.length - shown.length;
  const outcome = options.strict && errors > 0 ? 'nothing analysed (--strict)' : 'good rows were loaded';
  process.stderr.write(`input: ${errors} rejected row(s) or file(s) in ${files} file(s), ${warnings} warning(s); ${outcome}`
    + `${more > 0 ? ` (${more} more not shown: --verbose)` : ''}\n`);
}
