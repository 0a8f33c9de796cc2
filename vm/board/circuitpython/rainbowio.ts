// rainbowio (CircuitPython): colorwheel(n), the 0..255 colour wheel the NeoPixel examples
// cycle through, returned as a 0xRRGGBB int.

import { fn, module, toFloat, type PyObj } from '../py';

/** colorwheel(n): red at 0, green at 85, blue at 170, back to red at 255. */
export function colorwheel(n: number): number {
  let pos = Math.trunc(n) % 256;
  if (pos < 0) pos += 256;
  if (pos < 85) return ((255 - pos * 3) << 16) | ((pos * 3) << 8);
  if (pos < 170) {
    pos -= 85;
    return ((255 - pos * 3) << 8) | (pos * 3);
  }
  pos -= 170;
  return ((pos * 3) << 16) | (255 - pos * 3);
}

export function makeRainbowio(): PyObj {
  // colorwheel(color_value: float) -> int
  return module('rainbowio', { colorwheel: fn('colorwheel', (a) => colorwheel(toFloat(a[0]))) });
}
