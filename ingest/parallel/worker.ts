// The worker entry: reads and transforms one file or byte range at a time (tasks from load.ts) and posts its
// records back in batches. It blocks when too many batches wait unread on the main thread, so memory stays bounded.
import { parentPort, workerData } from 'node:worker_threads';
import { ingestCsvRange } from '../csv-inventory/index.js';
import { INGESTORS } from '../index.js';
import { BatchEncoder } from './codec.js';
import { CANCELLED, CONSUMED, type TaskMessage, type WorkerMessage } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('ingest/parallel/worker: must run as a worker thread');
const { counters, maxAhead } = workerData as { counters: SharedArrayBuffer; maxAhead: number };
const shared = new Int32Array(counters);
let posted = 0;

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** Waits (blocking this thread) until the main thread has fed enough of our batches. */
function waitForRoom(): void {
  let consumed = Atomics.load(shared, CONSUMED);
  while (posted - consumed > maxAhead) {
    if (Atomics.load(shared, CANCELLED) !== 0) throw new Error('cancelled');
    Atomics.wait(shared, CONSUMED, consumed, 500);
    consumed = Atomics.load(shared, CONSUMED);
  }
}

async function run(task: TaskMessage): Promise<void> {
  let rows = 0;
  const encoder = new BatchEncoder(task.source, task.display, (bytes) => {
    posted++;
    // NOTE: v8.serialize gives a Buffer that owns its memory when large; a pooled slice is copied instead of moved.
    const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length;
    post({ type: 'batch', id: task.id, bytes, rows }, own ? [bytes.buffer as ArrayBuffer] : []);
    waitForRoom();
  });
  const options = { display: task.display, relPath: task.relPath, sink: encoder, onRow: (n: number) => { rows = n; } };
  const { records, complete } = task.source === 'csv-inventory'
    ? await ingestCsvRange(task.path, options, task.range)
    : { records: await INGESTORS[task.source].ingestFile(task.path, options), complete: true };
  encoder.end();
  post({ type: 'done', id: task.id, diagnostics: records.diagnostics, complete, rows });
}

port.on('message', (task: TaskMessage) => {
  run(task).catch((error: unknown) => {
    post({ type: 'failed', id: task.id, message: error instanceof Error ? error.stack ?? error.message : String(error) });
  });
});
post({ type: 'ready' });
