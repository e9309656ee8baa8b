// Progress on a terminal: a bar over the stages of a run on stderr. Silent when stderr is not a TTY, under CI,
// or with --quiet, so piped output stays clean and machine-readable.
import cliProgress from 'cli-progress';

export interface Progress {
  stage(name: string): void;
  stop(): void;
}

const SILENT: Progress = { stage() {}, stop() {} };

/** A stage progress bar over `stages`, or a silent one when no one is watching. */
export function createProgress(stages: readonly string[], options: { quiet?: boolean } = {}): Progress {
  if (options.quiet || !process.stderr.isTTY || process.env['CI']) return SILENT;
  const bar = new cliProgress.SingleBar({
    stream: process.stderr, format: '{bar} {value}/{total} {stage}', clearOnComplete: true, hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  bar.start(stages.length, 0, { stage: 'starting' });
  let done = 0;
  return {
    stage(name) {
      const i = stages.indexOf(name);
      done = i >= 0 ? i : done;
      bar.update(done, { stage: name });
    },
    stop() {
      bar.update(stages.length, { stage: 'done' });
      bar.stop();
    },
  };
}

/** Runs `fn` with a stage progress bar that is stopped however `fn` ends. */
export async function withProgress<T>(
  stages: readonly string[], options: { quiet?: boolean }, fn: (progress: Progress) => Promise<T> | T,
): Promise<T> {
  const progress = createProgress(stages, options);
  try {
    return await fn(progress);
  } finally {
    progress.stop();
  }
}

/** A progress bar over a count of items (rows written…), same visibility rules as the stage bar. */
export interface CountProgress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A count bar labelled `label`, or a silent one when no one is watching. */
export function createCountProgress(label: string, options: { quiet?: boolean } = {}): CountProgress {
  if (options.quiet || !process.stderr.isTTY || process.env['CI']) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar({
    stream: process.stderr, format: `{bar} {value}/{total} ${label}`, clearOnComplete: true, hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) { bar.start(total, done); started = true; } else bar.update(done);
    },
    stop() { if (started) bar.stop(); },
  };
}

/** A running count without a known total (rows read…), same visibility rules as the stage bar. */
export function createCounter(label: string, options: { quiet?: boolean } = {}): CountProgress {
  if (options.quiet || !process.stderr.isTTY || process.env['CI']) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar({
    stream: process.stderr, format: `{value} ${label}`, clearOnComplete: true, hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done) {
      if (!started) { bar.start(Number.MAX_SAFE_INTEGER, done); started = true; } else bar.update(done);
    },
    stop() { if (started) bar.stop(); },
  };
}
