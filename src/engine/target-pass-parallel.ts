// The per-target pass on both cores (issue #5): the targets are dealt alternately to the main thread and one
// worker thread (target-pass-worker.ts), each searching on its own copy of the graph's arrays, and the two parts
// are settled together (finishPass), which gives exactly the single-thread result. Small graphs, one-core
// machines and a missing worker entry (TypeScript sources run directly, e.g. under vitest) take the single-thread
// pass; a worker that fails hands its targets back to the main thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompactGraph } from './compact.js';
import { passGraphArrays, type WorkerReply } from './target-pass-protocol.js';
import { finishPass, PairRows, passTargets, searchTargets, targetPass, type PartialPass, type TargetPassOptions, type TargetPassResult } from './target-pass.js';

/** Below this many slots the worker's start and the copy of the graph cost more than they save. */
export const PARALLEL_MIN_SLOTS = 1_000_000;

export interface ParallelPassOptions extends TargetPassOptions {
  /** The worker entry (default: target-pass-worker.js next to this module). */
  readonly workerUrl?: URL;
  /** Graphs with fewer slots take the single-thread pass (default PARALLEL_MIN_SLOTS). */
  readonly minSlots?: number;
}

export interface ParallelPassResult extends TargetPassResult {
  /** Threads that searched: 1 or 2. */
  readonly threads: number;
}

function runWorker(url: URL, cg: CompactGraph, targets: readonly number[], maxTier: number): { reply: Promise<PartialPass>; stop: () => Promise<number> } {
  const worker = new Worker(url);
  const reply = new Promise<PartialPass>((resolve, reject) => {
    worker.once('message', (m: WorkerReply) => {
      if (m.ok) resolve({ rows: PairRows.of(m.rows), blast: m.blast, doubtful: m.doubtful });
      else reject(new Error(m.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker exited with code ${code}`)));
  });
  worker.postMessage({ graph: passGraphArrays(cg), targets, maxTier });
  return { reply, stop: () => worker.terminate() };
}

/** targetPass on two threads where it pays; the same result. */
export async function targetPassParallel(cg: CompactGraph, options: ParallelPassOptions = {}): Promise<ParallelPassResult> {
  const maxTier = options.maxTier ?? 1;
  const url = options.workerUrl ?? new URL('./target-pass-worker.js', import.meta.url);
  if (cg.size < (options.minSlots ?? PARALLEL_MIN_SLOTS) || availableParallelism() < 2 || !existsSync(fileURLToPath(url))) {
    return { ...targetPass(cg, options), threads: 1 };
  }
  const targets = passTargets(cg, maxTier);
  const mine = targets.filter((_, i) => i % 2 === 0);
  const theirs = targets.filter((_, i) => i % 2 === 1);
  const worker = runWorker(url, cg, theirs, maxTier);
  // NOTE: the main thread searches its half while the worker does the other; progress counts both halves as one.
  const onProgress = options.onProgress;
  const part = searchTargets(cg, mine, maxTier, onProgress ? (done) => onProgress(Math.min(targets.length - 1, 2 * done), targets.length) : undefined);
  let other: PartialPass;
  let threads = 2;
  try {
    other = await worker.reply;
  } catch {
    // NOTE: the analysis never depends on the worker: its targets are searched here instead.
    other = searchTargets(cg, theirs, maxTier);
    threads = 1;
  } finally {
    await worker.stop();
  }
  onProgress?.(targets.length, targets.length);
  return { ...finishPass(cg, [part, other], maxTier), threads };
}
