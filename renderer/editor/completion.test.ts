import { describe, expect, it } from 'vitest';
import { bufferNames } from './completion';
import { moduleStubs } from './module-stubs';

describe('completion data', () => {
  it('collects buffer names without keywords or the word being typed', () => {
    expect(bufferNames('import machine\nled = machine.Pin(25)\nfor i in range(3): led.toggle()\n', 'led').sort()).toEqual(['Pin', 'machine', 'range', 'toggle']);
  });

  it('offers the right modules per flavour', () => {
    expect(Object.keys(moduleStubs('micropython'))).toContain('machine');
    expect(Object.keys(moduleStubs('micropython'))).not.toContain('digitalio');
    expect(Object.keys(moduleStubs('circuitpython'))).toEqual(expect.arrayContaining(['board', 'digitalio', 'analogio']));
  });
});
