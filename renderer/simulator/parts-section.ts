// The Board panel's Parts section: each wired part drawn live (redrawn at most once a frame),
// a form to wire a new part to a pin or I2C address, and a Remove button per part. Changes
// go to the simulator and to wiring.json beside the program.

import { PART_TYPES, type PartSpec, type SimulatorInput } from '../../shared/contracts/simulator';
import { h } from '../app/dom';
import { guard } from '../app/errors';
import type { BoardModel } from './board-model';
import { drawPart, PART_CHOICES } from './parts/parts';
import type { PartDrawing } from './parts/part-drawing';
import { wiredAt } from './parts/part-drawing';
import { wiring } from './wiring';

export class PartsSection {
  readonly element = h('section', { class: 'sim-parts', 'aria-label': 'Parts' });
  private readonly list = h('div', { class: 'sim-part-list' });
  private readonly drawings = new Map<string, PartDrawing>();
  private frame = 0;

  constructor(
    private readonly model: BoardModel,
    private readonly send: (input: SimulatorInput) => void,
    private readonly notify: (message: string, level: 'info' | 'warning' | 'error') => void,
  ) {
    this.element.append(h('h3', { class: 'sim-heading' }, 'Parts'), this.list, this.addForm());
    wiring.onChange(() => this.rebuild());
    this.rebuild();
  }

  /** Redraws the parts' states on the next frame. */
  update(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      for (const view of this.model.parts()) this.drawings.get(view.id)?.update(view);
    });
  }

  private rebuild(): void {
    this.drawings.clear();
    const rows = wiring.parts.map((spec) => {
      const d = drawPart(spec, (name, value) => this.send({ kind: 'part', id: spec.id, name, value }));
      this.drawings.set(spec.id, d);
      const remove = h('button', { type: 'button', class: 'btn small', 'aria-label': `Remove ${spec.type} on ${wiredAt(spec)}` }, 'Remove');
      remove.addEventListener('click', guard('parts', () => wiring.set(wiring.parts.filter((p) => p.id !== spec.id), { save: true })));
      return h('div', { class: 'sim-part-row' }, d.element, remove);
    });
    this.list.replaceChildren(...(rows.length ? rows : [h('p', { class: 'hint' }, 'No parts wired. Add one below, or open an example from the Examples menu.')]));
    this.model.keepParts(wiring.parts.map((p) => p.id));
    this.update();
  }

  private addForm(): HTMLElement {
    const type = h('select', { id: 'sim-add-type' }, ...PART_CHOICES.map((c) => h('option', { value: c.type }, c.label)));
    const where = h('input', { id: 'sim-add-where', size: 10, placeholder: 'GP15 or 0x3C' });
    const trig = h('input', { id: 'sim-add-trig', size: 6, placeholder: 'GP3', hidden: true, 'aria-label': 'Trigger pin' });
    const sync = () => {
      const c = PART_CHOICES.find((x) => x.type === type.value)!;
      where.value = c.needs === 'address' ? `0x${(c.address ?? 0).toString(16).toUpperCase()}` : '';
      where.placeholder = c.needs === 'address' ? '0x3C' : c.needs === 'trig-echo' ? 'echo pin, GP2' : 'pin, GP15';
      trig.hidden = c.needs !== 'trig-echo';
    };
    type.addEventListener('change', sync);
    sync();
    const add = h('button', { type: 'submit', class: 'btn small' }, 'Add part');
    const form = h(
      'form',
      { class: 'sim-add-part' },
      h('label', { for: 'sim-add-type' }, 'Add a part'),
      type,
      h('label', { for: 'sim-add-where' }, 'at'),
      where,
      trig,
      add,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      try {
        const spec = this.specFrom(type.value, where.value.trim(), trig.value.trim());
        void wiring.set([...wiring.parts, spec], { save: true }).catch((err: unknown) => this.notify(`The wiring was not saved: ${(err as Error).message}`, 'warning'));
      } catch (err) {
        this.notify((err as Error).message, 'warning');
      }
    });
    return form;
  }

  private specFrom(typeName: string, where: string, trig: string): PartSpec {
    const type = PART_TYPES.find((t) => t === typeName);
    const choice = PART_CHOICES.find((c) => c.type === type);
    if (!type || !choice) throw new Error(`There is no part called ${typeName}.`);
    let n = 1;
    while (wiring.parts.some((p) => p.id === `${type}${n}`)) n++;
    const spec: PartSpec = { id: `${type}${n}`, type };
    if (choice.needs === 'address') {
      const address = Number(where);
      if (!/^(0x[0-9a-f]+|\d+)$/i.test(where) || address < 0x08 || address > 0x77) throw new Error(`An I2C address is 0x08 to 0x77 (like 0x3C), not "${where}".`);
      if (wiring.parts.some((p) => p.address === address)) throw new Error(`Another part already answers at I2C address ${where}.`);
      spec.address = address;
      return spec;
    }
    const pin = where.toUpperCase();
    if (!this.model.get(pin)) throw new Error(`This board has no pin called "${where}". Use a name from the pin table, like GP15.`);
    spec.pin = pin;
    if (choice.needs === 'trig-echo') {
      const t = trig.toUpperCase();
      if (!this.model.get(t)) throw new Error(`This board has no pin called "${trig}" for the trigger.`);
      spec.trig = t;
    }
    return spec;
  }
}
