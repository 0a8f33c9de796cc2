// generator (and coroutine): a JS generator driven with next/throw; send/throw/close follow
// Python semantics. Call depth is counted around each resume, not across suspension.

import { PyType, None, type PyObj } from './object';
import { PyIter, iteratorType } from './iterator';
import { PyRaise, mkExc, raiseOf, pyErr, excType, type PyExc } from './exception';
import { rt } from '../runtime/state';

export const generatorType = new PyType('generator', [iteratorType]);
// MicroPython's coroutines are generators and its type() says so; kept apart for asyncio's checks
export const coroutineType = new PyType('generator', [iteratorType]);

export class PyGenerator extends PyIter {
  running = false;
  done = false;
  started = false;
  retval: PyObj = None;
  constructor(public g: Generator<PyObj, PyObj, PyObj>, public name: string, coro = false) {
    super();
    this.$type = coro ? coroutineType : generatorType;
  }

  next(): PyObj { return this.resume(None, false); }

  /** Resumes with a value (or throws a PyRaise into it); undefined when it finished. */
  resume(v: PyObj, isThrow: boolean): PyObj {
    if (this.done) {
      if (isThrow) throw v;
      return undefined;
    }
    if (this.running) throw pyErr('ValueError', 'generator already executing');
    this.running = true;
    this.started = true;
    if (++rt.depth > rt.maxDepth) { this.running = false; rt.recursion(); }
    try {
      const r = isThrow ? this.g.throw(v) : this.g.next(v);
      if (r.done) { this.done = true; this.retval = r.value ?? None; return undefined; }
      return r.value;
    } catch (e) {
      this.done = true;
      if (e instanceof PyRaise && e.exc.$type === excType('StopIteration')) {
        throw raiseOf(mkExc('RuntimeError', 'generator raised StopIteration'));
      }
      throw e;
    } finally {
      this.running = false;
      rt.depth--;
    }
  }

  /** gen.send(v): the next yielded value, or raises StopIteration(return value). */
  send(v: PyObj): PyObj {
    if (!this.started && v !== None) throw pyErr('TypeError', "can't send non-None value to a just-started generator");
    const r = this.resume(v, false);
    if (r === undefined) throw this.stop();
    return r;
  }

  throw(exc: PyExc): PyObj {
    const r = this.resume(raiseOf(exc), true);
    if (r === undefined) throw this.stop();
    return r;
  }

  close(): PyObj {
    if (this.done) return None;
    if (!this.started) { this.done = true; return None; }
    try {
      const r = this.resume(raiseOf(mkExc('GeneratorExit')), true);
      if (r !== undefined) throw pyErr('RuntimeError', 'generator ignored GeneratorExit');
    } catch (e) {
      if (e instanceof PyRaise && (e.exc.$type === excType('GeneratorExit') || e.exc.$type === excType('StopIteration'))) return None;
      throw e;
    }
    return None;
  }

  stop(): PyRaise {
    const v = this.retval;
    this.retval = None;
    return raiseOf(v === None ? mkExc('StopIteration') : mkExc('StopIteration', v));
  }
}
