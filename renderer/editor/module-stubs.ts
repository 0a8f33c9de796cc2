// What completion and hover help know about each board flavour's modules. The names come
// from module-names.json, which scripts/gen-module-stubs.mjs generates by asking the simulated
// boards themselves (so completion never offers what the board lacks); the one-line help
// below is hand-written, and a test checks that every helped name exists on the board.
import generated from './module-names.json';

export type Flavour = 'micropython' | 'circuitpython';

export interface StubMember {
  name: string;
  kind: 'function' | 'class' | 'constant' | 'module';
  doc: string;
  /** For classes: their attribute names (Pin.OUT, Pin.value, …). */
  members?: string[];
}

type GeneratedNames = Record<Flavour, Record<string, Record<string, { kind: StubMember['kind']; members?: string[] }>>>;

type Docs = Record<string, Array<Pick<StubMember, 'name' | 'kind' | 'doc'>>>;

const common: Docs = {
  time: [
    { name: 'sleep', kind: 'function', doc: 'sleep(seconds): wait this many seconds (may be a float)' },
    { name: 'monotonic', kind: 'function', doc: 'monotonic(): seconds since start, as a float' },
    { name: 'time', kind: 'function', doc: 'time(): seconds since the epoch' },
  ],
  math: [
    { name: 'sqrt', kind: 'function', doc: 'sqrt(x): square root' },
    { name: 'sin', kind: 'function', doc: 'sin(x): sine of x radians' },
    { name: 'cos', kind: 'function', doc: 'cos(x): cosine of x radians' },
    { name: 'pi', kind: 'constant', doc: 'pi = 3.14159…' },
    { name: 'floor', kind: 'function', doc: 'floor(x): largest integer <= x' },
  ],
  random: [
    { name: 'randint', kind: 'function', doc: 'randint(a, b): a random integer from a to b' },
    { name: 'random', kind: 'function', doc: 'random(): a random float from 0 to 1' },
    { name: 'choice', kind: 'function', doc: 'choice(seq): a random item of seq' },
  ],
  os: [
    { name: 'listdir', kind: 'function', doc: 'listdir(path="/"): names in a folder' },
    { name: 'remove', kind: 'function', doc: 'remove(path): delete a file' },
    { name: 'uname', kind: 'function', doc: 'uname(): board and firmware details' },
  ],
};

const micropython: Docs = {
  ...common,
  time: [
    ...common.time!,
    { name: 'sleep_ms', kind: 'function', doc: 'sleep_ms(ms): wait this many milliseconds' },
    { name: 'sleep_us', kind: 'function', doc: 'sleep_us(us): wait this many microseconds' },
    { name: 'ticks_ms', kind: 'function', doc: 'ticks_ms(): a millisecond counter (wraps around)' },
    { name: 'ticks_diff', kind: 'function', doc: 'ticks_diff(new, old): difference of two ticks values' },
  ],
  machine: [
    { name: 'Pin', kind: 'class', doc: 'Pin(id, mode=Pin.IN, pull=None): a GPIO pin; .value(), .on(), .off(), .toggle()' },
    { name: 'PWM', kind: 'class', doc: 'PWM(pin, freq=…, duty_u16=…): pulse-width modulation on a pin' },
    { name: 'ADC', kind: 'class', doc: 'ADC(pin): analog input; .read_u16() returns 0..65535' },
    { name: 'I2C', kind: 'class', doc: 'I2C(id, scl=Pin, sda=Pin, freq=400000): I2C bus' },
    { name: 'UART', kind: 'class', doc: 'UART(id, baudrate=9600): serial port' },
    { name: 'Timer', kind: 'class', doc: 'Timer(period=ms, callback=f): call f periodically' },
    { name: 'SPI', kind: 'class', doc: 'SPI(id, baudrate=1000000, sck=Pin, mosi=Pin, miso=Pin): SPI bus' },
    { name: 'SoftSPI', kind: 'class', doc: 'SoftSPI(baudrate=…, sck=Pin, mosi=Pin, miso=Pin): SPI on any pins' },
    { name: 'RTC', kind: 'class', doc: 'RTC(): the real-time clock; .datetime()' },
    { name: 'WDT', kind: 'class', doc: 'WDT(timeout=ms): watchdog; call .feed() in time or the board resets' },
    { name: 'Signal', kind: 'class', doc: 'Signal(pin, invert=False): a pin with on()/off() that may be active-low' },
    { name: 'reset', kind: 'function', doc: 'reset(): hard-reset the board' },
    { name: 'freq', kind: 'function', doc: 'freq(): CPU frequency in Hz' },
    { name: 'unique_id', kind: 'function', doc: 'unique_id(): bytes unique to this board' },
  ],
  neopixel: [{ name: 'NeoPixel', kind: 'class', doc: 'NeoPixel(pin, n): n RGB LEDs; np[i] = (r, g, b); np.write()' }],
  rp2: [
    { name: 'bootsel_button', kind: 'function', doc: 'bootsel_button(): 1 while BOOTSEL is pressed' },
  ],
  micropython: [
    { name: 'const', kind: 'function', doc: 'const(x): a compile-time constant' },
    { name: 'mem_info', kind: 'function', doc: 'mem_info(): print memory use' },
  ],
  gc: [
    { name: 'collect', kind: 'function', doc: 'collect(): run the garbage collector' },
    { name: 'mem_free', kind: 'function', doc: 'mem_free(): free heap bytes' },
  ],
};

