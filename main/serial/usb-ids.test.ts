import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SerialService } from './serial-service';
import { describePort } from './usb-ids';

describe('describePort', () => {
  it('names boards from the table', () => {
    expect(describePort({ path: '/dev/ttyACM0', vendorId: '2E8A', productId: '0005' })).toMatchObject({ friendlyName: 'Raspberry Pi Pico (MicroPython)', flavourHint: 'micropython', isKnownBoard: true, vendorId: '2e8a' });
    expect(describePort({ path: '/dev/ttyUSB0', vendorId: '10c4', productId: 'ea60' }).friendlyName).toBe('CP2102 USB-serial — probably an ESP32');
    expect(describePort({ path: '/dev/ttyACM1', vendorId: '239a', productId: '9999' })).toMatchObject({ flavourHint: 'circuitpython' });
    expect(describePort({ path: '/dev/ttyACM2', vendorId: '2e8a', productId: '0003' })).toMatchObject({ flavourHint: 'bootloader', isKnownBoard: false });
    expect(describePort({ path: '/dev/ttyACM3', vendorId: '0d28', productId: '0204', manufacturer: 'Calliope' }).friendlyName).toMatch(/Calliope/);
  });

  it('describes unknown ports plainly', () => {
    expect(describePort({ path: '/dev/ttyS0' })).toMatchObject({ friendlyName: 'Serial port /dev/ttyS0', isKnownBoard: false });
    expect(describePort({ path: '/dev/ttyUSB3', vendorId: 'abcd', productId: '0001', manufacturer: 'Acme' }).friendlyName).toBe('USB serial device abcd:0001 (Acme)');
  });
});

describe('SerialService hot-plug', () => {
  it('reports ports appearing and disappearing', async () => {
    let ports = [{ path: '/dev/ttyS0' }];
    const service = new SerialService({ lister: async () => ports, pollMs: 20 });
    const seen: string[][] = [];
    const stop = service.onPortsChanged((list) => seen.push(list.map((p) => p.path)));
    await new Promise((r) => setTimeout(r, 60));
    ports = [{ path: '/dev/ttyS0' }, { path: '/dev/ttyACM0', vendorId: '2e8a', productId: '0005' } as never];
    await new Promise((r) => setTimeout(r, 60));
    ports = [{ path: '/dev/ttyS0' }];
    await new Promise((r) => setTimeout(r, 60));
    stop();
    service.dispose();
    expect(seen).toEqual([['/dev/ttyS0'], ['/dev/ttyACM0', '/dev/ttyS0'], ['/dev/ttyS0']]);
  });
});

describe('SerialService.watchPath', () => {
  const settle = () => new Promise((r) => setTimeout(r, 60));

  it('follows a path in the filesystem (a pty that comes and goes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mote-watch-'));
    const path = join(dir, 'ttyBOARD');
    const service = new SerialService({ lister: async () => [], pollMs: 20 });
    const seen: boolean[] = [];
    writeFileSync(path, '');
    const stop = service.watchPath(path, (present) => seen.push(present));
    await settle();
    rmSync(path);
    await settle();
    writeFileSync(path, '');
    await settle();
    stop();
    rmSync(path);
    await settle();
    expect(seen).toEqual([true, false, true]);
    rmSync(dir, { recursive: true });
  });

  it('counts a port the OS lists even when it is no file (COM3)', async () => {
    let ports = [{ path: 'COM3' }];
    const service = new SerialService({ lister: async () => ports, pollMs: 20 });
    const seen: boolean[] = [];
    const stop = service.watchPath('COM3', (present) => seen.push(present));
    await settle();
    ports = [];
    await settle();
    stop();
    expect(seen).toEqual([true, false]);
  });
});
