// adafruit_pixelbuf (CircuitPython, built in): PixelBuf, the pixel buffer the bundle's
// neopixel.py and adafruit_dotstar.py subclass. Colours as 0xRRGGBB or tuples, slices,
// brightness applied on output, auto_write, any byteorder ("GRB", "GRBW", "BGR"...), and
// show() handing the bytes (with header/trailer) to the subclass's _transmit().

import { PySlice, sliceIndices } from '../../objects/slice';
import { callObj, ga, toArray } from '../../runtime/ops';
import { arg, bytes, float, isNone, module, nativeClass, None, PyList, raise, stateOf, toBool, toBuffer, toFloat, toInt, tuple, type PyObj } from '../py';

interface PixState {
  n: number;
  order: string;
  brightness: number;
  autoWrite: boolean;
  /** r, g, b, w per pixel, before brightness. */
  pixels: number[][];
  header: Uint8Array;
  trailer: Uint8Array;
}

/** A colour as PixelBuf takes it; an int on an RGBW strip with r == g == b lights the white LED. */
function parseColour(s: PixState, v: PyObj): number[] {
  const hasW = s.order.includes('W');
  if (typeof v === 'number') {
    const r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
    return hasW && r === g && g === b ? [0, 0, 0, r] : [r, g, b, 0];
  }
  const t = toArray(v).map((x) => toInt(x));
  if (t.length !== 3 && t.length !== 4) raise('ValueError', `Expected tuple of length ${s.order.length}, got ${t.length}`);
  if (t.length === 4 && !hasW) raise('ValueError', `Expected tuple of length 3, got 4`);
  return [t[0] & 0xff, t[1] & 0xff, t[2] & 0xff, (t[3] ?? 0) & 0xff];
}

export function makeAdafruitPixelbuf(): PyObj {
  const st = (self: PyObj) => stateOf<PixState>(self, PixelBuf);
  const out = (s: PixState): Uint8Array => {
    const bpp = s.order.length;
    const data = new Uint8Array(s.header.length + s.n * bpp + s.trailer.length);
    data.set(s.header);
    s.pixels.forEach((px, i) => {
      for (let j = 0; j < bpp; j++) data[s.header.length + i * bpp + j] = Math.round((px['RGBW'.indexOf(s.order[j])] ?? 0) * s.brightness);
    });
    data.set(s.trailer, s.header.length + s.n * bpp);
    return data;
  };
  const show = (self: PyObj) => {
    callObj(ga(self, '_transmit'), [bytes(out(st(self)))], null);
    return None;
  };
  const written = (self: PyObj) => {
    if (st(self).autoWrite) show(self);
  };
  const index = (s: PixState, i: PyObj) => {
    let k = toInt(i);
    if (k < 0) k += s.n;
    if (k < 0 || k >= s.n) raise('IndexError', 'index out of range');
    return k;
  };
  const asTuple = (s: PixState, px: number[]) => tuple(px.slice(0, s.order.includes('W') ? 4 : 3));
  const PixelBuf: ReturnType<typeof nativeClass> = nativeClass('PixelBuf', {
    module: 'adafruit_pixelbuf',
    methods: {
      // PixelBuf(size, *, byteorder="BGR", brightness=1.0, auto_write=False, header=b"", trailer=b"")
      __init__: (a, kw) => {
        const order = String(arg([], kw, 9, 'byteorder', 'BGR'));
        if (!/^P?[RGBW]{3,4}$/.test(order) || new Set(order).size !== order.length || !['R', 'G', 'B'].every((c) => order.includes(c))) raise('ValueError', 'Invalid byteorder string');
        const header = arg([], kw, 9, 'header', None);
        const trailer = arg([], kw, 9, 'trailer', None);
        (a[0] as { state: PixState }).state = {
          n: toInt(a[1]),
          order: order.replace('P', ''),
          brightness: Math.max(0, Math.min(1, toFloat(arg([], kw, 9, 'brightness', float(1))))),
          autoWrite: toBool(arg([], kw, 9, 'auto_write', false)),
          pixels: Array.from({ length: toInt(a[1]) }, () => [0, 0, 0, 0]),
          header: isNone(header) ? new Uint8Array(0) : toBuffer(header).slice(),
          trailer: isNone(trailer) ? new Uint8Array(0) : toBuffer(trailer).slice(),
        };
        return None;
      },
      __len__: (a) => st(a[0]).n,
      __getitem__: (a) => {
        const s = st(a[0]);
        if (a[1] instanceof PySlice) {
          const [start, , step, n] = sliceIndices(a[1], s.n);
          return new PyList(Array.from({ length: n }, (_, i) => asTuple(s, s.pixels[start + i * step])));
        }
        return asTuple(s, s.pixels[index(s, a[1])]);
      },
      __setitem__: (a) => {
        const s = st(a[0]);
        if (a[1] instanceof PySlice) {
          const [start, , step, n] = sliceIndices(a[1], s.n);
          const values = toArray(a[2]);
          if (values.length !== n) raise('ValueError', 'Unmatched number of items on RHS');
          values.forEach((v, i) => (s.pixels[start + i * step] = parseColour(s, v)));
        } else s.pixels[index(s, a[1])] = parseColour(s, a[2]);
        written(a[0]);
        return None;
      },
      fill: (a) => {
        const s = st(a[0]);
        const c = parseColour(s, a[1]);
        s.pixels = s.pixels.map(() => c.slice());
        written(a[0]);
        return None;
      },
      show: (a) => show(a[0]),
      _transmit: () => raise('NotImplementedError', 'subclasses of PixelBuf send the bytes in _transmit()'),
    },
    props: {
      n: { get: (self) => st(self).n },
      bpp: { get: (self) => st(self).order.length },
      byteorder: { get: (self) => st(self).order },
      brightness: {
        get: (self) => float(st(self).brightness),
        set: (self, v) => {
          st(self).brightness = Math.max(0, Math.min(1, toFloat(v)));
          written(self);
        },
      },
      auto_write: {
        get: (self) => st(self).autoWrite,
        set: (self, v) => void (st(self).autoWrite = toBool(v)),
      },
    },
  });
  return module('adafruit_pixelbuf', { PixelBuf });
}
