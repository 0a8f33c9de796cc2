import { describe, expect, it } from 'vitest';
import { hasFlowControl } from './flow-control';

describe('hasFlowControl', () => {
  const ports = [
    { path: '/dev/ttyACM0', vendorId: '2e8a', productId: '0005' }, // Pico: its own USB
    { path: '/dev/ttyUSB0', vendorId: '10c4', productId: 'ea60' }, // CP2102 bridge
    { path: '/dev/ttyUSB1', vendorId: 'abcd', productId: '0001' }, // unknown
    { path: 'COM7', vendorId: '239a', productId: '80f4' },
  ];
  const lister = async () => ports;

  it('trusts boards with their own USB stack and nothing else', async () => {
    expect(await hasFlowControl('/dev/ttyACM0', lister)).toBe(true);
    expect(await hasFlowControl('COM7', lister)).toBe(true);
    expect(await hasFlowControl('/dev/ttyUSB0', lister)).toBe(false);
    expect(await hasFlowControl('/dev/ttyUSB1', lister)).toBe(false);
    expect(await hasFlowControl('/dev/ttyS9', lister)).toBe(false);
  });

  it('answers false when the ports cannot be listed', async () => {
    expect(await hasFlowControl('/dev/ttyACM0', () => Promise.reject(new Error('no udev')))).toBe(false);
  });
});
