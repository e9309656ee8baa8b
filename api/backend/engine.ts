// The engine backend: holds the served graph (from an inventory directory, a Neo4j snapshot, or given), its
// cached analysis, and answers findings, paths and blast queries from it. Paths and blast answers are cached
// per graph generation; uncached ones run under the per-request limits (pairs × cap, time budget).
import { analyzeLoaded, type AnalysisResult } from '../../src/analysis/analyze.js';
import { blastOf } from '../../src/analysis/blast.js';
import type { LoadedGraph } from '../../src/analysis/load.js';
import { findPaths } from '../../src/analysis/paths.js';
import { scopeOf } from '../../src/analysis/scope.js';
import type { Finding } from '../../src/findings/index.js';
import { parseSelector, selectNodes } from '../../src/graph/select.js';
import { StoreUnavailableError, UsageError } from '../../src/model/index.js';
import type { Limits } from '../limits.js';
import type { BlastQuery, BlastResponse, PathsQuery, PathsResponse } from '../schemas/analysis.js';
import { asReply } from '../schemas/common.js';
import type { FindingSummary, FindingsPage, FindingsQuery } from '../schemas/findings.js';
import type { ScopeBody, ScopeResponse } from '../schemas/scope.js';
import { runWithin } from './budget.js';
import { AnswerCache } from './cache.js';
import { queryFindings, summarize } from './findings-query.js';

/** What the backend serves at one moment; replaced as a whole on reload or ingest. */
export interface Served {
  readonly generation: number;
  /** Where the graph came from: the inventory directory, `neo4j:s12`, or `upload <time>`. */
  readonly origin: string;
  readonly loaded: LoadedGraph;
  readonly analysis: AnalysisResult;
  readonly byId: ReadonlyMap<string, Finding>;
  readonly summaries: Map<string, FindingSummary>;
}

/** Parses an `at` query value (already shape-checked by the schema). */
function parseAt(raw: string): Date {
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new UsageError(`at "${raw}" is not a valid date or time`);
  return new Date(ms);
}

function countMatches(loaded: LoadedGraph, selector: string): number {
  return selectNodes(loaded.graph, parseSelector(selector)).length;
}

export class EngineBackend {
  private current: Served | undefined;
  private generation = 0;
  private readonly answers: AnswerCache<PathsResponse | BlastResponse | ScopeResponse>;
  private queue: Promise<unknown> = Promise.resolve();

  /** `source` loads the graph to serve (inventory directory or store snapshot); called at start and on reload. */
  constructor(private readonly limits: Limits, private readonly source: () => Promise<LoadedGraph>) {
    this.answers = new AnswerCache(limits.cacheEntries);
  }

  /** True once a graph is loaded and analysed. */
  get ready(): boolean {
    return this.current !== undefined;
  }

  /** The served state; StoreUnavailableError (503) before the first load finished. */
  served(): Served {
    if (!this.current) throw new StoreUnavailableError('the graph is still loading; retry shortly');
    return this.current;
  }

  /** Loads from the source again and serves the result. */
  reload(): Promise<Served> {
    return this.serialized(async () => this.install(await this.source()));
  }

