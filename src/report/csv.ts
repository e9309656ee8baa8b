// CSV reporters for spreadsheet users: `csv` has one row per finding, `csv-paths` one row per reported path
// (joined to the findings by `finding_id`). RFC 4180 with CRLF line ends, a header row, formula-safe cells.
import type { AnalysisResult } from '../analysis/analyze.js';
import type { Finding, PathSet, RankedPath } from '../findings/index.js';
import { csvRow, type CsvValue } from './csv-quote.js';
import { listedFindings } from './listed.js';
import { bestPath, draw } from './text.js';
import type { RenderOptions } from './types.js';

/** Rows per chunk of a big report (chunks are written as they come: memory stays flat). */
const CHUNK_ROWS = 512;

export const FINDING_COLUMNS = [
  'rank', 'id', 'severity', 'score', 'rule', 'title',
  'source_id', 'source_name', 'source_kind', 'target_id', 'target_name', 'target_kind',
  'path_count', 'paths_complete', 'shortest_path',
] as const;

export const PATH_COLUMNS = [
  'finding_rank', 'finding_id', 'rule', 'severity', 'path_set', 'actions', 'path_rank', 'score', 'hops', 'path', 'entry_file', 'entry_line',
] as const;

/** Paths counted over every path set (each set counts every path enumerated within --max-depth and --cap). */
function pathCount(f: Finding): number {
  return f.pathSets.reduce((n, s) => n + s.total, 0);
}

/** `no` when a set was capped or only its shortest path was drawn (the count is then a lower bound). */
function complete(f: Finding): string {
  return f.pathSets.every((s) => !s.truncated && s.enumerated !== false) ? 'yes' : 'no';
}

/** The shortest path of each set, `label: path`, sets separated by ` ; `. */
function shortestText(f: Finding): string {
  return f.pathSets.map((s) => `${s.label}: ${draw(s.shortest)}`).join(' ; ');
}

function findingRow(f: Finding, rank: number): CsvValue[] {
  return [
    rank, f.id, f.severity, f.score, f.rule, f.title,
    f.source.id, f.source.name, f.source.kind, f.target.id, f.target.name, f.target.kind,
    pathCount(f), complete(f), shortestText(f),
  ];
}

/** The ranked paths of a set as reported (a set ranked below --detail reports its shortest path only). */
function reportedPaths(s: PathSet): readonly RankedPath[] {
  return s.paths.length ? s.paths : [bestPath(s)];
}

function pathRows(f: Finding, rank: number): CsvValue[][] {
  return f.pathSets.flatMap((s) => reportedPaths(s).map((p, i): CsvValue[] => {
    const entry = p.edges[0];
    return [rank, f.id, f.rule, f.severity, s.label, s.actions.join(' '), i + 1, p.rank.score, p.edges.length, draw(p), entry?.file, entry?.line];
  }));
}

/** Header then rows, in chunks of CHUNK_ROWS findings. */
function* rows(r: AnalysisResult, o: RenderOptions, header: readonly string[], render: (f: Finding, rank: number) => CsvValue[][]): Iterable<string> {
  let chunk = csvRow(header);
  let n = 0;
  for (const f of listedFindings(r, o)) {
    n++;
    for (const row of render(f, n)) chunk += csvRow(row);
    if (n % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** One row per finding, best first (the best --max-findings of them). */
export function csvFindings(r: AnalysisResult, o: RenderOptions): Iterable<string> {
  return rows(r, o, FINDING_COLUMNS, (f, rank) => [findingRow(f, rank)]);
}

/** One row per reported path of each finding: its ranked paths (up to --paths per set), best first. */
export function csvPaths(r: AnalysisResult, o: RenderOptions): Iterable<string> {
  return rows(r, o, PATH_COLUMNS, pathRows);
}
