// neopixel_write (CircuitPython, built in): neopixel_write(digitalinout, buf) sends raw WS2812
// bytes, as the bundle's neopixel.py does through adafruit_pixelbuf. The strip shows them
// as GRB, or GRBW when a strip on that pin was made with 4 bytes per pixel.

import type { BoardContext } from '../context';
import { fn, module, None, raise, stateOf, toBuffer, type PyObj, type nativeClass } from '../py';

export function makeNeopixelWrite(ctx: BoardContext, DigitalInOut: ReturnType<typeof nativeClass>): PyObj {
  return module('neopixel_write', {
    // neopixel_write(digitalinout: digitalio.DigitalInOut, buf: ReadableBuffer) -> None
    neopixel_write: fn('neopixel_write', (a) => {
      if (a.length !== 2) raise('TypeError', `function takes 2 positional arguments but ${a.length} were given`);
      const { gpio } = stateOf<{ gpio: number }>(a[0], DigitalInOut);
      ctx.hal.bitstream(gpio, toBuffer(a[1]).slice());
      return None;
    }),
  });
}
