// The interpreter a simulated board runs (configured as the profile's firmware) and the pin
// list the Board panel shows. Shared by the worker and the tests.

import { Interpreter } from '../index';
import type { VmFactory } from '../board/simulated-board';
import { machineName, type BoardProfile } from '../board/profiles/profile';
import type { BoardPinInfo } from './protocol';

/** A fresh interpreter configured as the profile's firmware. */
export const makeBoardVm: VmFactory = (host, p) =>
  new Interpreter(host, {
    heapLimit: p.heapBytes,
    recursionLimit: 200,
    argv: [],
    // a Pico's and an ESP32's flash is littlefs; CircuitPython's CIRCUITPY drive is FAT
    rootVfs: p.flavour === 'circuitpython' ? 'fat' : 'lfs2',
    path: p.flavour === 'circuitpython' ? ['', '/', '.frozen', '/lib'] : ['', '.frozen', '/lib'],
    implementation: {
      name: p.flavour,
      version: p.version,
      versionString:
        p.flavour === 'circuitpython'
          ? `3.4.0; Adafruit CircuitPython ${p.versionTag} on ${p.buildDate}`
          : `3.4.0; MicroPython ${p.versionTag} on ${p.buildDate}`,
      machine: machineName(p),
      platform: p.platform,
    },
  });

/** The pins the Board panel can show for a profile. */
export function pinInfo(p: BoardProfile): BoardPinInfo[] {
  return p.pins.map((d) => {
    const caps: BoardPinInfo['capabilities'] = ['digital', 'pwm'];
    if (d.adc !== undefined) caps.push('adc');
    if (d.gpio === p.ledGpio) caps.push('led');
    if (d.gpio === p.neopixelGpio) caps.push('neopixel');
    // the display name, as pin changes name it (an 'LED' row beside 'GP25' would be the same pin twice)
    return { name: d.names[0], capabilities: caps };
  });
}

