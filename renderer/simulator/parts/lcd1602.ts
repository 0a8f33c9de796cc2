// The LCD1602 drawn as its two 16-character lines on a green (backlit) or grey glass.

import type { PartSpec } from '../../../shared/contracts/simulator';
import { h } from '../../app/dom';
import { wiredAt, type PartDrawing, type PartView } from './part-drawing';

export function drawLcd1602(spec: PartSpec): PartDrawing {
  const line1 = h('div', { class: 'sim-lcd-line' });
  const line2 = h('div', { class: 'sim-lcd-line' });
  const glass = h('div', { class: 'sim-lcd', role: 'img' }, line1, line2);
  return {
    element: h('div', { class: 'sim-part' }, glass),
    update(view: PartView) {
      const on = view.state.on === true;
      const a = on ? String(view.state.line1 ?? '') : '';
      const b = on ? String(view.state.line2 ?? '') : '';
      line1.textContent = a;
      line2.textContent = b;
      glass.classList.toggle('backlit', view.state.backlight === true);
      glass.setAttribute('aria-label', `LCD ${wiredAt(spec)}: ${on ? `"${a.trimEnd()}" / "${b.trimEnd()}"` : 'off'}`);
    },
  };
}
