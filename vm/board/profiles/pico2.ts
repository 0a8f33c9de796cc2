// Raspberry Pi Pico 2 running MicroPython (RP2350, 150 MHz, LED on GPIO25, 3 MB filesystem).
import { rp2Pins, type BoardProfile } from './profile';

const pins = rp2Pins(29);
pins[25].names.push('LED');

export const pico2: BoardProfile = {
  id: 'pico2',
  flavour: 'micropython',
  boardName: 'Raspberry Pi Pico2 (simulated)',
  mcu: 'RP2350',
  platform: 'rp2',
  version: [1, 24, 1],
  versionTag: 'v1.24.1',
  buildDate: '2024-11-29',
  boardId: 'RPI_PICO2',
  flashBytes: 3072 * 1024,
  // GC heap: the RP2350's 512 KB main RAM less static data and the extra stack (~480 KB)
  heapBytes: 480 * 1024,
  cpuFreqHz: 150_000_000,
  uniqueId: [0x4f, 0x1a, 0x22, 0x90, 0x5b, 0x7c, 0x11, 0x03],
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
