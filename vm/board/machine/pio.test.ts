// rp2.PIO with the programs of the official pio_pwm and pio_ws2812 examples: the PWM program's
// duty reaches the LED as brightness, and the WS2812 program's waveform lights the strip.
import { describe, expect, it } from 'vitest';
import { BoardHarness } from '../testing/board-harness';
import { pico } from '../profiles/pico';
import { makeBoardVm } from '../../host/board-vm';

function raw(): BoardHarness {
  const h = new BoardHarness(pico, makeBoardVm);
  h.powerOn();
  h.feed('\x01');
  return h;
}

describe('rp2.PIO', () => {
  it('pio_pwm: a PWM program at a quarter duty shows the LED 25 % bright', () => {
    const h = raw();
    const [, err] = h.exec(`
from machine import Pin
from rp2 import PIO, StateMachine, asm_pio
import time

@asm_pio(sideset_init=PIO.OUT_LOW)
def pwm_prog():
    pull(noblock) .side(0)
    mov(x, osr)
    mov(y, isr)
    label("pwmloop")
    jmp(x_not_y, "skip")
    nop()         .side(1)
    label("skip")
    jmp(y_dec, "pwmloop")

sm = StateMachine(0, pwm_prog, freq=10_000_000, sideset_base=Pin(25))
sm.put(99)
sm.exec("pull()")
sm.exec("mov(isr, osr)")
sm.active(1)
sm.put(25)
time.sleep(0.5)
`);
    expect(err).toBe('');
    h.host.poll();
    const pwm = h.host.states.filter((s) => s.kind === 'pwm' && s.pin === 'GP25');
    const last = pwm.at(-1);
    expect(last?.kind === 'pwm' && Math.abs(last.duty - 0.25)).toBeLessThan(0.03);
  });

  it('pio_ws2812: words put into the FIFO light the strip in GRB order', () => {
    const h = raw();
    const [out, err] = h.exec(`
import array, time
from machine import Pin
import rp2

@rp2.asm_pio(sideset_init=rp2.PIO.OUT_LOW, out_shiftdir=rp2.PIO.SHIFT_LEFT, autopull=True, pull_thresh=24)
def ws2812():
    T1 = 2
    T2 = 5
    T3 = 3
    wrap_target()
    label("bitloop")
    out(x, 1)               .side(0)    [T3 - 1]
    jmp(not_x, "do_zero")   .side(1)    [T1 - 1]
    jmp("bitloop")          .side(1)    [T2 - 1]
    label("do_zero")
    nop()                   .side(0)    [T2 - 1]
    wrap()

sm = rp2.StateMachine(0, ws2812, freq=8_000_000, sideset_base=Pin(22))
sm.active(1)
ar = array.array("I", [0 for _ in range(3)])
def grb(r, g, b):
    return (g << 16) | (r << 8) | b
ar[0] = grb(255, 0, 0)
ar[1] = grb(0, 128, 0)
ar[2] = grb(1, 2, 3)
sm.put(ar, 8)
time.sleep_ms(10)
print(sm.tx_fifo(), sm.active())
`);
    expect(err).toBe('');
    expect(out).toBe('0 True\r\n');
    h.host.poll();
    const strips = h.host.states.filter((s) => s.kind === 'neopixel');
    expect(strips.at(-1)).toEqual({ kind: 'neopixel', pin: 'GP22', colors: [[255, 0, 0], [0, 128, 0], [1, 2, 3]] });
  });

  it('asm_pio puts the names it borrowed back (set() is the builtin again)', () => {
    const h = raw();
    const [out, err] = h.exec('import rp2\n@rp2.asm_pio()\ndef p():\n    set(x, 3)\n    jmp("nowhere")\n');
    expect(err).toContain('unknown label nowhere');
    expect(out).toBe('');
    expect(h.exec('print(set([1, 1]), "pins" in globals())')[0]).toBe('{1} False\r\n');
  });
});
