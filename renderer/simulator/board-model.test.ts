import { describe, expect, it } from 'vitest';
import { BoardModel, ledBrightness } from './board-model';

describe('BoardModel', () => {
  it('tracks pin modes, levels and LEDs from state changes', () => {
    const m = new BoardModel();
    m.reset([
      { name: 'LED', capabilities: ['led', 'digital'] },
      { name: 'GP15', capabilities: ['digital', 'pwm'] },
      { name: 'GP26', capabilities: ['adc', 'digital'] },
    ]);
    m.apply([{ kind: 'pin', pin: 'LED', mode: 'out', level: 1 }]);
    expect(ledBrightness(m.get('LED')!)).toBe(1);
    m.apply([{ kind: 'pin', pin: 'LED', mode: 'out', level: 0 }]);
    expect(ledBrightness(m.get('LED')!)).toBe(0);
    m.apply([{ kind: 'pin', pin: 'GP15', mode: 'in', level: 1, pull: 'up' }, { kind: 'pin', pin: 'GP26', mode: 'adc', level: 0 }]);
    expect(m.inputPins().map((p) => p.name)).toEqual(['GP15', 'GP26']);
    expect(m.get('GP15')!.pull).toBe('up');
    expect(m.leds().map((p) => p.name)).toEqual(['LED']);
  });

  it('shows PWM duty as LED brightness and clears it when the pin changes mode', () => {
    const m = new BoardModel();
    m.reset([{ name: 'LED', capabilities: ['led', 'pwm'] }]);
    m.apply([{ kind: 'pwm', pin: 'LED', freq: 1000, duty: 0.25 }]);
    expect(ledBrightness(m.get('LED')!)).toBe(0.25);
    m.apply([{ kind: 'pin', pin: 'LED', mode: 'out', level: 1 }]);
    expect(m.get('LED')!.duty).toBeNull();
    expect(ledBrightness(m.get('LED')!)).toBe(1);
  });

  it('keeps NeoPixel colours and learns pins it was not told about', () => {
    const m = new BoardModel();
    m.reset([]);
    m.apply([{ kind: 'neopixel', pin: 'GP16', colors: [[255, 0, 0], [0, 0, 10]] }]);
    expect(m.neopixelPins()[0]!.neopixels).toEqual([[255, 0, 0], [0, 0, 10]]);
    expect(m.all().map((p) => p.name)).toEqual(['GP16']);
  });

  it('shows the LED pin once, lit by its pin name and by the LED change', () => {
    const m = new BoardModel();
    m.reset([
      { name: 'GP24', capabilities: ['digital'] },
      { name: 'GP25', capabilities: ['digital', 'led'] },
    ]);
    m.apply([{ kind: 'pin', pin: 'GP25', mode: 'out', level: 0 }, { kind: 'led', pin: 'LED', on: true }]);
    expect(m.all().map((p) => p.name)).toEqual(['GP24', 'GP25']);
    expect(ledBrightness(m.get('GP25')!)).toBe(1);
  });

  it('drops the inputs of a program that ended', () => {
    const m = new BoardModel();
    m.reset([{ name: 'GP14', capabilities: ['digital'] }, { name: 'GP26', capabilities: ['digital', 'adc'] }]);
    m.apply([{ kind: 'pin', pin: 'GP14', mode: 'in', level: 1, pull: 'up' }, { kind: 'pin', pin: 'GP26', mode: 'adc', level: 0 }]);
    expect(m.inputPins()).toHaveLength(2);
    m.programEnded();
    expect(m.inputPins()).toHaveLength(0);
  });
});
