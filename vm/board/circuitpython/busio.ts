// CircuitPython busio.I2C (try_lock/unlock, scan, readfrom_into, writeto,
// writeto_then_readfrom) on the simulated bus, and busio.UART as a loopback.

import type { BoardContext } from '../context';
import { arg, bytes, isNone, module, nativeClass, None, PyList, raise, raiseOSError, stateOf, toBuffer, toInt, type PyObj } from '../py';
import { mcuPinArg } from './microcontroller';
import type { nativeClass as NC } from '../py';

interface I2cState {
  scl: number;
  sda: number;
  locked: boolean;
  deinited: boolean;
}

const EIO = 5;
const ENODEV = 19;

export function makeBusio(ctx: BoardContext, Pin: ReturnType<typeof NC>) {
  const { hal } = ctx;
  const st = (self: PyObj) => {
    const s = stateOf<I2cState>(self, I2C);
    if (s.deinited) raise('ValueError', 'Object has been deinitialized and can no longer be used. Create a new object.');
    return s;
  };
  const locked = (self: PyObj) => {
    const s = st(self);
    if (!s.locked) raise('RuntimeError', 'Function requires lock');
    return s;
  };
  const slice = (buf: Uint8Array, a: PyObj[], kw: Map<string, PyObj> | null, si: number, startName: string, endName: string) => {
    const start = toInt(arg(a, kw, si, startName, 0));
    const endArg = arg(a, kw, si + 1, endName, None);
    const end = isNone(endArg) ? buf.length : toInt(endArg);
    return buf.subarray(start, end);
  };
  const bus = 1;
  const I2C = nativeClass('I2C', {
    module: 'busio',
    methods: {
      // I2C(scl, sda, *, frequency=100000, timeout=255)
      __init__: (a, kw) => {
        const scl = mcuPinArg(Pin, arg(a, kw, 1, 'scl'));
        const sda = mcuPinArg(Pin, arg(a, kw, 2, 'sda'));
        a[0].state = { scl, sda, locked: false, deinited: false } satisfies I2cState;
        return None;
      },
      try_lock: (a) => {
        const s = st(a[0]);
        if (s.locked) return false;
        s.locked = true;
        return true;
      },
      unlock: (a) => ((st(a[0]).locked = false), None),
      scan: (a) => (locked(a[0]), new PyList(hal.i2cScan(bus))),
      // readfrom_into(address, buffer, *, start=0, end=None)
      readfrom_into: (a, kw) => {
        locked(a[0]);
        const out = slice(toBuffer(a[2]), a, kw, 3, 'start', 'end');
        const r = hal.i2cRead(bus, toInt(a[1]), out.length, true);
        if (!r) raiseOSError(ENODEV);
        out.set(r);
        return None;
      },
      // writeto(address, buffer, *, start=0, end=None)
      writeto: (a, kw) => {
        locked(a[0]);
        const data = slice(toBuffer(a[2]), a, kw, 3, 'start', 'end');
        if (!hal.i2cWrite(bus, toInt(a[1]), data.slice(), true)) raiseOSError(ENODEV);
        return None;
      },
      // writeto_then_readfrom(address, buffer_out, buffer_in, *, out_start, out_end, in_start, in_end)
      writeto_then_readfrom: (a, kw) => {
        locked(a[0]);
        const addr = toInt(a[1]);
        const out = slice(toBuffer(a[2]), [], kw, 0, 'out_start', 'out_end');
        const inp = slice(toBuffer(a[3]), [], kw, 0, 'in_start', 'in_end');
        if (!hal.i2cWrite(bus, addr, out.slice(), false)) raiseOSError(ENODEV);
        const r = hal.i2cRead(bus, addr, inp.length, true);
        if (!r) raiseOSError(EIO);
        inp.set(r);
        return None;
      },
      deinit: (a) => ((stateOf<I2cState>(a[0], I2C).deinited = true), None),
      __enter__: (a) => a[0],
      __exit__: (a) => ((stateOf<I2cState>(a[0], I2C).deinited = true), None),
    },
  });
  const UART = nativeClass('UART', {
    module: 'busio',
    methods: {
      __init__: (a) => ((a[0].state = { id: 0 }), None),
      write: (a) => hal.uartWrite(0, toBuffer(a[1])),
      read: (a) => {
        const n = a.length > 1 && !isNone(a[1]) ? toInt(a[1]) : hal.uartAny(0);
        const got = hal.uartRead(0, n);
        return got.length ? bytes(got) : None;
      },
      deinit: () => None,
    },
    props: { in_waiting: { get: () => hal.uartAny(0) } },
  });
  // SPI(clock, MOSI=None, MISO=None): nothing attached, so reads see MISO idle high (0xFF)
  const SPI = nativeClass('SPI', {
    module: 'busio',
    methods: {
      __init__: (a, kw) => {
        mcuPinArg(Pin, arg(a, kw, 1, 'clock'));
        a[0].state = { locked: false, frequency: 250000 };
        return None;
      },
      try_lock: (a) => {
        const s = stateOf<{ locked: boolean }>(a[0], SPI);
        if (s.locked) return false;
        s.locked = true;
        return true;
      },
      unlock: (a) => ((stateOf<{ locked: boolean }>(a[0], SPI).locked = false), None),
      configure: (a, kw) => {
        const s = stateOf<{ locked: boolean; frequency: number }>(a[0], SPI);
        if (!s.locked) raise('RuntimeError', 'Function requires lock');
        s.frequency = toInt(arg([], kw, 9, 'baudrate', 100000));
        return None;
      },
      write: (a) => (toBuffer(a[1]), None),
      readinto: (a, kw) => (slice(toBuffer(a[1]), a, kw, 2, 'start', 'end').fill(0xff), None),
      write_readinto: (a, kw) => (slice(toBuffer(a[2]), [], kw, 0, 'in_start', 'in_end').fill(0xff), None),
      deinit: () => None,
      __enter__: (a) => a[0],
      __exit__: () => None,
    },
    props: { frequency: { get: (self) => stateOf<{ frequency: number }>(self, SPI).frequency } },
  });
  return { busio: module('busio', { I2C, SPI, UART }), I2C };
}
