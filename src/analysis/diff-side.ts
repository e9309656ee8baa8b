// One side of `pathwarden diff`: an inventory directory or a Neo4j snapshot (analysed here, at the diff's time),
// or a saved analysis JSON (`analyze --format json [--include-graph]`, taken as it was saved).
import { readFile } from 'node:fs/promises';
import type { Finding } from '../findings/index.js';
import { SEVERITIES } from '../findings/index.js';
import { toJsonGraph, type JsonGraphDocument } from '../graph/export.js';
import { InputError, UsageError } from '../model/index.js';
import { analyzeLoaded, DEFAULT_MAX_TIER, type AnalyzeOptions, type GraphAnalysis } from './analyze.js';
import type { LoadedGraph } from './load.js';

export type SideKind = 'inventory' | 'saved' | 'neo4j';

/** What a diff needs of one side, however it was obtained. */
export interface DiffSide {
  /** As given on the command line (`examples/acme`, `base.json`, `neo4j:s12`). */
  readonly ref: string;
  readonly kind: SideKind;
  /** Analysis time of this side. */
  readonly at: string;
  readonly maxTier: number;
  /** Undefined for a saved analysis written without `--include-graph`. */
  readonly graph?: JsonGraphDocument;
  readonly findings: readonly Finding[];
  /** Ids of findings suppressed by accepted exceptions. */
  readonly suppressed: readonly string[];
  /** Blast radius by principal id (principals not listed: 0). */
  readonly blast: ReadonlyMap<string, number>;
  /** False when the blast radius is known only for finding sources (an old saved analysis). */
  readonly blastComplete: boolean;
  /** Snapshot id for a Neo4j side (`s12`, also for `neo4j:latest`). */
  readonly snapshot?: string;
}

/** A side reference: a Neo4j snapshot (`neo4j:s12`, `neo4j:latest`) or a path (directory or saved JSON). */
export type SideRef = { readonly kind: 'neo4j'; readonly raw: string; readonly snapshot: string } | { readonly kind: 'path'; readonly raw: string };

/** Parses a side argument. */
export function parseSideRef(raw: string): SideRef {
  if (!raw.startsWith('neo4j:')) return { kind: 'path', raw };
  const snapshot = raw.slice('neo4j:'.length);
  if (!snapshot) throw new UsageError(`"${raw}": name a snapshot, e.g. neo4j:s12 or neo4j:latest`);
  return { kind: 'neo4j', raw, snapshot };
}

/** A side read but not analysed yet: the diff's time and tier are decided once both sides are known. */
export type PreparedSide =
  | { readonly kind: 'saved'; readonly side: DiffSide }
  | { readonly kind: 'inventory' | 'neo4j'; readonly ref: string; readonly loaded: LoadedGraph; readonly snapshot?: string };

/** The diff side of an analysis result. */
export function sideFromAnalysis(result: GraphAnalysis, ref: string, kind: SideKind, snapshot?: string): DiffSide {
  return {
    ref, kind, at: result.at, maxTier: result.options.maxTier, graph: toJsonGraph(result.graph),
    findings: result.findings, suppressed: result.suppressed.map((f) => f.id), blast: result.blast, blastComplete: true,
    ...(snapshot !== undefined ? { snapshot } : {}),
  };
}

