// The "done when" programs: blink the LED, count button presses with an IRQ, read a
// potentiometer on the ADC and a BME280 over I2C (with an ordinary register-level driver), and
// print tuples for the plotter; on the pico profile, and the CircuitPython equivalent.

import { describe, expect, it } from 'vitest';
import { BoardHarness } from './testing/board-harness';
import { pico } from './profiles/pico';
import { circuitpythonRp2040 } from './profiles/circuitpython-rp2040';
import { makeBoardVm } from '../host/board-vm';
import { FolderFs } from '../host/folder-fs';
import * as fs from 'node:fs';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function folder(quota = 1024 * 1024): FolderFs {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-done-'));
  fs.mkdirSync(path.join(dir, 'lib'));
  return new FolderFs(dir, quota);
}

const BME280_DRIVER = readFileSync(path.join(__dirname, '../../resources/examples/kit/bme280-weather/lib/bme280.py'), 'utf8');

const PICO_PROGRAM = `
from machine import Pin, ADC, I2C
import time
from bme280 import BME280

led = Pin("LED", Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)
presses = 0

def on_press(pin):
    global presses
    presses += 1

button.irq(trigger=Pin.IRQ_FALLING, handler=on_press)
pot = ADC(Pin(26))
bme = BME280(I2C(0, scl=Pin(9), sda=Pin(8), freq=400000))

for i in range(6):
    led.toggle()
    t, p, h = bme.read()
    print((i, led.value(), presses, pot.read_u16() * 100 // 65535, round(t, 1), round(p), round(h)))
    time.sleep(0.5)
`;

