// framebuf: a frame buffer over any writable buffer, in the formats and with the drawing
// methods of the RP2 firmware (extmod/modframebuf.c), pixel for pixel. Pure software: a display
// driver (ssd1306.py) subclasses FrameBuffer and sends the bytes over I2C or SPI itself.

import { isTypedArray } from '../objects/array-like';
import { utf8 } from '../objects/bytes';
import type { PyModule } from '../objects/module';
import { arg, isNone, module, nativeClass, NativeInstance, None, raise, stateOf, toBool, toBuffer, toInt, items, type PyObj } from '../board/py';
import { FONT_8X8 } from './framebuf-font';

// format numbers as the firmware defines them
const MVLSB = 0, RGB565 = 1, GS4_HMSB = 2, MHLSB = 3, MHMSB = 4, GS2_HMSB = 5, GS8 = 6;

/** A frame buffer's geometry; `src` is the Python buffer object, re-read at every call. */
interface Fb {
  src: PyObj;
  width: number;
  height: number;
  format: number;
  stride: number;
}

const buf = (fb: Fb): Uint8Array => toBuffer(fb.src);

function setPixel(fb: Fb, x: number, y: number, col: number): void {
  const b = buf(fb);
  switch (fb.format) {
    case MVLSB: {
      const i = (y >> 3) * fb.stride + x, bit = 1 << (y & 7);
      b[i] = (b[i] & ~bit) | ((col & 1) !== 0 ? bit : 0);
      return;
    }
    case MHLSB: case MHMSB: {
      const i = (x + y * fb.stride) >> 3;
      const bit = 1 << (fb.format === MHLSB ? 7 - (x & 7) : x & 7);
      b[i] = (b[i] & ~bit) | ((col & 1) !== 0 ? bit : 0);
      return;
    }
    case RGB565: {
      const i = (x + y * fb.stride) * 2;
      b[i] = col & 0xff;
      b[i + 1] = (col >> 8) & 0xff;
      return;
    }
    case GS2_HMSB: {
      const i = (x + y * fb.stride) >> 2, shift = (x & 3) << 1;
      b[i] = (b[i] & ~(3 << shift)) | ((col & 3) << shift);
      return;
    }
    case GS4_HMSB: {
      const i = (x + y * fb.stride) >> 1;
      b[i] = x & 1 ? (col & 0x0f) | (b[i] & 0xf0) : ((col << 4) & 0xf0) | (b[i] & 0x0f);
      return;
    }
    default:
      b[x + y * fb.stride] = col & 0xff;
  }
}

function getPixel(fb: Fb, x: number, y: number): number {
  const b = buf(fb);
  switch (fb.format) {
    case MVLSB: return (b[(y >> 3) * fb.stride + x] >> (y & 7)) & 1;
    case MHLSB: return (b[(x + y * fb.stride) >> 3] >> (7 - (x & 7))) & 1;
    case MHMSB: return (b[(x + y * fb.stride) >> 3] >> (x & 7)) & 1;
    case RGB565: { const i = (x + y * fb.stride) * 2; return b[i] | (b[i + 1] << 8); }
    case GS2_HMSB: return (b[(x + y * fb.stride) >> 2] >> ((x & 3) << 1)) & 3;
    case GS4_HMSB: return (b[(x + y * fb.stride) >> 1] >> (x & 1 ? 0 : 4)) & 0x0f;
    default: return b[x + y * fb.stride];
  }
}

const inside = (fb: Fb, x: number, y: number) => x >= 0 && x < fb.width && y >= 0 && y < fb.height;

function setChecked(fb: Fb, x: number, y: number, col: number): void {
  if (inside(fb, x, y)) setPixel(fb, x, y, col);
}

/** A rectangle clipped to the buffer. */
function fillRect(fb: Fb, x: number, y: number, w: number, h: number, col: number): void {
  if (h < 1 || w < 1 || x + w <= 0 || y + h <= 0 || y >= fb.height || x >= fb.width) return;
  const xend = Math.min(fb.width, x + w), yend = Math.min(fb.height, y + h);
  for (let yy = Math.max(y, 0); yy < yend; yy++) for (let xx = Math.max(x, 0); xx < xend; xx++) setPixel(fb, xx, yy, col);
}

/** Bresenham's line, both ends included, each pixel clipped. */
function line(fb: Fb, x1: number, y1: number, x2: number, y2: number, col: number): void {
  let dx = x2 - x1, sx = 1;
  if (dx <= 0) { dx = -dx; sx = -1; }
  let dy = y2 - y1, sy = 1;
  if (dy <= 0) { dy = -dy; sy = -1; }
  const steep = dy > dx;
  if (steep) {
    [x1, y1] = [y1, x1];
    [dx, dy] = [dy, dx];
    [sx, sy] = [sy, sx];
  }
  let e = 2 * dy - dx;
  for (let i = 0; i < dx; i++) {
    if (steep) setChecked(fb, y1, x1, col);
    else setChecked(fb, x1, y1, col);
    while (e >= 0) { y1 += sy; e -= 2 * dx; }
    x1 += sx;
    e += 2 * dy;
  }
  setChecked(fb, x2, y2, col);
}

