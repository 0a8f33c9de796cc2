// vfs: mount/umount and the filesystem classes, as on rp2 and esp32 (extmod/modvfs.c). The flash
// filesystem is a VfsLfs2 (MicroPython) object at '/'; Python objects with the VFS protocol can be
// mounted beside it (mpremote's `mount`). The simulated board has no block devices, so VfsLfs2 and
// VfsFat cannot be built on one: they exist for isinstance() and as the type of the flash mount.

import { PyType, objectType, None, methods, PyInstance, type PyObj, type Kw } from '../objects/object';
import { PyList } from '../objects/list';
import { PyTuple } from '../objects/tuple';
import { JsArrayIter } from '../objects/iterator';
import { pyErr } from '../objects/exception';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { argsByName, argStr, arity } from '../runtime/args';
import { nativeRemove, nativeRmdir, type NativeMount } from '../runtime/mount-table';
import { openOn } from './io';
import { nativeModule } from './util';

const vfsLfs2Type = new PyType('VfsLfs2', [objectType]);
const vfsFatType = new PyType('VfsFat', [objectType]);
const vfsPosixType = new PyType('VfsPosix', [objectType]);
const nativeTypes = { lfs2: vfsLfs2Type, fat: vfsFatType, posix: vfsPosixType } as const;

/** The Python object of a native mount: its methods take paths inside that mount. */
class PyNativeVfs extends PyInstance {
  constructor(readonly mount: NativeMount, readonly interp: Interp) { super(nativeTypes[mount.fsKind]); }
}

function self(a: PyObj[]): PyNativeVfs {
  if (!(a[0] instanceof PyNativeVfs)) throw pyErr('TypeError', 'VFS object expected');
  return a[0];
}

/** Runs a filesystem call on a native mount, turning FsError into OSError. */
function onFs<T>(v: PyNativeVfs, f: (m: NativeMount) => T): T {
  try { return f(v.mount); } catch (e) { throw v.interp.fsError(e); }
}

const sub = (a: PyObj[], i = 1) => { const s = argStr(a[i]); return s.startsWith('/') ? s : '/' + s; };

for (const t of Object.values(nativeTypes)) {
  t.module = 'vfs';
  t.construct = () => {
    throw pyErr('NotImplementedError', `${t.name} needs a block device, and the simulated board has none; mount a Python object with the VFS methods instead`);
  };
  methods(t, {
    // VfsLfs2.mount(readonly, mkfs) / umount(): the flash is always ready
    mount: () => None,
    umount: () => None,
    stat: (a) => { arity(a, 2); const st = onFs(self(a), (m) => m.fs.stat(sub(a))); return new PyTuple([st.mode, 0, 0, 0, 0, 0, st.size, st.mtime, st.mtime, st.mtime]); },
    ilistdir: (a) => {
      arity(a, 1, 2);
      const v = self(a); const dir = a.length > 1 ? sub(a) : '/';
      const names = onFs(v, (m) => m.fs.listdir(dir));
      return new JsArrayIter(names.map((n) => { const st = onFs(v, (m) => m.fs.stat((dir === '/' ? '' : dir) + '/' + n)); return new PyTuple([n, st.mode & 0x4000 ? 0x4000 : 0x8000, 0, st.size]); }));
    },
    open: (a) => { arity(a, 3); const v = self(a); return openOn(v.interp, v.mount, sub(a), argStr(a[2])); },
    mkdir: (a) => { arity(a, 2); onFs(self(a), (m) => m.fs.mkdir(sub(a))); return None; },
    rmdir: (a) => { arity(a, 2); onFs(self(a), (m) => nativeRmdir(m, sub(a))); return None; },
    remove: (a) => { arity(a, 2); onFs(self(a), (m) => nativeRemove(m, sub(a))); return None; },
    rename: (a) => { arity(a, 3); onFs(self(a), (m) => m.fs.rename(sub(a), sub(a, 2))); return None; },
    statvfs: (a) => { arity(a, 2); const s = onFs(self(a), (m) => m.fs.statvfs()); return new PyTuple([s.bsize, s.bsize, s.blocks, s.bfree, s.bfree, 0, 0, 0, 0, 255]); },
    chdir: () => None,
    getcwd: () => '/',
    __repr__: (a) => `<${self(a).$type.name}>`,
  });
}

/** The Python object for a native mount (one per mount, so `is` and umount(obj) work). */
function nativeObject(interp: Interp, m: NativeMount): PyObj {
  m.vfs ??= new PyNativeVfs(m, interp);
  return m.vfs;
}

/** mount/umount and the filesystem classes, shared by the os and vfs modules. */
export function makeVfsFunctions(interp: Interp): { mount: (a: PyObj[], kw: Kw) => PyObj; umount: (a: PyObj[]) => PyObj; classes: Record<string, PyObj> } {
  return {
    // mount([fsobj, mount_point, *, readonly=False, mkfs=False]); no arguments: the mount table
    mount: (a, kw) => {
      if (!a.length && !kw?.size) return new PyList(interp.mounts.list((m) => nativeObject(interp, m)));
      if (a.length > 2) throw pyErr('TypeError', 'function takes 2 positional arguments');
      const [obj, point] = argsByName(a, null, ['fsobj', 'mount_point'], 2);
      const readonly = kw?.get('readonly') ?? false;
      const mkfs = kw?.get('mkfs') ?? false;
      for (const k of kw?.keys() ?? []) if (k !== 'readonly' && k !== 'mkfs') throw pyErr('TypeError', `unexpected keyword argument '${k}'`);
      interp.mounts.mount(obj, argStr(point), readonly, mkfs);
      return None;
    },
    // umount(mount_point or fsobj)
    umount: (a) => {
      arity(a, 1);
      const m = interp.mounts.umount(a[0]);
      // the current folder was on it: back to the root, as vfs.c resets vfs_cur
      if (m.point !== '/' && (interp.cwd === m.point || interp.cwd.startsWith(m.point + '/'))) interp.cwd = '/';
      return None;
    },
    classes: interp.impl.name === 'circuitpython' ? {} : { VfsFat: vfsFatType, VfsLfs2: vfsLfs2Type },
  };
}

export function makeVfs(interp: Interp): PyModule {
  // CircuitPython has no vfs module (its storage module mounts)
  if (interp.impl.name === 'circuitpython') throw pyErr('ImportError', "no module named 'vfs'");
  const f = makeVfsFunctions(interp);
  return nativeModule('vfs', { mount: f.mount, umount: f.umount }, f.classes);
}
