// DHT11/DHT22: temperature and humidity sliders the sensor reports.

import type { PartSpec } from '../../../shared/contracts/simulator';
import { h } from '../../app/dom';
import { slider, wiredAt, type PartDrawing, type SendControl } from './part-drawing';

export function drawDht(spec: PartSpec, send: SendControl): PartDrawing {
  const name = spec.type === 'dht11' ? 'DHT11' : 'DHT22';
  const element = h(
    'div',
    { class: 'sim-part', role: 'group', 'aria-label': `${name} on ${wiredAt(spec)}` },
    h('span', { class: 'sim-part-caption' }, `${name} on ${wiredAt(spec)}`),
    slider({ id: `part-${spec.id}-t`, label: 'Temperature', min: -20, max: 60, step: 0.1, value: 22, unit: '°C', send: (v) => send('temperatureC', v) }),
    slider({ id: `part-${spec.id}-h`, label: 'Humidity', min: 0, max: 100, step: 0.5, value: 50, unit: '%', send: (v) => send('humidity', v) }),
  );
  return { element, update: () => undefined };
}
