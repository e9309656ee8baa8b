// Messages between the coordinator (load.ts) and its workers (worker.ts), and the shared counters they use.
import type { Diagnostic } from '../../src/model/index.js';
import type { CsvRange } from '../csv-inventory/index.js';
import type { SourceId } from '../types.js';

/** Index in a worker's shared Int32Array: batches the main thread has fed so far. */
export const CONSUMED = 0;
/** Index in a worker's shared Int32Array: non-zero when the load was abandoned (a waiting worker gives up). */
export const CANCELLED = 1;
/** Length of the shared Int32Array. */
export const COUNTERS = 2;

/** Main → worker: read and transform one file, or one byte range of a CSV file. */
export interface TaskMessage {
  readonly id: number;
  readonly path: string;
  readonly display: string;
  readonly relPath: string;
  readonly source: SourceId;
  readonly range?: CsvRange;
}

/** Worker → main. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'batch'; readonly id: number; readonly bytes: Uint8Array; readonly rows: number }
  | { readonly type: 'done'; readonly id: number; readonly diagnostics: Diagnostic[]; readonly complete: boolean; readonly rows: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** Default limit of batches a worker may have posted and the main thread not yet fed (see BATCH_RECORDS). */
export const AHEAD = 256;
