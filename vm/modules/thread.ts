// _thread: the RP2040's second core as one extra thread, run cooperatively inside the VM.
//
// Design. Generated code is plain synchronous JavaScript, so a Python call stack cannot be
// suspended... except in a generator. The compiler therefore gives every function a module
// passes to start_new_thread(f, ...) a resumable twin (codegen threadTwin): the same body as a
// JS generator that yields (1) at loop back-edges once its time slice (SLICE_MS) is used up,
// and (2) after a statement call such as `time.sleep(0.5)` or `lock.acquire()` that asked to
// wait (rt.twait) instead of blocking. The main program stays ordinary code; it runs the
// thread at its own waits (sleeps, lock acquires) and, in busy loops, every SLICE_MS at a tick.
// So core 1 advances whenever core 0 waits, as on the chip, with both sharing one JS thread.
// Limits: a wait inside a function the thread body calls blocks both "cores" for that time;
// a thread waiting inside a `with lock:` the main program holds cannot wait (RuntimeError);
// the thread runs while a program runs, not at the REPL prompt after it ends.

import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { rt } from '../runtime/state';
import * as ops from '../runtime/ops';
import { PyFunction } from '../objects/function';
import { PyGenerator } from '../objects/generator';
import { PyRaise, excType, pyErr, raiseOf, mkExc } from '../objects/exception';
import { arg, items, nativeClass, None, stateOf, toBool, toFloat, type PyObj, type NativeInstance } from '../board/py';
import { nativeModule } from './util';

const SLICE_MS = 10;
const MAIN_ID = 1;
const CORE1_ID = 2;

interface LockState {
  locked: boolean;
}

interface Thread {
  fn: PyObj;
  gen: PyGenerator;
  wakeAt: number;
  waitLock: LockState | null;
}

/** The scheduler the interpreter consults at ticks and sleeps once a thread was started. */
export class ThreadScheduler {
  private t: Thread | null = null;
  private inThread = false;
  private sliceStart = 0;
  private lastSwitch = 0;

  constructor(private readonly interp: Interp) {}

  private now(): number {
    return this.interp.host.monotonicMs();
  }

  get inCore1(): boolean {
    return this.inThread;
  }

  start(fn: PyObj, args: PyObj[]): number {
    if (this.t) throw raiseOf(mkExc('OSError', 'core1 in use'));
    const twin = fn instanceof PyFunction ? (fn as PyFunction & { $thread?: (...a: PyObj[]) => PyGenerator }).$thread : undefined;
    if (!twin) throw pyErr('TypeError', 'start_new_thread needs a function defined with def and passed by name, like start_new_thread(core1_task, ())');
    this.t = { fn, gen: twin(...args), wakeAt: this.now(), waitLock: null };
    this.lastSwitch = this.now();
    return CORE1_ID;
  }

  private runnable(t: Thread): boolean {
    if (t.waitLock) {
      if (t.waitLock.locked) return false;
      t.waitLock.locked = true; // taken on the thread's behalf, as its acquire() returns
      t.waitLock = null;
      return true;
    }
    return t.wakeAt <= this.now();
  }

  /** Runs the thread until it waits or its slice is up. */
  private step(): void {
    const t = this.t;
    if (!t) return;
    this.inThread = true;
    this.sliceStart = this.now();
    rt.twait = null;
    rt.tsw = false;
    try {
      if (t.gen.resume(None, false) === undefined) this.t = null;
    } catch (e) {
      this.t = null;
      if (e instanceof PyRaise && e.exc.$type.isSubtype(excType('SystemExit'))) return; // _thread.exit()
      if (e instanceof PyRaise && e.exc.$type.isSubtype(excType('KeyboardInterrupt'))) throw e;
      if (!(e instanceof PyRaise)) throw e;
      this.interp.write(`Unhandled exception in thread started by ${ops.repr(t.fn)}\n${this.interp.formatException(e.exc)}`);
    } finally {
      this.inThread = false;
      rt.tdefer = -1;
      this.lastSwitch = this.now();
    }
    const w = rt.twait;
    rt.twait = null;
    if (!this.t) return;
    if (typeof w === 'number') this.t.wakeAt = w;
    else if (w && typeof w === 'object') this.t.waitLock = w as LockState;
    else this.t.wakeAt = this.now();
  }

