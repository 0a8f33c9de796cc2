// Makes a part from its wiring entry: the one place that knows every part type.

import type { Part, PartBoard, PartSpec } from './part';
import { Ssd1306 } from './ssd1306';
import { Lcd1602 } from './lcd1602';
import { Dht } from './dht';
import { Ds18b20 } from './ds18b20';
import { HcSr04 } from './hcsr04';
import { Servo } from './servo';
import { Buzzer } from './buzzer';
import { Ldr } from './ldr';
import { SlideSwitch } from './slide-switch';

export function makePart(spec: PartSpec, board: PartBoard, serial: number): Part {
  const now = () => board.now();
  let part: Part;
  const changed = () => board.changed(part);
  switch (spec.type) {
    case 'ssd1306': part = new Ssd1306(spec, changed); break;
    case 'lcd1602': part = new Lcd1602(spec, changed); break;
    case 'dht11': case 'dht22': part = new Dht(spec, now); break;
    case 'ds18b20': part = new Ds18b20(spec, now, serial); break;
    case 'hcsr04': part = new HcSr04(spec, board); break;
    case 'servo': part = new Servo(spec, board); break;
    case 'buzzer': part = new Buzzer(spec, board); break;
    case 'ldr': part = new Ldr(spec, board); break;
    case 'slide-switch': part = new SlideSwitch(spec, board); break;
    default: {
      const never: never = spec.type;
      throw new Error(`unknown part type ${String(never)}`);
    }
  }
  return part;
}
