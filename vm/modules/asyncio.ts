// asyncio: MicroPython's generator-based event loop. Coroutines are the VM's generators;
// awaitables here expose `$await()` (a JS generator) that yields scheduler requests:
// Sleep(wake time) or Wait(object) — the loop parks the task until the time passes or the
// object (task, event, lock) signals. Time passes through interp.sleepMs (interruptible).

import { PyType, objectType, None, methods, PyBuiltin, type PyObj } from '../objects/object';
import { PyGenerator } from '../objects/generator';
import { PyList } from '../objects/list';
import { PyExc, PyRaise, pyErr, raiseOf, mkExc, excType, excTypes, typeError } from '../objects/exception';
import { PyType as PT } from '../objects/object';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { argFloat, argNum } from '../runtime/args';
import * as ops from '../runtime/ops';
import { caught } from '../runtime/glue';
import { nativeModule } from './util';

class Sleep { constructor(readonly until: number) {} }
class Wait { constructor(readonly on: object, readonly until = Infinity) {} }

const taskType = new PyType('Task', [objectType]);
const flagType = new PyType('ThreadSafeFlag', [objectType]);
const eventType = new PyType('Event', [objectType]);
const lockType = new PyType('Lock', [objectType]);
const awaitableType = new PyType('awaitable', [objectType]);
for (const t of [taskType, eventType, lockType, flagType]) t.module = 'asyncio';

/** A native awaitable: `$await` is the generator `await` delegates to. */
class Awaitable { declare $type: PyType; constructor(readonly $await: () => Generator<PyObj, PyObj, PyObj>) {} }
Awaitable.prototype.$type = awaitableType;

class Task {
  declare $type: PyType;
  done = false;
  result: PyObj = None;
  exc: PyRaise | null = null;
  sendVal: PyObj = None;
  throwVal: PyRaise | null = null;
  wakeAt = Infinity;
  waitingOn: object | null = null;
  constructor(readonly coro: PyGenerator, readonly loop: Loop) {}
  *$await(): Generator<PyObj, PyObj, PyObj> {
    while (!this.done) yield new Wait(this);
    if (this.exc) throw this.exc;
    return this.result;
  }
}
Task.prototype.$type = taskType;

class Event { declare $type: PyType; flag = false; }
Event.prototype.$type = eventType;
class Lock { declare $type: PyType; locked = false; }
Lock.prototype.$type = lockType;

class Loop {
  ready: Task[] = [];
  parked = new Set<Task>();
  current: Task | null = null;
  constructor(readonly interp: Interp) {}
  now(): number { return this.interp.host.monotonicMs(); }

  spawn(coro: PyObj): Task {
    if (coro instanceof Awaitable) coro = new PyGenerator(coro.$await(), 'awaitable', true);
    if (!(coro instanceof PyGenerator)) throw typeError('coroutine expected');
    const t = new Task(coro, this);
    this.ready.push(t);
    return t;
  }

  /** Wakes every task parked on an object. */
  signal(on: object): void {
    for (const t of [...this.parked]) if (t.waitingOn === on) { this.parked.delete(t); t.waitingOn = null; this.ready.push(t); }
  }

  cancel(t: Task): boolean {
    if (t.done) return false;
    t.throwVal = raiseOf(mkExc(cancelledError));
    if (this.parked.delete(t)) { t.waitingOn = null; this.ready.push(t); }
    return true;
  }

  step(t: Task): void {
    this.current = t;
    let v: PyObj;
    try {
      const thr = t.throwVal; t.throwVal = null;
      v = thr ? t.coro.resume(thr, true) : t.coro.resume(t.sendVal, false);
      t.sendVal = None;
    } catch (e) {
      t.done = true; t.exc = caught(e); this.current = null;
      this.signal(t);
      return;
    }
    this.current = null;
    if (v === undefined) { t.done = true; t.result = t.coro.retval; this.signal(t); return; }
    if (v instanceof Sleep) { t.wakeAt = v.until; t.waitingOn = null; this.parked.add(t); return; }
    if (v instanceof Wait) { t.waitingOn = v.on; t.wakeAt = v.until; this.parked.add(t); return; }
    this.ready.push(t);
  }

