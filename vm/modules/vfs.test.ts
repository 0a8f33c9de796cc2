// os.mount/vfs.mount of Python objects with the VFS protocol (what mpremote's `mount` does), the
// mount table as vfs.mount() lists it, os.statvfs, and littlefs's remove semantics on the flash.
// The mount behaviour is checked against the real MicroPython (WebAssembly), which has the same vfs.c.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderBoard, micropythonOutput } from '../host/testing/folder-board';
import { circuitpythonRp2040 } from '../board/profiles/circuitpython-rp2040';

/** A VFS written in Python, logging every call it gets; files are in a dict. */
const LOGGING_VFS = `
import os, io
class LogVfs:
    def __init__(self, files):
        self.files = files
    def mount(self, readonly, mkfs):
        print('mount', readonly, mkfs)
    def umount(self):
        print('umount')
    def chdir(self, p):
        print('chdir', p)
    def getcwd(self):
        return '/'
    def stat(self, p):
        p = p.lstrip('/')
        if p == '' or p == 'sub':
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if p in self.files:
            return (0x8000, 0, 0, 0, 0, 0, len(self.files[p]), 0, 0, 0)
        raise OSError(2)
    def ilistdir(self, p):
        print('ilistdir', p)
        return iter([(n, 0x8000, 0) for n in sorted(self.files)])
    def open(self, p, mode):
        print('open', p, mode)
        data = self.files[p.lstrip('/')]
        return io.BytesIO(data) if 'b' in mode else io.StringIO(str(data, 'utf8'))
    def statvfs(self, p):
        print('statvfs', p)
        return (512, 512, 100, 40, 40, 0, 0, 0, 0, 255)
    def remove(self, p): print('remove', p)
    def rmdir(self, p): print('rmdir', p)
    def mkdir(self, p): print('mkdir', p)
    def rename(self, a, b): print('rename', a, b)
`;

/** The program both the simulated board and MicroPython run: every os call on the mount. */
const MOUNT_PROGRAM = LOGGING_VFS + `
import vfs
v = LogVfs({'x.py': b'print("x imported from", __file__)\\n', 'data.txt': b'hello'})
os.mount(v, '/remote')
print([p for (o, p) in vfs.mount()], vfs.mount()[0][0] is v)
print(os.listdir('/remote'))
print(os.stat('/remote/data.txt')[0], os.stat('/remote/data.txt')[6])
print(os.statvfs('/remote'))
os.remove('/remote/a'); os.rmdir('/remote/sub'); os.mkdir('/remote/c'); os.rename('/remote/a', '/remote/b')
with open('/remote/data.txt') as f: print(repr(f.read()))
for args in ((v, '/remote'), (v, '/remote/inner')):
    try: os.mount(*args)
    except OSError as e: print('mount', args[1], e.errno)
try: os.rename('/remote/a', '/elsewhere')
except OSError as e: print('rename across', e.errno)
try: os.mount(5, '/five')
except OSError as e: print('mount 5', e.errno)
os.umount(v)
try: os.umount('/remote')
except OSError as e: print('umount', e.errno)
print([p for (o, p) in vfs.mount()])
`;

describe('os.mount of a Python VFS object', () => {
  it('routes every os call under the mount point to the object, as MicroPython does', async () => {
    const { h } = folderBoard();
    const [out, err] = h.exec(MOUNT_PROGRAM);
    expect(err).toBe('');
    const expected = await micropythonOutput(MOUNT_PROGRAM);
    // MicroPython (unix-like) mounts its own filesystem at '/' too, but as VfsPosix: compare the calls
    expect(out.replace(/\r\n/g, '\n')).toBe(expected);
    expect(out).toContain('rename across 1');
  });

  it('imports modules from the mount and lists the mount point in /', () => {
    const { h } = folderBoard();
    const [out, err] = h.exec(LOGGING_VFS + `
os.mount(LogVfs({'x.py': b'print("x imported from", __file__)\\n'}), '/remote')
print('remote' in os.listdir('/'), [e for e in os.ilistdir('/') if e[0] == 'remote'][0][:2])
os.chdir('/remote')
print(os.getcwd())
import x
os.umount('/remote')
print(os.getcwd())
`);
    expect(err).toBe('');
    expect(out).toBe('mount False False\r\nTrue (\'remote\', 16384)\r\nchdir /\r\n/remote\r\nopen /x.py rb\r\nx imported from x.py\r\numount\r\n/\r\n');
  });

  it('imports through file objects that have only read(), and reports errors of the VFS as they are', () => {
    const { h } = folderBoard();
    const [out, err] = h.exec(`import os
class ReadOnly:
    def __init__(self, text): self.text = text
    def read(self): return self.text
    def close(self): print('closed')
class Tiny:
    def mount(self, ro, mk): pass
    def stat(self, p):
        if p == '/m.py': return (0x8000, 0, 0, 0, 0, 0, 9, 0, 0, 0)
        raise OSError(2)
    def open(self, p, mode):
        if p != '/m.py': raise OSError(2)
        return ReadOnly(b'VALUE = 7')
    def ilistdir(self, p): raise ValueError('no listing here')
os.mount(Tiny(), '/t')
import sys
sys.path.append('/t')
import m
print(m.VALUE)
try: os.listdir('/t')
except ValueError as e: print('ValueError', e)
try: open('/t/missing.txt')
except OSError as e: print('OSError', e.errno)`);
    expect(err).toBe('');
    expect(out).toBe('closed\r\n7\r\nValueError no listing here\r\nOSError 2\r\n');
  });

  it('a mount does not outlive a soft reset, as on a board', () => {
    const { h } = folderBoard();
    h.exec(LOGGING_VFS + "os.mount(LogVfs({}), '/remote')");
    h.feed('\x04'); // soft reset from the raw REPL
    const [out] = h.exec('import vfs\nprint([p for (o, p) in vfs.mount()])');
    expect(out).toBe("['/']\r\n");
  });
});