describe('done-when programs', () => {
  it('pico: LED, button IRQ, ADC and BME280, printed as tuples', () => {
    const h = new BoardHarness(pico, makeBoardVm, { 'lib/bme280.py': BME280_DRIVER, 'main.py': PICO_PROGRAM }, folder());
    h.board.applyInput({ kind: 'adc', pin: 'GP26', volts: 3.3 / 4 });
    h.board.applyInput({ kind: 'sensor', temperatureC: 23.4, pressureHpa: 1008.2, humidity: 55 });
    // the user presses the button twice during the third half-second, and turns the pot
    h.host.onPoll = () => {
      const t = h.host.clock;
      if (t > 1100 && t < 1150) h.board.applyInput({ kind: 'pin', pin: 'GP14', level: 0 });
      if (t > 1150 && t < 1200) h.board.applyInput({ kind: 'pin', pin: 'GP14', level: null });
      if (t > 1200 && t < 1250) h.board.applyInput({ kind: 'pin', pin: 'GP14', level: 0 });
      if (t > 1250 && t < 1300) h.board.applyInput({ kind: 'pin', pin: 'GP14', level: null });
      if (t > 2300) h.board.applyInput({ kind: 'adc', pin: 'GP26', volts: 3.3 });
    };
    const out = h.powerOn();
    const lines = out.split('\r\n').filter((l) => l.startsWith('('));
    expect(lines).toEqual([
      '(0, 1, 0, 25, 23.4, 1008, 55)',
      '(1, 0, 0, 25, 23.4, 1008, 55)',
      '(2, 1, 0, 25, 23.4, 1008, 55)',
      '(3, 0, 2, 25, 23.4, 1008, 55)',
      '(4, 1, 2, 25, 23.4, 1008, 55)',
      '(5, 0, 2, 100, 23.4, 1008, 55)',
    ]);
    expect(out.endsWith('Type "help()" for more information.\r\n>>> ')).toBe(true);
    const led = h.host.states.filter((s) => s.kind === 'led');
    expect(led.length).toBeGreaterThanOrEqual(2);
    expect(led.at(-1)).toEqual({ kind: 'led', pin: 'LED', on: false });
  });

  it('circuitpython-rp2040: the same idea with board, digitalio, analogio, busio and neopixel', () => {
    const code = `
import board, digitalio, analogio, busio, neopixel, time, microcontroller

led = digitalio.DigitalInOut(board.LED)
led.direction = digitalio.Direction.OUTPUT
button = digitalio.DigitalInOut(board.D5)
button.switch_to_input(pull=digitalio.Pull.UP)
pot = analogio.AnalogIn(board.A0)
pixel = neopixel.NeoPixel(board.NEOPIXEL, 1, brightness=0.5)

i2c = board.I2C()
while not i2c.try_lock():
    pass
found = i2c.scan()
chip = bytearray(1)
i2c.writeto_then_readfrom(0x77, bytes([0xD0]), chip)
i2c.unlock()
print("i2c:", [hex(a) for a in found], hex(chip[0]))

start = time.monotonic()
for i in range(4):
    led.value = not led.value
    pixel[0] = (255, 0, 0) if led.value else (0, 0, 255)
    print((i, int(led.value), int(button.value), pot.value * 100 // 65535, round(microcontroller.cpu.temperature)))
    time.sleep(0.5)
print("elapsed", round(time.monotonic() - start, 1))
`;
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'code.py': code }, folder(7 * 1024 * 1024));
    h.board.applyInput({ kind: 'adc', pin: 'A0', volts: 1.65 });
    h.board.applyInput({ kind: 'sensor', temperatureC: 20.7 });
    h.host.onPoll = () => {
      if (h.host.clock > 1100) h.board.applyInput({ kind: 'pin', pin: 'D5', level: 0 });
    };
    const out = h.powerOn();
    expect(out).toContain('code.py output:\r\ni2c: [\'0x77\'] 0x60\r\n');
    const lines = out.split('\r\n').filter((l) => l.startsWith('('));
    expect(lines).toEqual(['(0, 1, 1, 50, 25)', '(1, 0, 1, 50, 25)', '(2, 1, 1, 50, 25)', '(3, 0, 0, 50, 25)']);
    expect(out).toContain('elapsed 2.0\r\n');
    expect(out).toContain('Code done running.');
    const px = h.host.states.filter((s) => s.kind === 'neopixel');
    expect(px.at(-1)).toEqual({ kind: 'neopixel', pin: 'NEOPIXEL', colors: [[0, 0, 128]] });
  });

  it('circuitpython-rp2040: an Adafruit-style driver on the frozen adafruit_bus_device', () => {
    const code = `
import board, struct
from adafruit_bus_device.i2c_device import I2CDevice

class BME280:
    def __init__(self, i2c, address=0x77):
        self.dev = I2CDevice(i2c, address)
        self.buf = bytearray(26)
        if self._read(0xD0, 1)[0] != 0x60:
            raise RuntimeError("Failed to find BME280!")
        self.T1, self.T2, self.T3 = struct.unpack("<Hhh", self._read(0x88, 6))
        self._write(0xF4, 0x27)

    def _read(self, reg, n):
        out = bytearray(n)
        with self.dev as d:
            d.write_then_readinto(bytes([reg]), out)
        return out

    def _write(self, reg, value):
        with self.dev as d:
            d.write(bytes([reg, value]))

    @property
    def temperature(self):
        d = self._read(0xFA, 3)
        raw = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
        v1 = (raw / 16384 - self.T1 / 1024) * self.T2
        v2 = (raw / 131072 - self.T1 / 8192) ** 2 * self.T3
        return (v1 + v2) / 5120

sensor = BME280(board.I2C())
print("temperature:", round(sensor.temperature, 1))
try:
    I2CDevice(board.I2C(), 0x40)
except ValueError as e:
    print(e)
import os
print('.frozen' in os.listdir('/'))
`;
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'code.py': code }, folder(7 * 1024 * 1024));
    h.board.applyInput({ kind: 'sensor', temperatureC: 18.3 });
    const out = h.powerOn();
    expect(out).toContain('code.py output:\r\ntemperature: 18.3\r\nNo I2C device at address: 0x40\r\nFalse\r\n');
  });
});
