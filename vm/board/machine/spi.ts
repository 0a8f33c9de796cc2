// machine.SPI and machine.SoftSPI on a simulated bus with nothing attached: writes go out,
// reads see MISO idle high (0xFF), as on a board with no SPI device wired.

import type { BoardContext } from '../context';
import { arg, bytes, nativeClass, None, stateOf, toBuffer, toInt, type Kw, type PyObj } from '../py';
import { pinArg, type makePinClass } from './pin';

interface SpiState {
  id: number;
  baudrate: number;
  polarity: number;
  phase: number;
}

export function makeSpiClasses(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>) {
  const init = (self: PyObj, cls: ReturnType<typeof nativeClass>, args: PyObj[], kw: Kw) => {
    const s = stateOf<SpiState>(self, cls);
    s.baudrate = toInt(arg(args, kw, 0, 'baudrate', s.baudrate));
    s.polarity = toInt(arg(args, kw, 1, 'polarity', s.polarity));
    s.phase = toInt(arg(args, kw, 2, 'phase', s.phase));
    for (const name of ['sck', 'mosi', 'miso']) {
      const p = arg([], kw, 9, name, None);
      if (p !== None) pinArg(ctx, Pin, p);
    }
  };
  const methods = (cls: () => ReturnType<typeof nativeClass>) => ({
    init: (a: PyObj[], kw: Kw) => (init(a[0], cls(), a.slice(1), kw), None),
    deinit: () => None,
    // read(nbytes, write=0x00)
    read: (a: PyObj[]) => (stateOf(a[0], cls()), bytes(new Uint8Array(toInt(a[1])).fill(0xff))),
    // readinto(buf, write=0x00)
    readinto: (a: PyObj[]) => (stateOf(a[0], cls()), toBuffer(a[1]).fill(0xff), None),
    write: (a: PyObj[]) => (stateOf(a[0], cls()), toBuffer(a[1]), None),
    // write_readinto(write_buf, read_buf)
    write_readinto: (a: PyObj[]) => (stateOf(a[0], cls()), toBuffer(a[1]), toBuffer(a[2]).fill(0xff), None),
  });
  const SPI: ReturnType<typeof nativeClass> = nativeClass('SPI', {
    module: 'machine',
    methods: {
      // SPI(id, baudrate=1000000, *, polarity=0, phase=0, bits=8, firstbit=SPI.MSB, sck, mosi, miso)
      __init__: (a, kw) => {
        a[0].state = { id: toInt(a[1] ?? 0), baudrate: 1_000_000, polarity: 0, phase: 0 } satisfies SpiState;
        init(a[0], SPI, a.slice(2), kw);
        return None;
      },
      ...methods(() => SPI),
      __repr__: (a) => {
        const s = stateOf<SpiState>(a[0], SPI);
        return `SPI(${s.id}, baudrate=${s.baudrate}, polarity=${s.polarity}, phase=${s.phase}, bits=8)`;
      },
    },
    attrs: { MSB: 0, LSB: 1 },
  });
  const SoftSPI: ReturnType<typeof nativeClass> = nativeClass('SoftSPI', {
    module: 'machine',
    methods: {
      __init__: (a, kw) => {
        a[0].state = { id: -1, baudrate: 500_000, polarity: 0, phase: 0 } satisfies SpiState;
        init(a[0], SoftSPI, a.slice(1), kw);
        return None;
      },
      ...methods(() => SoftSPI),
    },
    attrs: { MSB: 0, LSB: 1 },
  });
  return { SPI, SoftSPI };
}
