// CircuitPython's neopixel library as the bundle's neopixel.py behaves: (r, g, b) tuples or
// 0xRRGGBB ints, brightness scaling, auto_write, show(), fill(), pixel_order.

import type { BoardContext } from '../context';
import { arg, float, isNone, items, module, nativeClass, None, raise, stateOf, toBool, toFloat, toInt, tuple, type PyObj } from '../py';
import { mcuPinArg } from './microcontroller';
import type { nativeClass as NC } from '../py';

interface PixState {
  gpio: number;
  n: number;
  order: string;
  brightness: number;
  autoWrite: boolean;
  pixels: number[][];
}

export function makeNeopixel(ctx: BoardContext, Pin: ReturnType<typeof NC>) {
  const { hal } = ctx;
  const show = (s: PixState) => {
    const bpp = s.order.length;
    const data = new Uint8Array(s.n * bpp);
    s.pixels.forEach((px, i) => {
      for (let j = 0; j < bpp; j++) {
        const c = 'RGBW'.indexOf(s.order[j]);
        data[i * bpp + j] = Math.round((px[c] ?? 0) * s.brightness);
      }
    });
    hal.neopixelWrite(s.gpio, data, bpp, s.order);
  };
  const parse = (s: PixState, v: PyObj): number[] => {
    if (typeof v === 'number') return [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, 0];
    const t = items(v).map(toInt);
    if (t.length !== s.order.length) raise('ValueError', `Expected tuple of length ${s.order.length}, got ${t.length}`);
    return [t[0], t[1], t[2], t[3] ?? 0];
  };
  const index = (s: PixState, i: PyObj) => {
    let k = toInt(i);
    if (k < 0) k += s.n;
    if (k < 0 || k >= s.n) raise('IndexError', 'index out of range');
    return k;
  };
  const NeoPixel = nativeClass('NeoPixel', {
    module: 'neopixel',
    methods: {
      // NeoPixel(pin, n, *, bpp=3, brightness=1.0, auto_write=True, pixel_order=None)
      __init__: (a, kw) => {
        const gpio = mcuPinArg(Pin, a[1]);
        const n = toInt(a[2]);
        const bpp = toInt(arg([], kw, 9, 'bpp', 3));
        const orderArg = arg([], kw, 9, 'pixel_order', None);
        const order = isNone(orderArg) ? (bpp === 4 ? 'GRBW' : 'GRB') : String(orderArg);
        a[0].state = {
          gpio,
          n,
          order,
          brightness: Math.max(0, Math.min(1, toFloat(arg([], kw, 9, 'brightness', float(1))))),
          autoWrite: toBool(arg([], kw, 9, 'auto_write', true)),
          pixels: Array.from({ length: n }, () => [0, 0, 0, 0]),
        } satisfies PixState;
        hal.pinConfigure(gpio, 'out', null);
        return None;
      },
      __len__: (a) => stateOf<PixState>(a[0], NeoPixel).n,
      __setitem__: (a) => {
        const s = stateOf<PixState>(a[0], NeoPixel);
        s.pixels[index(s, a[1])] = parse(s, a[2]);
        if (s.autoWrite) show(s);
        return None;
      },
      __getitem__: (a) => {
        const s = stateOf<PixState>(a[0], NeoPixel);
        const px = s.pixels[index(s, a[1])];
        return tuple(px.slice(0, s.order.length));
      },
      fill: (a) => {
        const s = stateOf<PixState>(a[0], NeoPixel);
        const v = parse(s, a[1]);
        s.pixels = s.pixels.map(() => v.slice());
        if (s.autoWrite) show(s);
        return None;
      },
      show: (a) => (show(stateOf<PixState>(a[0], NeoPixel)), None),
      write: (a) => (show(stateOf<PixState>(a[0], NeoPixel)), None),
      deinit: (a) => {
        const s = stateOf<PixState>(a[0], NeoPixel);
        s.pixels = s.pixels.map(() => [0, 0, 0, 0]);
        show(s);
        return None;
      },
      __enter__: (a) => a[0],
      __exit__: () => None,
      __repr__: (a) => `[${stateOf<PixState>(a[0], NeoPixel).pixels.map((p) => `(${p.slice(0, 3).join(', ')})`).join(', ')}]`,
    },
    props: {
      brightness: {
        get: (self) => float(stateOf<PixState>(self, NeoPixel).brightness),
        set: (self, v) => {
          const s = stateOf<PixState>(self, NeoPixel);
          s.brightness = Math.max(0, Math.min(1, toFloat(v)));
          if (s.autoWrite) show(s);
        },
      },
      auto_write: {
        get: (self) => stateOf<PixState>(self, NeoPixel).autoWrite,
        set: (self, v) => void (stateOf<PixState>(self, NeoPixel).autoWrite = toBool(v)),
      },
      n: { get: (self) => stateOf<PixState>(self, NeoPixel).n },
      bpp: { get: (self) => stateOf<PixState>(self, NeoPixel).order.length },
    },
  });
  return module('neopixel', { NeoPixel, RGB: 'RGB', GRB: 'GRB', RGBW: 'RGBW', GRBW: 'GRBW' });
}
