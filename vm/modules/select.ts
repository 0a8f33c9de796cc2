// select: poll objects and select() over streams, as extmod/modselect.c. What can be polled:
// the board's stdio (sys.stdin, sys.stdout, sys.stderr and their .buffer, which answer through
// a `$poll` method: readable when a byte of input is waiting, always writable as a connected
// USB serial port is), objects with a Python ioctl() method (asked with MP_STREAM_POLL), and
// files, whose ioctl has no poll (OSError EINVAL when polled, as on a board). A wait runs soft
// IRQs and sees Ctrl-C, like a board's MICROPY_EVENT_POLL_HOOK.

import { PyType, objectType, None, methods, typeOf, type PyObj } from '../objects/object';
import { PyList } from '../objects/list';
import { PyTuple } from '../objects/tuple';
import { PyIter } from '../objects/iterator';
import { pyErr, typeError, raiseOf, mkExc } from '../objects/exception';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { argFloat, argInt, arity } from '../runtime/args';
import * as ops from '../runtime/ops';
import { textIOType, fileIOType, stringIOType, bytesIOType } from './io';
import { nativeModule } from './util';

const POLLIN = 1;
const POLLOUT = 4;
const POLLERR = 8;
const POLLHUP = 16;
/** MP_STREAM_POLL, the ioctl request a Python stream gets. */
const MP_STREAM_POLL = 3;
const EINVAL = 22;
const ENOENT = 2;

/** A native stream that can answer a poll (the stdio objects in sys.ts). */
interface Pollable { $poll(flags: number): number }
function isPollable(o: PyObj): o is Pollable { return typeof o === 'object' && o !== null && typeof o.$poll === 'function'; }

const FILE_TYPES = new Set([textIOType, fileIOType, stringIOType, bytesIOType]);

/** mp_get_stream_raise(obj, MP_STREAM_OP_IOCTL): what register() accepts. */
function checkStream(o: PyObj): void {
  if (isPollable(o) || FILE_TYPES.has(typeOf(o))) return;
  if (typeof o === 'object' && o !== null && !typeOf(o).native && typeOf(o).lookup('ioctl') !== undefined) return;
  throw pyErr('OSError', 'stream operation not supported');
}

/** The events an object reports for `flags` (ERR and HUP are always wanted). */
function pollOne(o: PyObj, flags: number): number {
  if (isPollable(o)) return o.$poll(flags);
  if (FILE_TYPES.has(typeOf(o))) throw raiseOf(mkExc('OSError', EINVAL));
  return Number(argInt(ops.callObj(ops.ga(o, 'ioctl'), [MP_STREAM_POLL, flags], null)));
}

class PollSet {
  /** Registered objects and the events they are polled for, in registration order. */
  regs = new Map<PyObj, number>();

  /** The objects with events now, polled once. */
  once(): [PyObj, number][] {
    const out: [PyObj, number][] = [];
    for (const [o, flags] of this.regs) {
      const ev = pollOne(o, flags) & (flags | POLLERR | POLLHUP);
      if (ev !== 0) out.push([o, ev]);
    }
    return out;
  }

  /** Polls until something is ready or `timeoutMs` passes (negative: no limit). */
  wait(interp: Interp, timeoutMs: number): [PyObj, number][] {
    const start = interp.host.monotonicMs();
    // wait for typed input only when stdio is polled for it, otherwise unread input would
    // end every wait at once; a Python stream can only be asked, so ask it every millisecond
    let stdin = false; let asks = false;
    for (const [o, flags] of this.regs) {
      if (isPollable(o)) stdin ||= (flags & POLLIN) !== 0;
      else asks = true;
    }
    for (;;) {
      const ready = this.once();
      const elapsed = interp.host.monotonicMs() - start;
      if (ready.length > 0 || (timeoutMs >= 0 && elapsed >= timeoutMs)) return ready;
      const left = timeoutMs < 0 ? Infinity : timeoutMs - elapsed;
      interp.pollWait(asks ? Math.min(left, 1) : left, stdin);
    }
  }
}

