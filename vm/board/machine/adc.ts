// machine.ADC: read_u16() of an analog pin or an internal channel (RP2 channel 4 is the
// temperature sensor). ESP32 also has the 12-bit read().

import type { BoardContext } from '../context';
import { nativeClass, None, raise, stateOf, toInt, type PyObj } from '../py';
import { pinArg, type makePinClass } from './pin';

interface AdcState {
  gpio: number | null;
  channel: number | null;
}

export function makeAdcClass(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>) {
  const { hal, profile } = ctx;
  const read = (self: PyObj) => {
    const s = stateOf<AdcState>(self, ADC);
    return s.gpio !== null ? hal.adcReadPin(s.gpio) : hal.adcReadChannel(s.channel!);
  };
  const ADC = nativeClass('ADC', {
    module: 'machine',
    methods: {
      // ADC(id): a Pin, a GPIO number, or (rp2) a channel 0..4
      __init__: (a) => {
        const self = a[0];
        const id = a[1];
        let state: AdcState;
        if (profile.platform === 'rp2' && typeof id === 'number' && id >= 0 && id <= 4) {
          const def = profile.pins.find((d) => d.adc === id);
          state = def ? { gpio: def.gpio, channel: id } : { gpio: null, channel: id };
        } else {
          const gpio = pinArg(ctx, Pin, id);
          const def = profile.pins.find((d) => d.gpio === gpio);
          if (def?.adc === undefined) raise('ValueError', 'Pin doesn\'t have ADC capabilities');
          state = { gpio, channel: def.adc };
        }
        if (state.gpio !== null) hal.pinConfigure(state.gpio, 'adc', null);
        self.state = state;
        return None;
      },
      read_u16: (a) => read(a[0]),
      read: (a) => read(a[0]) >> 4,
      atten: () => None,
      width: () => None,
      __repr__: (a) => {
        const s = stateOf<AdcState>(a[0], ADC);
        return s.gpio !== null ? `<ADC GPIO${s.gpio} channel=${s.channel}>` : `<ADC channel=${s.channel}>`;
      },
    },
    attrs: profile.platform === 'esp32' ? { ATTN_0DB: 0, ATTN_2_5DB: 1, ATTN_6DB: 2, ATTN_11DB: 3, WIDTH_12BIT: 12 } : { CORE_TEMP: 4 },
  });
  void toInt;
  return ADC;
}
