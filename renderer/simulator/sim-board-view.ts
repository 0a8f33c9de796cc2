// Draws a simulated board in the Board panel: its LEDs (lit by level or PWM duty), NeoPixels,
// a pin table, and inputs a beginner can use without hardware: a push button on any input
// pin, a voltage slider on analog pins, and the temperature, humidity and pressure the sensors read.

import type { SimulatorInput } from '../../shared/contracts/simulator';
import { h } from '../app/dom';
import { BoardModel, ledBrightness, type PinView } from './board-model';

export type SimInput = SimulatorInput;

export class SimBoardView {
  readonly element = h('div', { class: 'sim-board' });
  private readonly leds = h('div', { class: 'sim-leds' });
  private readonly pixels = h('div', { class: 'sim-pixels' });
  private readonly inputs = h('div', { class: 'sim-inputs' });
  private readonly table = h('table', { class: 'sim-pins' });
  private inputKey = '';
  private frame = 0;
  private flavour: 'micropython' | 'circuitpython' = 'micropython';

  constructor(
    readonly model: BoardModel,
    private readonly send: (input: SimInput) => void,
  ) {
    const details = h('details', { class: 'sim-details' }, h('summary', {}, 'All pins'), this.table);
    // Inputs first: in a short panel they are what a beginner reaches for (lights show anyway).
    this.element.append(
      h('h3', { class: 'sim-heading' }, 'Inputs'),
      this.inputs,
      h('h3', { class: 'sim-heading' }, 'Lights'),
      this.leds,
      this.pixels,
      h('h3', { class: 'sim-heading' }, 'Sensor (BME280, internal temperature)'),
      this.sensorSlider('temperature', 'Room temperature', { min: -10, max: 45, step: 0.5, value: 22.5 }, '°C', (v) => ({ kind: 'sensor', temperatureC: v })),
      this.sensorSlider('humidity', 'Humidity', { min: 0, max: 100, step: 1, value: 45 }, '%', (v) => ({ kind: 'sensor', humidity: v })),
      this.sensorSlider('pressure', 'Air pressure', { min: 300, max: 1100, step: 1, value: 1013 }, 'hPa', (v) => ({ kind: 'sensor', pressureHpa: v })),
      details,
    );
  }

  /** Which Python the hints speak (CircuitPython boards use digitalio/analogio, not machine.Pin). */
  setFlavour(flavour: 'micropython' | 'circuitpython'): void {
    if (flavour === this.flavour) return;
    this.flavour = flavour;
    this.inputKey = '';
    this.renderInputs();
  }

  /** A slider for one environment value the simulated sensors read. */
  private sensorSlider(name: string, label: string, range: { min: number; max: number; step: number; value: number }, unit: string, input: (value: number) => SimInput): HTMLElement {
    const id = `sim-${name}`;
    const slider = h('input', { type: 'range', min: String(range.min), max: String(range.max), step: String(range.step), value: String(range.value), id });
    const shown = h('output', { for: id }, `${range.value} ${unit}`);
    slider.addEventListener('input', () => {
      shown.textContent = `${slider.value} ${unit}`;
      this.send(input(Number(slider.value)));
    });
    return h('div', { class: 'sim-slider' }, h('label', { for: id }, label), slider, shown);
  }

