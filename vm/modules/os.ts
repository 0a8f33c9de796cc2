// os: files and folders through the mount table (the flash filesystem at '/', Python VFS objects
// mounted beside it; paths resolved against the VM's cwd), mount/umount, uname, urandom.

import { None, type PyObj } from '../objects/object';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyBytes } from '../objects/bytes';
import { JsArrayIter } from '../objects/iterator';
import { nativeRemove, nativeRmdir } from '../runtime/mount-table';
import { makeVfsFunctions } from './vfs';
import { raiseOf, mkExc } from '../objects/exception';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { arity, argNum, argStr } from '../runtime/args';
import { nativeModule } from './util';
import { PyType, objectType, methods } from '../objects/object';
import { tupleType } from '../objects/tuple';
import * as ops from '../runtime/ops';

export function makeOs(interp: Interp): PyModule {
  const call = <T>(f: () => T): T => { try { return f(); } catch (e) { throw interp.fsError(e); } };
  const p = (a: PyObj[], i = 0) => interp.resolvePath(a.length > i ? argStr(a[i]) : '');
  const at = (path: string) => interp.mounts.lookup(path);
  const unameType = unameResultType();
  const impl = interp.impl;
  const vfsFns = makeVfsFunctions(interp);
  return nativeModule('os', {
    // os.listdir([dir])
    listdir: (a) => {
      arity(a, 0, 1);
      const path = a.length ? p(a) : interp.cwd;
      const [m, sub] = at(path);
      const names = m.kind === 'py' ? ops.toArray(ops.cm1(m.obj, 'ilistdir', sub)).map((e) => ops.toArray(e)[0]) : call(() => m.fs.listdir(sub));
      return new PyList(path === '/' ? [...interp.mounts.rootEntries(), ...names] : names);
    },
    // os.ilistdir([dir]) → (name, type, inode, size)
    ilistdir: (a): PyObj => {
      arity(a, 0, 1);
      const path = a.length ? p(a) : interp.cwd;
      const [m, dir] = at(path);
      // listing '/' shows the other mount points first, as folders (vfs.c's root iterator)
      const points = path === '/' ? interp.mounts.rootEntries().map((n): PyObj => new PyTuple([n, 0x4000, 0])) : [];
      if (m.kind === 'py') return points.length ? new JsArrayIter([...points, ...ops.toArray(ops.cm1(m.obj, 'ilistdir', dir))]) : ops.cm1(m.obj, 'ilistdir', dir);
      const fs = m.fs;
      const names = call(() => fs.listdir(dir));
      return new JsArrayIter([...points, ...names.map((n) => { const st = call(() => fs.stat((dir === '/' ? '' : dir) + '/' + n)); return new PyTuple([n, st.mode & 0x4000 ? 0x4000 : 0x8000, 0, st.size]); })]);
    },
    // os.stat(path)
    stat: (a) => {
      arity(a, 1);
      const [m, sub] = at(p(a));
      if (m.kind === 'py') return ops.cm1(m.obj, 'stat', sub);
      const st = call(() => m.fs.stat(sub));
      return new PyTuple([st.mode, 0, 0, 0, 0, 0, st.size, st.mtime, st.mtime, st.mtime]);
    },
    // os.statvfs(path): (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax)
    statvfs: (a) => {
      arity(a, 1);
      const [m, sub] = at(p(a));
      if (m.kind === 'py') return ops.cm1(m.obj, 'statvfs', sub);
      const v = call(() => m.fs.statvfs());
      return new PyTuple([v.bsize, v.bsize, v.blocks, v.bfree, v.bfree, 0, 0, 0, 0, 255]);
    },
    mkdir: (a) => { arity(a, 1, 2); const [m, sub] = at(p(a)); if (m.kind === 'py') ops.cm1(m.obj, 'mkdir', sub); else call(() => m.fs.mkdir(sub)); return None; },
    rmdir: (a) => { arity(a, 1); const [m, sub] = at(p(a)); if (m.kind === 'py') ops.cm1(m.obj, 'rmdir', sub); else call(() => nativeRmdir(m, sub)); return None; },
    remove: (a) => removeAt(interp, p(a)),
    unlink: (a) => removeAt(interp, p(a)),
    // os.rename(old, new): both on one mount, else EPERM (as vfs.c)
    rename: (a) => {
      arity(a, 2);
      const [m, from] = at(p(a, 0)); const [m2, to] = at(p(a, 1));
      if (m !== m2) throw raiseOf(mkExc('OSError', 1));
      if (m.kind === 'py') ops.cm2(m.obj, 'rename', from, to); else call(() => m.fs.rename(from, to));
      return None;
    },
    getcwd: () => interp.cwd,
    chdir: (a) => {
      arity(a, 1);
      const path = p(a);
      const [m, sub] = at(path);
      if (m.kind === 'py') ops.cm1(m.obj, 'chdir', sub);
      else if (!(call(() => m.fs.stat(sub)).mode & 0x4000)) throw raiseOf(mkExc('OSError', 20));
      interp.cwd = path;
      return None;
    },
    uname: () => unameType.make([impl.platform, impl.platform, impl.version.join('.'), impl.versionString.replace(/^.*; /, ''), impl.machine]),
    // os.urandom(n)
    urandom: (a) => { arity(a, 1); const n = argNum(a[0]); const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = Math.floor(Math.random() * 256); return new PyBytes(b); },
    sync: () => None,
    dupterm: () => None,
    mount: vfsFns.mount,
    umount: vfsFns.umount,
  }, { sep: '/', ...vfsFns.classes });
}

/** os.remove(path) */
function removeAt(interp: Interp, path: string): PyObj {
  const [m, sub] = interp.mounts.lookup(path);
  if (m.kind === 'py') ops.cm1(m.obj, 'remove', sub);
  else { try { nativeRemove(m, sub); } catch (e) { throw interp.fsError(e); } }
  return None;
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
