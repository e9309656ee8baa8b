// Option declarations and parsers shared by several commands, declared once (commander Option objects), grouped
// in help by what they act on (input, analysis, output).
import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_CAP, DEFAULT_MAX_DEPTH, DEFAULT_MAX_TIER, DEFAULT_DETAIL } from '../analysis/analyze.js';
import { DEFAULT_PATHS_SHOWN, SEVERITIES, type Severity } from '../findings/index.js';
import { FORMATS, type AnalysisFormatId, type FormatId } from '../report/index.js';
import { DEFAULT_BATCH_SIZE } from '../store/write.js';

const INPUT = 'Input options:';
const ANALYSIS = 'Analysis options:';
const OUTPUT = 'Output options:';

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

export const strictOption = () => new Option('--strict', 'fail (exit 2) when any input row or file is rejected').helpGroup(INPUT);
export const exceptionsOption = () => new Option('--exceptions <file>', 'accepted-exceptions CSV (default: <dir>/exceptions.csv when present)').helpGroup(INPUT);
export const noExceptionsOption = () => new Option('--no-exceptions', 'ignore every exceptions file').helpGroup(INPUT);

export const atOption = () => new Option('--at <time>', 'analysis time: credentials and grants expired by then do not count (default: now)').argParser(parseAt).helpGroup(ANALYSIS);
export const maxDepthOption = () => new Option('--max-depth <n>', 'longest path enumerated, in edges').argParser(positiveInt('--max-depth', 32)).default(DEFAULT_MAX_DEPTH).helpGroup(ANALYSIS);
export const capOption = () => new Option('--cap <n>', 'most paths enumerated per finding or pair (reported when hit)').argParser(positiveInt('--cap', 100_000)).default(DEFAULT_CAP).helpGroup(ANALYSIS);
export const pathsOption = () => new Option('--paths <n>', 'ranked paths kept per finding (every path within --max-depth/--cap is still counted)').argParser(positiveInt('--paths', 100_000)).default(DEFAULT_PATHS_SHOWN).helpGroup(ANALYSIS);
export const detailOption = () => new Option('--detail <n>', 'best findings that get every path enumerated and ranked; the rest show their shortest paths').argParser(positiveInt('--detail', 100_000_000)).default(DEFAULT_DETAIL).helpGroup(ANALYSIS);
export const tierOption = () => new Option('--tier <n>', 'report sensitive reach to resources of this tier or more sensitive (0 = crown jewel)').argParser(parseTier).default(DEFAULT_MAX_TIER).helpGroup(ANALYSIS);
export const failOnOption = () => new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity remains').choices([...SEVERITIES, 'none']).default('none').helpGroup(ANALYSIS);
export const fromOption = () => new Option('--from <selector>', 'where paths start (see Selectors below)').makeOptionMandatory().helpGroup(ANALYSIS);
export const toOption = () => new Option('--to <selector>', 'where paths end (see Selectors below)').makeOptionMandatory().helpGroup(ANALYSIS);

/** `--format`, its choices the keys of a report registry (analyze adds csv, csv-paths and sarif to the common four). */
export const formatOption = (choices: readonly (FormatId | AnalysisFormatId)[] = FORMATS) => new Option('-f, --format <format>', 'output format')
  .choices(choices).default('table' satisfies FormatId).helpGroup(OUTPUT);
export const outputOption = () => new Option('-o, --output <file>', 'write the report to a file instead of stdout').helpGroup(OUTPUT);
export const limitOption = (def: number) => new Option('--limit <n>', 'how many results to show in full (table, md, html)').argParser(positiveInt('--limit', 1_000_000)).default(def).helpGroup(OUTPUT);
/** Findings listed in a JSON analysis unless told otherwise (the summary and roll-ups always count every one). */
export const DEFAULT_MAX_FINDINGS = 10_000;
function parseMaxFindings(raw: string): number {
  if (raw === 'all') return Infinity;
  return positiveInt('--max-findings', 100_000_000)(raw);
}
export const maxFindingsOption = () => new Option('--max-findings <n>', `json: findings listed, best first, or "all" (default: ${DEFAULT_MAX_FINDINGS.toLocaleString('en-US')}; all with --include-graph); the summary counts every one`).argParser(parseMaxFindings).helpGroup(OUTPUT);
export const quietOption = () => new Option('-q, --quiet', 'no progress or diagnostics on stderr').helpGroup(OUTPUT);
export const verboseOption = () => new Option('-v, --verbose', 'list every input diagnostic, not just the first 20').helpGroup(OUTPUT);

export const neo4jOption = () => new Option('--neo4j', 'use the Neo4j store (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, or the server of npm run neo4j:start)').helpGroup(INPUT);
export const snapshotOption = () => new Option('--snapshot <id>', 'with --neo4j: the snapshot to read (s12, 12 or latest)').default('latest').helpGroup(INPUT);
export const batchSizeOption = () => new Option('--batch-size <n>', 'rows per Neo4j statement').argParser(positiveInt('--batch-size', 1_000_000)).default(DEFAULT_BATCH_SIZE).helpGroup(INPUT);

export type FailOn = Severity | 'none';

/** Options of every command that reads an inventory. */
export interface InputFlags {
  readonly strict?: boolean;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

/** Options every reporting command shares. */
export interface OutputFlags extends InputFlags {
  readonly format: FormatId;
  readonly output?: string;
  readonly limit: number;
}