/** poll(timeout) and ipoll(timeout): None or a negative int waits for ever; a float is a TypeError. */
function timeoutArg(x: PyObj): number {
  if (x === undefined || x === None) return -1;
  return Number(argInt(x));
}

const pollType = new PyType('poll', [objectType]);
class PyPoll { declare $type: PyType; set = new PollSet(); constructor(readonly interp: Interp) {} }
PyPoll.prototype.$type = pollType;

/** ipoll(): an iterator over the ready objects; with flags & 1 (one-shot) each reported object
 *  is polled for nothing more until modify() re-arms it. */
class PollIter extends PyIter {
  constructor(private ready: [PyObj, number][], private p: PyPoll, private oneShot: boolean) { super(); }
  next(): PyObj {
    const r = this.ready.shift();
    if (r === undefined) return undefined;
    if (this.oneShot && this.p.set.regs.has(r[0])) this.p.set.regs.set(r[0], 0);
    return new PyTuple([r[0], r[1]]);
  }
}

function P(a: PyObj[]): PyPoll {
  if (!(a[0] instanceof PyPoll)) throw typeError('poll object expected');
  return a[0];
}

methods(pollType, {
  // poll.register(obj[, eventmask]): POLLIN | POLLOUT unless given
  register: (a) => {
    arity(a, 2, 3);
    checkStream(a[1]);
    P(a).set.regs.set(a[1], a.length > 2 ? Number(argInt(a[2])) : POLLIN | POLLOUT);
    return None;
  },
  // poll.unregister(obj): no error when it was not registered
  unregister: (a) => { arity(a, 2); P(a).set.regs.delete(a[1]); return None; },
  // poll.modify(obj, eventmask)
  modify: (a) => {
    arity(a, 3);
    const regs = P(a).set.regs;
    if (!regs.has(a[1])) throw raiseOf(mkExc('OSError', ENOENT));
    regs.set(a[1], Number(argInt(a[2])));
    return None;
  },
  // poll.poll([timeout_ms]): a list of (obj, events)
  poll: (a) => {
    arity(a, 1, 2);
    const p = P(a);
    return new PyList(p.set.wait(p.interp, timeoutArg(a[1])).map(([o, ev]) => new PyTuple([o, ev])));
  },
  // poll.ipoll([timeout_ms[, flags]])
  ipoll: (a) => {
    arity(a, 1, 3);
    const p = P(a);
    const oneShot = a.length > 2 && (Number(argInt(a[2])) & 1) === 1;
    return new PollIter(p.set.wait(p.interp, timeoutArg(a[1])), p, oneShot);
  },
});

export function makeSelect(interp: Interp): PyModule {
  return nativeModule('select', {
    poll: (a) => { arity(a, 0); return new PyPoll(interp); },
    // select.select(rlist, wlist, xlist[, timeout_s])
    select: (a) => {
      arity(a, 3, 4);
      const set = new PollSet();
      const lists = [ops.toArray(a[0]), ops.toArray(a[1]), ops.toArray(a[2])];
      const want = [POLLIN, POLLOUT, POLLERR | POLLHUP];
      lists.forEach((objs, i) => {
        for (const o of objs) { checkStream(o); set.regs.set(o, (set.regs.get(o) ?? 0) | want[i]); }
      });
      const timeout = a[3] === undefined || a[3] === None ? -1 : Math.max(0, argFloat(a[3]) * 1000);
      const ready = set.wait(interp, timeout);
      const out = [new PyList([]), new PyList([]), new PyList([])];
      for (const [o, ev] of ready) {
        if (ev & POLLIN) out[0].items.push(o);
        if (ev & POLLOUT) out[1].items.push(o);
        if (ev & (POLLERR | POLLHUP)) out[2].items.push(o);
      }
      return new PyTuple(out);
    },
  }, { POLLIN, POLLOUT, POLLERR, POLLHUP });
}