describe('vfs and os.statvfs', () => {
  it('vfs.mount() lists the flash as a VfsLfs2 at /, and statvfs reports the flash size', () => {
    const { h } = folderBoard();
    const [out, err] = h.exec('import os, vfs\nprint(vfs.mount(), isinstance(vfs.mount()[0][0], vfs.VfsLfs2))\ns = os.statvfs("/")\nprint(s[0] * s[2], s[0] * s[3] <= s[0] * s[2], len(s))');
    expect(err).toBe('');
    expect(out).toBe(`[(<VfsLfs2>, '/')] True\r\n${1408 * 1024} True 10\r\n`);
  });

  it("mpremote's df program prints the flash", () => {
    const { h } = folderBoard();
    const df = 'import os,vfs\n_f = "{:<10}{:>9}{:>9}{:>9}{:>5} {}"\nfor _v,_p in vfs.mount():\n _s = os.statvfs(_p)\n _sz = _s[0]*_s[2]\n _av = _s[0]*_s[3]\n print(_f.format(str(_v), _sz, _sz-_av, _av, 100*(_sz-_av)//_sz, _p))';
    const [out, err] = h.exec(df);
    expect(err).toBe('');
    expect(out).toMatch(/^<VfsLfs2>\s+1441792\s+\d+\s+\d+\s+\d+ \/\r\n$/);
  });

  it('VfsLfs2 cannot be built without a block device, and says so', () => {
    const { h } = folderBoard();
    const [, err] = h.exec('import vfs\nvfs.VfsLfs2(None)');
    expect(err).toContain('NotImplementedError: VfsLfs2 needs a block device');
  });

  it('CircuitPython has no vfs module', () => {
    const { h } = folderBoard(circuitpythonRp2040);
    const [, err] = h.exec('import vfs');
    expect(err).toContain("ImportError: no module named 'vfs'");
  });
});

describe('remove and rmdir on the flash filesystem', () => {
  it('littlefs (pico) removes a file or an empty folder with either call; ENOTEMPTY otherwise', () => {
    const { h, dir } = folderBoard();
    const [out, err] = h.exec(`import os
os.mkdir('/d'); os.mkdir('/e'); open('/f', 'w').close(); open('/e/g', 'w').close()
os.remove('/d'); os.rmdir('/f')
for call in (os.remove, os.rmdir):
    try: call('/e')
    except OSError as e: print(call.__name__, e.errno)
print(sorted(os.listdir('/')))`);
    expect(err).toBe('');
    expect(out).toBe("remove 39\r\nrmdir 39\r\n['e']\r\n");
    expect(fs.readdirSync(dir)).toEqual(['e']);
    expect(fs.existsSync(path.join(dir, 'e', 'g'))).toBe(true);
  });

  it('FAT (CircuitPython) keeps EISDIR and ENOTDIR', () => {
    const { h } = folderBoard(circuitpythonRp2040);
    const [out, err] = h.exec(`import os
os.mkdir('/d'); open('/f', 'w').close()
for call, p in ((os.remove, '/d'), (os.rmdir, '/f')):
    try: call(p)
    except OSError as e: print(call.__name__, e.errno)`);
    expect(err).toBe('');
    expect(out).toBe('remove 21\r\nrmdir 20\r\n');
  });
});
