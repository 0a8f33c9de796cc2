// machine.I2C and machine.SoftI2C: scan, readfrom(_into), writeto, writevto, readfrom_mem(_into),
// writeto_mem, against the simulated bus (a BME280 sits on it, and the wired parts). An address
// nothing acknowledges is OSError ENODEV, as on RP2 and ESP32.

import type { BoardContext } from '../context';
import { PyList, arg, bytes, isNone, items, nativeClass, None, raise, raiseOSError, stateOf, toBool, toBuffer, toInt, type PyObj } from '../py';
import { pinArg, type makePinClass } from './pin';

const ENODEV = 19;

interface I2cState {
  bus: number;
  scl: number;
  sda: number;
  freq: number;
}

export function makeI2cClasses(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>) {
  const { hal, profile } = ctx;
  const write = (s: I2cState, addr: number, data: Uint8Array, stop: boolean) => {
    if (!hal.i2cWrite(s.bus, addr, data, stop)) raiseOSError(ENODEV);
  };
  const read = (s: I2cState, addr: number, n: number, stop: boolean): Uint8Array => {
    const r = hal.i2cRead(s.bus, addr, n, stop);
    if (!r) raiseOSError(ENODEV);
    return r;
  };
  const memAddr = (mem: number, addrsize: number): Uint8Array => {
    const n = Math.max(1, Math.ceil(addrsize / 8));
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (mem >> (8 * (n - 1 - i))) & 0xff;
    return out;
  };
  const common = (cls: () => ReturnType<typeof nativeClass>) => ({
    scan: (a: PyObj[]) => {
      const s = stateOf<I2cState>(a[0], cls());
      return new PyList(hal.i2cScan(s.bus));
    },
    // readfrom(addr, nbytes, stop=True)
    readfrom: (a: PyObj[], kw: Map<string, PyObj> | null) =>
      bytes(read(stateOf<I2cState>(a[0], cls()), toInt(a[1]), toInt(a[2]), toBool(arg(a, kw, 3, 'stop', true)))),
    // readfrom_into(addr, buf, stop=True)
    readfrom_into: (a: PyObj[], kw: Map<string, PyObj> | null) => {
      const buf = toBuffer(a[2]);
      buf.set(read(stateOf<I2cState>(a[0], cls()), toInt(a[1]), buf.length, toBool(arg(a, kw, 3, 'stop', true))));
      return None;
    },
    // writeto(addr, buf, stop=True) -> number of ACKs
    writeto: (a: PyObj[], kw: Map<string, PyObj> | null) => {
      const data = toBuffer(a[2]);
      write(stateOf<I2cState>(a[0], cls()), toInt(a[1]), data.slice(), toBool(arg(a, kw, 3, 'stop', true)));
      return data.length;
    },
    // writevto(addr, vector, stop=True)
    writevto: (a: PyObj[], kw: Map<string, PyObj> | null) => {
      const parts = items(a[2]).map(toBuffer);
      const total = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) {
        total.set(p, o);
        o += p.length;
      }
      write(stateOf<I2cState>(a[0], cls()), toInt(a[1]), total, toBool(arg(a, kw, 3, 'stop', true)));
      return total.length;
    },
    // readfrom_mem(addr, memaddr, nbytes, *, addrsize=8)
    readfrom_mem: (a: PyObj[], kw: Map<string, PyObj> | null) => {
      const s = stateOf<I2cState>(a[0], cls());
      write(s, toInt(a[1]), memAddr(toInt(a[2]), toInt(arg([], kw, 9, 'addrsize', 8))), false);
      return bytes(read(s, toInt(a[1]), toInt(a[3]), true));
    },
    // readfrom_mem_into(addr, memaddr, buf, *, addrsize=8)
    readfrom_mem_into: (a: PyObj[], kw: Map<string, PyObj> | null) => {
      const s = stateOf<I2cState>(a[0], cls());
      const buf = toBuffer(a[3]);
      write(s, toInt(a[1]), memAddr(toInt(a[2]), toInt(arg([], kw, 9, 'addrsize', 8))), false);
      buf.set(read(s, toInt(a[1]), buf.length, true));
      return None;
    },
    // writeto_mem(addr, memaddr, buf, *, addrsize=8)
    writeto_mem: (a: PyObj[], kw: Map<string, PyObj> | null) => {
      const s = stateOf<I2cState>(a[0], cls());
      const m = memAddr(toInt(a[2]), toInt(arg([], kw, 9, 'addrsize', 8)));
      const data = toBuffer(a[3]);
      const all = new Uint8Array(m.length + data.length);
      all.set(m);
      all.set(data, m.length);
      write(s, toInt(a[1]), all, true);
      return None;
    },
    deinit: () => None,
  });

  // I2C(id, *, scl, sda, freq=400000)
  const I2C: ReturnType<typeof nativeClass> = nativeClass('I2C', {
    module: 'machine',
    methods: {
      __init__: (a, kw) => {
        const id = toInt(arg(a, kw, 1, 'id', 0));
        const def = profile.i2cDefaults.find((d) => d.id === id) ?? (profile.i2cDefaults.length === 0 ? null : undefined);
        if (def === undefined || def === null) raise('ValueError', `I2C(${id}) doesn't exist`);
        const scl = arg([], kw, 9, 'scl', None);
        const sda = arg([], kw, 9, 'sda', None);
        a[0].state = {
          bus: id,
          scl: isNone(scl) ? def.scl : pinArg(ctx, Pin, scl),
          sda: isNone(sda) ? def.sda : pinArg(ctx, Pin, sda),
          freq: toInt(arg([], kw, 9, 'freq', 400_000)),
        } satisfies I2cState;
        return None;
      },
      ...common(() => I2C),
      __repr__: (a) => {
        const s = stateOf<I2cState>(a[0], I2C);
        return `I2C(${s.bus}, freq=${s.freq}, scl=${s.scl}, sda=${s.sda}, timeout=50000)`;
      },
    },
  });

  // SoftI2C(scl, sda, *, freq=400000, timeout=50000)
  const SoftI2C: ReturnType<typeof nativeClass> = nativeClass('SoftI2C', {
    module: 'machine',
    methods: {
      __init__: (a, kw) => {
        a[0].state = {
          bus: -1,
          scl: pinArg(ctx, Pin, arg(a, kw, 1, 'scl')),
          sda: pinArg(ctx, Pin, arg(a, kw, 2, 'sda')),
          freq: toInt(arg([], kw, 9, 'freq', 400_000)),
        } satisfies I2cState;
        return None;
      },
      ...common(() => SoftI2C),
      __repr__: (a) => {
        const s = stateOf<I2cState>(a[0], SoftI2C);
        return `SoftI2C(scl=${s.scl}, sda=${s.sda}, freq=${s.freq})`;
      },
    },
  });
  return { I2C, SoftI2C };
}
