// machine.UART with TX looped back to RX: write(), read([n]), readline(), readinto(), any().

import type { BoardContext } from '../context';
import { utf8 } from '../../objects/bytes';
import { arg, bytes, isNone, nativeClass, None, raise, stateOf, toBuffer, toInt, type PyObj } from '../py';

interface UartState {
  id: number;
  baudrate: number;
}

export function makeUartClass(ctx: BoardContext) {
  const { hal, profile } = ctx;
  const data = (x: PyObj): Uint8Array => (typeof x === 'string' ? utf8(x) : toBuffer(x));
  const UART = nativeClass('UART', {
    module: 'machine',
    methods: {
      // UART(id, baudrate=115200, bits=8, parity=None, stop=1, *, tx, rx, timeout)
      __init__: (a, kw) => {
        const id = toInt(a[1]);
        if (id < 0 || id >= profile.uarts) raise('ValueError', `UART(${id}) doesn't exist`);
        a[0].state = { id, baudrate: toInt(arg(a, kw, 2, 'baudrate', 115200)) } satisfies UartState;
        return None;
      },
      init: (a, kw) => {
        const s = stateOf<UartState>(a[0], UART);
        s.baudrate = toInt(arg(a, kw, 1, 'baudrate', s.baudrate));
        return None;
      },
      deinit: () => None,
      write: (a) => hal.uartWrite(stateOf<UartState>(a[0], UART).id, data(a[1])),
      // read([nbytes]) -> bytes or None
      read: (a) => {
        const s = stateOf<UartState>(a[0], UART);
        const n = a.length > 1 && !isNone(a[1]) ? toInt(a[1]) : hal.uartAny(s.id);
        const got = hal.uartRead(s.id, n);
        return got.length === 0 ? None : bytes(got);
      },
      readline: (a) => {
        const s = stateOf<UartState>(a[0], UART);
        const avail = hal.uartRead(s.id, hal.uartAny(s.id));
        if (avail.length === 0) return None;
        const nl = avail.indexOf(10);
        const line = nl >= 0 ? avail.subarray(0, nl + 1) : avail;
        if (nl >= 0 && nl + 1 < avail.length) hal.uartWrite(s.id, avail.subarray(nl + 1)); // put the rest back
        return bytes(line.slice());
      },
      readinto: (a) => {
        const s = stateOf<UartState>(a[0], UART);
        const buf = toBuffer(a[1]);
        const n = a.length > 2 ? Math.min(toInt(a[2]), buf.length) : buf.length;
        const got = hal.uartRead(s.id, n);
        if (got.length === 0) return None;
        buf.set(got);
        return got.length;
      },
      any: (a) => hal.uartAny(stateOf<UartState>(a[0], UART).id),
      flush: () => None,
      txdone: () => true,
      __repr__: (a) => {
        const s = stateOf<UartState>(a[0], UART);
        return `UART(${s.id}, baudrate=${s.baudrate}, bits=8, parity=None, stop=1)`;
      },
    },
  });
  return UART;
}
