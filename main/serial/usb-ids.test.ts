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
