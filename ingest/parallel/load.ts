// The coordinator of a parallel load: cuts the inventory into tasks (whole files, byte ranges of big CSV files),
// runs them on worker threads and feeds the sink in task order, buffering batches that arrive early.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { emptyRecords, type Diagnostic, type Records } from '../../src/model/index.js';
import { csvFileSpec } from '../csv-inventory/files.js';
import type { CsvRange } from '../csv-inventory/index.js';
import type { DirectoryEntry, FileSummary } from '../index.js';
import type { RecordSink, SourceId } from '../types.js';
import { BatchDecoder } from './codec.js';
import { AHEAD, CANCELLED, CONSUMED, COUNTERS, type TaskMessage, type WorkerMessage } from './protocol.js';
import { splitCsvFile } from './split.js';

const MB = 1 << 20;

/** Tuning of a parallel load; the defaults suit the 2-core target machine (issue #5). */
export interface ParallelOptions {
  /** Worker threads (default: available cores, at most 4). */
  readonly workers?: number;
  /** Below this many bytes of input the load stays sequential (default 8 MB). */
  readonly minBytes?: number;
  /** CSV files above this size are split into byte ranges (default 8 MB: smaller ranges keep both workers busy to the end). */
  readonly splitBytes?: number;
  /** Target size of one byte range (default 4 MB). */
  readonly rangeBytes?: number;
  /** Batches a worker may run ahead of the sink (default 256 of 2048 records, serialized). */
  readonly maxAhead?: number;
  /** The worker entry (default: worker.js next to this module, i.e. the compiled dist/ingest/parallel/worker.js). */
  readonly workerUrl?: URL;
}

/** What loadDirectory passes on: where records go and the progress callback. */
export interface ParallelLoadOptions {
  readonly sink?: RecordSink;
  readonly onRow?: (n: number) => void;
}

/** One unit of work, in load order: a diagnostic-only entry, a whole file or one range of a file. */
interface Task {
  readonly entry: number;
  readonly message?: TaskMessage;
  /** True for the last task of its entry. */
  readonly last: boolean;
}

/** The load of `entries` on worker threads, or undefined when it should run sequentially (small input, no workers). */
export async function loadEntriesParallel(
  entries: readonly DirectoryEntry[], load: ParallelLoadOptions, options: ParallelOptions,
): Promise<(Records & { files: FileSummary[] }) | undefined> {
  const sizes = await Promise.all(entries.map((e) => ('ingestor' in e ? stat(e.display).then((s) => s.size, () => 0) : 0)));
  if (sizes.reduce((a, b) => a + b, 0) < (options.minBytes ?? 8 * MB)) return undefined;
  const url = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
  const count = Math.max(1, Math.min(options.workers ?? Math.min(availableParallelism(), 4), entries.length));
  const [workers, tasks] = await Promise.all([
    startWorkers(url, count, options.maxAhead ?? AHEAD),
    planTasks(entries, sizes, options.splitBytes ?? 8 * MB, options.rangeBytes ?? 4 * MB),
  ]);
  if (workers === undefined) return undefined;
  try {
    return await new Feeder(entries, tasks, workers, load).run();
  } finally {
    for (const w of workers) {
      Atomics.store(w.counters, CANCELLED, 1);
      Atomics.notify(w.counters, CONSUMED);
    }
    await Promise.all(workers.map((w) => w.thread.terminate()));
  }
}

/** A started worker and its shared counters. */
interface PoolWorker {
  readonly thread: Worker;
  readonly counters: Int32Array;
}

