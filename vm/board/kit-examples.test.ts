// Every example of resources/examples/kit runs on the simulated board for a few (virtual)
// seconds, wired as its wiring.json says, and its output and the parts' states are checked:
// the examples are what a student tries first, so each must do what it does on a real board.
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoardHarness } from './testing/board-harness';
import { pico } from './profiles/pico';
import { circuitpythonRp2040 } from './profiles/circuitpython-rp2040';
import { makeBoardVm } from '../host/board-vm';
import { FolderFs } from '../host/folder-fs';
import type { SimStateChange } from './sim/sim-board';
import type { PartSpec } from './sim/parts/part';

const DIR = join(__dirname, '..', '..', 'resources', 'examples', 'kit');

interface Entry {
  id: string;
  title: string;
  flavour: 'micropython' | 'circuitpython';
  main: string;
}
const INDEX = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { examples: Entry[] };

interface Run {
  out: string;
  lines: string[];
  states: SimStateChange[];
  h: BoardHarness;
}

/**
 * Copies the example into a fresh board folder, wires it, sets the panel's controls (`before`),
 * powers on, and interrupts after `ms` of virtual time; `during` plays the student's part.
 */
function run(id: string, ms: number, during?: (t: number, h: BoardHarness) => void, before?: (h: BoardHarness) => void): Run {
  const entry = INDEX.examples.find((e) => e.id === id)!;
  const dir = mkdtempSync(join(tmpdir(), 'mote-kit-'));
  cpSync(join(DIR, id), dir, { recursive: true });
  const h = new BoardHarness(entry.flavour === 'circuitpython' ? circuitpythonRp2040 : pico, makeBoardVm, {}, new FolderFs(dir, 1024 * 1024));
  const wiring = JSON.parse(readFileSync(join(DIR, id, 'wiring.json'), 'utf8')) as { parts: PartSpec[] };
  h.board.applyInput({ kind: 'wiring', parts: wiring.parts });
  before?.(h);
  let stopped = false;
  h.host.onPoll = () => {
    const t = h.host.clock;
    during?.(t, h);
    if (t > ms && !stopped) {
      stopped = true;
      h.host.requestInterrupt();
    }
  };
  const out = h.powerOn();
  h.host.poll();
  return { out, lines: out.split('\r\n'), states: h.host.states, h };
}

const parts = (r: Run, id: string) => r.states.flatMap((s) => (s.kind === 'part' && s.id === id ? [s.state] : []));
const count = (lines: string[], re: RegExp) => lines.filter((l) => re.test(l)).length;

