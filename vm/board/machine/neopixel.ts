// neopixel.NeoPixel (MicroPython): a GRB(W) byte buffer with item access, fill() and write();
// write() shows the buffer on the simulated strip.

import type { BoardContext } from '../context';
import { arg, items, nativeClass, None, PyByteArray, raise, stateOf, toInt, tuple, type PyObj } from '../py';
import { pinArg, type makePinClass } from './pin';

interface NeoState {
  gpio: number;
  n: number;
  bpp: number;
  buf: PyByteArray;
}

// ORDER = (1, 0, 2, 3): pixel tuples are (R, G, B[, W]); the wire order is G, R, B, W.
const ORDER = [1, 0, 2, 3];

export function makeNeoPixelClass(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>, moduleName = 'neopixel') {
  const index = (s: NeoState, i: PyObj): number => {
    let k = toInt(i);
    if (k < 0) k += s.n;
    if (k < 0 || k >= s.n) raise('IndexError', 'bytearray index out of range');
    return k;
  };
  const setPixel = (s: NeoState, k: number, v: PyObj) => {
    const vals = items(v);
    for (let j = 0; j < s.bpp; j++) s.buf.b[k * s.bpp + ORDER[j]] = toInt(vals[j] ?? 0) & 0xff;
  };
  const NeoPixel = nativeClass('NeoPixel', {
    module: moduleName,
    methods: {
      // NeoPixel(pin, n, bpp=3, timing=1)
      __init__: (a, kw) => {
        const gpio = pinArg(ctx, Pin, a[1]);
        const n = toInt(a[2]);
        const bpp = toInt(arg(a, kw, 3, 'bpp', 3));
        const self = a[0];
        self.state = { gpio, n, bpp, buf: new PyByteArray(new Uint8Array(n * bpp)) } satisfies NeoState;
        self.$d.set('pin', a[1]);
        self.$d.set('n', n);
        self.$d.set('bpp', bpp);
        self.$d.set('buf', self.state.buf);
        self.$d.set('timing', arg(a, kw, 4, 'timing', 1));
        ctx.hal.pinConfigure(gpio, 'out', null);
        ctx.hal.neopixelBpp(gpio, bpp);
        return None;
      },
      __len__: (a) => stateOf<NeoState>(a[0], NeoPixel).n,
      __setitem__: (a) => {
        const s = stateOf<NeoState>(a[0], NeoPixel);
        setPixel(s, index(s, a[1]), a[2]);
        return None;
      },
      __getitem__: (a) => {
        const s = stateOf<NeoState>(a[0], NeoPixel);
        const k = index(s, a[1]);
        const out: number[] = [];
        for (let j = 0; j < s.bpp; j++) out.push(s.buf.b[k * s.bpp + ORDER[j]]);
        return tuple(out);
      },
      fill: (a) => {
        const s = stateOf<NeoState>(a[0], NeoPixel);
        for (let k = 0; k < s.n; k++) setPixel(s, k, a[1]);
        return None;
      },
      write: (a) => {
        const s = stateOf<NeoState>(a[0], NeoPixel);
        // as micropython-lib's: the buffer goes out through machine.bitstream
        ctx.hal.bitstream(s.gpio, s.buf.b.slice(0, s.n * s.bpp));
        return None;
      },
    },
    attrs: { ORDER: tuple(ORDER) },
  });
  return NeoPixel;
}
