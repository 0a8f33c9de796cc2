// Error mapping from the exact texts serialport (bindings-cpp) produces, plus a real lock held by
// another process on a real pty, found through /proc.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPortHolders, openError } from './serial-errors';
import { SerialTransport } from './serial-transport';

const kills: Array<() => void> = [];
afterEach(() => kills.splice(0).forEach((k) => k()));

describe('openError', () => {
  it('maps Linux permission denied to the dialout group, the exact command and a udev rule', () => {
    const e = openError('/dev/ttyACM0', new Error('Error: Permission denied, cannot open /dev/ttyACM0'), { platform: 'linux' });
    expect(e.code).toBe('port-permission');
    expect(e.message).toContain('dialout');
    expect(e.message).toContain('uucp');
    expect(e.message).toContain('sudo usermod -aG dialout $USER');
    expect(e.message).toContain('log out');
    expect(e.message).toContain('SUBSYSTEM=="tty"');
    expect(e.message).toContain('udevadm control --reload');
  });

  it('maps a lock failure to port-busy naming the holder', () => {
    const e = openError('/dev/ttyACM0', new Error('Error Resource temporarily unavailable Cannot lock port'), { platform: 'linux', holders: [{ pid: 42, command: 'python3 -m thonny' }] });
    expect(e.code).toBe('port-busy');
    expect(e.message).toContain('python3 -m thonny (pid 42)');
  });

  it('maps Windows access denied to port-busy', () => {
    const e = openError('COM3', new Error('Opening COM3: Access denied'), { platform: 'win32' });
    expect(e.code).toBe('port-busy');
    expect(e.message).toMatch(/another program/);
  });

  it('maps a missing device', () => {
    const e = openError('/dev/ttyACM9', new Error('Error: No such file or directory, cannot open /dev/ttyACM9'), { platform: 'linux' });
    expect(e.code).toBe('not-found');
  });
});

describe('a port held by another process (real pty, real serialport lock)', () => {
  it('says which program holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mote-busy-'));
    const path = join(dir, 'tty');
    const socat = spawn('socat', [`pty,raw,echo=0,link=${path}`, 'EXEC:sleep 60,pty,raw,echo=0']);
    kills.push(() => socat.kill('SIGKILL'));
    for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 20));
    const holderScript = `const { SerialPort } = require('serialport'); const p = new SerialPort({ path: ${JSON.stringify(path)}, baudRate: 115200 }); p.on('open', () => console.log('open')); setTimeout(() => {}, 60000);`;
    const holder = spawn(process.execPath, ['-e', holderScript], { cwd: join(__dirname, '..', '..') });
    kills.push(() => holder.kill('SIGKILL'));
    await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
    expect(findPortHolders(path).map((h) => h.pid)).toContain(holder.pid);
    const err = await SerialTransport.open(path).catch((e) => e);
    expect(err.code).toBe('port-busy');
    expect(err.message).toContain(`pid ${holder.pid}`);
    expect(err.message).toContain('node');
  });
});
