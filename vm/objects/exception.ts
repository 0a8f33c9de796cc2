// BaseException and the built-in exception hierarchy, plus PyRaise: the one JS value
// thrown for a Python exception (deliberately not an Error, so no JS stack is captured).

import { PyType, objectType, type PyObj } from './object';
import { PyTuple } from './tuple';

export class PyExc {
  $d: Map<string, PyObj> | undefined = undefined;
  args: PyTuple;
  /** Traceback entries as flat triples (file, line, name), innermost first. */
  tb: PyObj[] = [];
  raise: PyRaise | null = null;
  cause: PyObj = undefined;
  /** Set by a bare re-raise: the current frame already has its traceback entry. */
  skipTb = false;
  /** The JS value this exception was translated from when a VM bug let one escape (see glue.caught). */
  hostError: unknown = undefined;
  constructor(public $type: PyType, args: PyObj[] = []) {
    this.args = new PyTuple(args);
  }
}

/** The JS throwable for Python exceptions. */
export class PyRaise {
  constructor(readonly exc: PyExc) {}
}

export const baseExceptionType = new PyType('BaseException', [objectType]);
baseExceptionType.alloc = (cls) => new PyExc(cls);

export const excTypes = new Map<string, PyType>();
excTypes.set('BaseException', baseExceptionType);

function def(name: string, base: string): PyType {
  const t = new PyType(name, [excTypes.get(base) as PyType]);
  excTypes.set(name, t);
  return t;
}

// The hierarchy as MicroPython defines it (plus a few CPython names programs commonly use).
for (const [n, b] of [
  ['SystemExit', 'BaseException'], ['KeyboardInterrupt', 'BaseException'], ['GeneratorExit', 'BaseException'],
  ['Exception', 'BaseException'], ['StopIteration', 'Exception'], ['StopAsyncIteration', 'Exception'],
  ['ArithmeticError', 'Exception'], ['OverflowError', 'ArithmeticError'], ['ZeroDivisionError', 'ArithmeticError'],
  ['AssertionError', 'Exception'], ['AttributeError', 'Exception'], ['EOFError', 'Exception'],
  ['ImportError', 'Exception'], ['LookupError', 'Exception'], ['IndexError', 'LookupError'], ['KeyError', 'LookupError'],
  ['MemoryError', 'Exception'], ['NameError', 'Exception'], ['OSError', 'Exception'],
  ['RuntimeError', 'Exception'], ['NotImplementedError', 'RuntimeError'],
  ['SyntaxError', 'Exception'], ['IndentationError', 'SyntaxError'], ['TypeError', 'Exception'],
  ['ValueError', 'Exception'], ['UnicodeError', 'ValueError'],
] as const) def(n, b);

export function excType(name: string): PyType {
  const t = excTypes.get(name);
  if (!t) throw new Error('no exception type ' + name);
  return t;
}

/** Creates an exception instance of a built-in type. */
export function mkExc(name: string | PyType, ...args: PyObj[]): PyExc {
  return new PyExc(typeof name === 'string' ? excType(name) : name, args);
}

/** Returns the PyRaise throwable for an exception object (reused across re-raises). */
export function raiseOf(e: PyExc): PyRaise {
  return e.raise ?? (e.raise = new PyRaise(e));
}

/** Throws a Python exception of a built-in type: `throw pyErr('ValueError', 'msg')`. */
export function pyErr(name: string, msg?: string): PyRaise {
  const e = msg === undefined ? mkExc(name) : mkExc(name, msg);
  return raiseOf(e);
}

export function typeError(msg?: string): PyRaise { return pyErr('TypeError', msg); }
export function valueError(msg: string): PyRaise { return pyErr('ValueError', msg); }

export function isExcInstance(x: PyObj): x is PyExc { return x instanceof PyExc; }
