// Makes catastrophic regular expressions finish: V8 runs a pattern on its backtracking engine,
// where `re.match('(a+)+b', 'a' * 40)` takes hours, inside one native call that no Ctrl-C can
// reach. With this flag, a match that backtracks excessively is rerun on V8's linear-time engine
// (patterns without backreferences or lookaround, and without the i/u/d flags), so it ends in
// milliseconds. The flag is process-wide and harmless to other code. Called by the hosts that run Python.
import { setFlagsFromString } from 'node:v8';

let done = false;

export function enableLinearRegExpFallback(): void {
  if (done) return;
  done = true;
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}
