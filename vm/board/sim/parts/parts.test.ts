// The parts as tutorial programs use them, including what goes wrong on a real board: reading
// a DHT22 too often, a sensor that is not wired, an I2C address with nothing on it.
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoardHarness } from '../../testing/board-harness';
import { pico } from '../../profiles/pico';
import { circuitpythonRp2040 } from '../../profiles/circuitpython-rp2040';
import { esp32 } from '../../profiles/esp32';
import { makeBoardVm } from '../../../host/board-vm';
import { FolderFs } from '../../../host/folder-fs';
import type { PartSpec } from './part';
import { crc8 } from './crc8';

function board(parts: PartSpec[], files: Record<string, string> = {}, profile = pico): BoardHarness {
  const dir = mkdtempSync(join(tmpdir(), 'mote-parts-'));
  mkdirSync(join(dir, 'lib'));
  const h = new BoardHarness(profile, makeBoardVm, files, new FolderFs(dir, 1024 * 1024));
  h.board.applyInput({ kind: 'wiring', parts });
  h.powerOn();
  // CircuitPython waits at "Press any key to enter the REPL" after code.py
  if (profile.flavour === 'circuitpython') h.feed('\r');
  h.feed('\x01');
  return h;
}

describe('simulated parts', () => {
  it('I2C: an address with nothing wired is ENODEV; a wired OLED answers the scan', () => {
    const h = board([{ id: 'oled', type: 'ssd1306', address: 0x3c }]);
    const [out, err] = h.exec('from machine import I2C\ni2c = I2C(0)\nprint(i2c.scan())\ntry:\n    i2c.writeto(0x3d, b"\\x00")\nexcept OSError as e:\n    print(e.errno, e)');
    expect(err).toBe('');
    expect(out).toBe('[60, 118]\r\n19 [Errno 19] ENODEV\r\n');
  });

  it('DHT22: a read within 2 s of the last one times out, as the sensor does not answer', () => {
    const h = board([{ id: 'd', type: 'dht22', pin: 'GP15' }]);
    h.board.applyInput({ kind: 'part', id: 'd', name: 'temperatureC', value: 24.6 });
    const [out, err] = h.exec(
      'import dht, time\nfrom machine import Pin\ns = dht.DHT22(Pin(15))\ns.measure()\nprint(s.temperature(), s.humidity())\ntry:\n    s.measure()\nexcept OSError as e:\n    print(e)\ntime.sleep(2)\ns.measure()\nprint("again", s.temperature())',
    );
    expect(err).toBe('');
    expect(out).toBe('24.6 50.0\r\n[Errno 110] ETIMEDOUT\r\nagain 24.6\r\n');
  });

  it('DHT11 on a pin with nothing wired times out; DHT11 gives whole numbers', () => {
    const h = board([{ id: 'd', type: 'dht11', pin: 'GP16' }]);
    const [out] = h.exec('import dht\nfrom machine import Pin\ntry:\n    dht.DHT11(Pin(15)).measure()\nexcept OSError as e:\n    print(e)\ns = dht.DHT11(Pin(16))\ns.measure()\nprint(s.temperature(), s.humidity())');
    expect(out).toBe('[Errno 110] ETIMEDOUT\r\n22 50\r\n');
  });

  it('DHT22 on the ESP32 profile: dht.py finds dht_readinto in the esp module', () => {
    const h = board([{ id: 'd', type: 'dht22', pin: 'GPIO4' }], {}, esp32);
    expect(h.exec('import dht, machine\ns = dht.DHT22(machine.Pin(4))\ns.measure()\nprint(s.humidity())')).toEqual(['50.0\r\n', '']);
  });

  it('DS18B20: two sensors on one 1-Wire pin are found by scan() and read separately', () => {
    const h = board([
      { id: 'a', type: 'ds18b20', pin: 'GP22' },
      { id: 'b', type: 'ds18b20', pin: 'GP22' },
    ]);
    h.board.applyInput({ kind: 'part', id: 'a', name: 'temperatureC', value: 19.25 });
    h.board.applyInput({ kind: 'part', id: 'b', name: 'temperatureC', value: -10.5 });
    const [out, err] = h.exec(
      'import onewire, ds18x20, time\nfrom machine import Pin\nds = ds18x20.DS18X20(onewire.OneWire(Pin(22)))\nroms = ds.scan()\nprint(len(roms), [hex(r[0]) for r in roms])\nprint(ds.read_temp(roms[0]))\nds.convert_temp()\ntime.sleep_ms(750)\nprint(sorted(ds.read_temp(r) for r in roms))',
    );
    expect(err).toBe('');
    // before the first conversion a DS18B20 reads its power-on 85 °C
    expect(out).toBe("2 ['0x28', '0x28']\r\n85.0\r\n[-10.5, 19.25]\r\n");
  });

  it('1-Wire with nothing wired: no presence pulse, so reset(True) raises OneWireError', () => {
    const h = board([]);
    const [out] = h.exec('import onewire\nfrom machine import Pin\now = onewire.OneWire(Pin(22))\nprint(ow.reset(), ow.scan())\ntry:\n    ow.reset(True)\nexcept onewire.OneWireError:\n    print("no device")');
    expect(out).toBe('False []\r\nno device\r\n');
  });

  it('onewire.crc8 is the Dallas CRC (a ROM code with its CRC checks to 0)', () => {
    const rom = [0x28, 0xff, 0x64, 0x1e, 0x0f, 0x00, 0x00];
    expect(crc8(Uint8Array.from([...rom, crc8(Uint8Array.from(rom))]))).toBe(0);
    const h = board([]);
    expect(h.exec('import _onewire\nprint(_onewire.crc8(b"123456789"))')[0]).toBe('161\r\n');
  });

  it('time_pulse_us with no sensor returns -2; an echo longer than the timeout returns -1', () => {
    const h = board([{ id: 's', type: 'hcsr04', pin: 'GP2', trig: 'GP3' }]);
    h.board.applyInput({ kind: 'part', id: 's', name: 'distanceCm', value: 300 });
    const [out] = h.exec(
      'from machine import Pin, time_pulse_us\nt = Pin(3, Pin.OUT)\ne = Pin(2, Pin.IN)\nprint(time_pulse_us(e, 1, 1000))\nt(1); t(0)\nprint(time_pulse_us(e, 1, 1000))\nt(1); t(0)\nprint(time_pulse_us(e, 1))\nprint(time_pulse_us(Pin(4, Pin.IN), 1, 500))',
    );
    // 300 cm: 17493 µs
    expect(out).toBe('-2\r\n-1\r\n17493\r\n-2\r\n');
  });

  it('LCD1602 behind a PCF8574 shows text written in 4-bit mode', () => {
    const h = board([{ id: 'lcd', type: 'lcd1602', address: 0x27 }]);
    const [, err] = h.exec(`
from machine import I2C
i2c = I2C(0)
def nib(n, rs):
    b = (n << 4) | 0x08 | rs
    i2c.writeto(0x27, bytes([b | 0x04]))
    i2c.writeto(0x27, bytes([b]))
def byte(v, rs=0):
    nib(v >> 4, rs)
    nib(v & 15, rs)
for n in (3, 3, 3, 2):
    nib(n, 0)
for c in (0x28, 0x0C, 0x01, 0x06):
    byte(c)
for ch in "Hello":
    byte(ord(ch), 1)
byte(0xC0)
for ch in "row 2":
    byte(ord(ch), 1)
`);
    expect(err).toBe('');
    h.host.poll();
    const lcd = h.board.hal.wiredParts()[0].state();
    expect(lcd).toEqual({ on: true, backlight: true, line1: 'Hello           ', line2: 'row 2           ' });
  });

  it('slide switch and LDR drive their pins from the panel', () => {
    const h = board([
      { id: 'sw', type: 'slide-switch', pin: 'GP10' },
      { id: 'ldr', type: 'ldr', pin: 'GP27' },
    ]);
    const prog = 'from machine import Pin, ADC\nprint(Pin(10, Pin.IN, Pin.PULL_UP).value(), ADC(27).read_u16() > 30000)';
    expect(h.exec(prog)[0]).toBe('0 True\r\n');
    h.board.applyInput({ kind: 'part', id: 'sw', name: 'on', value: 1 });
    h.board.applyInput({ kind: 'part', id: 'ldr', name: 'lux', value: 1 });
    expect(h.exec(prog)[0]).toBe('1 False\r\n');
  });

  it('micropython-lib neopixel semantics: bpp=4 frames through machine.bitstream', () => {
    const h = board([]);
    const [out, err] = h.exec('import neopixel, machine\nnp = neopixel.NeoPixel(machine.Pin(5), 2, bpp=4)\nnp[1] = (1, 2, 3, 4)\nnp.write()\nprint(np[1], np.timing)\nmachine.bitstream(machine.Pin(6), 0, (400, 850, 800, 450), b"\\x10\\x20\\x30")');
    expect(err).toBe('');
    expect(out).toBe('(1, 2, 3, 4) 1\r\n');
    h.host.poll();
    const strips = h.host.states.filter((s) => s.kind === 'neopixel');
    expect(strips).toEqual([
      { kind: 'neopixel', pin: 'GP5', colors: [[0, 0, 0], [5, 6, 7]] },
      { kind: 'neopixel', pin: 'GP6', colors: [[32, 16, 48]] },
    ]);
  });

  it('a neopixel.py in lib/ is imported instead of the built-in one (CircuitPython and MicroPython)', () => {
    const lib = { 'lib/neopixel.py': 'WHO = "lib"\n' };
    expect(board([], lib, circuitpythonRp2040).exec('import neopixel\nprint(neopixel.WHO)')[0]).toBe('lib\r\n');
    expect(board([], lib).exec('import neopixel\nprint(neopixel.WHO)')[0]).toBe('lib\r\n');
    expect(board([]).exec('import neopixel\nprint(hasattr(neopixel, "NeoPixel"))')[0]).toBe('True\r\n');
  });

  it('CircuitPython: a bundle-style lib/neopixel.py on adafruit_pixelbuf works, with slices, byteorder and brightness', () => {
    const lib = {
      'lib/neopixel.py': `import adafruit_pixelbuf
import digitalio
from neopixel_write import neopixel_write
GRB = "GRB"

class NeoPixel(adafruit_pixelbuf.PixelBuf):
    def __init__(self, pin, n, *, bpp=3, brightness=1.0, auto_write=True, pixel_order=None):
        super().__init__(n, brightness=brightness, byteorder=pixel_order or GRB, auto_write=auto_write)
        self.pin = digitalio.DigitalInOut(pin)
        self.pin.direction = digitalio.Direction.OUTPUT

    def _transmit(self, buffer):
        neopixel_write(self.pin, buffer)
`,
    };
    const h = board([], lib, circuitpythonRp2040);
    const [out, err] = h.exec(
      'import board, neopixel\np = neopixel.NeoPixel(board.D5, 4, brightness=0.5, auto_write=False)\np[1:3] = [(200, 100, 0), 0x0000FF]\np.show()\nprint(p[0:3], p.byteorder, len(p))\ntry:\n    p[0] = (1, 2)\nexcept ValueError as e:\n    print(e)',
    );
    expect(err).toBe('');
    expect(out).toBe("[(0, 0, 0), (200, 100, 0), (0, 0, 255)] GRB 4\r\nExpected tuple of length 3, got 2\r\n");
    h.host.poll();
    expect(h.host.states.filter((s) => s.kind === 'neopixel').at(-1)).toEqual({ kind: 'neopixel', pin: 'D5', colors: [[0, 0, 0], [100, 50, 0], [0, 0, 128], [0, 0, 0]] });
  });

  it('CircuitPython: neopixel_write sends raw GRB bytes; rainbowio.colorwheel', () => {
    const h = board([], {}, circuitpythonRp2040);
    const [out, err] = h.exec('import board, digitalio, neopixel_write, rainbowio\np = digitalio.DigitalInOut(board.D5)\np.direction = digitalio.Direction.OUTPUT\nneopixel_write.neopixel_write(p, bytearray([1, 2, 3]))\nprint([hex(rainbowio.colorwheel(x)) for x in (0, 85, 170, 255, 300)])');
    expect(err).toBe('');
    expect(out).toBe("['0xff0000', '0xff00', '0xff', '0xff0000', '0x7b8400']\r\n");
    h.host.poll();
    expect(h.host.states.filter((s) => s.kind === 'neopixel')).toEqual([{ kind: 'neopixel', pin: 'D5', colors: [[2, 1, 3]] }]);
  });
});