const circuitpython: Docs = {
  ...common,
  board: [
    { name: 'LED', kind: 'constant', doc: 'The on-board LED pin' },
    { name: 'D13', kind: 'constant', doc: 'Digital pin D13' },
    { name: 'SDA', kind: 'constant', doc: 'The I2C data pin' },
    { name: 'SCL', kind: 'constant', doc: 'The I2C clock pin' },
    { name: 'I2C', kind: 'function', doc: 'I2C(): the board\'s default I2C bus' },
    { name: 'A0', kind: 'constant', doc: 'Analog pin A0' },
    { name: 'NEOPIXEL', kind: 'constant', doc: 'The on-board NeoPixel pin' },
  ],
  digitalio: [
    { name: 'DigitalInOut', kind: 'class', doc: 'DigitalInOut(pin): .direction, .value, .pull' },
    { name: 'Direction', kind: 'class', doc: 'Direction.INPUT / Direction.OUTPUT' },
    { name: 'Pull', kind: 'class', doc: 'Pull.UP / Pull.DOWN' },
  ],
  analogio: [
    { name: 'AnalogIn', kind: 'class', doc: 'AnalogIn(pin): .value is 0..65535' },
  ],
  pwmio: [{ name: 'PWMOut', kind: 'class', doc: 'PWMOut(pin, frequency=…, duty_cycle=…)' }],
  neopixel: [{ name: 'NeoPixel', kind: 'class', doc: 'NeoPixel(pin, n, brightness=1.0, auto_write=True)' }],
  microcontroller: [
    { name: 'reset', kind: 'function', doc: 'reset(): restart the board' },
    { name: 'cpu', kind: 'constant', doc: 'The processor: .temperature, .frequency' },
  ],
  supervisor: [{ name: 'reload', kind: 'function', doc: 'reload(): restart code.py' }],
};

/** The hand-written help, by flavour (for the drift test). */
export function moduleDocs(flavour: Flavour): Docs {
  return flavour === 'circuitpython' ? circuitpython : micropython;
}

/** The names the simulated board of a flavour provides, as generated. */
export function boardNames(flavour: Flavour): GeneratedNames[Flavour] {
  return (generated as GeneratedNames)[flavour];
}

const cache = new Map<Flavour, Record<string, StubMember[]>>();

/** The modules of a flavour, each with its members: the board's names, with help where written. */
export function moduleStubs(flavour: Flavour): Record<string, StubMember[]> {
  const hit = cache.get(flavour);
  if (hit) return hit;
  const docs = moduleDocs(flavour);
  const result: Record<string, StubMember[]> = {};
  for (const [module, names] of Object.entries(boardNames(flavour))) {
    result[module] = Object.entries(names).map(([name, info]) => ({
      name,
      kind: info.kind,
      doc: docs[module]?.find((d) => d.name === name)?.doc ?? '',
      members: info.members,
    }));
  }
  cache.set(flavour, result);
  return result;
}