// ellipse quadrant bits (Q2 Q1 above, Q3 Q4 below the centre) and the fill flag
const Q1 = 1, Q2 = 2, Q3 = 4, Q4 = 8, FILL = 0x10;

function ellipsePoints(fb: Fb, cx: number, cy: number, x: number, y: number, col: number, mask: number): void {
  if (mask & FILL) {
    if (mask & Q1) fillRect(fb, cx, cy - y, x + 1, 1, col);
    if (mask & Q2) fillRect(fb, cx - x, cy - y, x + 1, 1, col);
    if (mask & Q3) fillRect(fb, cx - x, cy + y, x + 1, 1, col);
    if (mask & Q4) fillRect(fb, cx, cy + y, x + 1, 1, col);
    return;
  }
  if (mask & Q1) setChecked(fb, cx + x, cy - y, col);
  if (mask & Q2) setChecked(fb, cx - x, cy - y, col);
  if (mask & Q3) setChecked(fb, cx - x, cy + y, col);
  if (mask & Q4) setChecked(fb, cx + x, cy + y, col);
}

/** The midpoint ellipse in two passes: where the slope is above -1, then below it. */
function ellipse(fb: Fb, cx: number, cy: number, rx: number, ry: number, col: number, mask: number): void {
  const a2 = 2 * rx * rx, b2 = 2 * ry * ry;
  let x = rx, y = 0, xc = ry * ry * (1 - 2 * rx), yc = rx * rx, err = 0, stopX = b2 * rx, stopY = 0;
  while (stopX >= stopY) {
    ellipsePoints(fb, cx, cy, x, y, col, mask);
    y++; stopY += a2; err += yc; yc += a2;
    if (2 * err + xc > 0) { x--; stopX -= b2; err += xc; xc += b2; }
  }
  x = 0; y = ry; xc = ry * ry; yc = rx * rx * (1 - 2 * ry); err = 0; stopX = 0; stopY = a2 * ry;
  while (stopX <= stopY) {
    ellipsePoints(fb, cx, cy, x, y, col, mask);
    x++; stopX += b2; err += xc; xc += b2;
    if (2 * err + yc > 0) { y--; stopY -= a2; err += yc; yc += a2; }
  }
}

/** The vertices of poly()'s coordinate array, read with the array's own item type. */
function vertices(coords: PyObj): number[] {
  const b = toBuffer(coords);
  const code = isTypedArray(coords) ? coords.$typecode : 'B';
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const size: Record<string, number> = { b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4 };
  const n = size[code];
  if (!n) raise('TypeError', 'unsupported array typecode');
  const out: number[] = [];
  for (let o = 0; o + n <= b.length; o += n) {
    if (n === 1) out.push(code === 'b' ? view.getInt8(o) : view.getUint8(o));
    else if (n === 2) out.push(code === 'h' ? view.getInt16(o, true) : view.getUint16(o, true));
    else out.push(code === 'I' || code === 'L' ? view.getUint32(o, true) : view.getInt32(o, true));
  }
  return out.length % 2 ? out.slice(0, -1) : out;
}

/** C's integer division (truncates towards zero). */
const cdiv = (a: number, b: number) => Math.trunc(a / b);

function poly(fb: Fb, x: number, y: number, p: number[], col: number, fill: boolean): void {
  const n = p.length / 2;
  if (n === 0) return;
  // edges are walked from the last vertex backwards, as the firmware does
  const edges = (visit: (x1: number, y1: number, x2: number, y2: number) => void) => {
    let px1 = p[0], py1 = p[1];
    for (let i = n - 1; i >= 0; i--) {
      const px2 = p[2 * i], py2 = p[2 * i + 1];
      visit(px1, py1, px2, py2);
      px1 = px2; py1 = py2;
    }
  };
  if (!fill) {
    edges((x1, y1, x2, y2) => line(fb, x + x1, y + y1, x + x2, y + y2, col));
    return;
  }
  let ymin = Infinity, ymax = -Infinity;
  for (let i = 0; i < n; i++) { ymin = Math.min(ymin, p[2 * i + 1]); ymax = Math.max(ymax, p[2 * i + 1]); }
  for (let row = ymin; row <= ymax; row++) {
    const nodes: number[] = [];
    edges((x1, y1, x2, y2) => {
      // an edge's bottom pixel is left out so a shared vertex is not counted twice
      if (y1 !== y2 && ((y1 > row && y2 <= row) || (y1 <= row && y2 > row))) {
        nodes.push(cdiv(32 * x1 + cdiv(32 * (x2 - x1) * (row - y1), y2 - y1) + 16, 32));
      } else if (row === Math.max(y1, y2)) {
        // local minima and horizontal edges would be missed by the rule above
        if (y1 < y2) setChecked(fb, x + x2, y + y2, col);
        else if (y2 < y1) setChecked(fb, x + x1, y + y1, col);
        else line(fb, x + x1, y + y1, x + x2, y + y2, col);
      }
    });
    nodes.sort((a, b) => a - b);
    for (let i = 0; i + 1 < nodes.length; i += 2) fillRect(fb, x + nodes[i], y + row, nodes[i + 1] - nodes[i] + 1, 1, col);
  }
}

