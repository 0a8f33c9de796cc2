// A photoresistor: a light-level slider (lux, on a logarithmic scale from dark room to daylight).

import type { PartSpec } from '../../../shared/contracts/simulator';
import { h } from '../../app/dom';
import { slider, wiredAt, type PartDrawing, type SendControl } from './part-drawing';

export function drawLdr(spec: PartSpec, send: SendControl): PartDrawing {
  const element = h(
    'div',
    { class: 'sim-part', role: 'group', 'aria-label': `Light sensor on ${wiredAt(spec)}` },
    h('span', { class: 'sim-part-caption' }, `Light sensor (LDR) on ${wiredAt(spec)}`),
    slider({ id: `part-${spec.id}-lux`, label: 'Light', min: 0, max: 5, step: 0.1, value: 2.5, unit: '(10^x lux)', send: (v) => send('lux', Math.round(10 ** v)) }),
  );
  return { element, update: () => undefined };
}