describe('resources/examples/kit', () => {
  it('lists every example folder once, each with its program and a valid wiring.json', () => {
    const folders = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(INDEX.examples.map((e) => e.id).sort()).toEqual(folders);
    expect(new Set(INDEX.examples.map((e) => e.title)).size).toBe(INDEX.examples.length);
    for (const e of INDEX.examples) {
      expect(readFileSync(join(DIR, e.id, e.main), 'utf8')).toMatch(/^# /);
      expect(JSON.parse(readFileSync(join(DIR, e.id, 'wiring.json'), 'utf8')).version).toBe(1);
    }
  });

  it('Blink toggles the LED every half second', () => {
    const r = run('blink', 3000);
    expect(count(r.lines, /^LED (on|off)$/)).toBe(6);
    const led = r.states.filter((s) => s.kind === 'led');
    expect(led.map((s) => (s.kind === 'led' ? s.on : null)).slice(0, 4)).toEqual([true, false, true, false]);
    expect(r.out).toContain('KeyboardInterrupt');
  });

  it('Button with IRQ counts two presses and toggles the LED twice', () => {
    const r = run('button-irq', 1500, (t, h) => {
      if (t > 300 && t < 310) h.board.applyInput({ kind: 'pin', pin: 'GP14', level: 0 });
      if (t > 400 && t < 410) h.board.applyInput({ kind: 'pin', pin: 'GP14', level: null });
      if (t > 700 && t < 710) h.board.applyInput({ kind: 'pin', pin: 'GP14', level: 0 });
      if (t > 800 && t < 810) h.board.applyInput({ kind: 'pin', pin: 'GP14', level: null });
    });
    expect(r.lines.filter((l) => l.startsWith('presses:'))).toEqual(['presses: 1', 'presses: 2']);
  });

  it('Potentiometer to plotter prints the voltage as 1-tuples', () => {
    const r = run(
      'potentiometer-plotter',
      1000,
      (t, h) => t > 500 && h.board.applyInput({ kind: 'adc', pin: 'GP26', volts: 3.3 }),
      (h) => h.board.applyInput({ kind: 'adc', pin: 'GP26', volts: 1.65 }),
    );
    const values = r.lines.filter((l) => l.startsWith('(')).map((l) => Number(l.slice(1, -2)));
    expect(values.length).toBeGreaterThanOrEqual(9);
    expect(values[0]).toBeCloseTo(1.65, 1);
    expect(values.at(-1)).toBe(3.3);
  });

  it('Temperature to plotter follows the room temperature slider', () => {
    const r = run('temperature-plotter', 2500, undefined, (h) => h.board.applyInput({ kind: 'sensor', temperatureC: 20 }));
    const temps = r.lines.filter((l) => l.startsWith('temperature:')).map((l) => Number(l.split(' ')[1]));
    expect(temps).toHaveLength(3);
    // the chip runs 4.5 °C above the room; a 12-bit ADC step is about 0.47 °C
    for (const t of temps) expect(Math.abs(t - 24.5)).toBeLessThan(0.6);
  });

  it('NeoPixel rainbow lights all 8 pixels with changing colours', () => {
    const r = run('neopixel-rainbow', 1000);
    const strips = r.states.filter((s) => s.kind === 'neopixel');
    expect(strips.length).toBeGreaterThanOrEqual(5);
    const last = strips.at(-1);
    expect(last?.kind === 'neopixel' && last.pin).toBe('GP28');
    expect(last?.kind === 'neopixel' && last.colors).toHaveLength(8);
    expect(JSON.stringify(strips[0])).not.toBe(JSON.stringify(last));
  });

  it('BME280 weather station finds the sensor and prints its readings', () => {
    const r = run('bme280-weather', 2500, undefined, (h) => h.board.applyInput({ kind: 'sensor', temperatureC: 18.5, humidity: 62, pressureHpa: 995 }));
    expect(r.lines).toContain("I2C devices: ['0x76']");
    expect(r.lines.filter((l) => l.startsWith('temperature:'))[0]).toBe('temperature: 18.5 pressure: 995.0 humidity: 62.0');
  });

  it('OLED hello shows the greeting and a bar graph of the potentiometer', () => {
    const r = run('oled-hello', 2000, undefined, (h) => h.board.applyInput({ kind: 'adc', pin: 'GP26', volts: 3.3 }));
    expect(r.lines).toContain('pot: 100');
    const oled = parts(r, 'oled').at(-1)!;
    expect(oled.on).toBe(true);
    const px = String(oled.pixels);
    const lit = (x: number, y: number) => (parseInt(px.substr(y * 32 + (x >> 3) * 2, 2), 16) >> (7 - (x & 7))) & 1;
    // "H" of "Hello" in the top-left corner: its two uprights in columns 1 and 5 (petme128 font)
    let upright = 0;
    for (let y = 0; y < 7; y++) upright += lit(1, y);
    expect(upright).toBeGreaterThanOrEqual(6);
    // the first bar is 40 px high (100 %), from y = 24 to the bottom
    let bar = 0;
    for (let y = 0; y < 64; y++) bar += lit(1, y) && y >= 20 ? 1 : 0;
    expect(bar).toBe(40);
  });

  it('DHT22 logger reads every 2 s and follows the sliders', () => {
    const r = run('dht22-logger', 4500, undefined, (h) => {
      h.board.applyInput({ kind: 'part', id: 'dht', name: 'temperatureC', value: -3.4 });
      h.board.applyInput({ kind: 'part', id: 'dht', name: 'humidity', value: 71.5 });
    });
    expect(r.lines.filter((l) => l.startsWith('temperature:'))).toEqual(Array(3).fill('temperature: -3.4 humidity: 71.5'));
  });

  it('Ultrasonic distance meter prints the slider distance within 1 %', () => {
    const r = run(
      'ultrasonic',
      1500,
      (t, h) => t > 700 && t < 720 && h.board.applyInput({ kind: 'part', id: 'sonar', name: 'distanceCm', value: 450 }),
      (h) => h.board.applyInput({ kind: 'part', id: 'sonar', name: 'distanceCm', value: 123 }),
    );
    const lines = r.lines.filter((l) => l.startsWith('distance:') || l === 'out of range');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const first = Number(lines[0].split(' ')[1]);
    expect(Math.abs(first - 123) / 123).toBeLessThan(0.01);
    expect(lines.at(-1)).toBe('out of range');
  });

  it('Servo sweep turns the horn from 0° to 180° and back', () => {
    const r = run('servo-sweep', 2500);
    const angles = parts(r, 'servo').map((s) => Number(s.angle));
    expect(Math.min(...angles)).toBe(0);
    expect(Math.max(...angles)).toBe(180);
    expect(r.lines).toContain('angle: 180');
  });

  it('Buzzer melody plays eight notes, then falls silent', () => {
    const r = run('buzzer-melody', 5000);
    expect(count(r.lines, /^note: /)).toBe(8);
    expect(r.lines).toContain('done');
    const freqs = parts(r, 'buzzer').filter((s) => s.sounding).map((s) => s.freq);
    expect(freqs).toContain(440);
    expect(parts(r, 'buzzer').at(-1)).toEqual({ sounding: false, freq: 0 });
  });

  it('Traffic light goes red, red+amber, green, amber', () => {
    const r = run('traffic-light', 8500);
    expect(r.lines.filter((l) => /^(red|red\+amber|green|amber)$/.test(l)).slice(0, 5)).toEqual(['red', 'red+amber', 'green', 'amber', 'red']);
  });

  it('Reaction game measures the time from LED to button press', () => {
    let litAt = -1;
    // the student reacts after 40 ms (busy-wait loops advance virtual time slowly)
    const r = run('reaction-game', 4500, (t, h) => {
      const led = h.board.hal.pinRead(25);
      if (led && litAt < 0) litAt = t;
      if (litAt >= 0 && t > litAt + 40 && t < litAt + 60) h.board.applyInput({ kind: 'pin', pin: 'GP14', level: 0 });
      if (litAt >= 0 && t >= litAt + 60) {
        h.board.applyInput({ kind: 'pin', pin: 'GP14', level: null });
        if (!led) litAt = -1;
      }
    });
    const times = r.lines.filter((l) => l.startsWith('reaction:')).map((l) => Number(l.split(' ')[1]));
    expect(times.length).toBeGreaterThanOrEqual(1);
    for (const ms of times) expect(Math.abs(ms - 40)).toBeLessThan(3);
  });

  it('asyncio two LEDs blink at their own rates', () => {
    const r = run('asyncio-two-leds', 3000);
    const onboard = count(r.lines, /^onboard /);
    const gp15 = count(r.lines, /^GP15 /);
    // toggles at 0, 500 .. 2500 ms and at 0, 300 .. 2700 ms
    expect(onboard).toBe(6);
    expect(gp15).toBe(10);
  });

  it('_thread two LEDs: core 1 blinks four times per core 0 blink (it starts at the first wait of core 0)', () => {
    const r = run('thread-two-leds', 3500);
    expect(r.lines.filter((l) => l.startsWith('core 0:'))).toEqual([
      'core 0: LED 1 core 1 blinks: 0',
      'core 0: LED 0 core 1 blinks: 4',
      'core 0: LED 1 core 1 blinks: 8',
      'core 0: LED 0 core 1 blinks: 12',
    ]);
    expect(r.states.filter((s) => s.kind === 'pin' && s.pin === 'GP15').length).toBeGreaterThanOrEqual(2);
  });

  it('PIO blink: the state machine toggles the LED every 80 ms for 3 s, then stops', () => {
    const r = run('pio-blink', 5000);
    expect(r.lines).toContain('stopped');
    const led = r.states.flatMap((s) => (s.kind === 'led' ? [s.on] : []));
    // 3 s / 80 ms = 37 edges; publication coalesces nothing at this rate (80 ms > 16 ms)
    const edges = led.filter((on, i) => i > 0 && on !== led[i - 1]).length;
    expect(edges).toBeGreaterThanOrEqual(33);
    expect(edges).toBeLessThanOrEqual(40);
    expect(led.at(-1)).toBe(r.h.board.hal.pinRead(25) === 1);
  });

  it('CircuitPython blink toggles board.LED', () => {
    const r = run('cp-blink', 2200);
    expect(count(r.lines, /^LED (on|off)$/)).toBe(5);
  });

  it('CircuitPython button counts presses', () => {
    const r = run('cp-button', 1000, (t, h) => {
      if (t > 200 && t < 210) h.board.applyInput({ kind: 'pin', pin: 'D5', level: 0 });
      if (t > 300 && t < 310) h.board.applyInput({ kind: 'pin', pin: 'D5', level: null });
    });
    expect(r.lines.filter((l) => l.startsWith('presses:'))).toEqual(['presses: 1']);
  });

  it('CircuitPython potentiometer prints the voltage', () => {
    const r = run('cp-potentiometer', 500, undefined, (h) => h.board.applyInput({ kind: 'adc', pin: 'A0', volts: 2.2 }));
    expect(r.lines.filter((l) => l.startsWith('(')).slice(0, 2)).toEqual(['(2.2,)', '(2.2,)']);
  });

  it('CircuitPython temperature prints the chip temperature', () => {
    const r = run('cp-temperature', 2500, undefined, (h) => h.board.applyInput({ kind: 'sensor', temperatureC: 25 }));
    expect(r.lines.filter((l) => l.startsWith('temperature:'))).toEqual(Array(3).fill('temperature: 29.5'));
  });

  it('CircuitPython NeoPixel rainbow cycles the colour wheel with rainbowio', () => {
    const r = run('cp-neopixel-rainbow', 1000);
    const colours = r.states.flatMap((s) => (s.kind === 'neopixel' ? [JSON.stringify(s.colors)] : []));
    expect(new Set(colours).size).toBeGreaterThanOrEqual(5);
    expect(r.out).not.toContain('Error');
  });
});
