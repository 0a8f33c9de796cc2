// The bit-banging helpers of the machine module and their port twins: time_pulse_us (HC-SR04
// echoes), bitstream (WS2812 frames, as micropython-lib's neopixel sends them), the rp2/esp
// dht_readinto that micropython-lib's dht.py imports, and _onewire under onewire.py.

import type { BoardContext } from '../context';
import { fn, items, module, None, raise, raiseOSError, toBool, toBuffer, toInt, type PyObj } from '../py';
import { pinArg, type makePinClass } from './pin';
import { crc8 } from '../sim/parts/crc8';

const ETIMEDOUT = 110;

export function makePulseFunctions(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>) {
  const { hal } = ctx;
  const gpio = (p: PyObj) => pinArg(ctx, Pin, p);
  return {
    // time_pulse_us(pin, pulse_level, timeout_us=1000000)
    time_pulse_us: fn('time_pulse_us', (a) => {
      if (a.length < 2) raise('TypeError', 'function missing 1 required positional arguments');
      const timeout = a.length > 2 ? toInt(a[2]) : 1_000_000;
      return hal.pulseIn(gpio(a[0]), toBool(a[1]) ? 1 : 0, timeout);
    }),
    // bitstream(pin, encoding, timing, data)
    bitstream: fn('bitstream', (a) => {
      if (a.length !== 4) raise('TypeError', `function takes 4 positional arguments but ${a.length} were given`);
      if (toInt(a[1]) !== 0) raise('ValueError', 'invalid encoding');
      // the four pulse widths in ns (high/low for a 0, high/low for a 1); a simulated strip needs none of them
      if (items(a[2]).length !== 4) raise('ValueError', 'tuple/list has wrong length');
      hal.bitstream(gpio(a[0]), toBuffer(a[3]).slice());
      return None;
    }),
    // dht_readinto(pin, buf)
    dht_readinto: fn('dht_readinto', (a) => {
      const buf = toBuffer(a[1]);
      if (buf.length < 5) raise('ValueError', 'buffer too small');
      const r = hal.dhtRead(gpio(a[0]));
      if (!r) raiseOSError(ETIMEDOUT);
      buf.set(r.subarray(0, 5));
      return None;
    }),
  };
}

/** _onewire: reset, bit and byte slots on a pin, and the Dallas CRC-8 (micropython's drivers/onewire). */
export function makeOnewireModule(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>): PyObj {
  const { hal } = ctx;
  const gpio = (p: PyObj) => pinArg(ctx, Pin, p);
  const readByte = (g: number) => {
    let v = 0;
    for (let i = 0; i < 8; i++) v |= hal.oneWireReadBit(g) << i;
    return v;
  };
  return module('_onewire', {
    // reset(pin) -> bool (a device answered with a presence pulse)
    reset: fn('reset', (a) => hal.oneWireReset(gpio(a[0]))),
    readbit: fn('readbit', (a) => hal.oneWireReadBit(gpio(a[0]))),
    readbyte: fn('readbyte', (a) => readByte(gpio(a[0]))),
    writebit: fn('writebit', (a) => (hal.oneWireWriteBit(gpio(a[0]), toBool(a[1]) ? 1 : 0), None)),
    writebyte: fn('writebyte', (a) => {
      const g = gpio(a[0]);
      const v = toInt(a[1]);
      for (let i = 0; i < 8; i++) hal.oneWireWriteBit(g, ((v >> i) & 1) as 0 | 1);
      return None;
    }),
    crc8: fn('crc8', (a) => crc8(toBuffer(a[0]))),
  });
}
