// Option declarations and parsers shared by several commands, declared once (commander Option objects).
import { InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../findings/index.js';
import { FORMATS, type FormatId } from '../report/index.js';

function positiveInt(name: string, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be an integer from 1 to ${max}`);
    return n;
  };
}

function parseAt(raw: string): Date {
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw new InvalidArgumentError('expected an ISO-8601 date or date-time, e.g. 2026-11-25 or 2026-11-25T09:00:00Z');
  return new Date(t);
}

function parseTier(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 4) throw new InvalidArgumentError('tier must be 0 (crown jewel) … 4 (low)');
  return n;
}

export const atOption = () => new Option('--at <time>', 'analysis time: credentials and grants expired by then do not count (default: now)').argParser(parseAt);
export const formatOption = () => new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table' satisfies FormatId);
export const outputOption = () => new Option('-o, --output <file>', 'write the report to a file instead of stdout');
export const limitOption = (def: number) => new Option('--limit <n>', 'how many results to show in full (table, md)').argParser(positiveInt('--limit', 1_000_000)).default(def);
export const maxDepthOption = () => new Option('--max-depth <n>', 'longest path enumerated, in edges').argParser(positiveInt('--max-depth', 32)).default(8);
export const capOption = () => new Option('--cap <n>', 'most paths enumerated per finding or pair (reported when hit)').argParser(positiveInt('--cap', 100_000)).default(1000);
export const tierOption = () => new Option('--tier <n>', 'report sensitive reach to resources of this tier or more sensitive (0 = crown jewel)').argParser(parseTier).default(1);
export const strictOption = () => new Option('--strict', 'fail (exit 2) when any input row or file is rejected');
export const quietOption = () => new Option('-q, --quiet', 'no progress or diagnostics on stderr');
export const verboseOption = () => new Option('-v, --verbose', 'list every input diagnostic, not just the first 20');
export const failOnOption = () => new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity remains').choices([...SEVERITIES, 'none']).default('none');

export type FailOn = Severity | 'none';

/** Options every reporting command shares. */
export interface OutputOptions {
  readonly format: FormatId;
  readonly output?: string;
  readonly limit: number;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
  readonly strict?: boolean;
}
