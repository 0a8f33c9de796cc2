import { describe, expect, it } from 'vitest';
import { bufferNames, classOf } from './completion';
import { moduleStubs } from './module-stubs';

describe('completion data', () => {
  it('collects buffer names without keywords or the word being typed', () => {
    expect(bufferNames('import machine\nled = machine.Pin(25)\nfor i in range(3): led.toggle()\n', 'led').sort()).toEqual(['Pin', 'machine', 'range', 'toggle']);
  });

  it('finds the board class behind an expression', () => {
    const stubs = moduleStubs('micropython');
    const text = 'import machine\nfrom machine import Pin\nled = Pin(25, Pin.OUT)\npwm = machine.PWM(led)\n';
    expect(classOf('machine.Pin', text, stubs)?.name).toBe('Pin');
    expect(classOf('Pin', text, stubs)?.members).toContain('OUT');
    expect(classOf('led', text, stubs)?.name).toBe('Pin');
    expect(classOf('pwm', text, stubs)?.name).toBe('PWM');
    expect(classOf('x', text, stubs)).toBeNull();
  });
});
