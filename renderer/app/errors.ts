// The renderer's one exception sink: panels, event handlers and async work report failures
// here; it logs them to main (app:report-error) and tells the user once, so nothing in a
// panel can take the window down. Modelled on CodeMirror's exceptionSink.
import { api } from '../api';

type NoticeFn = (message: string) => void;
let notify: NoticeFn | null = null;
let reportedRecently = 0;

/** Where user-visible error notices go (the notice area sets this at start). */
export function setErrorNotifier(fn: NoticeFn): void {
  notify = fn;
}

/** Reports an unexpected failure from `source` (a panel or action name). Never throws. */
export function reportError(source: string, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const now = Date.now();
  // A failure loop must not flood main's log or the user.
  if (now - reportedRecently < 200) return;
  reportedRecently = now;
  void api
    .invoke('app:report-error', { message: err.message.slice(0, 2000), stack: err.stack?.slice(0, 16000), source: source.slice(0, 200) })
    .catch(() => undefined);
  notify?.(`Something went wrong in ${source}: ${err.message}`);
}

/** Wraps an event handler or callback so its exceptions (sync or async) reach the sink. */
export function guard<A extends unknown[]>(source: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch((error: unknown) => reportError(source, error));
    } catch (error) {
      reportError(source, error);
    }
  };
}

/** Catches whatever escapes everything else. */
export function installGlobalErrorHandlers(): void {
  window.addEventListener('error', (e) => reportError('window', e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    reportError('promise', e.reason);
  });
}
