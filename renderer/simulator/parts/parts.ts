// The drawing for each part type: the one place that knows them all on the renderer side.

import type { PartSpec } from '../../../shared/contracts/simulator';
import type { PartDrawing, SendControl } from './part-drawing';
import { drawSsd1306 } from './ssd1306';
import { drawLcd1602 } from './lcd1602';
import { drawDht } from './dht';
import { drawDs18b20 } from './ds18b20';
import { drawHcsr04 } from './hcsr04';
import { drawServo } from './servo';
import { drawBuzzer } from './buzzer';
import { drawLdr } from './ldr';
import { drawSlideSwitch } from './slide-switch';

export function drawPart(spec: PartSpec, send: SendControl): PartDrawing {
  switch (spec.type) {
    case 'ssd1306': return drawSsd1306(spec);
    case 'lcd1602': return drawLcd1602(spec);
    case 'dht11': case 'dht22': return drawDht(spec, send);
    case 'ds18b20': return drawDs18b20(spec, send);
    case 'hcsr04': return drawHcsr04(spec, send);
    case 'servo': return drawServo(spec);
    case 'buzzer': return drawBuzzer(spec);
    case 'ldr': return drawLdr(spec, send);
    case 'slide-switch': return drawSlideSwitch(spec, send);
  }
}

/** What the "Add a part" list calls each type, and what it needs. */
export const PART_CHOICES: { type: PartSpec['type']; label: string; needs: 'pin' | 'address' | 'trig-echo'; address?: number }[] = [
  { type: 'ssd1306', label: 'SSD1306 OLED 128×64 (I2C)', needs: 'address', address: 0x3c },
  { type: 'lcd1602', label: 'LCD1602 with I2C backpack', needs: 'address', address: 0x27 },
  { type: 'dht22', label: 'DHT22 temperature/humidity', needs: 'pin' },
  { type: 'dht11', label: 'DHT11 temperature/humidity', needs: 'pin' },
  { type: 'ds18b20', label: 'DS18B20 thermometer (1-Wire)', needs: 'pin' },
  { type: 'hcsr04', label: 'HC-SR04 ultrasonic distance', needs: 'trig-echo' },
  { type: 'servo', label: 'Hobby servo (PWM)', needs: 'pin' },
  { type: 'buzzer', label: 'Piezo buzzer (PWM)', needs: 'pin' },
  { type: 'ldr', label: 'Light sensor (LDR) on an ADC pin', needs: 'pin' },
  { type: 'slide-switch', label: 'Slide switch', needs: 'pin' },
];