  runUntil(main: Task): PyObj {
    while (!main.done) {
      if (!this.ready.length) {
        let next = Infinity;
        for (const t of this.parked) next = Math.min(next, t.wakeAt);
        if (next === Infinity) throw pyErr('RuntimeError', 'deadlock: all tasks are waiting');
        const dt = next - this.now();
        if (dt > 0) this.interp.sleepMs(dt); else this.interp.tick();
        const now = this.now();
        for (const t of [...this.parked]) if (t.wakeAt <= now) { this.parked.delete(t); t.waitingOn = null; this.ready.push(t); }
        continue;
      }
      const t = this.ready.shift() as Task;
      this.step(t);
    }
    if (main.exc) throw main.exc;
    return main.result;
  }
}

let cancelledError: PyType;
let timeoutError: PyType;

/** The board's sleep_ms computes its wake-up time with time.ticks_add, which refuses half a
 *  ticks period (2**29 ms) or more; asyncio.sleep(t) is sleep_ms(int(t * 1000)). */
const MAX_SLEEP_MS = 2 ** 29;

function sleepMs(loop: () => Loop, ms: number): Awaitable {
  const t = Math.max(0, ms);
  if (t >= MAX_SLEEP_MS) throw pyErr('OverflowError', 'ticks interval overflow');
  return new Awaitable(function* () { yield new Sleep(loop().now() + t); return None; });
}

