// A slide switch: a checkbox with the switch role (Space toggles it), drawn as a slider knob.

import type { PartSpec } from '../../../shared/contracts/simulator';
import { h } from '../../app/dom';
import { wiredAt, type PartDrawing, type PartView, type SendControl } from './part-drawing';

export function drawSlideSwitch(spec: PartSpec, send: SendControl): PartDrawing {
  const input = h('input', { type: 'checkbox', role: 'switch', id: `part-${spec.id}-on`, class: 'sim-switch' });
  input.addEventListener('change', () => send('on', input.checked ? 1 : 0));
  const element = h('div', { class: 'sim-part' }, h('label', { for: `part-${spec.id}-on` }, input, ` Slide switch on ${wiredAt(spec)}`));
  return {
    element,
    update(view: PartView) {
      if (document.activeElement !== input) input.checked = view.state.on === true;
    },
  };
}
