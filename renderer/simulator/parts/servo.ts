// A hobby servo drawn with its horn at the angle the PWM pulse sets.

import type { PartSpec } from '../../../shared/contracts/simulator';
import { picture, wiredAt, type PartDrawing, type PartView } from './part-drawing';

export function drawServo(spec: PartSpec): PartDrawing {
  const p = picture('sim-servo');
  return {
    element: p.element,
    update(view: PartView) {
      const angle = Number(view.state.angle ?? 90);
      p.figure.style.setProperty('--angle', `${angle - 90}deg`);
      p.figure.setAttribute('aria-label', `Servo ${wiredAt(spec)} at ${angle}°${view.state.driven ? '' : ', not driven'}`);
      p.caption.textContent = `Servo ${wiredAt(spec)}: ${angle}°`;
    },
  };
}
