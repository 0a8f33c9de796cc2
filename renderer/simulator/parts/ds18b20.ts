// DS18B20: a temperature slider for the 1-Wire thermometer.

import type { PartSpec } from '../../../shared/contracts/simulator';
import { h } from '../../app/dom';
import { slider, wiredAt, type PartDrawing, type SendControl } from './part-drawing';

export function drawDs18b20(spec: PartSpec, send: SendControl): PartDrawing {
  const element = h(
    'div',
    { class: 'sim-part', role: 'group', 'aria-label': `DS18B20 on ${wiredAt(spec)}` },
    h('span', { class: 'sim-part-caption' }, `DS18B20 on ${wiredAt(spec)}`),
    slider({ id: `part-${spec.id}-t`, label: 'Temperature', min: -55, max: 125, step: 0.5, value: 21.5, unit: '°C', send: (v) => send('temperatureC', v) }),
  );
  return { element, update: () => undefined };
}
