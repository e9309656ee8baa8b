// A wall-clock budget for one synchronous computation (path enumeration, blast radius). The engine has no
// deadline option, so the call runs inside a vm script with a timeout: V8 terminates whatever JavaScript runs
// when the budget is spent, and the caller gets `timedOut` instead of a result. Engine functions are pure, so
// an interrupted call leaves no state behind.
import vm from 'node:vm';

const CONTEXT = vm.createContext({ task: undefined as (() => unknown) | undefined, result: undefined as unknown });
const SCRIPT = new vm.Script('result = task(); task = undefined;');

export type Budgeted<T> = { readonly timedOut: false; readonly value: T; readonly ms: number } | { readonly timedOut: true; readonly ms: number };

/** Runs `fn` for at most `ms` milliseconds. Errors `fn` throws are rethrown unchanged. */
export function runWithin<T>(ms: number, fn: () => T): Budgeted<T> {
  const started = performance.now();
  const ctx = CONTEXT as { task?: () => unknown; result?: unknown };
  ctx.task = fn;
  ctx.result = undefined;
  try {
    SCRIPT.runInContext(CONTEXT, { timeout: ms });
    const value = ctx.result as T;
    return { timedOut: false, value, ms: performance.now() - started };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { timedOut: true, ms: performance.now() - started };
    throw err;
  } finally {
    ctx.task = undefined;
    ctx.result = undefined;
  }
}
