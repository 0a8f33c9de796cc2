import { describe, expect, it } from 'vitest';
import { BoardHarness } from '../testing/board-harness';
import { pico } from '../profiles/pico';
import { esp32 } from '../profiles/esp32';
import { makeBoardVm } from '../../host/board-vm';

function raw(files: Record<string, string> = {}) {
  const h = new BoardHarness(pico, makeBoardVm, files);
  h.powerOn();
  h.feed('\r\x01');
  return h;
}

describe('machine on the pico profile', () => {
  it('drives Pin("LED") and publishes the LED state', () => {
    const h = raw();
    const [out, err] = h.exec('from machine import Pin\nled = Pin("LED", Pin.OUT)\nled.on()\nprint(led.value(), led)\nled.toggle()\nprint(led())');
    expect(err).toBe('');
    expect(out).toBe('1 Pin(GPIO25, mode=OUT)\r\n0\r\n');
    h.host.poll();
    const leds = h.host.states.filter((s) => s.kind === 'led');
    expect(leds.at(-1)).toEqual({ kind: 'led', pin: 'LED', on: false });
  });

  it('reads inputs with pulls and runs IRQ handlers as soft IRQs', () => {
    const h = raw();
    h.exec('from machine import Pin\npresses = []\nb = Pin(14, Pin.IN, Pin.PULL_UP)\nirq = b.irq(lambda p: presses.append(p.value()), Pin.IRQ_FALLING)');
    expect(h.exec('print(b.value(), b)')[0]).toBe('1 Pin(GPIO14, mode=IN, pull=PULL_UP)\r\n');
    h.board.applyInput({ kind: 'pin', pin: 'GP14', level: 0 });
    h.host.poll();
    h.board.applyInput({ kind: 'pin', pin: 'GP14', level: null });
    h.host.poll();
    expect(h.exec('print(presses, b.value(), irq.flags() == Pin.IRQ_RISING, irq.trigger() == Pin.IRQ_FALLING)')).toEqual(['[0] 1 False True\r\n', '']);
  });

  it('IRQs fire while a program runs (scheduled at poll points)', () => {
    const h = raw();
    let polls = 0;
    h.host.onPoll = () => {
      polls++;
      if (polls === 50) h.board.applyInput({ kind: 'pin', pin: 'GP15', level: 1 });
    };
    const [out, err] = h.exec(
      'from machine import Pin\nimport time\nhits = 0\ndef cb(p):\n    global hits\n    hits += 1\nPin(15, Pin.IN, Pin.PULL_DOWN).irq(cb, Pin.IRQ_RISING)\nn = 0\nwhile hits == 0 and n < 100000:\n    n += 1\nprint(hits)',
    );
    expect(err).toBe('');
    expect(out).toBe('1\r\n');
  });

  it('reads the ADC and the RP2040 temperature sensor', () => {
    const h = raw();
    h.board.applyInput({ kind: 'adc', pin: 'GP26', volts: 1.65 });
    h.board.applyInput({ kind: 'sensor', temperatureC: 22.5 });
    const [out, err] = h.exec(
      'from machine import ADC, Pin\na = ADC(Pin(26))\nprint(a.read_u16() >> 4)\nt = ADC(4)\nv = t.read_u16() * 3.3 / 65535\nprint(round(27 - (v - 0.706) / 0.001721))\nprint(ADC(0).read_u16() == a.read_u16())',
    );
    expect(err).toBe('');
    const lines = out.trim().split('\r\n');
    expect(Number(lines[0])).toBeCloseTo(2048, -1);
    expect(Number(lines[1])).toBe(27);
    expect(lines[2]).toBe('True');
  });

  it('sets PWM frequency and duty', () => {
    const h = raw();
    const [out, err] = h.exec('from machine import PWM, Pin\np = PWM(Pin(16), freq=1000, duty_u16=32768)\nprint(p.freq(), p.duty_u16())\np.duty_ns(250000)\nprint(p.duty_u16())');
    expect(err).toBe('');
    expect(out).toBe('1000 32768\r\n16384\r\n');
    h.host.poll();
    expect(h.host.states.filter((s) => s.kind === 'pwm').at(-1)).toMatchObject({ pin: 'GP16', freq: 1000 });
  });

  it('runs Timer callbacks, periodic and one-shot', () => {
    const h = raw();
    const [out, err] = h.exec(
      'from machine import Timer\nimport time\nticks = []\nt = Timer(period=100, mode=Timer.PERIODIC, callback=lambda t: ticks.append(1))\nonce = []\nTimer(period=50, mode=Timer.ONE_SHOT, callback=lambda t: once.append(1))\ntime.sleep_ms(1050)\nt.deinit()\nprint(len(ticks), len(once))',
    );
    expect(err).toBe('');
    expect(out).toBe('10 1\r\n');
  });

  it('talks to the BME280 over I2C and SoftI2C', () => {
    const h = raw();
    h.board.applyInput({ kind: 'sensor', temperatureC: 21.5, humidity: 40, pressureHpa: 1002 });
    const [out, err] = h.exec(
      'from machine import I2C, SoftI2C, Pin\ni2c = I2C(0)\nprint(i2c.scan(), hex(i2c.readfrom_mem(0x76, 0xD0, 1)[0]))\ns = SoftI2C(scl=Pin(1), sda=Pin(0))\nprint(s.scan())\ntry:\n    i2c.readfrom(0x50, 1)\nexcept OSError as e:\n    print(e)',
    );
    expect(err).toBe('');
    expect(out).toBe('[118] 0x60\r\n[118]\r\n[Errno 19] ENODEV\r\n');
  });

  it('loops UART bytes back', () => {
    const h = raw();
    const [out, err] = h.exec('from machine import UART\nu = UART(0, 9600)\nu.write(b"hi\\nthere")\nprint(u.any(), u.readline(), u.read())\nprint(u.read())');
    expect(err).toBe('');
    expect(out).toBe("8 b'hi\\n' b'there'\r\nNone\r\n");
  });

  it('unique_id, freq, soft_reset, bootloader', () => {
    const h = raw();
    expect(h.exec('import machine\nprint(len(machine.unique_id()), machine.freq())')).toEqual(['8 125000000\r\n', '']);
    const [, err] = h.exec('machine.bootloader()');
    expect(err).toContain('NotImplementedError: a simulated board has no bootloader');
    expect(h.feed('machine.soft_reset()\x04')).toBe('OK\x04\x04MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>');
  });

  it('neopixel.NeoPixel writes GRB data to the strip', () => {
    const h = raw();
    const [out, err] = h.exec('import neopixel, machine\nnp = neopixel.NeoPixel(machine.Pin(2), 3)\nnp[0] = (255, 0, 0)\nnp[2] = (1, 2, 3)\nnp.write()\nprint(np[0], np[2], len(np), np.buf[:3])');
    expect(err).toBe('');
    expect(out).toBe("(255, 0, 0) (1, 2, 3) 3 bytearray(b'\\x00\\xff\\x00')\r\n");
    h.host.poll();
    expect(h.host.states.find((s) => s.kind === 'neopixel')).toEqual({ kind: 'neopixel', pin: 'GP2', colors: [[255, 0, 0], [0, 0, 0], [1, 2, 3]] });
  });

  it('Python classes can subclass Pin', () => {
    const h = raw();
    const [out, err] = h.exec('from machine import Pin\nclass Led(Pin):\n    def blink(self):\n        self.toggle()\n        return self.value()\nl = Led(3, Pin.OUT)\nprint(l.blink(), l.blink())');
    expect(err).toBe('');
    expect(out).toBe('1 0\r\n');
  });

  it('RTC, Signal and WDT', () => {
    const h = raw();
    const [out, err] = h.exec(
      'from machine import RTC, Signal, Pin, WDT\nr = RTC()\nr.datetime((2024, 5, 17, 4, 13, 45, 30, 0))\nd = r.datetime()\nprint(d[:3], d[4:6])\ns = Signal(Pin(5, Pin.OUT), invert=True)\ns.on()\nprint(Pin(5).value(), s.value())\nWDT(timeout=2000).feed()',
    );
    expect(err).toBe('');
    expect(out).toBe('(2024, 5, 17) (13, 45)\r\n0 1\r\n');
  });

  it('SPI with nothing attached reads 0xFF', () => {
    const h = raw();
    const [out, err] = h.exec('from machine import SPI, Pin\ns = SPI(0, baudrate=1000000, sck=Pin(18), mosi=Pin(19), miso=Pin(16))\ns.write(b"abc")\nb = bytearray(2)\ns.write_readinto(b"xy", b)\nprint(s.read(2), b, s)');
    expect(err).toBe('');
    expect(out).toBe("b'\\xff\\xff' bytearray(b'\\xff\\xff') SPI(0, baudrate=1000000, polarity=0, phase=0, bits=8)\r\n");
  });

  it('rejects unknown pins as a Pico does', () => {
    const h = raw();
    expect(h.exec('from machine import Pin\nPin(99)')[1]).toContain('ValueError: invalid pin');
  });

  it('esp32 uses its own constants and has no LED pin', () => {
    const h = new BoardHarness(esp32, makeBoardVm);
    expect(h.powerOn()).toContain('Generic ESP32 module (simulated) with ESP32');
    h.feed('\r\x01');
    expect(h.exec('from machine import Pin\nprint(Pin.OUT, Pin.IRQ_RISING)')[0]).toBe('3 1\r\n');
    expect(h.exec('Pin("LED")')[1]).toContain('ValueError');
  });
});