/** Analyses a prepared inventory or snapshot side (a saved side is returned as it is). */
export async function analyzeSide(prepared: PreparedSide, options: AnalyzeOptions): Promise<DiffSide> {
  if (prepared.kind === 'saved') return prepared.side;
  const result = await analyzeLoaded(prepared.loaded, options);
  return sideFromAnalysis(result, prepared.ref, prepared.kind, prepared.snapshot);
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the fields of a saved finding that the diff uses; InputError naming the field otherwise. */
function checkFinding(f: unknown, field: string, file: string): Finding {
  const bad = (what: string): never => { throw new InputError(`not a pathwarden finding: ${what}`, { file, field }); };
  if (!isObject(f)) return bad('expected an object');
  if (typeof f['id'] !== 'string') bad('"id" must be a string');
  if (typeof f['score'] !== 'number') bad('"score" must be a number');
  if (!(SEVERITIES as readonly unknown[]).includes(f['severity'])) bad(`"severity" must be one of ${SEVERITIES.join(', ')}`);
  for (const end of ['source', 'target']) {
    const ref = f[end];
    if (!isObject(ref) || typeof ref['id'] !== 'string' || typeof ref['label'] !== 'string') bad(`"${end}" must have an id and a label`);
  }
  if (!Array.isArray(f['pathSets'])) bad('"pathSets" must be an array');
  return f as unknown as Finding;
}

/** Blast radius of finding sources, from the rank of their paths (saved analyses without `blastRadius`). */
function blastFromFindings(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) {
    const path = f.pathSets[0]?.paths[0] ?? f.pathSets[0]?.shortest;
    if (path) out.set(f.source.id, path.rank.blastRadius);
  }
  return out;
}

function savedGraph(doc: unknown, file: string): JsonGraphDocument | undefined {
  if (doc === undefined) return undefined;
  if (!isObject(doc) || doc['format'] !== 'pathwarden-graph' || !Array.isArray(doc['nodes']) || !Array.isArray(doc['edges'])) {
    throw new InputError('not a pathwarden graph document (format, nodes, edges)', { file, field: 'graphDocument' });
  }
  return doc as unknown as JsonGraphDocument;
}

/** Interprets the parsed JSON of a saved analysis. */
export function sideFromSaved(raw: unknown, file: string): DiffSide {
  if (isObject(raw) && raw['format'] === 'pathwarden-graph') {
    throw new InputError('is a graph document (pathwarden export), not a saved analysis: put it in a directory of its own and diff that directory, '
      + 'or save an analysis with `pathwarden analyze <dir> --format json --include-graph -o <file>`', { file });
  }
  if (!isObject(raw) || !isObject(raw['tool']) || raw['tool']['name'] !== 'pathwarden' || !Array.isArray(raw['findings'])) {
    throw new InputError('not a saved pathwarden analysis (expected the output of `pathwarden analyze --format json`)', { file });
  }
  if (typeof raw['at'] !== 'string' || Number.isNaN(Date.parse(raw['at']))) throw new InputError('"at" must be an ISO-8601 time', { file, field: 'at' });
  const summary = isObject(raw['summary']) ? raw['summary'] : {};
  if (typeof summary['omitted'] === 'number' && summary['omitted'] > 0) {
    throw new InputError(`lists ${String(summary['listed'])} of ${String(summary['findings'])} findings, so a diff would take the others as resolved: `
      + 'save it with `--max-findings all` (or `--include-graph`)', { file, field: 'summary.omitted' });
  }
  const findings = raw['findings'].map((f, i) => checkFinding(f, `findings[${i}]`, file));
  const suppressed = Array.isArray(raw['suppressed']) ? raw['suppressed'].map((f, i) => checkFinding(f, `suppressed[${i}]`, file).id) : [];
  const options = isObject(raw['options']) ? raw['options'] : {};
  const maxTier = typeof options['maxTier'] === 'number' ? options['maxTier'] : DEFAULT_MAX_TIER;
  const saved = raw['blastRadius'];
  if (saved !== undefined && (!isObject(saved) || Object.values(saved).some((v) => typeof v !== 'number'))) {
    throw new InputError('"blastRadius" must map principal ids to numbers', { file, field: 'blastRadius' });
  }
  const graph = savedGraph(raw['graphDocument'], file);
  return {
    ref: file, kind: 'saved', at: new Date(raw['at']).toISOString(), maxTier, ...(graph ? { graph } : {}), findings, suppressed,
    blast: saved ? new Map(Object.entries(saved as Record<string, number>)) : blastFromFindings(findings), blastComplete: saved !== undefined,
  };
}

/** Reads a saved analysis JSON file. */
export async function readSavedAnalysis(file: string): Promise<DiffSide> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new InputError(`cannot read (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { file }, { cause });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new InputError(`is neither an inventory directory nor valid JSON (${(cause as Error).message})`, { file }, { cause });
  }
  return sideFromSaved(raw, file);
}
