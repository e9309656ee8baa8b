// Worker entry of the parallel per-target pass (target-pass-parallel.ts): searches the targets it is given on a
// copy of the compact graph's arrays and sends back its rows, blast points and doubtful sources.
import { parentPort } from 'node:worker_threads';
import { searchTargets } from './target-pass.js';
import { passGraph, type PassGraphArrays, type WorkerReply } from './target-pass-protocol.js';

interface Task {
  readonly graph: PassGraphArrays;
  readonly targets: readonly number[];
  readonly maxTier: number;
}

parentPort?.on('message', (task: Task) => {
  try {
    const part = searchTargets(passGraph(task.graph), task.targets, task.maxTier);
    const rows = part.rows.columns();
    const reply: WorkerReply = { ok: true, rows, blast: part.blast, doubtful: part.doubtful };
    parentPort?.postMessage(reply, [rows.rule.buffer, rows.source.buffer, rows.target.buffer, rows.mask.buffer, rows.pathAt.buffer, rows.pool.buffer, part.blast.buffer, part.doubtful.buffer] as ArrayBuffer[]);
  } catch (err) {
    const reply: WorkerReply = { ok: false, message: (err as Error).stack ?? String(err) };
    parentPort?.postMessage(reply);
  }
});
