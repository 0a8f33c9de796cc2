// Each profile's user LED as the Board panel sees it: one pin row per pin (no 'LED' row beside
// 'GP25'), and the ESP32 DevKit's LED on GPIO2, which the usual Pin(2) blink lights.
import { describe, expect, it } from 'vitest';
import { makeBoardVm, pinInfo } from '../../host/board-vm';
import { BoardHarness } from '../testing/board-harness';
import { esp32 } from './esp32';
import { PROFILES } from './profiles';

describe('user LEDs in the Board panel', () => {
  it('lists every pin once, by the name its changes use, with the LED marked', () => {
    for (const profile of Object.values(PROFILES)) {
      const names = pinInfo(profile).map((p) => p.name);
      expect(new Set(names).size, profile.id).toBe(names.length);
      expect(names, profile.id).not.toContain('LED');
      expect(pinInfo(profile).filter((p) => p.capabilities.includes('led')), profile.id).toHaveLength(1);
    }
    expect(pinInfo(PROFILES.pico).find((p) => p.capabilities.includes('led'))?.name).toBe('GP25');
    expect(pinInfo(esp32).find((p) => p.capabilities.includes('led'))?.name).toBe('GPIO2');
  });

  it('the ESP32 blink on Pin(2) lights the LED', () => {
    const h = new BoardHarness(esp32, makeBoardVm, {});
    h.powerOn();
    h.feed('\r\x01');
    const [, err] = h.exec('from machine import Pin\nled = Pin(2, Pin.OUT)\nled.value(1)');
    expect(err).toBe('');
    h.host.poll();
    const leds = h.host.states.filter((s) => s.kind === 'led');
    expect(leds.at(-1)).toEqual({ kind: 'led', pin: 'LED', on: true });
    expect(h.host.states.filter((s) => s.kind === 'pin').at(-1)).toMatchObject({ pin: 'GPIO2', mode: 'out', level: 1 });
  });
});
