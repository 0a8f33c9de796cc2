// A generic ESP32 DevKit running MicroPython (the DevKit's blue LED on GPIO2, no 'LED' name; ADC on
// the ADC1 pins 32..39).
import type { BoardProfile, PinDef } from './profile';

const ADC1: Record<number, number> = { 36: 0, 37: 1, 38: 2, 39: 3, 32: 4, 33: 5, 34: 6, 35: 7 };
const pins: PinDef[] = [];
for (const g of [0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33, 34, 35, 36, 39]) {
  const def: PinDef = { gpio: g, names: [`GPIO${g}`] };
  if (g in ADC1) def.adc = ADC1[g];
  pins.push(def);
}

export const esp32: BoardProfile = {
  id: 'esp32',
  flavour: 'micropython',
  boardName: 'Generic ESP32 module (simulated)',
  mcu: 'ESP32',
  platform: 'esp32',
  version: [1, 24, 1],
  versionTag: 'v1.24.1',
  buildDate: '2024-11-29',
  boardId: 'ESP32_GENERIC',
  flashBytes: 2048 * 1024,
  // GC heap of a plain ESP32 (no PSRAM): 56 KB at boot, grown from the IDF heap to about 110 KB
  heapBytes: 110 * 1024,
  cpuFreqHz: 160_000_000,
  uniqueId: [0x24, 0x6f, 0x28, 0x8a, 0x3c, 0x10],
  pins,
  // the usual `Pin(2, Pin.OUT)` blink lights the DevKit's on-board LED
  ledGpio: 2,
  neopixelGpio: null,
  tempSensorChannel: null,
  adcVref: 3.3,
  i2cDefaults: [
    { id: 0, scl: 18, sda: 19 },
    { id: 1, scl: 25, sda: 26 },
  ],
  bme280Address: 0x76,
  rawPasteWindow: 128,
  uarts: 3,
};
