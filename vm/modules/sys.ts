// sys: argv, path, modules, implementation, platform, version(_info), byteorder, maxsize,
// stdin/stdout/stderr, print_exception, exit.

import { PyType, objectType, None, methods, PyInstance, type PyObj } from '../objects/object';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict } from '../objects/dict';
import { PyModule } from '../objects/module';
import { PyExc, raiseOf, mkExc, typeError } from '../objects/exception';
import { makeStdio } from './sys-stdio';
import type { Interp } from '../runtime/interp';
import * as ops from '../runtime/ops';
import { nativeModule } from './util';

/** sys.modules: a dict that writes through to the interpreter's module table. */
class ModulesDict extends PyDict {
  constructor(private interp: Interp) { super(); for (const [k, v] of interp.modules) super.set(k, v); }
  override set(k: PyObj, v: PyObj): void { super.set(k, v); if (typeof k === 'string' && v instanceof PyModule) this.interp.modules.set(k, v); }
  override delete(k: PyObj): PyObj { if (typeof k === 'string') this.interp.modules.delete(k); return super.delete(k); }
  override get(k: PyObj): PyObj { if (typeof k === 'string' && this.interp.modules.has(k)) return this.interp.modules.get(k); return super.get(k); }
}

const implType = new PyType('implementation', [objectType]);

export function makeSys(interp: Interp): PyModule {
  const impl = interp.impl;
  const { stdin, stdout, stderr } = makeStdio(interp);
  const implObj = new PyInstance(implType);
  implObj.$d.set('name', impl.name);
  implObj.$d.set('version', new PyTuple([...impl.version, '']));
  implObj.$d.set('_machine', impl.machine);
  // no _mpy: this VM compiles Python source and cannot load .mpy files, so tools (mpremote mip,
  // mip) fetch .py packages, as for a port without .mpy support (README, design notes)
  methods(implType, { __repr__: (a) => { const d = (a[0] as PyInstance).$d; return `(name='${d.get('name')}', version=${ops.repr(d.get('version'))}, _machine='${d.get('_machine')}')`; } });
  const m = nativeModule('sys', {
    // sys.exit([code])
    exit: (a) => { throw raiseOf(a.length ? mkExc('SystemExit', a[0]) : mkExc('SystemExit')); },
    // sys.print_exception(exc, file=sys.stdout)
    print_exception: (a) => {
      const e = a[0];
      if (!(e instanceof PyExc)) throw typeError('print_exception: exception expected');
      const text = interp.formatException(e);
      const file = a[1];
      if (file !== undefined && file !== None && file !== stdout && file !== stderr) ops.cm1(file, 'write', text);
      else interp.write(text);
      return None;
    },
    exc_info: () => new PyTuple([None, None, None]),
    getrecursionlimit: () => interp.maxDepth,
    settrace: () => None,
    atexit: () => None,
    intern: (a) => a[0],
  }, {
    argv: new PyList(interp.argv.slice()),
    path: new PyList(interp.path.slice()),
    implementation: implObj,
    platform: impl.platform,
    version: impl.versionString,
    version_info: new PyTuple([3, 4, 0]),
    byteorder: 'little',
    maxsize: 2 ** 31 - 1,
    stdout, stderr, stdin,
  });
  m.g.modules = new ModulesDict(interp);
  return m;
}