function scroll(fb: Fb, xstep: number, ystep: number): void {
  let sx: number, xend: number, dx: number, y: number, yend: number, dy: number;
  if (xstep < 0) { sx = 0; xend = fb.width + xstep; if (xend <= 0) return; dx = 1; }
  else { sx = fb.width - 1; xend = xstep - 1; if (xend >= sx) return; dx = -1; }
  if (ystep < 0) { y = 0; yend = fb.height + ystep; if (yend <= 0) return; dy = 1; }
  else { y = fb.height - 1; yend = ystep - 1; if (yend >= y) return; dy = -1; }
  for (; y !== yend; y += dy) for (let x = sx; x !== xend; x += dx) setPixel(fb, x, y, getPixel(fb, x - xstep, y - ystep));
}

function text(fb: Fb, s: string, x0: number, y0: number, col: number): void {
  // the firmware walks the UTF-8 bytes: every byte of a non-ASCII character is glyph 127
  for (const byte of utf8(s)) {
    const c = byte < 32 || byte > 127 ? 127 : byte;
    for (let j = 0; j < 8; j++, x0++) {
      if (x0 < 0 || x0 >= fb.width) continue;
      for (let bits = FONT_8X8[(c - 32) * 8 + j], y = y0; bits; bits >>= 1, y++) {
        if (bits & 1 && y >= 0 && y < fb.height) setPixel(fb, x0, y, col);
      }
    }
  }
}

/** Checks the geometry against the buffer as the firmware's constructor does; the stride may be rounded up. */
function geometry(src: PyObj, width: number, height: number, format: number, strideIn: number): Fb {
  if (width < 1 || height < 1 || width > 0xffff || height > 0xffff || strideIn > 0xffff || strideIn < width) raise('ValueError');
  let stride = strideIn, bpp = 1, hReq = height, wReq = width, strides = height - 1;
  switch (format) {
    case MVLSB: hReq = (height + 7) & ~7; strides = hReq - 8; break;
    case MHLSB: case MHMSB: stride = (stride + 7) & ~7; wReq = (width + 7) & ~7; break;
    case GS2_HMSB: stride = (stride + 3) & ~3; wReq = (width + 3) & ~3; bpp = 2; break;
    case GS4_HMSB: stride = (stride + 1) & ~1; wReq = (width + 1) & ~1; bpp = 4; break;
    case GS8: bpp = 8; break;
    case RGB565: bpp = 16; break;
    default: raise('ValueError', 'invalid format');
  }
  const b = toBuffer(src);
  if (Math.floor(((strides * stride + (hReq - strides) * wReq) * bpp) / 8) > b.length) raise('ValueError');
  return { src, width, height, format, stride };
}

/** The source of blit(): a FrameBuffer, or a (buffer, width, height, format[, stride]) tuple. */
function sourceOf(x: PyObj, cls: ReturnType<typeof nativeClass>): Fb {
  if (x instanceof NativeInstance) return stateOf<Fb>(x, cls);
  const t = items(x);
  if (t.length < 4 || t.length > 5) raise('ValueError', 'expected FrameBuffer or tuple');
  return geometry(t[0], toInt(t[1]), toInt(t[2]), toInt(t[3]), t.length > 4 ? toInt(t[4]) : toInt(t[1]));
}

