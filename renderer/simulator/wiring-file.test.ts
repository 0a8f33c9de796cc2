import { describe, expect, it } from 'vitest';
import { parseWiring, wiringPathFor } from './wiring-file';

describe('wiring.json', () => {
  it('sits beside the program', () => {
    expect(wiringPathFor('projects/oled/main.py')).toBe('projects/oled/wiring.json');
    expect(wiringPathFor('main.py')).toBe('wiring.json');
  });

  it('reads the parts of a valid file', () => {
    const text = JSON.stringify({ version: 1, parts: [{ id: 'oled', type: 'ssd1306', address: 60 }, { id: 's', type: 'hcsr04', pin: 'GP2', trig: 'GP3' }] });
    expect(parseWiring(text)).toEqual([
      { id: 'oled', type: 'ssd1306', address: 60 },
      { id: 's', type: 'hcsr04', pin: 'GP2', trig: 'GP3' },
    ]);
  });

  it('says what is wrong with a bad one', () => {
    expect(() => parseWiring('{"version": 1, "parts": [')).toThrow('wiring.json is not valid JSON');
    expect(() => parseWiring('{"version": 1, "parts": [{"id": "x", "type": "laser", "pin": "GP1"}]}')).toThrow(/^wiring\.json: .* at parts\.0\.type$/);
    expect(() => parseWiring('{"version": 1, "parts": [{"id": "x", "type": "ssd1306", "address": 200}]}')).toThrow(/at parts\.0\.address$/);
    expect(() => parseWiring('{"version": 1, "parts": [{"id": "a", "type": "servo", "pin": "GP1"}, {"id": "a", "type": "buzzer", "pin": "GP2"}]}')).toThrow('wiring.json: two parts are called a');
    expect(() => parseWiring('{"version": 2, "parts": []}')).toThrow(/at version$/);
  });
});