/** Starts `count` workers and waits until each is ready; undefined when any fails to start (then none is kept). */
async function startWorkers(url: URL, count: number, maxAhead: number): Promise<PoolWorker[] | undefined> {
  const workers: PoolWorker[] = [];
  const ready: Promise<boolean>[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const counters = new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT);
      const thread = new Worker(url, { workerData: { counters, maxAhead } });
      workers.push({ thread, counters: new Int32Array(counters) });
      ready.push(new Promise((resolve) => {
        // NOTE: only our own listeners are removed: Worker keeps internal ones (ref counting of its port).
        const settle = (ok: boolean): void => {
          thread.off('message', onMessage).off('error', onError).off('exit', onError);
          resolve(ok);
        };
        const onMessage = (m: WorkerMessage): void => settle(m.type === 'ready');
        const onError = (): void => settle(false);
        thread.on('message', onMessage).on('error', onError).on('exit', onError);
      }));
    }
  } catch {
    ready.push(Promise.resolve(false));
  }
  if ((await Promise.all(ready)).every(Boolean)) return workers;
  await Promise.all(workers.map((w) => w.thread.terminate()));
  return undefined;
}

/** Tasks in load order: one per entry, except big CSV files, which get one per byte range. */
async function planTasks(entries: readonly DirectoryEntry[], sizes: readonly number[], splitBytes: number, rangeBytes: number): Promise<Task[]> {
  const tasks: Task[] = [];
  for (const [i, entry] of entries.entries()) {
    if (!('ingestor' in entry)) {
      tasks.push({ entry: i, last: true });
      continue;
    }
    const base = { path: entry.display, display: entry.display, relPath: entry.relPath, source: entry.ingestor.id as SourceId };
    const spec = entry.ingestor.id === 'csv-inventory' ? csvFileSpec(baseName(entry.display)) : undefined;
    const ranges: readonly (CsvRange | undefined)[] = spec !== undefined && (sizes[i] ?? 0) > splitBytes
      ? await splitCsvFile(entry.display, spec, entry.display, rangeBytes).catch(() => undefined) ?? [undefined]
      : [undefined];
    for (const [r, range] of ranges.entries()) {
      const message: TaskMessage = { ...base, id: tasks.length, ...(range ? { range } : {}) };
      tasks.push({ entry: i, message, last: r === ranges.length - 1 });
    }
  }
  return tasks;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** What arrived for one task so far. */
interface TaskState {
  readonly batches: { bytes: Uint8Array; rows: number }[];
  done?: { diagnostics: Diagnostic[]; complete: boolean; rows: number };
  worker?: PoolWorker;
}

/** Runs the tasks on the workers and feeds the sink strictly in task order. */
class Feeder {
  private readonly out = emptyRecords();
  private readonly files: FileSummary[] = [];
  private readonly states: TaskState[];
  private readonly sink: RecordSink & { nodes: number; edges: number };
  private next = 0;
  private cursor = 0;
  private decoder: BatchDecoder | undefined;
  /** Rows of finished files, rows of finished ranges of the current file. */
  private rowsBefore = 0;
  private fileRows = 0;
  /** Diagnostics of the current file so far; false once a range stopped early (the rest of the file is dropped). */
  private fileDiagnostics: Diagnostic[] = [];
  private fileOpen = true;
  private settle: { resolve: () => void; reject: (e: unknown) => void } | undefined;

  constructor(
    private readonly entries: readonly DirectoryEntry[],
    private readonly tasks: readonly Task[],
    private readonly workers: readonly PoolWorker[],
    private readonly load: ParallelLoadOptions,
  ) {
    this.states = tasks.map(() => ({ batches: [] }));
    const target: RecordSink = load.sink ?? { node: (n) => this.out.nodes.push(n), edge: (e) => this.out.edges.push(e) };
    const counted = {
      nodes: 0, edges: 0,
      node(record: Parameters<RecordSink['node']>[0]) { counted.nodes++; target.node(record); },
      edge(record: Parameters<RecordSink['edge']>[0]) { counted.edges++; target.edge(record); },
    };
    this.sink = counted;
  }

  async run(): Promise<Records & { files: FileSummary[] }> {
    const finished = new Promise<void>((resolve, reject) => { this.settle = { resolve, reject }; });
    for (const w of this.workers) {
      w.thread.on('message', (m: WorkerMessage) => this.guard(() => this.receive(w, m)));
      w.thread.on('error', (error) => this.fail(new Error(`ingest/parallel: a worker failed: ${error.message}`, { cause: error })));
      w.thread.on('exit', (code) => this.fail(new Error(`ingest/parallel: a worker exited (code ${code}) before the load finished`)));
      this.guard(() => this.dispatch(w));
    }
    this.guard(() => this.pump());
    await finished;
    return { ...this.out, files: this.files };
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    const settle = this.settle;
    this.settle = undefined;
    settle?.reject(error);
  }

  private receive(worker: PoolWorker, m: WorkerMessage): void {
    if (this.settle === undefined) return;
    if (m.type === 'failed') throw new Error(`ingest/parallel: reading ${this.tasks[m.id]?.message?.display ?? '?'} failed in a worker: ${m.message}`);
    if (m.type === 'ready') return;
    const state = this.states[m.id];
    if (state === undefined) throw new Error(`ingest/parallel: message for unknown task ${m.id}`);
    if (m.type === 'batch') state.batches.push({ bytes: m.bytes, rows: m.rows });
    else {
      state.done = { diagnostics: m.diagnostics, complete: m.complete, rows: m.rows };
      this.dispatch(worker);
    }
    this.pump();
  }

  /** Gives the worker the next task that needs one (entries without a file need none). */
  private dispatch(worker: PoolWorker): void {
    while (this.next < this.tasks.length) {
      const i = this.next++;
      const task = this.tasks[i];
      const state = this.states[i];
      if (task?.message === undefined || state === undefined) continue;
      state.worker = worker;
      worker.thread.postMessage(task.message);
      return;
    }
  }

  /** Feeds the sink from the current task on, as far as has arrived, and settles when every task is done. */
  private pump(): void {
    while (this.settle !== undefined && this.cursor < this.tasks.length) {
      const task = this.tasks[this.cursor] as Task;
      const state = this.states[this.cursor] as TaskState;
      const entry = this.entries[task.entry] as DirectoryEntry;
      if ('diagnostic' in entry) {
        this.out.diagnostics.push(entry.diagnostic);
        this.cursor++;
        continue;
      }
      if (this.decoder === undefined) this.decoder = new BatchDecoder(entry.ingestor.id, entry.display);
      for (let batch = state.batches.shift(); batch !== undefined; batch = state.batches.shift()) {
        if (this.fileOpen) {
          this.decoder.decode(batch.bytes, this.sink);
          this.load.onRow?.(this.rowsBefore + this.fileRows + batch.rows);
        }
        if (state.worker) {
          Atomics.add(state.worker.counters, CONSUMED, 1);
          Atomics.notify(state.worker.counters, CONSUMED);
        }
      }
      if (state.done === undefined) return;
      this.finishTask(task, entry, state.done);
      this.cursor++;
    }
    if (this.cursor === this.tasks.length) this.settle?.resolve();
  }

  /** Takes the task's diagnostics (unless an earlier range stopped the file) and closes the file after its last task. */
  private finishTask(task: Task, entry: { display: string; ingestor: { id: string } }, done: NonNullable<TaskState['done']>): void {
    if (this.fileOpen) {
      for (const d of done.diagnostics) this.fileDiagnostics.push(d);
      this.fileRows += done.rows;
      if (this.load.onRow && done.rows > 0) this.load.onRow(this.rowsBefore + this.fileRows);
      this.fileOpen = done.complete;
    }
    if (!task.last) return;
    for (const d of this.fileDiagnostics) this.out.diagnostics.push(d);
    const rejected = this.fileDiagnostics.filter((d) => d.severity === 'error').length;
    this.files.push({ file: entry.display, source: entry.ingestor.id, nodes: this.sink.nodes, edges: this.sink.edges, rejected });
    this.rowsBefore += this.fileRows;
    this.sink.nodes = 0;
    this.sink.edges = 0;
    this.fileRows = 0;
    this.fileDiagnostics = [];
    this.fileOpen = true;
    this.decoder = undefined;
  }
}
