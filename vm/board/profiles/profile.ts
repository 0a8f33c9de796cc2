// What a simulated board is, as data: identity texts, pins and their names, buses, the sensor on
// the I2C bus, flash size. One file per board in this folder; `profiles.ts` lists them.

/** A named pin of a board. */
export interface PinDef {
  /** GPIO number (the canonical id). */
  gpio: number;
  /** Names Python may use for it: 'GP15' / 'D13', 'LED', 'A0'. The first one is the display name. */
  names: string[];
  /** ADC channel when the pin is analog-capable. */
  adc?: number;
}

export interface BoardProfile {
  id: 'pico' | 'pico2' | 'esp32' | 'circuitpython-rp2040';
  flavour: 'micropython' | 'circuitpython';
  /** 'Raspberry Pi Pico (simulated)' */
  boardName: string;
  /** 'RP2040' (MicroPython) / 'rp2040' (CircuitPython) as the banner shows it. */
  mcu: string;
  /** sys.platform: 'rp2', 'esp32', 'RP2040' (CircuitPython). */
  platform: string;
  version: [number, number, number];
  /** Version tag as printed: 'v1.24.1' (MicroPython), '9.2.1' (CircuitPython). */
  versionTag: string;
  buildDate: string;
  /** CircuitPython board id ('adafruit_feather_rp2040'). */
  boardId: string;
  /** Filesystem quota in bytes (the flash's filesystem partition). */
  flashBytes: number;
  /** Python heap in bytes (gc.mem_free() at start; larger single allocations raise MemoryError). */
  heapBytes: number;
  cpuFreqHz: number;
  uniqueId: number[];
  pins: PinDef[];
  /** GPIO of the user LED ('LED' name), if any. */
  ledGpio: number | null;
  /** GPIO of the on-board NeoPixel, if any. */
  neopixelGpio: number | null;
  /** Internal ADC channel of the temperature sensor (RP2: 4), if any. */
  tempSensorChannel: number | null;
  /** ADC full-scale voltage. */
  adcVref: number;
  /** Default SCL/SDA per I2C bus id. */
  i2cDefaults: { id: number; scl: number; sda: number }[];
  /** 7-bit address of the simulated BME280 on every bus. */
  bme280Address: number;
  /** Raw-paste window (half of the REPL stdin buffer). */
  rawPasteWindow: number;
  /** Number of hardware UARTs. */
  uarts: number;
}

/** 'MicroPython v1.24.1 on 2024-11-29; Raspberry Pi Pico (simulated) with RP2040' */
export function bannerLine(p: BoardProfile): string {
  const name = p.flavour === 'circuitpython' ? 'Adafruit CircuitPython' : 'MicroPython';
  return `${name} ${p.versionTag} on ${p.buildDate}; ${p.boardName} with ${p.mcu}`;
}

/** sys.implementation._machine: 'Raspberry Pi Pico (simulated) with RP2040' */
export function machineName(p: BoardProfile): string {
  return `${p.boardName} with ${p.mcu}`;
}

/** RP2040/RP2350 GPIO pins named GPn, with ADC on 26..28 (and 29 where the board exposes it). */
export function rp2Pins(count: number): PinDef[] {
  const pins: PinDef[] = [];
  for (let g = 0; g < count; g++) {
    const def: PinDef = { gpio: g, names: [`GP${g}`] };
    if (g >= 26 && g <= 28) def.adc = g - 26;
    pins.push(def);
  }
  return pins;
}
