import { describe, expect, it } from 'vitest';
import { helpAt } from './hover-help';

describe('helpAt', () => {
  it('finds module.member under the pointer', () => {
    const text = 'import machine\nled = machine.Pin(25)\n';
    const found = helpAt(text, text.indexOf('Pin') + 1, 'micropython');
    expect(found?.module).toBe('machine');
    expect(found?.member.name).toBe('Pin');
  });

  it('finds names imported with from … import', () => {
    const text = 'from digitalio import DigitalInOut\nx = DigitalInOut(board.LED)\n';
    expect(helpAt(text, text.lastIndexOf('DigitalInOut') + 2, 'circuitpython')?.module).toBe('digitalio');
    expect(helpAt(text, text.lastIndexOf('DigitalInOut') + 2, 'micropython')).toBeNull();
  });

  it('returns nothing for ordinary names', () => {
    expect(helpAt('x = 1', 0, 'micropython')).toBeNull();
  });
});
