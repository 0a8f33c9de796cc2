// What every part drawing is: an element for the Board panel, redrawn in place from the part's
// latest published state (so a slider being dragged keeps focus), and the panel's way to send
// a control's value to the simulated part.

import type { PartSpec, SimulatorChange } from '../../../shared/contracts/simulator';
import { h } from '../../app/dom';

export type PartView = Extract<SimulatorChange, { kind: 'part' }>;
/** Sends one control value of a part ('temperatureC', 'distanceCm', 'lux', 'on'). */
export type SendControl = (name: 'temperatureC' | 'humidity' | 'distanceCm' | 'lux' | 'on', value: number) => void;

export interface PartDrawing {
  readonly element: HTMLElement;
  update(view: PartView): void;
}

/** Where a part is wired, as people say it: "GP15", "I2C 0x3C", "TRIG GP3, ECHO GP2". */
export function wiredAt(spec: PartSpec): string {
  if (spec.address !== undefined) return `I2C 0x${spec.address.toString(16).toUpperCase()}`;
  if (spec.trig) return `TRIG ${spec.trig}, ECHO ${spec.pin ?? '?'}`;
  return spec.pin ?? '';
}

/** A labelled slider that sends its value as the user moves it (arrow keys work too). */
export function slider(o: { id: string; label: string; min: number; max: number; step: number; value: number; unit: string; send: (v: number) => void }): HTMLElement {
  const input = h('input', { type: 'range', min: String(o.min), max: String(o.max), step: String(o.step), value: String(o.value), id: o.id });
  const shown = h('output', { for: o.id }, `${o.value} ${o.unit}`);
  input.addEventListener('input', () => {
    shown.textContent = `${input.value} ${o.unit}`;
    o.send(Number(input.value));
  });
  return h('div', { class: 'sim-slider' }, h('label', { for: o.id }, o.label), input, shown);
}

/** A drawing that is only a picture with a name and text (servo, buzzer). */
export function picture(className: string): { element: HTMLElement; figure: HTMLElement; caption: HTMLElement } {
  const figure = h('div', { class: `sim-part-figure ${className}`, role: 'img' });
  const caption = h('span', { class: 'sim-part-caption', 'aria-hidden': 'true' });
  return { element: h('div', { class: 'sim-part' }, figure, caption), figure, caption };
}