  /** Redraws on the next frame (changes can arrive hundreds of times a second). */
  update(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  render(): void {
    const leds = this.model.leds();
    this.leds.replaceChildren(
      ...(leds.length
        ? leds.map((p) => {
            const b = ledBrightness(p);
            const led = h('span', { class: 'sim-led', role: 'img', 'aria-label': `${p.name} LED: ${b === 0 ? 'off' : b === 1 ? 'on' : `${Math.round(b * 100)}% bright`}` });
            led.style.setProperty('--glow', String(b));
            return h('span', { class: 'sim-led-wrap' }, led, h('span', { class: 'sim-led-name', 'aria-hidden': 'true' }, p.name));
          })
        : [h('p', { class: 'hint' }, 'This board has no LEDs.')]),
    );
    this.pixels.replaceChildren(
      ...this.model.neopixelPins().map((p) =>
        h(
          'div',
          { class: 'sim-strip', role: 'img', 'aria-label': `NeoPixels on ${p.name}: ${p.neopixels.length} pixels` },
          ...p.neopixels.slice(0, 64).map(([r, g, b]) => {
            const px = h('span', { class: 'sim-pixel' });
            px.style.background = `rgb(${r}, ${g}, ${b})`;
            return px;
          }),
        ),
      ),
    );
    this.renderInputs();
    this.table.replaceChildren(
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Pin'), h('th', { scope: 'col' }, 'Mode'), h('th', { scope: 'col' }, 'Level'))),
      h('tbody', {}, ...this.model.all().map((p) => h('tr', {}, h('td', {}, p.name), h('td', {}, describeMode(p)), h('td', {}, p.mode === 'unused' ? '' : String(p.level))))),
    );
  }

  /** Inputs are rebuilt only when the set of input pins changes, so a held button stays held. */
  private renderInputs(): void {
    const pins = this.model.inputPins();
    const key = pins.map((p) => `${p.name}:${p.mode}:${p.pull}`).join(',');
    if (key === this.inputKey) return;
    this.inputKey = key;
    this.inputs.replaceChildren(
      ...(pins.length
        ? pins.map((p) => (p.mode === 'adc' ? this.slider(p) : this.button(p)))
        : [h('p', { class: 'hint' }, inputHint(this.flavour))]),
    );
  }

  private button(p: PinView): HTMLElement {
    // A button to ground on a pulled-up pin reads 0 when pressed; otherwise it drives the pin high.
    const pressed = p.pull === 'up' ? 'low' : 'high';
    const b = h('button', { type: 'button', class: 'btn sim-button', 'aria-pressed': 'false', title: 'Hold to press (mouse, Space or Enter)' }, `Button on ${p.name}`);
    const set = (down: boolean) => {
      if ((b.getAttribute('aria-pressed') === 'true') === down) return;
      b.setAttribute('aria-pressed', String(down));
      this.send({ kind: 'pin', pin: p.name, drive: down ? pressed : 'released' });
    };
    b.addEventListener('pointerdown', (e) => {
      b.setPointerCapture(e.pointerId);
      set(true);
    });
    b.addEventListener('pointerup', () => set(false));
    b.addEventListener('pointercancel', () => set(false));
    b.addEventListener('keydown', (e) => {
      if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
        e.preventDefault();
        set(true);
      }
    });
    b.addEventListener('keyup', (e) => {
      if (e.key === ' ' || e.key === 'Enter') set(false);
    });
    b.addEventListener('blur', () => set(false));
    return b;
  }

  private slider(p: PinView): HTMLElement {
    const id = `sim-adc-${p.name}`;
    const input = h('input', { type: 'range', min: '0', max: '3.3', step: '0.01', value: '0', id });
    const shown = h('output', { for: id }, '0.00 V');
    input.addEventListener('input', () => {
      shown.textContent = `${Number(input.value).toFixed(2)} V`;
      this.send({ kind: 'adc', pin: p.name, volts: Number(input.value) });
    });
    return h('div', { class: 'sim-slider' }, h('label', { for: id }, `Voltage on ${p.name}`), input, shown);
  }
}

/** How to get a button or a dial here, in the board's own Python. */
export function inputHint(flavour: 'micropython' | 'circuitpython'): string {
  return flavour === 'circuitpython'
    ? 'Make a pin an input (digitalio.DigitalInOut(board.D5), then .switch_to_input(pull=digitalio.Pull.UP)) or read analogio.AnalogIn(board.A0) to get a button or a dial here.'
    : 'Set a pin as an input (Pin(14, Pin.IN, Pin.PULL_UP)) or an ADC (ADC(26)) to get a button or a dial here.';
}

function describeMode(p: PinView): string {
  switch (p.mode) {
    case 'in':
      return p.pull ? `input, pull-${p.pull}` : 'input';
    case 'out':
      return 'output';
    case 'open-drain':
      return 'open drain';
    case 'pwm':
      return `PWM ${p.freq ?? '?'} Hz, ${Math.round((p.duty ?? 0) * 100)}%`;
    case 'adc':
      return 'analog in';
    case 'unused':
      return '—';
  }
}
