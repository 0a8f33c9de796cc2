// HC-SR04: a distance slider (2..400 cm; beyond that nothing echoes).

import type { PartSpec } from '../../../shared/contracts/simulator';
import { h } from '../../app/dom';
import { slider, wiredAt, type PartDrawing, type SendControl } from './part-drawing';

export function drawHcsr04(spec: PartSpec, send: SendControl): PartDrawing {
  const element = h(
    'div',
    { class: 'sim-part', role: 'group', 'aria-label': `Ultrasonic sensor on ${wiredAt(spec)}` },
    h('span', { class: 'sim-part-caption' }, `HC-SR04 on ${wiredAt(spec)}`),
    slider({ id: `part-${spec.id}-d`, label: 'Distance', min: 2, max: 450, step: 1, value: 50, unit: 'cm', send: (v) => send('distanceCm', v) }),
  );
  return { element, update: () => undefined };
}