  /** Serves the graph `load` returns (ingest), analysed now; loads and reloads run one at a time. */
  replace(load: () => Promise<LoadedGraph>, origin: string): Promise<Served> {
    return this.serialized(async () => this.install(await load(), origin));
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async install(loaded: LoadedGraph, origin = loaded.dir): Promise<Served> {
    const analysis = await analyzeLoaded(loaded);
    const byId = new Map([...analysis.findings, ...analysis.suppressed].map((f) => [f.id, f]));
    this.current = { generation: ++this.generation, origin, loaded, analysis, byId, summaries: new Map() };
    this.answers.clear();
    return this.current;
  }

  /** What /readyz shows about the served graph. */
  summary(): { loaded: boolean; origin?: string; generation?: number; at?: string; nodes?: number; edges?: number; findings?: number } {
    const s = this.current;
    if (!s) return { loaded: false };
    return {
      loaded: true, origin: s.origin, generation: s.generation, at: s.analysis.at,
      nodes: s.loaded.graph.order, edges: s.loaded.graph.size, findings: s.analysis.findings.length,
    };
  }

  /** One page of findings matching the query. */
  findings(q: FindingsQuery): FindingsPage {
    const s = this.served();
    const list = queryFindings(s.loaded.graph, s.analysis.findings, q);
    const offset = q.offset ?? 0;
    const limit = Math.min(q.limit ?? 20, this.limits.pageSize);
    const page = list.slice(offset, offset + limit).map((f) => {
      let summary = s.summaries.get(f.id);
      if (!summary) s.summaries.set(f.id, (summary = summarize(f)));
      return summary;
    });
    return { at: s.analysis.at, total: list.length, offset, limit, findings: page };
  }

  /** A finding (active or suppressed) by its stable id. */
  finding(id: string): Finding | undefined {
    return this.served().byId.get(id);
  }

  /** Paths between two selectors, within maxDepth, the per-pair cap (shrunk to the request budget) and the time budget. */
  paths(q: PathsQuery): PathsResponse {
    const s = this.served();
    const at = q.at ?? s.analysis.at;
    const maxDepth = Math.min(q.maxDepth ?? 8, this.limits.maxDepth);
    const requestedCap = Math.min(q.cap ?? 1000, this.limits.cap);
    const key = JSON.stringify(['paths', q.from, q.to, maxDepth, requestedCap, at]);
    const hit = this.answers.get(key);
    if (hit) return hit as PathsResponse;
    const sources = countMatches(s.loaded, q.from);
    const targets = countMatches(s.loaded, q.to);
    const pairs = sources * targets;
    // NOTE: pairs × cap bounds the work that produces paths; the time budget bounds searches that find none.
    const cap = Math.max(1, Math.min(requestedCap, Math.floor(this.limits.pathsPerRequest / Math.max(1, pairs))));
    const limits = { requestedCap, pathsPerRequest: this.limits.pathsPerRequest, timeBudgetMs: this.limits.timeBudgetMs };
    // NOTE: the engine's deadline keeps what was found in time; the vm budget (a little longer) is only a backstop.
    const deadline = Date.now() + this.limits.timeBudgetMs;
    const run = runWithin(this.limits.timeBudgetMs * 2, () => findPaths(s.loaded, q.from, q.to, { at: parseAt(at), maxDepth, cap, deadline }));
    const answer: PathsResponse = run.timedOut
      ? {
        at: parseAt(at).toISOString(), from: q.from, to: q.to, maxDepth, cap, sources, targets,
        pairs: [], total: 0, truncated: true, limits: { ...limits, timedOut: true },
      }
      : asReply<PathsResponse>({ ...run.value, limits: { ...limits, timedOut: run.value.timedOut === true } });
    this.answers.set(key, answer);
    return answer;
  }

  /** Blast radius of the principals a selector matches, within the time budget. */
  blast(q: BlastQuery): BlastResponse {
    const s = this.served();
    const at = q.at ?? s.analysis.at;
    const key = JSON.stringify(['blast', q.selector, at]);
    const hit = this.answers.get(key);
    if (hit) return hit as BlastResponse;
    const run = runWithin(this.limits.timeBudgetMs, () => blastOf(s.loaded, q.selector, { at: parseAt(at) }));
    if (run.timedOut) throw new UsageError(`blast radius of "${q.selector}" took longer than ${this.limits.timeBudgetMs} ms; narrow the selector`);
    const answer = asReply<BlastResponse>(run.value);
    this.answers.set(key, answer);
    return answer;
  }

  /** Scope of a compromised credential or identity, within the time budget. */
  scope(q: ScopeBody): ScopeResponse {
    const s = this.served();
    const at = q.at ?? s.analysis.at;
    const options = { maxTier: q.tier ?? 1, maxDepth: Math.min(q.maxDepth ?? 8, this.limits.maxDepth), cap: Math.min(q.cap ?? 1000, this.limits.cap) };
    const key = JSON.stringify(['scope', q.selector, at, options]);
    const hit = this.answers.get(key);
    if (hit) return hit as ScopeResponse;
    const run = runWithin(this.limits.timeBudgetMs, () => scopeOf(s.loaded, q.selector, { ...options, at: parseAt(at) }));
    if (run.timedOut) throw new UsageError(`scope of "${q.selector}" took longer than ${this.limits.timeBudgetMs} ms; narrow the selector or lower maxDepth`);
    const answer = asReply<ScopeResponse>(run.value);
    this.answers.set(key, answer);
    return answer;
  }
}
