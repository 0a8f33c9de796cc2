import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DriveFs } from './drive-fs';

const drive = () => mkdtempSync(join(tmpdir(), 'mote-circuitpy-'));
const all256 = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe('DriveFs (a CIRCUITPY folder)', () => {
  it('writes atomically, binary-safe, and lists, renames, removes', async () => {
    const root = drive();
    const fs = new DriveFs(root);
    await fs.write('/code.py', 'print(1)\n');
    await fs.mkdir('/lib/sub', { parents: true });
    await fs.write('/lib/sub/data.bin', all256);
    expect(readFileSync(join(root, 'lib/sub/data.bin')).equals(all256)).toBe(true);
    expect(readdirSync(join(root, 'lib/sub'))).toEqual(['data.bin']); // no temp left behind
    expect((await fs.list('/', { recursive: true })).map((e) => `${e.kind} ${e.path} ${e.size}`)).toEqual(['file /code.py 9', 'dir /lib 0', 'dir /lib/sub 0', 'file /lib/sub/data.bin 256']);
    await fs.rename('/code.py', '/main.py');
    expect(await fs.readText('/main.py')).toBe('print(1)\n');
    await expect(fs.remove('/lib')).rejects.toMatchObject({ code: 'python-error' });
    await fs.remove('/lib', { recursive: true });
    expect(existsSync(join(root, 'lib'))).toBe(false);
    await expect(fs.read('/nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it("hides write temp files, and clears away ones an unplug left (not one a write is filling)", async () => {
    const root = drive();
    const fs = new DriveFs(root);
    writeFileSync(join(root, 'code.py'), 'x');
    writeFileSync(join(root, '.old.py.mote~'), 'left by an unplug');
    const past = new Date(Date.now() - 5 * 60_000);
    utimesSync(join(root, '.old.py.mote~'), past, past);
    writeFileSync(join(root, '.busy.py.mote~'), 'being written');
    expect((await fs.list('/')).map((e) => e.name)).toEqual(['code.py']);
    expect(readdirSync(root).sort()).toEqual(['.busy.py.mote~', 'code.py']);
  });

  it('refuses paths that leave the drive', () => {
    const fs = new DriveFs(drive());
    expect(fs.hostPath('/../../etc/passwd').startsWith(fs.mountPath)).toBe(true);
  });

  it('refuses to follow a symlink out of the drive, for reads, writes, listings and removals', async () => {
    const root = drive();
    const outside = mkdtempSync(join(tmpdir(), 'mote-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    symlinkSync(outside, join(root, 'lib'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'code.py'));
    mkdirSync(join(root, 'real'));
    const fs = new DriveFs(root);
    await expect(fs.readText('/code.py')).rejects.toMatchObject({ code: 'path-outside-root' });
    await expect(fs.readText('/lib/secret.txt')).rejects.toMatchObject({ code: 'path-outside-root' });
    await expect(fs.write('/lib/new.py', Buffer.from('x'))).rejects.toMatchObject({ code: 'path-outside-root' });
    await expect(fs.list('/lib')).rejects.toMatchObject({ code: 'path-outside-root' });
    await expect(fs.remove('/lib/secret.txt')).rejects.toMatchObject({ code: 'path-outside-root' });
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
    expect(existsSync(join(outside, 'new.py'))).toBe(false);
    await fs.write('/real/ok.py', Buffer.from('ok'));
    expect(readFileSync(join(root, 'real', 'ok.py'), 'utf8')).toBe('ok');
  });

  it('syncs, skipping unchanged files', async () => {
    const root = drive();
    const local = drive();
    writeFileSync(join(local, 'code.py'), 'a');
    const fs = new DriveFs(root);
    expect((await fs.sync(local, '/')).uploaded).toEqual(['/code.py']);
    expect((await fs.sync(local, '/')).skipped).toEqual(['/code.py']);
  });
});