  /** Interpreter tick: ends the thread's slice, or lets the thread run while the main program computes. */
  tick(): void {
    if (this.inThread) {
      if (this.now() - this.sliceStart >= SLICE_MS) rt.tsw = true;
      return;
    }
    if (this.t && this.now() - this.lastSwitch >= SLICE_MS && this.runnable(this.t)) this.step();
  }

  /** A sleep: deferred when the thread body itself asks, else the main program's, running the thread meanwhile. */
  sleep(ms: number): boolean {
    if (this.inThread) {
      if (rt.tdefer !== rt.depth) return false;
      rt.twait = this.now() + ms;
      return true;
    }
    const end = this.now() + ms;
    this.waitUntil(() => this.now() >= end, end);
    return true;
  }

  /** Main program waits (running the thread when it can) until `done()`. */
  waitUntil(done: () => boolean, end = Infinity): void {
    for (;;) {
      this.interp.tick();
      while (this.t && this.now() < end && this.runnable(this.t)) {
        this.step();
        if (done()) return;
      }
      if (done()) return;
      const next = this.t && !this.t.waitLock ? this.t.wakeAt : Infinity;
      const wait = Math.max(0, Math.min(end, next) - this.now());
      this.interp.host.wait(wait === Infinity ? 1000 : wait);
    }
  }

  /** lock.acquire(): true when taken. */
  acquire(lock: LockState, blocking: boolean, timeoutMs: number): boolean {
    if (!lock.locked) return (lock.locked = true);
    if (!blocking) return false;
    if (this.inThread) {
      if (rt.tdefer !== rt.depth) throw pyErr('RuntimeError', 'core 1 cannot wait here for a lock core 0 holds (acquire it in a statement of the thread function)');
      rt.twait = lock;
      return true;
    }
    const end = timeoutMs < 0 ? Infinity : this.now() + timeoutMs;
    this.waitUntil(() => !lock.locked || this.now() >= end, end);
    if (lock.locked) return false;
    return (lock.locked = true);
  }
}

export function makeThread(interp: Interp): PyModule {
  const scheduler = (): ThreadScheduler => {
    if (!interp.threads) interp.threads = new ThreadScheduler(interp);
    return interp.threads as ThreadScheduler;
  };
  const lockOf = (self: PyObj) => stateOf<LockState>(self, LockType);
  const LockType: ReturnType<typeof nativeClass> = nativeClass('lock', {
    module: '_thread',
    methods: {
      // acquire(waitflag=1, timeout=-1)
      acquire: (a, kw) => {
        const blocking = toBool(arg(a, kw, 1, 'waitflag', 1));
        const timeout = toFloat(arg(a, kw, 2, 'timeout', -1));
        return scheduler().acquire(lockOf(a[0]), blocking, timeout < 0 ? -1 : timeout * 1000);
      },
      release: (a) => {
        const s = lockOf(a[0]);
        if (!s.locked) throw pyErr('RuntimeError');
        s.locked = false;
        return None;
      },
      locked: (a) => lockOf(a[0]).locked,
      __enter__: (a) => (scheduler().acquire(lockOf(a[0]), true, -1), a[0]),
      __exit__: (a) => ((lockOf(a[0]).locked = false), None),
    },
  });
  const newLock = () => {
    const o = ops.callObj(LockType, [], null) as NativeInstance<LockState>;
    o.state = { locked: false };
    return o;
  };
  return nativeModule(
    '_thread',
    {
      // start_new_thread(function, args[, kwargs])
      start_new_thread: (a) => scheduler().start(a[0], a.length > 1 ? items(a[1]) : []),
      allocate_lock: () => newLock(),
      get_ident: () => (interp.threads && (interp.threads as ThreadScheduler).inCore1 ? CORE1_ID : MAIN_ID),
      // stack_size([size]) -> the previous size (0: the default)
      stack_size: () => 0,
      exit: () => {
        throw pyErr('SystemExit');
      },
    },
    { LockType },
  );
}
