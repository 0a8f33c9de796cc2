import { describe, expect, it } from 'vitest';
import { boardNames, moduleDocs, moduleStubs, type Flavour } from './module-stubs';

describe('module stubs', () => {
  for (const flavour of ['micropython', 'circuitpython'] as Flavour[]) {
    it(`documents only names the simulated ${flavour} board provides`, () => {
      const names = boardNames(flavour);
      const missing: string[] = [];
      for (const [module, docs] of Object.entries(moduleDocs(flavour))) {
        for (const d of docs) if (!names[module]?.[d.name]) missing.push(`${module}.${d.name}`);
      }
      // If this fails, the board changed: re-run `node scripts/gen-module-stubs.mjs` and fix the help text.
      expect(missing).toEqual([]);
    });
  }

  it('offers each flavour its own modules, with class members', () => {
    const mp = moduleStubs('micropython');
    const cp = moduleStubs('circuitpython');
    expect(Object.keys(mp)).toEqual(expect.arrayContaining(['machine', 'time', 'neopixel']));
    expect(Object.keys(mp)).not.toContain('digitalio');
    expect(Object.keys(cp)).toEqual(expect.arrayContaining(['board', 'digitalio', 'analogio']));
    const pin = mp.machine!.find((m) => m.name === 'Pin')!;
    expect(pin.kind).toBe('class');
    expect(pin.members).toEqual(expect.arrayContaining(['OUT', 'value', 'toggle']));
    expect(pin.doc).toMatch(/GPIO/);
  });

  it('completes the machine classes a beginner meets in tutorials', () => {
    const machine = moduleStubs('micropython').machine!.map((m) => m.name);
    expect(machine).toEqual(expect.arrayContaining(['Pin', 'PWM', 'ADC', 'I2C', 'SPI', 'SoftSPI', 'RTC', 'WDT', 'Signal', 'Timer', 'UART']));
  });
});
