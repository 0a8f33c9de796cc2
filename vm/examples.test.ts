// The example programs in resources/examples are what a newcomer runs first, so each must do
// what it would do on a real board: the plain-Python ones print exactly what MicroPython
// (WebAssembly) prints, and the hardware ones run on the simulated boards without an error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSyntax } from './compile/index';
import { makeBoardVm } from './host/board-vm';
import { BoardHarness } from './board/testing/board-harness';
import { pico } from './board/profiles/pico';
import { circuitpythonRp2040 } from './board/profiles/circuitpython-rp2040';
import { WASM_MODULE } from './host/testing/wasm-repl';
import { runProgram } from './tests/support';

type LoadMicroPython = (options: { stdout: (s: string | Uint8Array) => void; stderr: () => void; linebuffer: boolean }) => Promise<{ runPython(src: string): void }>;

const DIR = join(__dirname, '..', 'resources', 'examples');
const source = (name: string) => readFileSync(join(DIR, name), 'utf8');
/** Examples that need a board's hardware modules (machine, board, neopixel). */
const HARDWARE = new Set(['blink.py', 'button.py', 'temperature.py', 'code-circuitpython.py']);

async function micropython(src: string): Promise<string> {
  const { loadMicroPython } = (await import(WASM_MODULE)) as { loadMicroPython: LoadMicroPython };
  let out = '';
  const mp = await loadMicroPython({ stdout: (s: string | Uint8Array) => (out += typeof s === 'string' ? s : new TextDecoder().decode(s)), stderr: () => undefined, linebuffer: false });
  mp.runPython(src);
  return out;
}

describe('resources/examples', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.py'));

  it('has examples, all free of syntax errors', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(checkSyntax(source(f), f), f).toBeNull();
  });

  for (const f of files.filter((name) => !HARDWARE.has(name))) {
    it(`${f} prints what MicroPython prints`, async () => {
      const src = source(f);
      expect(runProgram(src)).toBe(await micropython(src));
    });
  }

  it('temperature.py runs on the simulated pico', () => {
    const h = new BoardHarness(pico, makeBoardVm, { 'main.py': source('temperature.py') });
    const out = h.powerOn();
    const readings = out.split('\r\n').filter((l) => l.startsWith('temperature:'));
    expect(readings).toHaveLength(20);
    expect(out).not.toMatch(/Traceback/);
  });

  it('code-circuitpython.py runs on the simulated CircuitPython board', () => {
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'code.py': source('code-circuitpython.py') });
    const out = h.powerOn();
    expect(out).toMatch(/done\r\n/);
    expect(out).not.toMatch(/Traceback/);
  });
});
