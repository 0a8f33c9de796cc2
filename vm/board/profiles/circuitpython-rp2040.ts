// An Adafruit Feather RP2040 running CircuitPython: red LED on D13, a NeoPixel on GPIO16,
// STEMMA QT I2C on SCL/SDA with the BME280 at 0x77 (Adafruit's default address).
import type { BoardProfile, PinDef } from './profile';

const named: [number, string[]][] = [
  [0, ['TX', 'D1']], [1, ['RX', 'D0']], [2, ['SDA']], [3, ['SCL']], [6, ['D4']], [7, ['D5']],
  [8, ['D6']], [9, ['D9']], [10, ['D10']], [11, ['D11']], [12, ['D12']], [13, ['D13', 'LED']],
  [14, ['SCK']], [15, ['MOSI']], [16, ['NEOPIXEL']], [18, ['D24']], [19, ['D25']], [20, ['MISO']],
  [24, ['A4']], [25, ['A5']], [26, ['A0']], [27, ['A1']], [28, ['A2']], [29, ['A3']],
];
const pins: PinDef[] = named.map(([gpio, names]) => {
  const def: PinDef = { gpio, names };
  if (gpio >= 26 && gpio <= 29) def.adc = gpio - 26;
  return def;
});

export const circuitpythonRp2040: BoardProfile = {
  id: 'circuitpython-rp2040',
  flavour: 'circuitpython',
  boardName: 'Adafruit Feather RP2040 (simulated)',
  mcu: 'rp2040',
  platform: 'RP2040',
  version: [9, 2, 1],
  versionTag: '9.2.1',
  buildDate: '2024-11-20',
  boardId: 'adafruit_feather_rp2040',
  flashBytes: 7 * 1024 * 1024,
  heapBytes: 192 * 1024,
  cpuFreqHz: 125_000_000,
  uniqueId: [0xdf, 0x62, 0x58, 0x78, 0xcb, 0x41, 0x34, 0x2b],
  pins,
  ledGpio: 13,
  neopixelGpio: 16,
  tempSensorChannel: 4,
  adcVref: 3.3,
  i2cDefaults: [{ id: 1, scl: 3, sda: 2 }],
  bme280Address: 0x77,
  rawPasteWindow: 128,
  uarts: 2,
};
