import { describe, expect, it, beforeEach } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FolderFs } from './folder-fs';
import { FsError } from '../host-io';

function errno(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.errno;
    throw e;
  }
  return 0;
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('FolderFs', () => {
  let dir: string;
  let vfs: FolderFs;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-fs-'));
    vfs = new FolderFs(path.join(dir, 'board'), 64 * 1024);
  });

  it('writes, reads, appends and seeks', () => {
    let h = vfs.open('/a.txt', 'w');
    expect(vfs.write(h, bytes('hello'))).toBe(5);
    vfs.close(h);
    h = vfs.open('/a.txt', 'a');
    vfs.write(h, bytes(' world'));
    vfs.close(h);
    h = vfs.open('/a.txt', 'r');
    expect(new TextDecoder().decode(vfs.read(h, 100))).toBe('hello world');
    expect(vfs.read(h, 100).length).toBe(0);
    vfs.seek(h, 6, 0);
    expect(new TextDecoder().decode(vfs.read(h, 3))).toBe('wor');
    vfs.close(h);
    expect(vfs.stat('/a.txt')).toMatchObject({ mode: 0x8000, size: 11 });
    expect(fs.readFileSync(path.join(dir, 'board', 'a.txt'), 'utf8')).toBe('hello world');
  });

  it('reports board errnos', () => {
    expect(errno(() => vfs.open('/missing.py', 'r'))).toBe(2);
    vfs.mkdir('/lib');
    expect(errno(() => vfs.mkdir('/lib'))).toBe(17);
    expect(errno(() => vfs.open('/lib', 'r'))).toBe(21);
    vfs.close(vfs.open('/lib/x.py', 'w'));
    expect(errno(() => vfs.rmdir('/lib'))).toBe(39);
    expect(errno(() => vfs.open('/lib/x.py', 'x'))).toBe(17);
    expect(vfs.listdir('/')).toEqual(['lib']);
    vfs.rename('/lib/x.py', '/y.py');
    expect(vfs.listdir('/')).toEqual(['lib', 'y.py']);
    vfs.remove('/y.py');
    vfs.rmdir('/lib');
    expect(vfs.listdir('/')).toEqual([]);
  });

  it('stays inside the root: no .. and no symlinks out', () => {
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'x');
    expect(errno(() => vfs.open('/../secret.txt', 'r'))).not.toBe(0);
    fs.symlinkSync(dir, path.join(dir, 'board', 'out'));
    expect(errno(() => vfs.open('/out/secret.txt', 'r'))).toBe(13);
    expect(errno(() => vfs.open('/out/new.txt', 'w'))).toBe(13);
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'board', 'link.txt'));
    expect(errno(() => vfs.open('/link.txt', 'r'))).toBe(13);
    expect(fs.existsSync(path.join(dir, 'new.txt'))).toBe(false);
  });

  it('raises ENOSPC past the quota and reports statvfs', () => {
    const before = vfs.statvfs();
    expect(before.bsize * before.blocks).toBe(64 * 1024);
    const h = vfs.open('/big.bin', 'wb'.slice(0, 1) as 'w');
    vfs.write(h, new Uint8Array(40 * 1024));
    expect(errno(() => vfs.write(h, new Uint8Array(40 * 1024)))).toBe(28);
    vfs.close(h);
    expect(vfs.statvfs().bfree).toBe(before.bfree - 10);
  });

  it('counts folders and empty files against the flash, so they cannot fill it for free', () => {
    const blocks = vfs.statvfs().blocks; // 16 blocks of 4 KB
    let made = 0;
    for (; made < 100; made++) {
      if (errno(() => vfs.close(vfs.open(`/e${made}.txt`, 'w'))) === 28) break;
    }
    expect(made).toBe(blocks);
    expect(vfs.statvfs().bfree).toBe(0);
    expect(errno(() => vfs.mkdir('/d'))).toBe(28);
    for (let i = 0; i < made; i++) vfs.remove(`/e${i}.txt`);
    vfs.invalidateUsage();
    let dirs = 0;
    for (; dirs < 100; dirs++) {
      if (errno(() => vfs.mkdir(`/d${dirs}`)) === 28) break;
    }
    expect(dirs).toBe(blocks);
  });

  it('is read-only to Python while the drive is presented', () => {
    vfs.readOnly = true;
    expect(errno(() => vfs.open('/code.py', 'w'))).toBe(30);
    expect(errno(() => vfs.mkdir('/d'))).toBe(30);
    vfs.writeFileDirect('/boot_out.txt', 'x');
    expect(vfs.readText('/boot_out.txt')).toBe('x');
  });
});
