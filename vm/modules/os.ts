// os: the board filesystem through VmFilesystem (paths resolved against the VM's cwd),
// uname from the implementation option, urandom.

import { None, type PyObj } from '../objects/object';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyBytes } from '../objects/bytes';
import { PyIter, JsArrayIter } from '../objects/iterator';
import { raiseOf, mkExc } from '../objects/exception';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { arity, argNum, argStr } from '../runtime/args';
import { nativeModule } from './util';
import { PyType, objectType, methods } from '../objects/object';
import { tupleType } from '../objects/tuple';
import * as ops from '../runtime/ops';

export function makeOs(interp: Interp): PyModule {
  const fsOrErr = () => { const fs = interp.host.fs; if (!fs) throw raiseOf(mkExc('OSError', 19)); return fs; };
  const call = <T>(f: () => T): T => { try { return f(); } catch (e) { throw interp.fsError(e); } };
  const p = (a: PyObj[], i = 0) => interp.resolvePath(a.length > i ? argStr(a[i]) : '');
  const unameType = unameResultType();
  const impl = interp.impl;
  return nativeModule('os', {
    // os.listdir([dir])
    listdir: (a) => { arity(a, 0, 1); const path = a.length ? p(a) : interp.cwd; return new PyList(call(() => fsOrErr().listdir(path))); },
    // os.ilistdir([dir]) → (name, type, inode, size)
    ilistdir: (a): PyIter => {
      arity(a, 0, 1);
      const dir = a.length ? p(a) : interp.cwd;
      const fs = fsOrErr();
      const names = call(() => fs.listdir(dir));
      return new JsArrayIter(names.map((n) => { const st = call(() => fs.stat((dir === '/' ? '' : dir) + '/' + n)); return new PyTuple([n, st.mode & 0x4000 ? 0x4000 : 0x8000, 0, st.size]); }));
    },
    // os.stat(path)
    stat: (a) => { arity(a, 1); const st = call(() => fsOrErr().stat(p(a))); return new PyTuple([st.mode, 0, 0, 0, 0, 0, st.size, st.mtime, st.mtime, st.mtime]); },
    statvfs: (a) => { arity(a, 1); const v = call(() => fsOrErr().statvfs()); return new PyTuple([v.bsize, v.bsize, v.blocks, v.bfree, v.bfree, 0, 0, 0, 0, 255]); },
    mkdir: (a) => { arity(a, 1, 2); call(() => fsOrErr().mkdir(p(a))); return None; },
    rmdir: (a) => { arity(a, 1); call(() => fsOrErr().rmdir(p(a))); return None; },
    remove: (a) => { arity(a, 1); call(() => fsOrErr().remove(p(a))); return None; },
    unlink: (a) => { arity(a, 1); call(() => fsOrErr().remove(p(a))); return None; },
    rename: (a) => { arity(a, 2); call(() => fsOrErr().rename(p(a, 0), p(a, 1))); return None; },
    getcwd: () => interp.cwd,
    chdir: (a) => {
      arity(a, 1);
      const path = p(a);
      const st = call(() => fsOrErr().stat(path));
      if (!(st.mode & 0x4000)) throw raiseOf(mkExc('OSError', 20));
      interp.cwd = path;
      return None;
    },
    uname: () => unameType.make([impl.platform, impl.platform, impl.version.join('.'), impl.versionString.replace(/^.*; /, ''), impl.machine]),
    // os.urandom(n)
    urandom: (a) => { arity(a, 1); const n = argNum(a[0]); const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = Math.floor(Math.random() * 256); return new PyBytes(b); },
    sync: () => None,
    dupterm: () => None,
    mount: () => None,
    umount: () => None,
  }, { sep: '/' });
}

/** os.uname() result: a tuple that prints with field names, as MicroPython's does. */
function unameResultType(): { make: (items: PyObj[]) => PyTuple } {
  const fields = ['sysname', 'nodename', 'release', 'version', 'machine'];
  const t = new PyType('uname_result', [tupleType]);
  methods(t, {
    __repr__: (a) => '(' + fields.map((f, i) => f + '=' + ops.repr((a[0] as PyTuple).items[i])).join(', ') + ')',
    __getattr__: (a) => { const i = fields.indexOf(a[1]); if (i < 0) throw raiseOf(mkExc('AttributeError', a[1])); return (a[0] as PyTuple).items[i]; },
  });
  t.hasGetattr = true;
  t.native = false;
  t.module = 'os';
  void objectType;
  return { make: (items) => { const x = new PyTuple(items); x.$type = t; x.$d = new Map(); return x; } };
}
