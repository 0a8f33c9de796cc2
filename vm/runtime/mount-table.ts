// The board's mount table (extmod/vfs.c): the flash filesystem at '/', plus whatever Python objects
// with the VFS protocol a program mounts with os.mount()/vfs.mount() (mpremote mounts its
// RemoteFS at /remote). Paths reach a mount as the part after its mount point, starting with '/'.
// Every os call, open() and import goes through here.

import type { VmFilesystem } from '../host-io';
import { None, type PyObj } from '../objects/object';
import { PyTuple } from '../objects/tuple';
import { raiseOf, mkExc } from '../objects/exception';
import * as ops from './ops';

/** How the root filesystem behaves where POSIX and the firmware's filesystems differ. */
export type RootVfsKind = 'posix' | 'lfs2' | 'fat';

/** The flash filesystem at '/' ('vfs' is the Python object vfs.mount() lists for it, made on first use). */
export interface NativeMount { kind: 'native'; point: string; fs: VmFilesystem; fsKind: RootVfsKind; vfs?: PyObj }
/** A Python object with the VFS protocol (mount, umount, stat, ilistdir, open, ...). */
export interface PyMount { kind: 'py'; point: string; obj: PyObj }
export type Mount = NativeMount | PyMount;

const EPERM = 1;
const ENODEV = 19;
const EINVAL = 22;

function oserror(errno: number): unknown { return raiseOf(mkExc('OSError', errno)); }

export class MountTable {
  /** In vfs.c's order: newer mounts first, the root mount ('/') always last. */
  private readonly mounts: Mount[] = [];

  constructor(root: NativeMount | null) { if (root) this.mounts.push(root); }

  get size(): number { return this.mounts.length; }

  /** vfs.mount(): (object, mount point) pairs in table order. */
  list(nativeObject: (m: NativeMount) => PyObj): PyTuple[] {
    return this.mounts.map((m) => new PyTuple([m.kind === 'py' ? m.obj : nativeObject(m), m.point]));
  }

  /**
   * The mount holding an absolute, normalised path and the path inside it (vfs.c
   * mp_vfs_lookup_path: a mount point matches itself and what follows it after a '/'); ENODEV
   * when none does.
   */
  lookup(abs: string): [Mount, string] {
    const rest = abs.slice(1);
    for (const m of this.mounts) {
      const name = m.point.slice(1);
      if (!name) return [m, abs];
      if (rest.startsWith(name)) {
        if (rest.length === name.length) return [m, '/'];
        if (rest[name.length] === '/') return [m, rest.slice(name.length)];
      }
    }
    throw oserror(ENODEV);
  }

  /** The folders listing '/' shows before the root filesystem's own entries: the other mount points. */
  rootEntries(): string[] { return this.mounts.filter((m) => m.point.length > 1).map((m) => m.point.slice(1)); }

  /** The mount whose point is exactly `abs`, if any (a mount point is a directory). */
  at(abs: string): Mount | undefined { return this.mounts.find((m) => m.point === abs); }

  /** os.mount(obj, point, *, readonly=False, mkfs=False): calls obj.mount(readonly, mkfs), then adds it
   *  (points are kept as written, as vfs.c keeps them). */
  mount(obj: PyObj, point: string, readonly: PyObj, mkfs: PyObj): void {
    // an object without mount() would be a block device to auto-detect; the simulated board has
    // no block devices, so (like a board finding no filesystem on one) it is ENODEV
    if (ops.gaOpt(obj, 'mount') === undefined) throw oserror(ENODEV);
    ops.cm2(obj, 'mount', readonly, mkfs);
    // the point must be free: '/' itself is the virtual root, and a root mount leaves room for others
    if (point !== '/' && point !== '') {
      let existing: Mount | null = null;
      try { existing = this.lookup(point.startsWith('/') ? point : '/' + point)[0]; } catch { existing = null; }
      if (existing && !(point.length !== 1 && existing.point.length === 1)) throw oserror(EPERM);
    }
    const mount: PyMount = { kind: 'py', point, obj };
    const rootAt = this.mounts.findIndex((m) => m.point.length === 1);
    if (rootAt < 0) this.mounts.push(mount); else this.mounts.splice(rootAt, 0, mount);
  }

  /** os.umount(point or obj): removes the mount, then calls its umount(); EINVAL when nothing matches. */
  umount(target: PyObj): Mount {
    const i = this.mounts.findIndex((m) => (typeof target === 'string' ? m.point === target : (m.kind === 'py' ? m.obj : m.vfs) === target));
    // like vfs.c, the flash mount can be unmounted too (then nothing is left at '/')
    if (i < 0) throw oserror(EINVAL);
    const [m] = this.mounts.splice(i, 1);
    if (m.kind === 'py') ops.cm0(m.obj, 'umount');
    return m;
  }

}

/** A mount's stat(sub) as (mode, size, mtime); on a Python mount, whatever its stat() tuple says. */
export function statOf(m: Mount, sub: string): { mode: number; size: number; mtime: number } {
  if (m.kind === 'native') return m.fs.stat(sub);
  const t = ops.toArray(ops.cm1(m.obj, 'stat', sub));
  const num = (x: PyObj | undefined) => (x === undefined || x === None ? 0 : Number(x));
  return { mode: num(t[0]), size: num(t[6]), mtime: num(t[8]) };
}


/**
 * remove(path) on the flash filesystem. littlefs (a Pico's and an ESP32's flash) removes a file or
 * an empty folder with one call (lfs_remove) and says ENOTEMPTY for a folder with entries; FAT
 * and POSIX hosts refuse a folder with EISDIR.
 */
export function nativeRemove(m: NativeMount, sub: string): void {
  if (m.fsKind === 'lfs2' && (m.fs.stat(sub).mode & 0x4000)) m.fs.rmdir(sub);
  else m.fs.remove(sub);
}

/** rmdir(path) on the flash filesystem: on littlefs the same lfs_remove, so a file goes too. */
export function nativeRmdir(m: NativeMount, sub: string): void {
  if (m.fsKind === 'lfs2' && (m.fs.stat(sub).mode & 0x8000)) m.fs.remove(sub);
  else m.fs.rmdir(sub);
}

/** 'file', 'dir' or null (missing, or any error) for an absolute path: what import looks for. */
export function kindAt(table: MountTable, abs: string): 'file' | 'dir' | null {
  try {
    const [m, sub] = table.lookup(abs);
    const mode = statOf(m, sub).mode;
    return mode & 0x4000 ? 'dir' : 'file';
  } catch { return null; }
}