export function makeFramebuf(): PyModule {
  const fbOf = (self: PyObj) => stateOf<Fb>(self, FrameBuffer);
  const ints = (a: PyObj[], from: number, n: number) => a.slice(from, from + n).map(toInt);
  const FrameBuffer: ReturnType<typeof nativeClass> = nativeClass('FrameBuffer', {
    module: 'framebuf',
    methods: {
      // FrameBuffer(buffer, width, height, format, stride=width)
      __init__: (a) => {
        if (a.length < 5 || a.length > 6) raise('TypeError', `function takes 4 positional arguments but ${a.length - 1} were given`);
        const width = toInt(a[2]);
        (a[0] as NativeInstance<Fb>).state = geometry(a[1], width, toInt(a[3]), toInt(a[4]), a.length > 5 ? toInt(a[5]) : width);
        return None;
      },
      // fill(c)
      fill: (a) => { const fb = fbOf(a[0]); fillRect(fb, 0, 0, fb.width, fb.height, toInt(a[1])); return None; },
      // fill_rect(x, y, w, h, c)
      fill_rect: (a) => { const [x, y, w, h, c] = ints(a, 1, 5); fillRect(fbOf(a[0]), x, y, w, h, c); return None; },
      // pixel(x, y[, c])
      pixel: (a) => {
        const fb = fbOf(a[0]);
        const [x, y] = ints(a, 1, 2);
        if (!inside(fb, x, y)) return None;
        if (a.length < 4) return getPixel(fb, x, y);
        setPixel(fb, x, y, toInt(a[3]));
        return None;
      },
      // hline(x, y, w, c)
      hline: (a) => { const [x, y, w, c] = ints(a, 1, 4); fillRect(fbOf(a[0]), x, y, w, 1, c); return None; },
      // vline(x, y, h, c)
      vline: (a) => { const [x, y, h, c] = ints(a, 1, 4); fillRect(fbOf(a[0]), x, y, 1, h, c); return None; },
      // rect(x, y, w, h, c[, f])
      rect: (a) => {
        const fb = fbOf(a[0]);
        const [x, y, w, h, c] = ints(a, 1, 5);
        if (a.length > 6 && toBool(a[6])) { fillRect(fb, x, y, w, h, c); return None; }
        fillRect(fb, x, y, w, 1, c);
        fillRect(fb, x, y + h - 1, w, 1, c);
        fillRect(fb, x, y, 1, h, c);
        fillRect(fb, x + w - 1, y, 1, h, c);
        return None;
      },
      // line(x1, y1, x2, y2, c)
      line: (a) => { const [x1, y1, x2, y2, c] = ints(a, 1, 5); line(fbOf(a[0]), x1, y1, x2, y2, c); return None; },
      // ellipse(x, y, xr, yr, c[, f[, m]])
      ellipse: (a) => {
        const [x, y, xr, yr, c] = ints(a, 1, 5);
        let mask = a.length > 6 && toBool(a[6]) ? FILL : 0;
        mask |= a.length > 7 ? toInt(a[7]) & 0x0f : 0x0f;
        ellipse(fbOf(a[0]), x, y, xr, yr, c, mask);
        return None;
      },
      // poly(x, y, coords, c[, f])
      poly: (a) => {
        poly(fbOf(a[0]), toInt(a[1]), toInt(a[2]), vertices(a[3]), toInt(a[4]), a.length > 5 && toBool(a[5]));
        return None;
      },
      // blit(fbuf, x, y, key=-1, palette=None)
      blit: (a, kw) => {
        const fb = fbOf(a[0]);
        const src = sourceOf(a[1], FrameBuffer);
        const x = toInt(a[2]), y = toInt(a[3]);
        const key = toInt(arg(a, kw, 4, 'key', -1)) >>> 0;
        const palObj = arg(a, kw, 5, 'palette', None);
        const pal = isNone(palObj) ? null : sourceOf(palObj, FrameBuffer);
        if (x >= fb.width || y >= fb.height || -x >= src.width || -y >= src.height) return None;
        const xend = Math.min(fb.width, x + src.width), yend = Math.min(fb.height, y + src.height);
        for (let y0 = Math.max(0, y), y1 = Math.max(0, -y); y0 < yend; y0++, y1++) {
          for (let x0 = Math.max(0, x), x1 = Math.max(0, -x); x0 < xend; x0++, x1++) {
            let col = getPixel(src, x1, y1);
            if (pal) col = col < pal.width ? getPixel(pal, col, 0) : 0;
            if (col !== key) setPixel(fb, x0, y0, col);
          }
        }
        return None;
      },
      // scroll(xstep, ystep)
      scroll: (a) => { scroll(fbOf(a[0]), toInt(a[1]), toInt(a[2])); return None; },
      // text(s, x, y[, c])
      text: (a) => {
        if (typeof a[1] !== 'string') raise('TypeError', "can't convert to str implicitly");
        text(fbOf(a[0]), a[1], toInt(a[2]), toInt(a[3]), a.length > 4 ? toInt(a[4]) : 1);
        return None;
      },
    },
  });
  return module('framebuf', {
    FrameBuffer,
    MONO_VLSB: MVLSB, MONO_HLSB: MHLSB, MONO_HMSB: MHMSB, MVLSB, RGB565, GS2_HMSB, GS4_HMSB, GS8,
  });
}
