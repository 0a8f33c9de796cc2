// Raspberry Pi Pico running MicroPython (RP2040, LED on GPIO25, 1.4 MB filesystem).
import { rp2Pins, type BoardProfile } from './profile';

const pins = rp2Pins(29);
pins[25].names.push('LED');

export const pico: BoardProfile = {
  id: 'pico',
  flavour: 'micropython',
  boardName: 'Raspberry Pi Pico (simulated)',
  mcu: 'RP2040',
  platform: 'rp2',
  version: [1, 24, 1],
  versionTag: 'v1.24.1',
  buildDate: '2024-11-29',
  boardId: 'RPI_PICO',
  flashBytes: 1408 * 1024,
  // GC heap: the RP2040's 256 KB RAM less MicroPython's static data (about 233 KB)
  heapBytes: 233_024,
  cpuFreqHz: 125_000_000,
  uniqueId: [0xe6, 0x61, 0x38, 0x51, 0x83, 0x3a, 0x2c, 0x29],
  pins,
  ledGpio: 25,
  neopixelGpio: null,
  tempSensorChannel: 4,
  adcVref: 3.3,
  i2cDefaults: [
    { id: 0, scl: 9, sda: 8 },
    { id: 1, scl: 7, sda: 6 },
  ],
  bme280Address: 0x76,
  rawPasteWindow: 128,
  uarts: 2,
};
