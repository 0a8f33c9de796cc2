import { describe, expect, it } from 'vitest';
import { InputWatch } from './input-watch';

function watch() {
  const changes: boolean[] = [];
  let pending: Array<{ fn: () => void; cleared: boolean }> = [];
  const w = new InputWatch((b) => changes.push(b), {
    set: (fn) => {
      const t = { fn, cleared: false };
      pending.push(t);
      return t;
    },
    clear: (t) => {
      if (t) (t as { cleared: boolean }).cleared = true;
    },
  });
  /** Lets the quiet time pass: fires the live timers. */
  const quiet = () => {
    const live = pending.filter((t) => !t.cleared);
    pending = [];
    live.forEach((t) => t.fn());
  };
  return { w, changes, quiet };
}

describe('InputWatch', () => {
  it('a program that asks with input() and goes quiet is waiting, until Enter answers it', () => {
    const { w, changes, quiet } = watch();
    w.started('name = input("Your name? ")\nprint("Hello", name)\n');
    w.output();
    quiet();
    expect(w.isWaiting).toBe(true);
    w.typed('A');
    w.typed('da');
    expect(w.isWaiting).toBe(true);
    w.typed('\r');
    expect(w.isWaiting).toBe(false);
    w.output();
    w.ended();
    quiet();
    expect(changes).toEqual([true, false]);
  });

  it('asks again for each input() of a loop', () => {
    const { w, changes, quiet } = watch();
    w.started('while True:\n    n = int(input("n? "))\n    print(n * n)\n');
    for (let i = 0; i < 3; i++) {
      w.output();
      quiet();
      w.typed('4\r');
    }
    expect(changes).toEqual([true, false, true, false, true, false]);
  });

  it('a quiet program that never reads stdin is not waiting for input', () => {
    const { w, changes, quiet } = watch();
    w.started('import time\nwhile True:\n    time.sleep(1)\n');
    quiet();
    w.output();
    quiet();
    expect(changes).toEqual([]);
  });

  it('output keeps it from waiting; the end of the run clears a wait nobody answered', () => {
    const { w, changes, quiet } = watch();
    w.started('import sys\nline = sys.stdin.readline()\n');
    w.output();
    w.output();
    expect(w.isWaiting).toBe(false);
    quiet();
    w.ended();
    expect(changes).toEqual([true, false]);
  });
});
