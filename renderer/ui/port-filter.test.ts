import { describe, expect, it } from 'vitest';
import type { PortInfo } from '../../shared/contracts/serial';
import { splitPorts } from './port-filter';

const port = (path: string, extra: Partial<PortInfo> = {}): PortInfo => ({ path, friendlyName: path, flavourHint: 'unknown', isKnownBoard: false, ...extra });

describe('splitPorts', () => {
  it('offers USB serial devices and keeps motherboard UARTs behind "show all"', () => {
    const ports = [port('/dev/ttyS0'), port('/dev/ttyS1'), port('/dev/ttyACM0', { vendorId: '2e8a', isKnownBoard: true }), port('/dev/ttyUSB0'), port('/dev/cu.usbmodem1101'), port('COM3', { vendorId: '10c4' }), port('COM1'), port('/dev/cu.Bluetooth-Incoming-Port')];
    const { usb, other } = splitPorts(ports);
    expect(usb.map((p) => p.path)).toEqual(['/dev/ttyACM0', '/dev/ttyUSB0', '/dev/cu.usbmodem1101', 'COM3']);
    expect(other.map((p) => p.path)).toEqual(['/dev/ttyS0', '/dev/ttyS1', 'COM1', '/dev/cu.Bluetooth-Incoming-Port']);
  });

  it('keeps the port in use in the first list, whatever it is', () => {
    expect(splitPorts([port('/dev/ttyS0')], '/dev/ttyS0').usb).toHaveLength(1);
  });
});
