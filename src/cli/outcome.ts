// What a command reports back to main.ts, which alone turns it into an exit code (errors are thrown instead).

/** `ok`: ran, nothing at/above --fail-on; `findings`: findings at/above --fail-on remain. */
export type Outcome = 'ok' | 'findings';

/** Callback a command's action calls once with its outcome. */
export type Finish = (outcome: Outcome) => void;
