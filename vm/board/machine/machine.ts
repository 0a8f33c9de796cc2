// The machine module of a simulated MicroPython board: Pin, ADC, PWM, Timer, I2C, SoftI2C,
// UART, plus reset, soft_reset, unique_id, freq, bootloader, idle and sleeps.

import type { BoardContext } from '../context';
import { BOOTLOADER_MARK, HARD_RESET_MARK } from '../context';
import { bytes, fn, module, None, raise, toInt, type PyObj } from '../py';
import { pyErr } from '../../objects/exception';
import { makePinClass } from './pin';
import { makeAdcClass } from './adc';
import { makePwmClass } from './pwm';
import { makeTimerClass } from './timer';
import { makeI2cClasses } from './i2c';
import { makeUartClass } from './uart';
import { makeNeoPixelClass } from './neopixel';
import { makeRtcClass, makeSignalClass, makeWdtClass } from './rtc';
import { makeSpiClasses } from './spi';
import { makeOnewireModule, makePulseFunctions } from './pulses';
import { makePio } from './pio';

export interface MachineModules {
  machine: PyObj;
  neopixel: PyObj;
  rp2: PyObj | null;
  /** ESP32: the esp module (dht_readinto, which micropython-lib's dht.py imports there). */
  esp: PyObj | null;
  _onewire: PyObj;
}

export function makeMachineModules(ctx: BoardContext): MachineModules {
  const { profile } = ctx;
  const Pin = makePinClass(ctx);
  const { I2C, SoftI2C } = makeI2cClasses(ctx, Pin);
  const { SPI, SoftSPI } = makeSpiClasses(ctx, Pin);
  let freq = profile.cpuFreqHz;
  const pulses = makePulseFunctions(ctx, Pin);
  const machine = module('machine', {
    Pin,
    ADC: makeAdcClass(ctx, Pin),
    PWM: makePwmClass(ctx, Pin),
    Timer: makeTimerClass(ctx),
    I2C,
    SoftI2C,
    SPI,
    SoftSPI,
    UART: makeUartClass(ctx),
    RTC: makeRtcClass(ctx),
    WDT: makeWdtClass(),
    Signal: makeSignalClass(ctx, Pin),
    time_pulse_us: pulses.time_pulse_us,
    bitstream: pulses.bitstream,
    // reset(): a hard reset; the board powers on again (files kept)
    reset: fn('reset', () => {
      throw pyErr('SystemExit', HARD_RESET_MARK);
    }),
    // soft_reset(): as Ctrl-D at the prompt
    soft_reset: fn('soft_reset', () => {
      throw pyErr('SystemExit');
    }),
    unique_id: fn('unique_id', () => bytes(Uint8Array.from(profile.uniqueId))),
    // freq([hz])
    freq: fn('freq', (a) => {
      if (a.length === 0) return freq;
      const f = toInt(a[0]);
      if (f < 10_000_000 || f > 300_000_000) raise('ValueError', 'cannot change frequency');
      freq = f;
      return None;
    }),
    // bootloader(): the board leaves for its UF2 bootloader (its serial port drops, a drive
    // appears) where the owner emulates one (the board CLI with --pty); elsewhere it says why not
    bootloader: fn('bootloader', () => {
      if (!ctx.bootloader) raise('NotImplementedError', 'a simulated board has no bootloader; install firmware on a real board');
      throw pyErr('SystemExit', BOOTLOADER_MARK);
    }),
    idle: fn('idle', () => None),
    lightsleep: fn('lightsleep', () => None),
    deepsleep: fn('deepsleep', () => {
      throw pyErr('SystemExit', HARD_RESET_MARK);
    }),
    disable_irq: fn('disable_irq', () => 0),
    enable_irq: fn('enable_irq', () => None),
    reset_cause: fn('reset_cause', () => 1),
    PWRON_RESET: 1,
    WDT_RESET: 3,
  });
  const neopixel = module('neopixel', { NeoPixel: makeNeoPixelClass(ctx, Pin) });
  const rp2 =
    profile.platform === 'rp2'
      ? module('rp2', {
          // rp2.bootsel_button(): the BOOTSEL button is never pressed on a simulated board
          bootsel_button: fn('bootsel_button', () => 0),
          country: fn('country', (a) => (a.length ? None : 'XX')),
          dht_readinto: pulses.dht_readinto,
          ...makePio(ctx, Pin),
        })
      : null;
  const esp = profile.platform === 'esp32' ? module('esp', { dht_readinto: pulses.dht_readinto }) : null;
  return { machine, neopixel, rp2, esp, _onewire: makeOnewireModule(ctx, Pin) };
}