export function makeAsyncio(interp: Interp): PyModule {
  cancelledError ??= new PT('CancelledError', [excType('BaseException')]);
  timeoutError ??= new PT('TimeoutError', [excType('Exception')]);
  let loopObj: Loop | null = null;
  const loop = () => (loopObj ??= new Loop(interp));

  methods(taskType, {
    cancel: (a) => {
      if (a[0] === loop().current && !(a[0] as Task).done) throw pyErr('RuntimeError', "can't cancel self");
      return loop().cancel(a[0]);
    },
    done: (a) => (a[0] as Task).done,
    result: (a) => { const t = a[0] as Task; if (t.exc) throw t.exc; return t.result; },
    __repr__: (a) => `<Task ${ops.hexId(a[0])}>`,
  });
  methods(eventType, {
    set: (a) => { (a[0] as Event).flag = true; loop().signal(a[0]); return None; },
    clear: (a) => { (a[0] as Event).flag = false; return None; },
    is_set: (a) => (a[0] as Event).flag,
    wait: (a) => { const ev = a[0] as Event; return new Awaitable(function* () { while (!ev.flag) yield new Wait(ev); return true; }); },
  });
  eventType.construct = () => new Event();
  methods(lockType, {
    locked: (a) => (a[0] as Lock).locked,
    acquire: (a) => { const l = a[0] as Lock; return new Awaitable(function* () { while (l.locked) yield new Wait(l); l.locked = true; return true; }); },
    release: (a) => { const l = a[0] as Lock; if (!l.locked) throw pyErr('RuntimeError', 'Lock not acquired'); l.locked = false; loop().signal(l); return None; },
    __aenter__: (a) => { const l = a[0] as Lock; return new Awaitable(function* () { while (l.locked) yield new Wait(l); l.locked = true; return None; }); },
    __aexit__: (a) => { const l = a[0] as Lock; l.locked = false; loop().signal(l); return new Awaitable(function* () { return None; }); },
  });
  lockType.construct = () => new Lock();

  const gather = (aws: PyObj[], returnExc: boolean): Awaitable => {
    const tasks = aws.map((x) => (x instanceof Task ? x : loop().spawn(x)));
    return new Awaitable(function* () {
      const out: PyObj[] = [];
      for (const t of tasks) {
        while (!t.done) yield new Wait(t);
        if (t.exc) { if (!returnExc) throw t.exc; out.push(t.exc.exc); } else out.push(t.result);
      }
      return new PyList(out);
    });
  };

  const waitFor = (aw: PyObj, ms: number): Awaitable => {
    const t = aw instanceof Task ? aw : loop().spawn(aw);
    return new Awaitable(function* () {
      const deadline = loop().now() + ms;
      while (!t.done) {
        if (loop().now() >= deadline) {
          loop().cancel(t);
          while (!t.done) yield new Wait(t);
          throw raiseOf(mkExc(timeoutError));
        }
        yield new Wait(t, deadline);
      }
      if (t.exc) throw t.exc;
      return t.result;
    });
  };

  const loopType = new PyType('Loop', [objectType]);
  const loopPy = new (class { declare $type: PyType; })();
  (loopPy as { $type: PyType }).$type = loopType;
  methods(loopType, {
    create_task: (a) => loop().spawn(a[1]),
    run_until_complete: (a) => loop().runUntil(a[1] instanceof Task ? a[1] : loop().spawn(a[1])),
    run_forever: () => { const never = new Task(new PyGenerator((function* () { for (;;) yield new Sleep(Infinity); })(), 'forever'), loop()); return loop().runUntil(never); },
    stop: () => None,
    close: () => None,
    set_exception_handler: (a) => { excHandler = a[a.length - 1]; return None; },
    get_exception_handler: () => excHandler,
    default_exception_handler: (a) => { defaultHandler(a[a.length - 1]); return None; },
    call_exception_handler: (a) => { callHandler(a[a.length - 1]); return None; },
  });
  let excHandler: PyObj = None;
  const defaultHandler = (ctx: PyObj): void => {
    const t = ops.gi(ctx, 'future') as Task;
    interp.write(`${ops.str(ops.gi(ctx, 'message'))}\nfuture: ${ops.repr(t)} coro= ${ops.repr(t.coro)}\n`);
    const exc = ops.gi(ctx, 'exception');
    if (exc instanceof PyExc) interp.write(interp.formatException(exc));
  };
  const callHandler = (ctx: PyObj): void => {
    if (excHandler === None) defaultHandler(ctx); else ops.callObj(excHandler, [loopPy, ctx], null);
  };
  const noNetwork = (): Awaitable => new Awaitable(function* () { throw pyErr('ImportError', "no module named 'socket'"); });
  methods(flagType, {
    set: (a) => { (a[0] as Event).flag = true; loop().signal(a[0]); return None; },
    clear: (a) => { (a[0] as Event).flag = false; return None; },
    wait: (a) => { const f = a[0] as Event; return new Awaitable(function* () { while (!f.flag) yield new Wait(f); f.flag = false; return None; }); },
  });
  flagType.construct = () => { const f = new Event(); (f as { $type: PyType }).$type = flagType; return f; };

  const m = nativeModule('asyncio', {
    // asyncio.run(coro)
    run: (a) => { loopObj = new Loop(interp); return loop().runUntil(loop().spawn(a[0])); },
    // asyncio.create_task(coro)
    create_task: (a) => loop().spawn(a[0]),
    // asyncio.sleep(seconds) / sleep_ms(ms)
    sleep: (a) => sleepMs(loop, argFloat(a[0]) * 1000),
    sleep_ms: (a) => sleepMs(loop, argNum(a[0])),
    // asyncio.gather(*awaitables, return_exceptions=False)
    gather: (a, kw) => gather(a, ops.truthy(kw?.get('return_exceptions') ?? false)),
    // asyncio.wait_for(aw, timeout) / wait_for_ms(aw, ms)
    wait_for: (a) => waitFor(a[0], a[1] === None ? Infinity : argFloat(a[1]) * 1000),
    wait_for_ms: (a) => waitFor(a[0], argNum(a[1])),
    current_task: () => { const t = loop().current; if (t === null) throw pyErr('RuntimeError', 'no running event loop'); return t; },
    get_event_loop: () => loopPy,
    new_event_loop: () => { loopObj = new Loop(interp); return loopPy; },
    // the simulated board has no network: these fail as they do on a board without one
    open_connection: () => noNetwork(),
    start_server: () => noNetwork(),
  }, { Event: eventType, Lock: lockType, Task: taskType, ThreadSafeFlag: flagType, Loop: loopPy, CancelledError: cancelledError, TimeoutError: timeoutError });
  void PyExc; void excTypes; void PyBuiltin;
  return m;
}
